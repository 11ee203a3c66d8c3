// Rejected by rule H3 of docs/rcpp.md.
#include "rt/rt.h"

class Code : public rt::Object {
 public:
  int64_t length = 3;
};
class Frame : public rt::Object {
 public:
  int64_t steps = 0;
};

constinit rt::jit::JitDriver<rt::jit::Greens<int64_t, Code*>, rt::jit::Reds<Frame*>> driver{"tiny"};
int64_t run(Code* code, Frame* frame) {
  int64_t pc = 0;
  int64_t steps = 0;
  while (true) {
    driver.jit_merge_point(pc, code, frame);
    steps = steps + 1;
    if (pc >= code->length) return steps;
    pc = pc + 1;
  }
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  return run(rt::make<Code>(), rt::make<Frame>()) - 4;
}
