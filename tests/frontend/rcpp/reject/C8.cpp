// Rejected by rule C8 of docs/rcpp.md.
#include "rt/rt.h"

class Code : public rt::Object {
 public:
  static int64_t instances;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
