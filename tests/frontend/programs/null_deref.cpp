// A null dereference is a fatal error in every mode (docs/rcpp.md M9): buffered output is
// flushed, the error is reported, the status is 70. A non-virtual call that touches no field
// must be caught too.
#include "rt/rt.h"

class Counter : public rt::Object {
 public:
  int64_t constant() const { return 7; }
  int64_t count = 0;
};

Counter* find(bool found) { return found ? rt::make<Counter>() : nullptr; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::print_line("before");
  Counter* counter = find(argv->size() > 5);
  rt::print_line(rt::Str::from_int(counter->constant()));
  return 0;
}
