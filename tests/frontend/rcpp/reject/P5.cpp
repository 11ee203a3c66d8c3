// Rejected by rule P5 of docs/rcpp.md.
#include "rt/rt.h"

int64_t fast_add(int64_t a, int64_t b);

int64_t rt_main(rt::List<rt::Str>* argv) {
  return fast_add(argv->size(), 1) > 100 ? 1 : 0;
}
