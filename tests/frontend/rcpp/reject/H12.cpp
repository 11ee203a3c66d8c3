// Rejected by rule H12 of docs/rcpp.md.
#include "rt/rt.h"

class Function : public rt::Object {};
RT_JIT_NOT_IN_TRACE int64_t note_call(Function* f) { return f == nullptr ? 0 : 1; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return note_call(nullptr);
}
