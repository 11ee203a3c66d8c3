// Rejected by rule M1 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {
 public:
  int64_t pc = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Frame* frame = rt::make<Frame>();
  auto p = &frame->pc;
  int64_t result = 0;
  auto q = &result;
  (void)p;
  (void)q;
  return 0;
}
