// Accepted by rule M1 of docs/rcpp.md.
#include "rt/rt.h"

using Handler = int64_t (*)(int64_t);
int64_t op_invalid(int64_t x) { return x; }
int64_t op_add(int64_t x) { return x + 1; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::Array<Handler>* table = rt::make<rt::Array<Handler>>(2, &op_invalid);
  table->set(1, &op_add);
  table->set(0, op_invalid);
  return table->get(1)(-1);
}
