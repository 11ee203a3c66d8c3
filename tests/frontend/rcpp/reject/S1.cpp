// Rejected by rule S1 of docs/rcpp.md.
#include "rt/rt.h"

struct Pos {
  int64_t line = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t result;
  Pos p;
  result = p.line;
  return result;
}
