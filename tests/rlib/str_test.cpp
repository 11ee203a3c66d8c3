#include <catch2/catch.hpp>

#include "rt/rt.h"

TEST_CASE("Str basics", "[str]") {
  rt::Str s = "hello";
  CHECK(s.size() == 5);
  CHECK(s.at(1) == 'e');
  CHECK_THROWS_AS(s.at(5), rt::IndexError*);
  CHECK(rt::Str::from_double(0.1) == "0.1");
}
