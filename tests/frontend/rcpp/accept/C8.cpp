// Accepted by rule C8 of docs/rcpp.md.
#include "rt/rt.h"

class Code : public rt::Object {
 public:
  static constexpr int64_t kMaxStack = 256;
  static Code* empty() { return rt::make<Code>(); }
};
int64_t g_code_instances = 0;

int64_t rt_main(rt::List<rt::Str>* argv) {
  g_code_instances = g_code_instances + 1;
  return Code::empty() == nullptr ? Code::kMaxStack : 0;
}
