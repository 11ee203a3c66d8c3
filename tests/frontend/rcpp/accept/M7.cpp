// Accepted by rule M7 of docs/rcpp.md.
#include "rt/rt.h"

struct Flags {
  bool a = false;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t ticks = 0;
  Flags f{};
  return ticks + (f.a ? 1 : 0);
}
