// Rejected by rule P4 of docs/rcpp.md.
#include "rt/rt.h"

extern "C" int puts(const char*);

int64_t rt_main(rt::List<rt::Str>* argv) {
  if (__builtin_expect(argv->size() == 0, 0)) return 1;
  return 0;
}
