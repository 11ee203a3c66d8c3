// Helpers shared by the trace printer and parser (private to the run time).
#pragma once

#include <cctype>
#include <string>
#include <string_view>

#include "rtoolchain/jit/trace.h"

namespace rtoolchain::jit {

// A descr name the text can carry bare: letters, digits, '_', '.', ':' and '$'.
bool is_plain_descr_name(std::string_view name);
std::string_view descr_name(const DescrTable& descrs, TraceDescrKind kind, uint32_t index);
size_t descr_count(const DescrTable& descrs, TraceDescrKind kind);
// Shortest round-trip form, always with '.' or 'e'; ConstFloat(inf/-inf/nan) for the others.
std::string format_float(double value);

}  // namespace rtoolchain::jit
