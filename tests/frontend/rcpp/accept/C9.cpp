// Accepted by rule C9 of docs/rcpp.md.
#include "rt/rt.h"

struct Pos {
  int64_t line = 0;
};
bool same_pos(Pos a, Pos b) { return a.line == b.line; }
Pos add_pos(Pos a, Pos b) { return Pos{a.line + b.line}; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::Str a = "x";
  return same_pos(add_pos(Pos{1}, Pos{2}), Pos{3}) && a == "x" ? 0 : 1;
}
