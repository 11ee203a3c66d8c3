// Rejected by rule C4 of docs/rcpp.md.
#include "rt/rt.h"

class File : public rt::Object {
 public:
  ~File() { fd = -1; }
  int64_t fd = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
