// Rejected by rule H2 of docs/rcpp.md.
#include "rt/rt.h"

class Code : public rt::Object {
 public:
  int64_t length = 3;
};
class Frame : public rt::Object {
 public:
  int64_t steps = 0;
};

struct Pos {
  int64_t line = 0;
};
rt::jit::JitDriver<rt::jit::Greens<int64_t, Code*>, rt::jit::Reds<Frame*>> driver{"tiny"};
constinit rt::jit::JitDriver<rt::jit::Greens<Pos>, rt::jit::Reds<Frame*>> by_pos{"pos"};
constinit rt::jit::JitDriver<rt::jit::Greens<int64_t, Code*>, rt::jit::Reds<Frame*>> calls{"calls"};
int64_t run(Code* code, Frame* frame) {
  int64_t pc = 0;
  while (true) {
    driver.jit_merge_point(pc, code, frame);
    if (pc >= code->length) return pc;
    pc = pc + 1;
  }
}
int64_t run_again(Code* code, Frame* frame) {
  int64_t pc = 0;
  while (true) {
    driver.jit_merge_point(pc, code, frame);
    if (pc >= code->length) return pc;
    pc = pc + 1;
  }
}
int64_t call(Code* code, Frame* frame) {
  int64_t pc = 0;
  while (true) {
    calls.jit_merge_point(pc, code, frame);
    if (pc >= code->length) return pc;
    if (pc == 1) call(code, rt::make<Frame>());
    pc = pc + 1;
  }
}
void local_driver() {
  rt::jit::JitDriver<rt::jit::Greens<int64_t>, rt::jit::Reds<Frame*>> d{"local"};
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  return run(rt::make<Code>(), rt::make<Frame>()) + run_again(rt::make<Code>(), rt::make<Frame>()) + call(rt::make<Code>(), rt::make<Frame>()) - 9;
}
