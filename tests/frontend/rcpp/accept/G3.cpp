// Accepted by rule G3 of docs/rcpp.md.
#include "rt/rt.h"

int64_t g_depth = 0;

int64_t rt_main(rt::List<rt::Str>* argv) {
  return g_depth;
}
