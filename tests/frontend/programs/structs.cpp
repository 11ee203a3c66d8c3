// Value structs (rule T6) used every way RC++ allows, plus static constexpr members and
// delegating constructors: a subject for the host-vs-graph differential test.
#include "rt/rt.h"

enum class Kind : int8_t { kEof, kName, kNumber };

struct Pos {
  int64_t line = 1;
  int64_t col = 1;
  bool before(const Pos& other) const { return line < other.line || (line == other.line && col < other.col); }
  Pos next_col() const { return Pos{line, col + 1}; }
  Pos later(Pos other) const { return before(other) ? other : Pos{line, col}; }
  static Pos origin() { return Pos{}; }
  static constexpr int64_t kTab = 4;
};

struct Token {
  Kind kind = Kind::kEof;
  rt::Str text;
  Pos pos;
  int64_t width = text.size() + 1;  // reads an earlier field of the struct being built
};

struct Range {
  Pos start;
  Pos end{.line = 9, .col = 9};
};

int64_t twice(int64_t x) { return x * 2; }
int64_t negate(int64_t x) { return -x; }

struct Op {
  rt::Str name;
  int64_t (*apply)(int64_t) = nullptr;
};

constexpr Pos kHome{7, 3};
Pos g_cursor = {2, 2};

class Cursor : public rt::Object {
 public:
  Cursor() : Cursor(Pos{1, 1}) {}
  explicit Cursor(Pos at) : at(at) {}
  Pos at;
  Range range;
  static constexpr int64_t kLimit = 100;
};

rt::Str show(const Pos& p) { return rt::Str::from_int(p.line) + ":" + rt::Str::from_int(p.col); }

rt::Str show_token(const Token& t) {
  rt::Str kind = t.kind == Kind::kName ? "name" : (t.kind == Kind::kNumber ? "number" : "eof");
  return kind + "(" + t.text + ")@" + show(t.pos) + " w" + rt::Str::from_int(t.width);
}

rt::List<Token>* lex(rt::Str source) {
  rt::List<Token>* tokens = rt::make<rt::List<Token>>();
  Pos pos{};
  int64_t i = 0;
  while (i < source.size()) {
    char c = source.at(i);
    if (c == '\n') {
      pos.line += 1;
      pos.col = 1;
      i = i + 1;
      continue;
    }
    if (c == ' ') {
      ++pos.col;
      i = i + 1;
      continue;
    }
    int64_t start = i;
    while (i < source.size() && source.at(i) != ' ' && source.at(i) != '\n') i = i + 1;
    Token t{.kind = c >= '0' && c <= '9' ? Kind::kNumber : Kind::kName, .text = source.slice(start, i), .pos = pos};
    tokens->append(t);
    pos.col = pos.col + (i - start);
  }
  tokens->append(Token{Kind::kEof, "", pos});
  return tokens;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  // Locals: copies are independent, member writes build new values.
  Pos a = Pos::origin();
  Pos b = a;
  b.col = 5;
  b.line++;
  rt::print_line(show(a) + " " + show(b) + " " + show(a.next_col().next_col()));
  rt::print_line(rt::Str(a.before(b) ? "a<b" : "a>=b") + " later " + show(a.later(b)) + " " + show(b.later(a)));

  Pos paren(5);
  Pos paren2 = Pos(6, 7);
  rt::print_line(rt::Str("paren ") + show(paren) + " " + show(paren2));

  // Braces: partial, designated, defaults, nested.
  Token empty{};
  Token partial{Kind::kName, "abc", {4}};
  Range r{};
  Range r2{.start = {3}};
  rt::print_line(show_token(empty) + " | " + show_token(partial));
  rt::print_line(show(r.start) + "-" + show(r.end) + " " + show(r2.start) + "-" + show(r2.end));

  // Structs in a GC object: nested writes, whole-struct assignment, delegating constructor.
  Cursor* cur = rt::make<Cursor>();
  Cursor* other = rt::make<Cursor>(kHome);
  cur->at.col += Pos::kTab;
  cur->range.end.line = cur->at.col;
  other->range.start = other->at;
  other->range.start.col = other->range.start.col * 10;
  rt::print_line(show(cur->at) + " " + show(cur->range.end) + " " + show(other->at) + " " + show(other->range.start));
  Pos saved = cur->at;
  cur->at.line = 50;
  rt::print_line(show(saved) + " " + show(cur->at) + " limit " + rt::Str::from_int(Cursor::kLimit));

  // Globals: a constant and a mutable one.
  g_cursor.col = g_cursor.col + kHome.col;
  rt::print_line(show(g_cursor) + " " + show(kHome));

  // Containers: lists, arrays (value-initialised items keep their defaults), dict values.
  rt::List<Token>* tokens = lex("let x = 42\n  print x");
  for (const auto& t : *tokens) rt::print_line(show_token(t));
  rt::print_line(rt::Str("second token line ") + rt::Str::from_int(tokens->get(1).pos.line) + " text " +
                 tokens->get(1).text);
  rt::Array<Pos>* grid = rt::make<rt::Array<Pos>>(3);
  Pos p = grid->get(1);
  p.col = 8;
  grid->set(2, p);
  int64_t sum = 0;
  for (auto [line, col] : *grid) sum = sum + line * 10 + col;
  rt::print_line(rt::Str("grid ") + show(grid->get(0)) + " " + show(grid->get(2)) + " sum " + rt::Str::from_int(sum));
  rt::Dict<rt::Str, Pos>* marks = rt::make<rt::Dict<rt::Str, Pos>>();
  marks->set("home", kHome);
  marks->set("cur", cur->at);
  for (auto [name, where] : *marks) rt::print_line(name + " -> " + show(where));

  // Function pointers in structs, the comma operator in a for increment.
  rt::List<Op>* ops = rt::make<rt::List<Op>>();
  ops->append(Op{"twice", &twice});
  ops->append(Op{.name = "negate", .apply = negate});
  int64_t v = 3;
  for (int64_t i = 0, j = ops->size() - 1; i < ops->size(); ++i, --j) {
    Op op = ops->get(j);
    v = op.apply(v);
    rt::print_line(op.name + " " + rt::Str::from_int(v));
  }
  // rt::DictItem values: the loop's item used whole, copied, stored, returned.
  rt::List<rt::DictItem<rt::Str, Pos>>* items = rt::make<rt::List<rt::DictItem<rt::Str, Pos>>>();
  for (auto item : *marks) {
    items->append(item);
    item.value.line = 0;
    items->append(item);
  }
  rt::DictItem<rt::Str, Pos> last = items->get(items->size() - 1);
  last.key = last.key + "?";
  for (const auto& item : *items) rt::print_line(item.key + " " + show(item.value));
  rt::print_line(last.key + " " + show(last.value));
  auto [first_line, first_col] = tokens->get(0).pos;
  first_col += 100;
  rt::print_line(rt::Str::from_int(first_line) + " " + rt::Str::from_int(first_col));
  return argv->size() > 5 ? 1 : 0;
}
