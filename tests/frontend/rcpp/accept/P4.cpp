// Accepted by rule P4 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  if (argv->size() == 0) [[unlikely]] return 1;
  rt::print_line(rt::Str("result: ") + rt::Str::from_int(argv->size()));
  return 0;
}
