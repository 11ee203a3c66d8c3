// Accepted by rule T2 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t n = argv->size();
  uint8_t b = 0;
  int16_t s = 0;
  int count = 0;
  long also = 0;
  unsigned u = 0;
  char c = 'a';
  return n + b + s + count + also + u + c - 97 - 1;
}
