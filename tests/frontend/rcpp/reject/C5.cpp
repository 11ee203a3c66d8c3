// Rejected by rule C5 of docs/rcpp.md.
#include "rt/rt.h"

class Env : public rt::Object {
 public:
  Env() {}
  Env(const Env& other) : depth(other.depth) {}
  Env& operator=(Env&& other);
  int64_t depth = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
