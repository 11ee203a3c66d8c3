// Rejected by rule A4 of docs/rcpp.md.
#include "rt/rt.h"

int64_t quotient(int64_t a, int64_t b) { return a / b; }
int64_t remainder(int64_t a, int64_t b) { return a % b; }
int64_t flip(int64_t x) { return x / -1; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
