// Accepted by rule E3 of docs/rcpp.md.
#include "rt/rt.h"

int64_t get(rt::List<int64_t>* ops, int64_t i) { return ops->get(i); }
int64_t sum(int64_t a, int64_t b) { return a + b; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::List<int64_t>* ops = rt::make<rt::List<int64_t>>();
  ops->append(1);
  ops->append(2);
  int64_t pc = 0;
  int64_t op = get(ops, pc++);
  int64_t first = get(ops, pc);
  pc = 0;
  int64_t both = sum(pc++, pc);
  return op + first + both > 100 ? 1 : 0;
}
