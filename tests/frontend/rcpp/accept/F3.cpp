// Accepted by rule F3 of docs/rcpp.md.
#include "rt/rt.h"

int64_t add_one(int64_t x) { return x + 1; }
class Adder : public rt::Object {
 public:
  explicit Adder(int64_t n) : n(n) {}
  virtual int64_t apply(int64_t x) const { return x + n; }
  const int64_t n;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t (*f)(int64_t) = &add_one;
  Adder* a = rt::make<Adder>(1);
  return f(-1) + a->apply(-1);
}
