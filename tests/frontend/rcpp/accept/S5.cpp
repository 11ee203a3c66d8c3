// Accepted by rule S5 of docs/rcpp.md.
#include "rt/rt.h"

struct Pos {
  int64_t line = 0;
  int64_t col = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Pos pos{};
  auto [line, col] = pos;
  rt::Dict<rt::Str, int64_t>* globals = rt::make<rt::Dict<rt::Str, int64_t>>();
  for (auto [name, value] : *globals) rt::print_line(name);
  return line + col;
}
