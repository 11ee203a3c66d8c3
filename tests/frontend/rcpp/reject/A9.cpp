// Rejected by rule A9 of docs/rcpp.md.
#include "rt/rt.h"

bool nonzero(double ratio) {
  if (ratio) return true;
  return !ratio;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
