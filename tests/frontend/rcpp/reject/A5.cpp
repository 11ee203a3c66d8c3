// Rejected by rule A5 of docs/rcpp.md.
#include "rt/rt.h"

int64_t big() { return 1 << 40; }
int64_t shift(int64_t x, int64_t n) { return x << n; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
