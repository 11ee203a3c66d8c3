// Rejected by rule S3 of docs/rcpp.md.
#include "rt/rt.h"

enum class Op : int64_t { kPush, kAdd };
int64_t arity(Op op) {
  switch (op) {
    case Op::kPush: return 1;
    case Op::kAdd: return 0;
  }
}
int64_t sign(int64_t x) {
  if (x > 0) return 1;
  else if (x < 0) return -1;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
