// Accepted by rule T6 of docs/rcpp.md.
#include "rt/rt.h"

enum class Kind : int64_t { kEof, kName };
struct Pos {
  int64_t line = 1;
  int64_t col = 1;
  bool before(Pos other) const { return line < other.line || (line == other.line && col < other.col); }
  static Pos origin() { return Pos{}; }
};
struct Token {
  Kind kind = Kind::kEof;
  rt::Str text;
  Pos pos;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Token t = Token{Kind::kName, "x", Pos{3, 7}};
  rt::List<Token>* tokens = rt::make<rt::List<Token>>();
  tokens->append(t);
  return tokens->get(0).pos.before(Pos::origin()) ? 1 : 0;
}
