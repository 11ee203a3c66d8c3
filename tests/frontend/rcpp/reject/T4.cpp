// Rejected by rule T4 of docs/rcpp.md.
#include "rt/rt.h"

enum Color { kRed, kGreen };

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t n = argv->size();
  Color c = static_cast<Color>(n);
  return c == kRed ? 0 : 1;
}
