// Rejected by rule T3 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  float ratio = 0.5f;
  long double big = 1e300L;
  (void)big;
  return ratio > 1.0 ? 1 : 0;
}
