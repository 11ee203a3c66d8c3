// Accepted by rule P3 of docs/rcpp.md.
#include <cstdint>
#include <limits>
#include "rt/rt.h"

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
std::int64_t biggest(int64_t a, int64_t b) { return a > b ? a : (b > kMin ? b : INT64_MIN); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return biggest(argv->size(), INT32_MAX) > INT32_MAX ? 1 : 0;
}
