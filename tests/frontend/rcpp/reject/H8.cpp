// Rejected by rule H8 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {};
RT_JIT_LOOP_INVARIANT Frame* frame_at(int64_t depth) { return depth == 0 ? nullptr : rt::make<Frame>(); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return frame_at(0) == nullptr ? 0 : 1;
}
