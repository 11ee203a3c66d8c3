// Rejected by rule H7 of docs/rcpp.md.
#include "rt/rt.h"

class Map : public rt::Object {};
RT_JIT_ELIDABLE int64_t slot_of(Map* m, rt::Str name) { return m == nullptr ? 0 : name.size(); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t (*lookup)(Map*, rt::Str) = &slot_of;
  return lookup(rt::make<Map>(), "x") - 1;
}
