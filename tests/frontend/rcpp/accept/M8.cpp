// Accepted by rule M8 of docs/rcpp.md.
#include "rt/rt.h"

template <class... A> int64_t count_args(A...) { return sizeof...(A); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return count_args(1, 2) - 2;
}
