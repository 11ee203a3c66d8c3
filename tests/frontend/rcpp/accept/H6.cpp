// Accepted by rule H6 of docs/rcpp.md.
#include "rt/rt.h"

class Map : public rt::Object {
 public:
  const int64_t size = 0;
};
RT_JIT_ELIDABLE int64_t size_of(const Map* m) { return m->size; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return size_of(rt::make<Map>());
}
