// Accepted by rule H8 of docs/rcpp.md.
#include "rt/rt.h"

class Context : public rt::Object {};
Context* g_context = nullptr;
RT_JIT_LOOP_INVARIANT Context* current_context() { return g_context; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return current_context() == nullptr ? 0 : 1;
}
