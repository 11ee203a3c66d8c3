// Accepted by rule M6 of docs/rcpp.md.
#include "rt/rt.h"

class Value : public rt::Object {
 public:
  int64_t id = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Value* a = rt::make<Value>();
  Value* b = rt::make<Value>();
  if (a == b || a->id < b->id) return 1;
  return a != nullptr ? 0 : 1;
}
