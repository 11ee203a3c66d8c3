// Rejected by rule F1 of docs/rcpp.md.
#include "rt/rt.h"

#define RT_FAST inline
namespace rt {
int64_t my_helper();
}
int64_t rt_helper() { return 0; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return rt_helper();
}
