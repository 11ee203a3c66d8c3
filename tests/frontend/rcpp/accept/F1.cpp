// Accepted by rule F1 of docs/rcpp.md.
#include "rt/rt.h"

namespace lang {
int64_t my_helper() { return 0; }
int64_t length(rt::Str s) { return s.size(); }
int64_t length(rt::List<rt::Str>* l, int64_t extra = 0) { return l->size() + extra; }
}  // namespace lang

int64_t rt_main(rt::List<rt::Str>* argv) {
  return lang::my_helper() + lang::length(rt::Str("")) + (lang::length(argv) > 100 ? 1 : 0);
}
