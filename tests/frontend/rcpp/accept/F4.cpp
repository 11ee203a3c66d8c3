// Accepted by rule F4 of docs/rcpp.md.
#include "rt/rt.h"

template <class... Args> int64_t log(rt::Str fmt, Args... args) { return fmt.size() + sizeof...(args); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return log("x", 1, 2) - 3;
}
