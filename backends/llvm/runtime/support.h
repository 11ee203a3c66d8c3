// Internal to the runtime of translated code: conversions between rt's host representations and
// the low-level ones, and the bridge from rt's C++ exceptions to the pending exception.
#pragma once

#include <cstdint>

#include "runtime.h"
#include "rt/rt.h"

namespace rtx {

// A new GC byte array holding the text's bytes.
RtxStr* to_rtx(const rt::Str& text);
// The bytes as an rt::Str; a null string is the fatal null dereference, as in host mode.
rt::Str from_rtx(const RtxStr* s);
// Turns rt's C++ exception into translated code's pending exception.
void set_pending_from(rt::Exception* error);

// Runs f; an rt exception it throws becomes the pending exception and the result is R().
template <class F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (rt::Exception* error) {
    set_pending_from(error);
    if constexpr (!std::is_void_v<decltype(f())>) return decltype(f())();
  }
}

}  // namespace rtx
