// Accepted by rule T7 of docs/rcpp.md.
#include "rt/rt.h"

struct Token {
  int64_t line = 0;
};
int64_t line_of(const Token& t) { return t.line; }
Token next(Token t) { return Token{t.line + 1}; }
class Holder : public rt::Object {
 public:
  Token pos;
};
void show(const Token& p, Holder* h) {
  h->pos.line = 9;
  rt::print_line(rt::Str::from_int(p.line));
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  Holder* h = rt::make<Holder>();
  Token copy = h->pos;
  show(copy, h);
  Token t{};
  int64_t total = 0;
  for (const auto& item : *argv) total = total + item.size();
  for (auto item : *argv) total = total + item.size();
  return line_of(next(t)) + total > 1000 ? 1 : 0;
}
