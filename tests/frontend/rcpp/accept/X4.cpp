// Accepted by rule X4 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {
 public:
  explicit Frame(int64_t c) : code(c) {}
  int64_t size() const { return code; }
  int64_t code;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Frame* f = rt::make<Frame>(1);
  return f->size() - 1;
}
