// Accepted by rule A7 of docs/rcpp.md.
#include "rt/rt.h"

double fma_free(double a, double b, double c) { return a * b + c; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  double inf = 1.0 / 0.0;
  return fma_free(1.0, 2.0, 3.0) < inf ? 0 : 1;
}
