// Support of the low-level helpers (rlib/ll, namespace rtll; docs/lowlevel.md): the marking of
// helper functions, and the externals for what RC++ cannot express.
//
// The helpers implement the rt containers and strings in RC++ over low-level representations
// (a string is an rt::Array<int8_t>*, never null and never mutated after it is built). Two
// conversions need the C++ library (shortest round-trip formatting and correctly rounded parsing
// of doubles); they are external functions, implemented by the runtime with rt::Str's own code,
// so they agree with rt::Str::from_double / to_double byte for byte in every mode.
#pragma once

#include <cstdint>

#include "rt/library_ops.h"
#include "rt/list.h"

// Marks a low-level helper: its definitions (explicit template instantiations included) in a
// target's `helper_source` files are roots of the front end's reachability, beside the entry
// point, so their graphs join every program built with them (docs/targets.md).
#if defined(__clang__)
#define RT_LL_HELPER [[clang::annotate("rt.ll_helper")]]
#else
#define RT_LL_HELPER
#endif

namespace rt::ll {

// The text rt::Str::from_double gives, as a new byte array.
RT_OP(ll_format_double) Array<int8_t>* format_double(double value);
// The value rt::Str::to_double gives for these bytes; ValueError("invalid float literal: '…'")
// when malformed.
RT_OP(ll_parse_double) double parse_double(Array<int8_t>* text);

// The runtime functions the rtyper's generated array helpers call when a check fails
// (docs/rtyper.md, "Arrays"): rt::Array's exceptions and messages. The rtyper declares them as
// externals of the low-level program; graph mode calls these, and so will the backend.
[[noreturn]] void array_index_error(int64_t index, int64_t size);
[[noreturn]] void array_assignment_index_error(int64_t index, int64_t size);
// rt::Array's constructor's checks: ValueError when negative, MemoryError when too large.
void check_array_size(int64_t count);

}  // namespace rt::ll
