// Rejected by rule T6 of docs/rcpp.md.
#include "rt/rt.h"

struct Pos {
  int64_t line = 1;
  int64_t col = 1;
};
struct Counter {
  int64_t n = 0;
  void bump() { ++n; }
};
struct Named : Pos {
  rt::Str name;
};
struct Out {
  rt::StrBuilder sb;
};
struct Hidden {
  Hidden() {}
 private:
  int64_t secret = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
