// Rejected by rule H4 of docs/rcpp.md.
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
  while (true) {
    driver.jit_merge_point(pc, code, frame);
    if (pc >= code->length) return pc;
    driver.can_enter_jit(pc + 1, code, frame);
    pc = pc + 1;
    continue;
  }
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  return run(rt::make<Code>(), rt::make<Frame>()) - 3;
}
