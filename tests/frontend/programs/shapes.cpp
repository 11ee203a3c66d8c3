// A small RC++ program exercising classes, virtual calls, containers and exceptions: a subject
// for the front end's tests.
#include "rt/rt.h"

class Shape : public rt::Object {
 public:
  virtual int64_t area() const = 0;
  virtual rt::Str name() const { return "shape"; }
};

class Rect : public Shape {
 public:
  Rect(int64_t w, int64_t h) : width_(w), height_(h) {}
  int64_t area() const override { return rt::ovf_mul(width_, height_); }
  rt::Str name() const override { return "rect"; }

 private:
  const int64_t width_ = 0;
  const int64_t height_ = 0;
};

class Square : public Rect {
 public:
  explicit Square(int64_t side) : Rect(side, side) {}
  rt::Str name() const override { return "square"; }
};

int64_t total_area(rt::List<Shape*>* shapes) {
  int64_t total = 0;
  for (Shape* shape : *shapes) total = rt::ovf_add(total, shape->area());
  return total;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  auto* shapes = rt::make<rt::List<Shape*>>();
  shapes->append(rt::make<Rect>(2, 3));
  shapes->append(rt::make<Square>(4));
  auto* counts = rt::make<rt::Dict<rt::Str, int64_t>>();
  for (Shape* shape : *shapes) counts->set(shape->name(), counts->get_or(shape->name(), 0) + 1);
  rt::print_line(rt::Str("total ") + rt::Str::from_int(total_area(shapes)));
  try {
    shapes->append(rt::make<Square>(INT64_MAX));
    total_area(shapes);
  } catch (rt::OverflowError* e) {
    rt::print_line(rt::Str("overflow: ") + e->message);
  }
  return argv->size() > 2 ? 1 : 0;  // the test runner passes one argument
}
