// Rejected by rule X3 of docs/rcpp.md.
#include "rt/rt.h"

void run() { rt::raise<rt::ValueError>("bad"); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  try {
    run();
  } catch (rt::Exception* e) {
    throw;
  }
  try {
    run();
  } catch (...) {
    throw;
  }
  return 0;
}
