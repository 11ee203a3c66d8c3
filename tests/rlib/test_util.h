// Helpers shared by the rt unit tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "rt/str.h"

// Failure messages show rt::Str values as quoted text instead of "{?}".
namespace Catch {
template <>
struct StringMaker<rt::Str> {
  static std::string convert(const rt::Str& s) { return "\"" + std::string(s.view()) + "\""; }
};
}  // namespace Catch
