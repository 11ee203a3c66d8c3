// Accepted by rule T5 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {
 public:
  Frame* parent = nullptr;
  int64_t count = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Frame* frame = rt::make<Frame>();
  const Frame* view = frame;
  frame->count = frame->count + 1;
  return view->parent == nullptr ? 0 : 1;
}
