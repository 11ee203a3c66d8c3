// Accepted by rule X1 of docs/rcpp.md.
#include "rt/rt.h"

RT_DEFINE_EXCEPTION(ParseError, rt::ValueError);
ParseError* make_error(rt::Str msg) { return rt::make<ParseError>(msg); }
void fail1() { throw rt::make<ParseError>("unexpected ')'"); }
void fail2() { rt::raise<rt::KeyError>("no such variable"); }
void fail3(rt::Str msg) {
  ParseError* err = make_error(msg);
  throw err;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  try {
    fail1();
  } catch (ParseError* e) {
    rt::print_line(e->message);
  }
  return 0;
}
