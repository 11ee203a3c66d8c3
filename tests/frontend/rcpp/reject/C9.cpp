// Rejected by rule C9 of docs/rcpp.md.
#include "rt/rt.h"

struct Pos {
  bool operator==(const Pos&) const = default;
  int64_t line = 0;
};
Pos operator+(Pos a, Pos b) { return Pos{a.line + b.line}; }
class Box : public rt::Object {
 public:
  explicit operator bool() const { return true; }
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
