// Accepted by rule P1 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
