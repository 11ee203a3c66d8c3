// Rejected by rule A7 of docs/rcpp.md.
#pragma STDC FP_CONTRACT ON
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
