// Rejected by rule M3 of docs/rcpp.md.
#include "rt/rt.h"

constexpr int64_t kEffect[] = {1, -1, 0};
int64_t effect(int64_t i) { return kEffect[i]; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t regs[16] = {};
  return regs[0] + effect(0) - 1;
}
