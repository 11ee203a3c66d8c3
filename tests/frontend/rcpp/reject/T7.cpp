// Rejected by rule T7 of docs/rcpp.md.
#include "rt/rt.h"

struct Token {
  int64_t line = 0;
};
void next(Token& out) { out.line = 1; }
template <class T> void push(T&& v) { (void)v; }
class Holder : public rt::Object {
 public:
  const rt::Str& name() const { return name_; }
  rt::Str name_;
  Token pos;
};
void print_pos(const Token& p) { rt::print_line(rt::Str::from_int(p.line)); }
void show(const Token& p, Holder* h) {
  h->pos.line = 9;
  print_pos(p);
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  Token t{};
  int64_t& alias = t.line;
  alias = 2;
  for (auto&& item : *argv) { (void)item; }
  Holder* h = rt::make<Holder>();
  show(h->pos, h);
  return 0;
}
