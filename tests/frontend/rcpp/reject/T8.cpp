// Rejected by rule T8 of docs/rcpp.md.
#include "rt/rt.h"

const char* keyword() { return "while"; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  const char* kw = "while";
  (void)kw;
  return 0;
}
