// Rejected by rule T5 of docs/rcpp.md.
#include <cstddef>
#include "rt/rt.h"

class Frame : public rt::Object {
 public:
  Frame* parent = NULL;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t* counter = nullptr;
  Frame** slot = nullptr;
  Frame* other = 0;
  (void)counter;
  (void)slot;
  (void)other;
  return 0;
}
