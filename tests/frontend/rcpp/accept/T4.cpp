// Accepted by rule T4 of docs/rcpp.md.
#include "rt/rt.h"

enum Color { kRed, kGreen };
enum Shade : int { kLight, kDark };
enum class Op : int64_t { kPush, kAdd };

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t n = argv->size();
  Color c = static_cast<Color>(1);
  Shade s = static_cast<Shade>(n);
  Op op = static_cast<Op>(n);
  return (c == kGreen && s == kDark && op == Op::kAdd) ? 1 : 0;
}
