// Rejected by rule G1 of docs/rcpp.md.
#include "rt/rt.h"

class Builtins : public rt::Object {};
Builtins* make_builtins() { return rt::make<Builtins>(); }
Builtins* g_builtins = make_builtins();
rt::Str g_prompt = ">>> ";
int64_t g_count;

int64_t rt_main(rt::List<rt::Str>* argv) {
  return g_builtins == nullptr || g_count > 0 || g_prompt.size() > 10 ? 1 : 0;
}
