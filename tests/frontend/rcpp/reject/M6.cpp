// Rejected by rule M6 of docs/rcpp.md.
#include "rt/rt.h"

class Value : public rt::Object {};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Value* a = rt::make<Value>();
  Value* b = rt::make<Value>();
  if (a < b) return 1;
  return 0;
}
