// Rejected by rule E4 of docs/rcpp.md.
#include "rt/rt.h"

int64_t advance(int64_t x) { return x + 1; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t pos = 0;
  while (pos = advance(pos), pos < 10) {
  }
  return pos > 100 ? 1 : 0;
}
