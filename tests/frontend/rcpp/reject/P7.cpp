// Rejected by rule P7 of docs/rcpp.md.
#include "rt/rt.h"

class Bag : public rt::Object {
 public:
  int64_t* begin() const { return nullptr; }
  int64_t* end() const { return nullptr; }
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Bag* bag = rt::make<Bag>();
  for (auto x : *bag) { (void)x; }
  return 0;
}
