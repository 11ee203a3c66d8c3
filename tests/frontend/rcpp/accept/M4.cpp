// Accepted by rule M4 of docs/rcpp.md.
#include "rt/rt.h"

struct Slot {
  int64_t kind = 0;
  int64_t i = 0;
  double d = 0.0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Slot s{};
  return s.kind;
}
