// Rejected by rule X2 of docs/rcpp.md.
#include "rt/rt.h"



int64_t rt_main(rt::List<rt::Str>* argv) {
  try {
    rt::raise<rt::ValueError>("bad");
  } catch (const rt::Exception& e) {
  } catch (int code) {
  } catch (rt::Str text) {
  }
  return 0;
}
