// Rejected by rule P3 of docs/rcpp.md.
#include <cstdint>
#include <limits>
#include <algorithm>
#include "rt/rt.h"

int64_t biggest(int64_t a, int64_t b) { return std::max(a, b); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t n = 0;
  for (auto x : {1, 2, 3}) n = n + x;
  return biggest(n, argv->size()) > 100 ? 1 : 0;
}
