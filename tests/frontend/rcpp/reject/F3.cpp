// Rejected by rule F3 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  auto adder = [](int64_t x) { return x + 1; };
  return adder(-1);
}
