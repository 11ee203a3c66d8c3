// Accepted by rule T1 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {};
int64_t op_add(Frame* f) { return f == nullptr ? 0 : 1; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  auto count = int64_t{0};
  char c = 'x';
  Frame* frame = rt::make<Frame>();
  int64_t (*handler)(Frame*) = &op_add;
  rt::Str name = "x";
  return handler(frame) + count + (c == 'y' ? 1 : 0) + name.size() - 2;
}
