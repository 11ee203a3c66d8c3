// Rejected by rule A8 of docs/rcpp.md.
#include "rt/rt.h"

int64_t truncate(double d) { return static_cast<int64_t>(d); }
int64_t implicit(double d) { return d; }
int32_t scaled(double d) { return (int32_t)(d * 100.0); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
