// Accepted by rule T8 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::Str kw = "while";
  rt::Str msg = rt::Str("line ") + rt::Str::from_int(3);
  if (kw == "if") return 1;
  return msg.size() > 100 ? 1 : 0;
}
