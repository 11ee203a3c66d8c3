// Accepted by rule H12 of docs/rcpp.md.
#include "rt/rt.h"

class Function : public rt::Object {
 public:
  int64_t calls = 0;
};
RT_JIT_NOT_IN_TRACE void note_call(Function* f) { f->calls = f->calls + 1; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  note_call(rt::make<Function>());
  return 0;
}
