// Rejected by rule H6 of docs/rcpp.md.
#include "rt/rt.h"

class Map : public rt::Object {};
RT_JIT_ELIDABLE void fill_cache(Map* m) { (void)m; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  fill_cache(rt::make<Map>());
  return 0;
}
