// Accepted by rule H13 of docs/rcpp.md.
#include "rt/rt.h"

class Cache : public rt::Object {
 public:
  bool empty = true;
};
void refill_cache(Cache* c) { c->empty = false; }
bool small(rt::Array<int64_t>* items, int64_t n) { return items->size() + n < 4; }
RT_JIT_LOOK_INSIDE_IFF(small) int64_t sum(rt::Array<int64_t>* items, int64_t n) { return items->size() + n; }
RT_JIT_ELIDABLE_PROMOTE("0,1") int64_t scaled(int64_t a, int64_t b) { return a * b; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::Str name = rt::jit::promote_string(rt::Str("x"));
  int64_t n = rt::jit::promote(argv->size());
  Cache* cache = rt::make<Cache>();
  rt::jit::conditional_call(cache->empty, &refill_cache, cache);
  return name.size() + n + sum(rt::make<rt::Array<int64_t>>(0, 0), 0) + scaled(1, 0) - 2;
}
