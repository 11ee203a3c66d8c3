// Rejected by rule G2 of docs/rcpp.md.
#include "rt/rt.h"

class Value : public rt::Object {};
Value* none() {
  static Value* instance = rt::make<Value>();
  return instance;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  return none() == nullptr ? 1 : 0;
}
