// Rejected by rule H5 of docs/rcpp.md.
#include "rt/rt.h"

RT_JIT_ELIDABLE RT_JIT_UNROLL_SAFE int64_t sum(rt::Array<int64_t>* a) { return a->size(); }
RT_JIT_DONT_LOOK_INSIDE RT_JIT_UNROLL_SAFE int64_t count(rt::Array<int64_t>* a) { return a->size(); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return sum(rt::make<rt::Array<int64_t>>(0, 0)) + count(rt::make<rt::Array<int64_t>>(0, 0));
}
