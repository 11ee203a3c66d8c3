// Rejected by rule C3 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {
 public:
  int64_t pc = 0;
};
class Interp : public rt::Object {
 public:
  Frame top;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Frame* f = new Frame();
  Frame local;
  return f->pc + local.pc;
}
