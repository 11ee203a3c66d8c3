// Rejected by rule S2 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t n = 0;
retry:
  n = n + 1;
  if (n < 3) goto retry;
  return 0;
}
