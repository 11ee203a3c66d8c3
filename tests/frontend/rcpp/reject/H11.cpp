// Rejected by rule H11 of docs/rcpp.md.
#include "rt/rt.h"

class Code : public rt::Object {
 public:
  RT_IMMUTABLE rt::Str name;
  RT_IMMUTABLE_ITEMS int64_t count = 0;
  void rename(rt::Str n) { name = n; }
};
class Base : public rt::Object {
 public:
  int64_t hits = 0;
};
class RT_IMMUTABLE_CLASS Leaf : public Base {
 public:
  int64_t value = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Code* c = rt::make<Code>();
  c->rename("x");
  Leaf* l = rt::make<Leaf>();
  l->value = 2;
  return 0;
}
