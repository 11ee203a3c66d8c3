// Rejected by rule P6 of docs/rcpp.md.
#include "rt/rt.h"

#pragma clang optimize off
__attribute__((always_inline)) inline int64_t twice(int64_t x) { return x * 2; }
[[noreturn]] void fail() { rt::print_error("x\n"); }
int64_t grab(int64_t x) { return ({ int64_t y = x; y + 1; }); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  if (argv->size() > 100) fail();
  return twice(grab(0)) > 100 ? 1 : 0;
}
