// Accepted by rule C2 of docs/rcpp.md.
#include "rt/rt.h"

class Value : public rt::Object {
 public:
  virtual int64_t tag() const { return 0; }
};
class Callable : public Value {
 public:
  virtual int64_t call(int64_t x) = 0;
};
class Builtin final : public Callable {
 public:
  int64_t call(int64_t x) override { return x + 1; }
  int64_t tag() const override { return 2; }
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Callable* c = rt::make<Builtin>();
  return c->call(-1) + c->tag() - 2;
}
