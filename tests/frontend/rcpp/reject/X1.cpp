// Rejected by rule X1 of docs/rcpp.md.
#include "rt/rt.h"

class Lexer : public rt::Object {
 public:
  rt::ValueError* pending = nullptr;
};
rt::ValueError* make_error() { return rt::make<rt::ValueError>("bad"); }
void fail1() { throw 42; }
void fail2() { throw rt::Str("oops"); }
void fail3() { throw make_error(); }
void fail4(Lexer* lx) { throw lx->pending; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return argv->size() > 100 ? 1 : 0;
}
