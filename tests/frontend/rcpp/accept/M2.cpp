// Accepted by rule M2 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t n = 0;
  for (auto v : *argv) n = n + v.size();
  return argv->size() > 100 ? 1 : 0;
}
