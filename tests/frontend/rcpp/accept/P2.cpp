// Accepted by rule P2 of docs/rcpp.md.
#include <cstdint>
#include <limits>
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
