// Shared definitions of the low-level helpers (namespace rtll, docs/lowlevel.md "rt containers
// and strings: RC++ helpers"). The helpers are RC++: `rtoolchain check` checks them, the front
// end turns them into graphs, and host mode compiles them as ordinary C++.
#pragma once

#include <cstdint>

#include "rt/lowlevel.h"
#include "rt/rt.h"

namespace rtll {

// A string at the low level: its bytes, never null (the empty string is a zero-length array)
// and never changed once the helper that builds it returns.
using Bytes = rt::Array<int8_t>;

namespace detail {

// IndexError("<what> <index> out of range for size <size>"), rt's message.
[[noreturn]] void raise_index_error(rt::Str what, int64_t index, int64_t size);
// Raises the IndexError above unless 0 <= index < size.
void check_index(rt::Str what, int64_t index, int64_t size);
// A zero-length string.
Bytes* empty_bytes();
// The bytes as an rt::Str, for exception messages (the only rt::Str the helpers make).
rt::Str to_message(Bytes* text);

}  // namespace detail
}  // namespace rtll
