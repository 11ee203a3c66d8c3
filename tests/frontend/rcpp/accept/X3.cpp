// Accepted by rule X3 of docs/rcpp.md.
#include "rt/rt.h"

void run() { rt::raise<rt::ValueError>("bad"); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  try {
    run();
  } catch (rt::ValueError* e) {
    rt::print_line(e->message);
  } catch (rt::Exception* e) {
    throw e;
  }
  return 0;
}
