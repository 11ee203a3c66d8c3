// Rejected by rule T2 of docs/rcpp.md.
#include <cstddef>
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  size_t n = 0;
  unsigned char b = 0;
  short s = 0;
  unsigned long long big = 0;
  return static_cast<int64_t>(n + b + s + big);
}
