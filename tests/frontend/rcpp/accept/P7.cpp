// Accepted by rule P7 of docs/rcpp.md.
#include "rt/rt.h"

namespace lang {
using Stack = rt::Array<int64_t>;
static_assert(INT64_MAX > 0);
template <class T> concept GcPointer = requires(T p) { p == nullptr; };
}  // namespace lang

int64_t rt_main(rt::List<rt::Str>* argv) {
  lang::Stack* stack = rt::make<lang::Stack>(4, 0);
  int64_t total = 0;
  for (auto x : *stack) total = total + x;
  return total;
}
