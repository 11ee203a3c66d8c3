// Rejected by rule M7 of docs/rcpp.md.
#include "rt/rt.h"

struct Flags {
  uint32_t a : 1;
};
struct alignas(16) Wide {
  int64_t x = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  volatile int64_t ticks = 0;
  asm("nop");
  return ticks;
}
