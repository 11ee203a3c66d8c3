// Accepted by rule S3 of docs/rcpp.md.
#include "rt/rt.h"

enum class Op : int64_t { kPush, kAdd };
[[noreturn]] void fail() { throw rt::make<rt::RuntimeError>("bad"); }
int64_t arity(Op op) {
  switch (op) {
    case Op::kPush: return 1;
    case Op::kAdd: return 0;
  }
  throw rt::make<rt::RuntimeError>("bad opcode");
}
int64_t sign(int64_t x) {
  if (x > 0) return 1;
  if (x < 0) return -1;
  fail();
}
int64_t loop(int64_t x) {
  while (true) {
    if (x > 10) return x;
    x = x + 1;
  }
}
int64_t pick(int64_t x) {
  switch (x) {
    case 0: return 1;
    default: return 2;
  }
}
int64_t guarded(int64_t x) {
  try {
    return x;
  } catch (rt::Exception* e) {
    throw e;
  }
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  return arity(Op::kAdd) + sign(1) + loop(0) + pick(0) + guarded(0) > 100 ? 1 : 0;
}
