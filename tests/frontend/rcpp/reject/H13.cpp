// Rejected by rule H13 of docs/rcpp.md.
#include "rt/rt.h"

class Cache : public rt::Object {
 public:
  bool empty = true;
};
void refill_cache(Cache* c) { c->empty = false; }
bool small(int64_t n) { return n < 4; }
RT_JIT_LOOK_INSIDE_IFF(small) int64_t sum(rt::Array<int64_t>* items, int64_t n) { return items->size() + n; }
RT_JIT_ELIDABLE_PROMOTE("0,2") int64_t scaled(int64_t a, int64_t b) { return a * b; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::Str name = rt::jit::promote(rt::Str("x"));
  Cache* cache = rt::make<Cache>();
  void (*fn)(Cache*) = &refill_cache;
  rt::jit::conditional_call(cache->empty, fn, cache);
  return name.size() + sum(rt::make<rt::Array<int64_t>>(0, 0), 0) + scaled(1, 0) - 1;
}
