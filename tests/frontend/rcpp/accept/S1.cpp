// Accepted by rule S1 of docs/rcpp.md.
#include "rt/rt.h"

struct Pos {
  int64_t line = 0;
};
class Value : public rt::Object {};

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t result = 0;
  Pos p{};
  Value* v = nullptr;
  rt::Str text;
  rt::StrBuilder sb;
  return result + p.line + (v == nullptr ? 0 : 1) + text.size();
}
