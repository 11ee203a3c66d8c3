// Accepted by rule C3 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {
 public:
  explicit Frame(Frame* parent) : parent(parent) {}
  Frame* parent;
  int64_t pc = 0;
};
class Interp : public rt::Object {
 public:
  Frame* top = nullptr;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Frame* f = rt::make<Frame>(nullptr);
  Interp* in = rt::make<Interp>();
  in->top = f;
  return in->top->pc;
}
