// Rejected by rule T9 of docs/rcpp.md.
#include "rt/rt.h"

void emit(rt::StrBuilder sb, int64_t v) { (void)v; }
rt::StrBuilder make_builder() { return rt::StrBuilder(); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
