// Accepted by rule A9 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {
 public:
  Frame* parent = nullptr;
};
bool nonzero(double ratio) { return ratio != 0.0; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  Frame* f = rt::make<Frame>();
  bool flag = argv->size();
  int64_t ones = int64_t{flag} + int64_t{nonzero(0.0)};
  if (f->parent) return 1;
  return ones > 100 ? 1 : 0;
}
