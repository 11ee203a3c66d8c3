// Accepted by rule A5 of docs/rcpp.md.
#include "rt/rt.h"

int64_t hi(int64_t x) { return x >> 32; }
int64_t big() { return int64_t{1} << 40; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  uint8_t flags = 0;
  int low_bit_set = flags & (1 << 3);
  return hi(big()) + low_bit_set + rt::shl(1, argv->size()) > 1000 ? 1 : 0;
}
