// Accepted by rule H9 of docs/rcpp.md.
#include "rt/rt.h"

class RT_VIRTUALIZABLE PyFrame : public rt::Object {
 public:
  RT_VABLE_FIELD int64_t depth = 0;
};
void push(PyFrame* f) {
  PyFrame* fr = rt::jit::access_directly(f);
  fr->depth = fr->depth + 1;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  push(rt::make<PyFrame>());
  return 0;
}
