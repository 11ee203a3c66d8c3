// Rejected by rule M5 of docs/rcpp.md.
#include "rt/rt.h"

class Value : public rt::Object {};
class Int : public Value {
 public:
  int64_t value = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Value* v = rt::make<Int>();
  Int* a = static_cast<Int*>(v);
  Int* b = (Int*)v;
  auto bits = reinterpret_cast<int64_t>(v);
  const Int* c = a;
  const_cast<Int*>(c)->value = 1;
  return a == b ? static_cast<int64_t>(bits != 0) : 0;
}
