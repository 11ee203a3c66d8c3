// Accepted by rule C6 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {
 public:
  Frame(int64_t code, Frame* parent) : code(code), parent(parent), locals(rt::make<rt::Array<int64_t>>(code, 0)) {}
  explicit Frame(int64_t code) : Frame(code, nullptr) {}
  int64_t code;
  Frame* parent;
  rt::Array<int64_t>* locals;
  int64_t pc = 0;
  rt::Str name;
};
class Span : public rt::Object {
 public:
  explicit Span(int64_t n) : end(n), start(0) {}
  int64_t end;
  int64_t start;
  int64_t length = end - start;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Frame* f = rt::make<Frame>(2);
  Span* s = rt::make<Span>(3);
  return f->pc + s->length - 3;
}
