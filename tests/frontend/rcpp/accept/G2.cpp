// Accepted by rule G2 of docs/rcpp.md.
#include "rt/rt.h"

class Value : public rt::Object {};
Value* g_none = nullptr;
Value* none() { return g_none; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  g_none = rt::make<Value>();
  return none() == nullptr ? 1 : 0;
}
