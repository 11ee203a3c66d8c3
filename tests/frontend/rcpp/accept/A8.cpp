// Accepted by rule A8 of docs/rcpp.md.
#include "rt/rt.h"

int64_t truncate(double d) { return rt::float_to_int(d); }
int64_t safe(double d) { return rt::float_fits_int(d) ? rt::float_to_int(d) : 0; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  double back = static_cast<double>(argv->size());
  return truncate(back) + safe(0.5) > 100 ? 1 : 0;
}
