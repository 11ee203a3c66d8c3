// Rejected by rule M8 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {};

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t bytes = sizeof(Frame);
  int64_t align = alignof(int64_t);
  return bytes + align > 1000 ? 1 : 0;
}
