// Accepted by rule H11 of docs/rcpp.md.
#include "rt/rt.h"

class RT_IMMUTABLE_CLASS Code : public rt::Object {
 public:
  Code(rt::Str name, rt::Array<int64_t>* ops) : name(name), ops(ops) {}
  rt::Str name;
  RT_IMMUTABLE_ITEMS rt::Array<int64_t>* ops;
};
class Function : public rt::Object {
 public:
  explicit Function(rt::Str n) : name(n) { name = name + "!"; }
  RT_IMMUTABLE rt::Str name;
  RT_QUASI_IMMUTABLE int64_t version = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Code* c = rt::make<Code>("f", rt::make<rt::Array<int64_t>>(1, 0));
  Function* f = rt::make<Function>(c->name);
  f->version = f->version + 1;
  return f->name.size() - 2;
}
