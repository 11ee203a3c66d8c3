// Rejected by rule C7 of docs/rcpp.md.
#include "rt/rt.h"

class Shape : public rt::Object {
 public:
  Shape() { label = name(); }
  virtual rt::Str name() const = 0;
  rt::Str label;
};
class Square : public Shape {
 public:
  Square() : Shape() { setup(); }
  void setup() { label = name(); }
  rt::Str name() const override { return "square"; }
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Shape* s = rt::make<Square>();
  return s->label.size() > 100 ? 1 : 0;
}
