// Rejected by rule T1 of docs/rcpp.md.
#include "rt/rt.h"

class Frame : public rt::Object {};

int64_t rt_main(rt::List<rt::Str>* argv) {
  wchar_t c = L'x';
  Frame* frame = rt::make<Frame>();
  void* opaque = frame;
  (void)c;
  (void)opaque;
  return 0;
}
