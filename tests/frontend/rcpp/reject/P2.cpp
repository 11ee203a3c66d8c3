// Rejected by rule P2 of docs/rcpp.md.
#include <vector>
#include <cmath>
#include <stdio.h>
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
