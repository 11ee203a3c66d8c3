// Shared by the blackhole's source files.
#pragma once

#include <string>

namespace rtoolchain::jit {

// A broken invariant of the jitcodes or of the caller: reported as a toolchain bug, then abort.
[[noreturn]] void blackhole_fatal(const char* what, const std::string& detail);

// The fixed length of an instruction from its argcodes; -1 when it has a list (I R F).
constexpr int fixed_insn_length(const char* argcodes) {
  int n = 1;
  for (; *argcodes; ++argcodes) {
    switch (*argcodes) {
      case 'i': case 'r': case 'f': n += 1; break;
      case 'L': case 'd': case 'V': n += 2; break;
      case '>': ++argcodes; n += 1; break;
      default: return -1;
    }
  }
  return n;
}

}  // namespace rtoolchain::jit
