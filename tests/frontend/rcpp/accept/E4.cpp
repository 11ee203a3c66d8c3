// Accepted by rule E4 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t total = 0;
  for (int64_t i = 0, j = 9; i < j; ++i, --j) total = total + j - i;
  return total > 100 ? 1 : 0;
}
