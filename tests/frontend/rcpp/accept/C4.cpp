// Accepted by rule C4 of docs/rcpp.md.
#include "rt/rt.h"

class File : public rt::Object {
 public:
  explicit File(int64_t fd) : fd(fd) {}
  void close() { fd = -1; }
  int64_t fd;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  File* f = rt::make<File>(3);
  f->close();
  return f->fd + 1;
}
