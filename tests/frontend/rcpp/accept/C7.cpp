// Accepted by rule C7 of docs/rcpp.md.
#include "rt/rt.h"

class Shape : public rt::Object {
 public:
  explicit Shape(double area) : area(area) {}
  virtual rt::Str name() const = 0;
  double area;
  rt::Str label;
};
class Square : public Shape {
 public:
  explicit Square(double side) : Shape(side * side), side(side) {}
  rt::Str name() const override { return "square"; }
  double side;
};
Shape* make_square(double side) {
  Square* s = rt::make<Square>(side);
  s->label = s->name();
  return s;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  return make_square(2.0)->label.size() > 100 ? 1 : 0;
}
