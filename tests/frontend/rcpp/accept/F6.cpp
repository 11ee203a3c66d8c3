// Accepted by rule F6 of docs/rcpp.md.
#include "rt/rt.h"

class RangeIter : public rt::Object {
 public:
  explicit RangeIter(int64_t n) : n(n) {}
  bool has_next() const { return i < n; }
  int64_t next() {
    int64_t v = i;
    i = i + 1;
    return v;
  }
  int64_t i = 0;
  const int64_t n;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  RangeIter* it = rt::make<RangeIter>(3);
  int64_t total = 0;
  while (it->has_next()) total = total + it->next();
  return total - 3;
}
