// Rejected by rule M2 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {
 public:
  int64_t pc = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Frame* frame = rt::make<Frame>();
  Frame* next = frame + 1;
  Frame* first = frame[0].pc == 0 ? frame : nullptr;
  int64_t pc = (*frame).pc;
  return (next == first) + pc;
}
