// Accepted by rule A4 of docs/rcpp.md.
#include "rt/rt.h"

int64_t half(int64_t n) { return n / 2; }
int64_t last_digit(int64_t n) { return n % 10; }
uint64_t kib(uint64_t bytes) { return bytes / 1024u; }
double ratio(double a, double b) { return a / b; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t q = rt::div_floor(argv->size(), 2);
  int64_t r = rt::mod_floor(argv->size(), 3);
  return half(q) + last_digit(r) + static_cast<int64_t>(kib(0)) + (ratio(1.0, 2.0) > 1.0 ? 1 : 0) > 100 ? 1 : 0;
}
