// Accepted by rule C5 of docs/rcpp.md.
#include "rt/rt.h"

class Env : public rt::Object {
 public:
  explicit Env(int64_t depth) : depth(depth) {}
  Env* clone() const { return rt::make<Env>(depth); }
  int64_t depth;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Env* e = rt::make<Env>(0);
  return e->clone()->depth;
}
