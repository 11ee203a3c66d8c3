// Accepted by rule M5 of docs/rcpp.md.
#include "rt/rt.h"

enum class Op : int64_t { kPush, kAdd };
class Value : public rt::Object {};
class Int : public Value {
 public:
  int64_t value = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Int* some_int = rt::make<Int>();
  Value* base = some_int;
  Value* up = static_cast<Value*>(some_int);
  int64_t code = static_cast<int64_t>(Op::kAdd);
  int64_t also = (int64_t)Op::kAdd + int64_t(Op::kPush);
  if (Int* i = dynamic_cast<Int*>(base)) return i->value + code + also - 2 + (up == base ? 0 : 1);
  (void)code;
  return 1;
}
