// Accepted by rule P6 of docs/rcpp.md.
#include "rt/rt.h"

#pragma once
[[noreturn]] void bad_opcode(int64_t op) {
  throw rt::make<rt::RuntimeError>(rt::Str("bad opcode ") + rt::Str::from_int(op));
}
[[nodiscard]] int64_t twice(int64_t x) { return x * 2; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  [[maybe_unused]] int64_t unused = 0;
  switch (argv->size()) {
    case 100:
      bad_opcode(1);
    case 1:
      [[fallthrough]];
    default:
      break;
  }
  return twice(0);
}
