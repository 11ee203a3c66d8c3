// Accepted by rule G1 of docs/rcpp.md.
#include "rt/rt.h"

class Builtins : public rt::Object {};
constexpr int64_t kMaxDepth = 1000;
Builtins* g_builtins = nullptr;
int64_t g_count = 0;
constinit int64_t g_limit = kMaxDepth;

int64_t rt_main(rt::List<rt::Str>* argv) {
  g_builtins = rt::make<Builtins>();
  return g_count + g_limit - kMaxDepth;
}
