// Rejected by rule F4 of docs/rcpp.md.
#include "rt/rt.h"

void log(rt::Str fmt, ...) { (void)fmt; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  log("x", 1, 2);
  return 0;
}
