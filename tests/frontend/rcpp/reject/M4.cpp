// Rejected by rule M4 of docs/rcpp.md.
#include "rt/rt.h"

union Slot {
  int64_t i;
  double d;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
