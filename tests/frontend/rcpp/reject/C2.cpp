// Rejected by rule C2 of docs/rcpp.md.
#include "rt/rt.h"

class Value : public rt::Object {};
class Printable : public rt::Object {};
class Builtin : public Value, public Printable {};
class Shared : public virtual Value {};

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
