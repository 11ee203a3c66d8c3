// Rejected by rule X4 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {
 public:
  explicit Frame(int64_t c) try : code(c) {
  } catch (rt::Exception* e) {
  }
  int64_t size() const noexcept { return code; }
  int64_t code;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Frame* f = rt::make<Frame>(1);
  return noexcept(f->size()) ? 1 : 0;
}
