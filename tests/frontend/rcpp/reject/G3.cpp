// Rejected by rule G3 of docs/rcpp.md.
#include "rt/rt.h"

thread_local int64_t depth = 0;

int64_t rt_main(rt::List<rt::Str>* argv) {
  return depth;
}
