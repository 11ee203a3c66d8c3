// Accepted by rule M3 of docs/rcpp.md.
#include "rt/rt.h"

enum class Op : int64_t { kPush, kAdd };
constexpr int64_t stack_effect(Op op) {
  switch (op) {
    case Op::kPush: return 1;
    case Op::kAdd: return -1;
    default: return 0;
  }
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::Array<int64_t>* regs = rt::make<rt::Array<int64_t>>(16, 0);
  return regs->get(0) + stack_effect(Op::kPush) - 1;
}
