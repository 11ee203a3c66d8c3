// Rejected by rule E3 of docs/rcpp.md.
#include "rt/rt.h"

int64_t get(rt::List<int64_t>* ops, int64_t i) { return ops->get(i); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::List<int64_t>* ops = rt::make<rt::List<int64_t>>();
  ops->append(1);
  ops->append(2);
  int64_t pc = 0;
  int64_t off = get(ops, pc++) - get(ops, pc);
  int64_t i = 0;
  int64_t x = i++ * i;
  return off + x > 100 ? 1 : 0;
}
