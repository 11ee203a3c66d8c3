// Rejected by rule C6 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {
 public:
  explicit Frame(int64_t code) : code(code) {}
  int64_t code;
  int64_t depth;
};
class Span : public rt::Object {
 public:
  Span(int64_t n) : end(start + n), start(0) {}
  int64_t end;
  int64_t start;
};
class Pair : public rt::Object {
 public:
  Pair() : second(1), first(2) {}
  int64_t first;
  int64_t second;
};
class Bare : public rt::Object {
 public:
  int64_t value;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
