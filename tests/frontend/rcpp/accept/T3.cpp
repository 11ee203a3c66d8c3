// Accepted by rule T3 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  double ratio = 0.5;
  return ratio > 1.0 ? 1 : 0;
}
