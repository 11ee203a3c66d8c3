// Accepted by rule X2 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  try {
    rt::raise<rt::ValueError>("bad");
  } catch (rt::OverflowError* e) {
    return 2;
  } catch (rt::ValueError* e) {
    rt::print_line(e->message);
  } catch (...) {
    return 1;
  }
  return 0;
}
