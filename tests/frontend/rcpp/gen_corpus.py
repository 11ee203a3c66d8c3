#!/usr/bin/env python3
"""Writes the checker corpus (reject/ID.cpp, accept/ID.cpp) from the tables below. Kept in the
tree so that the snippets are easy to review and regenerate; the .expected files are reviewed
by hand (regenerate them with run_check.py --update and read the diff)."""
import os

HEAD = '#include "rt/rt.h"\n\n'
MAIN = '\nint64_t rt_main(rt::List<rt::Str>* argv) {\n  return argv->size() > 100 ? 1 : 0;\n}\n'

def prog(body, main_body=None):
    if main_body is None:
        return HEAD + body.strip('\n') + '\n' + MAIN
    return HEAD + body.strip('\n') + '\n\nint64_t rt_main(rt::List<rt::Str>* argv) {\n' + main_body.strip('\n') + '\n}\n'

R = {}  # rejected
A = {}  # accepted

R['P1'] = prog('int main(int argc, char** argv) { return 0; }')
A['P1'] = prog('')
R['P2'] = '#include <vector>\n#include <cmath>\n#include <stdio.h>\n' + prog('')
A['P2'] = '#include <cstdint>\n#include <limits>\n' + prog('')
R['P3'] = '#include <cstdint>\n#include <limits>\n' + prog('''
int64_t biggest(int64_t a, int64_t b) { return std::max(a, b); }
''', '''  int64_t n = 0;
  for (auto x : {1, 2, 3}) n = n + x;
  return biggest(n, argv->size()) > 100 ? 1 : 0;''').replace('#include "rt/rt.h"', '#include <algorithm>\n#include "rt/rt.h"')
A['P3'] = '#include <cstdint>\n#include <limits>\n' + prog('''
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
std::int64_t biggest(int64_t a, int64_t b) { return a > b ? a : (b > kMin ? b : INT64_MIN); }
''', '  return biggest(argv->size(), INT32_MAX) > INT32_MAX ? 1 : 0;')
R['P4'] = prog('''
extern "C" int puts(const char*);
''', '''  if (__builtin_expect(argv->size() == 0, 0)) return 1;
  return 0;''')
A['P4'] = prog('', '''  if (argv->size() == 0) [[unlikely]] return 1;
  rt::print_line(rt::Str("result: ") + rt::Str::from_int(argv->size()));
  return 0;''')
R['P5'] = prog('''
int64_t fast_add(int64_t a, int64_t b);
''', '  return fast_add(argv->size(), 1) > 100 ? 1 : 0;')
A['P5'] = prog('''
int64_t fast_add(int64_t a, int64_t b);
int64_t fast_add(int64_t a, int64_t b) { return a + b; }
''', '  return fast_add(argv->size(), 1) > 100 ? 1 : 0;')
R['P6'] = prog('''
#pragma clang optimize off
__attribute__((always_inline)) inline int64_t twice(int64_t x) { return x * 2; }
[[noreturn]] void fail() { rt::print_error("x\\n"); }
int64_t grab(int64_t x) { return ({ int64_t y = x; y + 1; }); }
''', '''  if (argv->size() > 100) fail();
  return twice(grab(0)) > 100 ? 1 : 0;''')
A['P6'] = prog('''
#pragma once
[[noreturn]] void bad_opcode(int64_t op) {
  throw rt::make<rt::RuntimeError>(rt::Str("bad opcode ") + rt::Str::from_int(op));
}
[[nodiscard]] int64_t twice(int64_t x) { return x * 2; }
''', '''  [[maybe_unused]] int64_t unused = 0;
  switch (argv->size()) {
    case 100:
      bad_opcode(1);
    case 1:
      [[fallthrough]];
    default:
      break;
  }
  return twice(0);''')
R['P7'] = prog('''
class Bag : public rt::Object {
 public:
  int64_t* begin() const { return nullptr; }
  int64_t* end() const { return nullptr; }
};
''', '''  Bag* bag = rt::make<Bag>();
  for (auto x : *bag) { (void)x; }
  return 0;''')
A['P7'] = prog('''
namespace lang {
using Stack = rt::Array<int64_t>;
static_assert(INT64_MAX > 0);
template <class T> concept GcPointer = requires(T p) { p == nullptr; };
}  // namespace lang
''', '''  lang::Stack* stack = rt::make<lang::Stack>(4, 0);
  int64_t total = 0;
  for (auto x : *stack) total = total + x;
  return total;''')
R['T1'] = prog('''
class Frame : public rt::Object {};
''', '''  wchar_t c = L'x';
  Frame* frame = rt::make<Frame>();
  void* opaque = frame;
  (void)c;
  (void)opaque;
  return 0;''')
A['T1'] = prog('''
class Frame : public rt::Object {};
int64_t op_add(Frame* f) { return f == nullptr ? 0 : 1; }
''', '''  auto count = int64_t{0};
  char c = 'x';
  Frame* frame = rt::make<Frame>();
  int64_t (*handler)(Frame*) = &op_add;
  rt::Str name = "x";
  return handler(frame) + count + (c == 'y' ? 1 : 0) + name.size() - 2;''')
R['T2'] = '#include <cstddef>\n' + prog('', '''  size_t n = 0;
  unsigned char b = 0;
  short s = 0;
  unsigned long long big = 0;
  return static_cast<int64_t>(n + b + s + big);''')
A['T2'] = prog('', '''  int64_t n = argv->size();
  uint8_t b = 0;
  int16_t s = 0;
  int count = 0;
  long also = 0;
  unsigned u = 0;
  char c = 'a';
  return n + b + s + count + also + u + c - 97 - 1;''')
R['T3'] = prog('', '''  float ratio = 0.5f;
  long double big = 1e300L;
  (void)big;
  return ratio > 1.0 ? 1 : 0;''')
A['T3'] = prog('', '''  double ratio = 0.5;
  return ratio > 1.0 ? 1 : 0;''')
R['T4'] = prog('''
enum Color { kRed, kGreen };
''', '''  int64_t n = argv->size();
  Color c = static_cast<Color>(n);
  return c == kRed ? 0 : 1;''')
A['T4'] = prog('''
enum Color { kRed, kGreen };
enum Shade : int { kLight, kDark };
enum class Op : int64_t { kPush, kAdd };
''', '''  int64_t n = argv->size();
  Color c = static_cast<Color>(1);
  Shade s = static_cast<Shade>(n);
  Op op = static_cast<Op>(n);
  return (c == kGreen && s == kDark && op == Op::kAdd) ? 1 : 0;''')
R['T5'] = '#include <cstddef>\n' + prog('''
class Frame : public rt::Object {
 public:
  Frame* parent = NULL;
};
''', '''  int64_t* counter = nullptr;
  Frame** slot = nullptr;
  Frame* other = 0;
  (void)counter;
  (void)slot;
  (void)other;
  return 0;''')
A['T5'] = prog('''
class Frame : public rt::Object {
 public:
  Frame* parent = nullptr;
  int64_t count = 0;
};
''', '''  Frame* frame = rt::make<Frame>();
  const Frame* view = frame;
  frame->count = frame->count + 1;
  return view->parent == nullptr ? 0 : 1;''')
R['T6'] = prog('''
struct Pos {
  int64_t line = 1;
  int64_t col = 1;
};
struct Counter {
  int64_t n = 0;
  void bump() { ++n; }
};
struct Named : Pos {
  rt::Str name;
};
struct Out {
  rt::StrBuilder sb;
};
struct Hidden {
  Hidden() {}
 private:
  int64_t secret = 0;
};
''')
A['T6'] = prog('''
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
''', '''  Token t = Token{Kind::kName, "x", Pos{3, 7}};
  rt::List<Token>* tokens = rt::make<rt::List<Token>>();
  tokens->append(t);
  return tokens->get(0).pos.before(Pos::origin()) ? 1 : 0;''')
R['T7'] = prog('''
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
''', '''  Token t{};
  int64_t& alias = t.line;
  alias = 2;
  for (auto&& item : *argv) { (void)item; }
  Holder* h = rt::make<Holder>();
  show(h->pos, h);
  return 0;''')
A['T7'] = prog('''
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
''', '''  Holder* h = rt::make<Holder>();
  Token copy = h->pos;
  show(copy, h);
  Token t{};
  int64_t total = 0;
  for (const auto& item : *argv) total = total + item.size();
  for (auto item : *argv) total = total + item.size();
  return line_of(next(t)) + total > 1000 ? 1 : 0;''')
R['T8'] = prog('''
const char* keyword() { return "while"; }
''', '''  const char* kw = "while";
  (void)kw;
  return 0;''')
A['T8'] = prog('', '''  rt::Str kw = "while";
  rt::Str msg = rt::Str("line ") + rt::Str::from_int(3);
  if (kw == "if") return 1;
  return msg.size() > 100 ? 1 : 0;''')
R['T9'] = prog('''
void emit(rt::StrBuilder sb, int64_t v) { (void)v; }
rt::StrBuilder make_builder() { return rt::StrBuilder(); }
''')
A['T9'] = prog('''
rt::Str join_names(rt::List<rt::Str>* names) {
  rt::StrBuilder sb;
  for (auto n : *names) {
    sb.append(n);
    sb.append_char(' ');
  }
  return sb.build();
}
class Printer : public rt::Object {
 public:
  rt::StrBuilder out;
  void emit(rt::Str v) { out.append(v); }
};
''', '''  Printer* p = rt::make<Printer>();
  p->emit(join_names(argv));
  return 0;''')
R['C1'] = prog('''
struct Node {
  Node* next = nullptr;
  int64_t v = 0;
};
''', '''  Node n{};
  return n.v;''')
A['C1'] = prog('''
class Node : public rt::Object {
 public:
  Node* next = nullptr;
  int64_t v = 0;
};
''', '''  Node* n = rt::make<Node>();
  return n->v;''')
R['C2'] = prog('''
class Value : public rt::Object {};
class Printable : public rt::Object {};
class Builtin : public Value, public Printable {};
class Shared : public virtual Value {};
''')
A['C2'] = prog('''
class Value : public rt::Object {
 public:
  virtual int64_t tag() const { return 0; }
};
class Callable : public Value {
 public:
  virtual int64_t call(int64_t x) = 0;
};
class Builtin final : public Callable {
 public:
  int64_t call(int64_t x) override { return x + 1; }
  int64_t tag() const override { return 2; }
};
''', '''  Callable* c = rt::make<Builtin>();
  return c->call(-1) + c->tag() - 2;''')
R['C3'] = prog('''
class Frame : public rt::Object {
 public:
  int64_t pc = 0;
};
class Interp : public rt::Object {
 public:
  Frame top;
};
''', '''  Frame* f = new Frame();
  Frame local;
  return f->pc + local.pc;''')
A['C3'] = prog('''
class Frame : public rt::Object {
 public:
  explicit Frame(Frame* parent) : parent(parent) {}
  Frame* parent;
  int64_t pc = 0;
};
class Interp : public rt::Object {
 public:
  Frame* top = nullptr;
};
''', '''  Frame* f = rt::make<Frame>(nullptr);
  Interp* in = rt::make<Interp>();
  in->top = f;
  return in->top->pc;''')
R['C4'] = prog('''
class File : public rt::Object {
 public:
  ~File() { fd = -1; }
  int64_t fd = 0;
};
''')
A['C4'] = prog('''
class File : public rt::Object {
 public:
  explicit File(int64_t fd) : fd(fd) {}
  void close() { fd = -1; }
  int64_t fd;
};
''', '''  File* f = rt::make<File>(3);
  f->close();
  return f->fd + 1;''')
R['C5'] = prog('''
class Env : public rt::Object {
 public:
  Env() {}
  Env(const Env& other) : depth(other.depth) {}
  Env& operator=(Env&& other);
  int64_t depth = 0;
};
''')
A['C5'] = prog('''
class Env : public rt::Object {
 public:
  explicit Env(int64_t depth) : depth(depth) {}
  Env* clone() const { return rt::make<Env>(depth); }
  int64_t depth;
};
''', '''  Env* e = rt::make<Env>(0);
  return e->clone()->depth;''')
R['C6'] = prog('''
class Frame : public rt::Object {
 public:
  explicit Frame(int64_t code) : code(code) {}
  int64_t code;
  int64_t depth;
};
class Span : public rt::Object {
 public:
  Span(int64_t n) : end(start + n), start(0) {}
  int64_t end;
  int64_t start;
};
class Pair : public rt::Object {
 public:
  Pair() : second(1), first(2) {}
  int64_t first;
  int64_t second;
};
class Bare : public rt::Object {
 public:
  int64_t value;
};
''')
A['C6'] = prog('''
class Frame : public rt::Object {
 public:
  Frame(int64_t code, Frame* parent) : code(code), parent(parent), locals(rt::make<rt::Array<int64_t>>(code, 0)) {}
  explicit Frame(int64_t code) : Frame(code, nullptr) {}
  int64_t code;
  Frame* parent;
  rt::Array<int64_t>* locals;
  int64_t pc = 0;
  rt::Str name;
};
class Span : public rt::Object {
 public:
  explicit Span(int64_t n) : end(n), start(0) {}
  int64_t end;
  int64_t start;
  int64_t length = end - start;
};
''', '''  Frame* f = rt::make<Frame>(2);
  Span* s = rt::make<Span>(3);
  return f->pc + s->length - 3;''')
R['C7'] = prog('''
class Shape : public rt::Object {
 public:
  Shape() { label = name(); }
  virtual rt::Str name() const = 0;
  rt::Str label;
};
class Square : public Shape {
 public:
  Square() : Shape() { setup(); }
  void setup() { label = name(); }
  rt::Str name() const override { return "square"; }
};
''', '''  Shape* s = rt::make<Square>();
  return s->label.size() > 100 ? 1 : 0;''')
A['C7'] = prog('''
class Shape : public rt::Object {
 public:
  explicit Shape(double area) : area(area) {}
  virtual rt::Str name() const = 0;
  double area;
  rt::Str label;
};
class Square : public Shape {
 public:
  explicit Square(double side) : Shape(side * side), side(side) {}
  rt::Str name() const override { return "square"; }
  double side;
};
Shape* make_square(double side) {
  Square* s = rt::make<Square>(side);
  s->label = s->name();
  return s;
}
''', '''  return make_square(2.0)->label.size() > 100 ? 1 : 0;''')
R['C8'] = prog('''
class Code : public rt::Object {
 public:
  static int64_t instances;
};
''')
A['C8'] = prog('''
class Code : public rt::Object {
 public:
  static constexpr int64_t kMaxStack = 256;
  static Code* empty() { return rt::make<Code>(); }
};
int64_t g_code_instances = 0;
''', '''  g_code_instances = g_code_instances + 1;
  return Code::empty() == nullptr ? Code::kMaxStack : 0;''')
R['C9'] = prog('''
struct Pos {
  bool operator==(const Pos&) const = default;
  int64_t line = 0;
};
Pos operator+(Pos a, Pos b) { return Pos{a.line + b.line}; }
class Box : public rt::Object {
 public:
  explicit operator bool() const { return true; }
};
''')
A['C9'] = prog('''
struct Pos {
  int64_t line = 0;
};
bool same_pos(Pos a, Pos b) { return a.line == b.line; }
Pos add_pos(Pos a, Pos b) { return Pos{a.line + b.line}; }
''', '''  rt::Str a = "x";
  return same_pos(add_pos(Pos{1}, Pos{2}), Pos{3}) && a == "x" ? 0 : 1;''')
R['A4'] = prog('''
int64_t quotient(int64_t a, int64_t b) { return a / b; }
int64_t remainder(int64_t a, int64_t b) { return a % b; }
int64_t flip(int64_t x) { return x / -1; }
''')
A['A4'] = prog('''
int64_t half(int64_t n) { return n / 2; }
int64_t last_digit(int64_t n) { return n % 10; }
uint64_t kib(uint64_t bytes) { return bytes / 1024u; }
double ratio(double a, double b) { return a / b; }
''', '''  int64_t q = rt::div_floor(argv->size(), 2);
  int64_t r = rt::mod_floor(argv->size(), 3);
  return half(q) + last_digit(r) + static_cast<int64_t>(kib(0)) + (ratio(1.0, 2.0) > 1.0 ? 1 : 0) > 100 ? 1 : 0;''')
R['A5'] = prog('''
int64_t big() { return 1 << 40; }
int64_t shift(int64_t x, int64_t n) { return x << n; }
''')
A['A5'] = prog('''
int64_t hi(int64_t x) { return x >> 32; }
int64_t big() { return int64_t{1} << 40; }
''', '''  uint8_t flags = 0;
  int low_bit_set = flags & (1 << 3);
  return hi(big()) + low_bit_set + rt::shl(1, argv->size()) > 1000 ? 1 : 0;''')
R['A7'] = '#pragma STDC FP_CONTRACT ON\n' + prog('')
A['A7'] = prog('''
double fma_free(double a, double b, double c) { return a * b + c; }
''', '''  double inf = 1.0 / 0.0;
  return fma_free(1.0, 2.0, 3.0) < inf ? 0 : 1;''')
R['A8'] = prog('''
int64_t truncate(double d) { return static_cast<int64_t>(d); }
int64_t implicit(double d) { return d; }
int32_t scaled(double d) { return (int32_t)(d * 100.0); }
''')
A['A8'] = prog('''
int64_t truncate(double d) { return rt::float_to_int(d); }
int64_t safe(double d) { return rt::float_fits_int(d) ? rt::float_to_int(d) : 0; }
''', '''  double back = static_cast<double>(argv->size());
  return truncate(back) + safe(0.5) > 100 ? 1 : 0;''')
R['A9'] = prog('''
bool nonzero(double ratio) {
  if (ratio) return true;
  return !ratio;
}
''')
A['A9'] = prog('''
class Frame : public rt::Object {
 public:
  Frame* parent = nullptr;
};
bool nonzero(double ratio) { return ratio != 0.0; }
''', '''  Frame* f = rt::make<Frame>();
  bool flag = argv->size();
  int64_t ones = int64_t{flag} + int64_t{nonzero(0.0)};
  if (f->parent) return 1;
  return ones > 100 ? 1 : 0;''')
R['E3'] = prog('''
int64_t get(rt::List<int64_t>* ops, int64_t i) { return ops->get(i); }
''', '''  rt::List<int64_t>* ops = rt::make<rt::List<int64_t>>();
  ops->append(1);
  ops->append(2);
  int64_t pc = 0;
  int64_t off = get(ops, pc++) - get(ops, pc);
  int64_t i = 0;
  int64_t x = i++ * i;
  return off + x > 100 ? 1 : 0;''')
A['E3'] = prog('''
int64_t get(rt::List<int64_t>* ops, int64_t i) { return ops->get(i); }
int64_t sum(int64_t a, int64_t b) { return a + b; }
''', '''  rt::List<int64_t>* ops = rt::make<rt::List<int64_t>>();
  ops->append(1);
  ops->append(2);
  int64_t pc = 0;
  int64_t op = get(ops, pc++);
  int64_t first = get(ops, pc);
  pc = 0;
  int64_t both = sum(pc++, pc);
  return op + first + both > 100 ? 1 : 0;''')
R['E4'] = prog('''
int64_t advance(int64_t x) { return x + 1; }
''', '''  int64_t pos = 0;
  while (pos = advance(pos), pos < 10) {
  }
  return pos > 100 ? 1 : 0;''')
A['E4'] = prog('', '''  int64_t total = 0;
  for (int64_t i = 0, j = 9; i < j; ++i, --j) total = total + j - i;
  return total > 100 ? 1 : 0;''')
R['S1'] = prog('''
struct Pos {
  int64_t line = 0;
};
''', '''  int64_t result;
  Pos p;
  result = p.line;
  return result;''')
A['S1'] = prog('''
struct Pos {
  int64_t line = 0;
};
class Value : public rt::Object {};
''', '''  int64_t result = 0;
  Pos p{};
  Value* v = nullptr;
  rt::Str text;
  rt::StrBuilder sb;
  return result + p.line + (v == nullptr ? 0 : 1) + text.size();''')
R['S2'] = prog('', '''  int64_t n = 0;
retry:
  n = n + 1;
  if (n < 3) goto retry;
  return 0;''')
A['S2'] = prog('', '''  int64_t n = 0;
  while (true) {
    n = n + 1;
    if (n < 3) continue;
    break;
  }
  return 0;''')
R['S3'] = prog('''
enum class Op : int64_t { kPush, kAdd };
int64_t arity(Op op) {
  switch (op) {
    case Op::kPush: return 1;
    case Op::kAdd: return 0;
  }
}
int64_t sign(int64_t x) {
  if (x > 0) return 1;
  else if (x < 0) return -1;
}
''')
A['S3'] = prog('''
enum class Op : int64_t { kPush, kAdd };
[[noreturn]] void fail() { throw rt::make<rt::RuntimeError>("bad"); }
int64_t arity(Op op) {
  switch (op) {
    case Op::kPush: return 1;
    case Op::kAdd: return 0;
  }
  throw rt::make<rt::RuntimeError>("bad opcode");
}
int64_t sign(int64_t x) {
  if (x > 0) return 1;
  if (x < 0) return -1;
  fail();
}
int64_t loop(int64_t x) {
  while (true) {
    if (x > 10) return x;
    x = x + 1;
  }
}
int64_t pick(int64_t x) {
  switch (x) {
    case 0: return 1;
    default: return 2;
  }
}
int64_t guarded(int64_t x) {
  try {
    return x;
  } catch (rt::Exception* e) {
    throw e;
  }
}
''', '''  return arity(Op::kAdd) + sign(1) + loop(0) + pick(0) + guarded(0) > 100 ? 1 : 0;''')
R['S5'] = prog('''
struct Pos {
  int64_t line = 0;
  int64_t col = 0;
};
''', '''  Pos pos{};
  auto& [line, col] = pos;
  return line + col;''')
A['S5'] = prog('''
struct Pos {
  int64_t line = 0;
  int64_t col = 0;
};
''', '''  Pos pos{};
  auto [line, col] = pos;
  rt::Dict<rt::Str, int64_t>* globals = rt::make<rt::Dict<rt::Str, int64_t>>();
  for (auto [name, value] : *globals) rt::print_line(name);
  return line + col;''')
R['X1'] = prog('''
class Lexer : public rt::Object {
 public:
  rt::ValueError* pending = nullptr;
};
rt::ValueError* make_error() { return rt::make<rt::ValueError>("bad"); }
void fail1() { throw 42; }
void fail2() { throw rt::Str("oops"); }
void fail3() { throw make_error(); }
void fail4(Lexer* lx) { throw lx->pending; }
''')
A['X1'] = prog('''
RT_DEFINE_EXCEPTION(ParseError, rt::ValueError);
ParseError* make_error(rt::Str msg) { return rt::make<ParseError>(msg); }
void fail1() { throw rt::make<ParseError>("unexpected ')'"); }
void fail2() { rt::raise<rt::KeyError>("no such variable"); }
void fail3(rt::Str msg) {
  ParseError* err = make_error(msg);
  throw err;
}
''', '''  try {
    fail1();
  } catch (ParseError* e) {
    rt::print_line(e->message);
  }
  return 0;''')
R['X2'] = prog('', '''  try {
    rt::raise<rt::ValueError>("bad");
  } catch (const rt::Exception& e) {
  } catch (int code) {
  } catch (rt::Str text) {
  }
  return 0;''')
A['X2'] = prog('', '''  try {
    rt::raise<rt::ValueError>("bad");
  } catch (rt::OverflowError* e) {
    return 2;
  } catch (rt::ValueError* e) {
    rt::print_line(e->message);
  } catch (...) {
    return 1;
  }
  return 0;''')
R['X3'] = prog('''
void run() { rt::raise<rt::ValueError>("bad"); }
''', '''  try {
    run();
  } catch (rt::Exception* e) {
    throw;
  }
  try {
    run();
  } catch (...) {
    throw;
  }
  return 0;''')
A['X3'] = prog('''
void run() { rt::raise<rt::ValueError>("bad"); }
''', '''  try {
    run();
  } catch (rt::ValueError* e) {
    rt::print_line(e->message);
  } catch (rt::Exception* e) {
    throw e;
  }
  return 0;''')
R['X4'] = prog('''
class Frame : public rt::Object {
 public:
  explicit Frame(int64_t c) try : code(c) {
  } catch (rt::Exception* e) {
  }
  int64_t size() const noexcept { return code; }
  int64_t code;
};
''', '''  Frame* f = rt::make<Frame>(1);
  return noexcept(f->size()) ? 1 : 0;''')
A['X4'] = prog('''
class Frame : public rt::Object {
 public:
  explicit Frame(int64_t c) : code(c) {}
  int64_t size() const { return code; }
  int64_t code;
};
''', '''  Frame* f = rt::make<Frame>(1);
  return f->size() - 1;''')
R['M1'] = prog('''
class Frame : public rt::Object {
 public:
  int64_t pc = 0;
};
''', '''  Frame* frame = rt::make<Frame>();
  auto p = &frame->pc;
  int64_t result = 0;
  auto q = &result;
  (void)p;
  (void)q;
  return 0;''')
A['M1'] = prog('''
using Handler = int64_t (*)(int64_t);
int64_t op_invalid(int64_t x) { return x; }
int64_t op_add(int64_t x) { return x + 1; }
''', '''  rt::Array<Handler>* table = rt::make<rt::Array<Handler>>(2, &op_invalid);
  table->set(1, &op_add);
  table->set(0, op_invalid);
  return table->get(1)(-1);''')
R['M2'] = prog('''
class Frame : public rt::Object {
 public:
  int64_t pc = 0;
};
''', '''  Frame* frame = rt::make<Frame>();
  Frame* next = frame + 1;
  Frame* first = frame[0].pc == 0 ? frame : nullptr;
  int64_t pc = (*frame).pc;
  return (next == first) + pc;''')
A['M2'] = prog('', '''  int64_t n = 0;
  for (auto v : *argv) n = n + v.size();
  return argv->size() > 100 ? 1 : 0;''')
R['M3'] = prog('''
constexpr int64_t kEffect[] = {1, -1, 0};
int64_t effect(int64_t i) { return kEffect[i]; }
''', '''  int64_t regs[16] = {};
  return regs[0] + effect(0) - 1;''')
A['M3'] = prog('''
enum class Op : int64_t { kPush, kAdd };
constexpr int64_t stack_effect(Op op) {
  switch (op) {
    case Op::kPush: return 1;
    case Op::kAdd: return -1;
    default: return 0;
  }
}
''', '''  rt::Array<int64_t>* regs = rt::make<rt::Array<int64_t>>(16, 0);
  return regs->get(0) + stack_effect(Op::kPush) - 1;''')
R['M4'] = prog('''
union Slot {
  int64_t i;
  double d;
};
''')
A['M4'] = prog('''
struct Slot {
  int64_t kind = 0;
  int64_t i = 0;
  double d = 0.0;
};
''', '''  Slot s{};
  return s.kind;''')
R['M5'] = prog('''
class Value : public rt::Object {};
class Int : public Value {
 public:
  int64_t value = 0;
};
''', '''  Value* v = rt::make<Int>();
  Int* a = static_cast<Int*>(v);
  Int* b = (Int*)v;
  auto bits = reinterpret_cast<int64_t>(v);
  const Int* c = a;
  const_cast<Int*>(c)->value = 1;
  return a == b ? static_cast<int64_t>(bits != 0) : 0;''')
A['M5'] = prog('''
enum class Op : int64_t { kPush, kAdd };
class Value : public rt::Object {};
class Int : public Value {
 public:
  int64_t value = 0;
};
''', '''  Int* some_int = rt::make<Int>();
  Value* base = some_int;
  Value* up = static_cast<Value*>(some_int);
  int64_t code = static_cast<int64_t>(Op::kAdd);
  int64_t also = (int64_t)Op::kAdd + int64_t(Op::kPush);
  if (Int* i = dynamic_cast<Int*>(base)) return i->value + code + also - 2 + (up == base ? 0 : 1);
  (void)code;
  return 1;''')
R['M6'] = prog('''
class Value : public rt::Object {};
''', '''  Value* a = rt::make<Value>();
  Value* b = rt::make<Value>();
  if (a < b) return 1;
  return 0;''')
A['M6'] = prog('''
class Value : public rt::Object {
 public:
  int64_t id = 0;
};
''', '''  Value* a = rt::make<Value>();
  Value* b = rt::make<Value>();
  if (a == b || a->id < b->id) return 1;
  return a != nullptr ? 0 : 1;''')
R['M7'] = prog('''
struct Flags {
  uint32_t a : 1;
};
struct alignas(16) Wide {
  int64_t x = 0;
};
''', '''  volatile int64_t ticks = 0;
  asm("nop");
  return ticks;''')
A['M7'] = prog('''
struct Flags {
  bool a = false;
};
''', '''  int64_t ticks = 0;
  Flags f{};
  return ticks + (f.a ? 1 : 0);''')
R['M8'] = prog('''
class Frame : public rt::Object {};
''', '''  int64_t bytes = sizeof(Frame);
  int64_t align = alignof(int64_t);
  return bytes + align > 1000 ? 1 : 0;''')
A['M8'] = prog('''
template <class... A> int64_t count_args(A...) { return sizeof...(A); }
''', '''  return count_args(1, 2) - 2;''')
R['G1'] = prog('''
class Builtins : public rt::Object {};
Builtins* make_builtins() { return rt::make<Builtins>(); }
Builtins* g_builtins = make_builtins();
rt::Str g_prompt = ">>> ";
int64_t g_count;
''', '''  return g_builtins == nullptr || g_count > 0 || g_prompt.size() > 10 ? 1 : 0;''')
A['G1'] = prog('''
class Builtins : public rt::Object {};
constexpr int64_t kMaxDepth = 1000;
Builtins* g_builtins = nullptr;
int64_t g_count = 0;
constinit int64_t g_limit = kMaxDepth;
''', '''  g_builtins = rt::make<Builtins>();
  return g_count + g_limit - kMaxDepth;''')
R['G2'] = prog('''
class Value : public rt::Object {};
Value* none() {
  static Value* instance = rt::make<Value>();
  return instance;
}
''', '''  return none() == nullptr ? 1 : 0;''')
A['G2'] = prog('''
class Value : public rt::Object {};
Value* g_none = nullptr;
Value* none() { return g_none; }
''', '''  g_none = rt::make<Value>();
  return none() == nullptr ? 1 : 0;''')
R['G3'] = prog('''
thread_local int64_t depth = 0;
''', '''  return depth;''')
A['G3'] = prog('''
int64_t g_depth = 0;
''', '''  return g_depth;''')
R['F1'] = prog('''
#define RT_FAST inline
namespace rt {
int64_t my_helper();
}
int64_t rt_helper() { return 0; }
''', '''  return rt_helper();''')
A['F1'] = prog('''
namespace lang {
int64_t my_helper() { return 0; }
int64_t length(rt::Str s) { return s.size(); }
int64_t length(rt::List<rt::Str>* l, int64_t extra = 0) { return l->size() + extra; }
}  // namespace lang
''', '''  return lang::my_helper() + lang::length(rt::Str("")) + (lang::length(argv) > 100 ? 1 : 0);''')
R['F3'] = prog('', '''  auto adder = [](int64_t x) { return x + 1; };
  return adder(-1);''')
A['F3'] = prog('''
int64_t add_one(int64_t x) { return x + 1; }
class Adder : public rt::Object {
 public:
  explicit Adder(int64_t n) : n(n) {}
  virtual int64_t apply(int64_t x) const { return x + n; }
  const int64_t n;
};
''', '''  int64_t (*f)(int64_t) = &add_one;
  Adder* a = rt::make<Adder>(1);
  return f(-1) + a->apply(-1);''')
R['F4'] = prog('''
void log(rt::Str fmt, ...) { (void)fmt; }
''', '''  log("x", 1, 2);
  return 0;''')
A['F4'] = prog('''
template <class... Args> int64_t log(rt::Str fmt, Args... args) { return fmt.size() + sizeof...(args); }
''', '''  return log("x", 1, 2) - 3;''')
R['F6'] = '#include <coroutine>\n' + prog('''
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
Task run() { co_return; }
''')
A['F6'] = prog('''
class RangeIter : public rt::Object {
 public:
  explicit RangeIter(int64_t n) : n(n) {}
  bool has_next() const { return i < n; }
  int64_t next() {
    int64_t v = i;
    i = i + 1;
    return v;
  }
  int64_t i = 0;
  const int64_t n;
};
''', '''  RangeIter* it = rt::make<RangeIter>(3);
  int64_t total = 0;
  while (it->has_next()) total = total + it->next();
  return total - 3;''')

DRIVER = '''
class Code : public rt::Object {
 public:
  int64_t length = 3;
};
class Frame : public rt::Object {
 public:
  int64_t steps = 0;
};
'''
R['H2'] = prog(DRIVER + '''
struct Pos {
  int64_t line = 0;
};
rt::jit::JitDriver<rt::jit::Greens<int64_t, Code*>, rt::jit::Reds<Frame*>> driver{"tiny"};
constinit rt::jit::JitDriver<rt::jit::Greens<Pos>, rt::jit::Reds<Frame*>> by_pos{"pos"};
constinit rt::jit::JitDriver<rt::jit::Greens<int64_t, Code*>, rt::jit::Reds<Frame*>> calls{"calls"};
int64_t run(Code* code, Frame* frame) {
  int64_t pc = 0;
  while (true) {
    driver.jit_merge_point(pc, code, frame);
    if (pc >= code->length) return pc;
    pc = pc + 1;
  }
}
int64_t run_again(Code* code, Frame* frame) {
  int64_t pc = 0;
  while (true) {
    driver.jit_merge_point(pc, code, frame);
    if (pc >= code->length) return pc;
    pc = pc + 1;
  }
}
int64_t call(Code* code, Frame* frame) {
  int64_t pc = 0;
  while (true) {
    calls.jit_merge_point(pc, code, frame);
    if (pc >= code->length) return pc;
    if (pc == 1) call(code, rt::make<Frame>());
    pc = pc + 1;
  }
}
void local_driver() {
  rt::jit::JitDriver<rt::jit::Greens<int64_t>, rt::jit::Reds<Frame*>> d{"local"};
}
''', '  return run(rt::make<Code>(), rt::make<Frame>()) + run_again(rt::make<Code>(), rt::make<Frame>()) + call(rt::make<Code>(), rt::make<Frame>()) - 9;')
A['H2'] = prog(DRIVER + '''
constinit rt::jit::JitDriver<rt::jit::Greens<int64_t, Code*>, rt::jit::Reds<Frame*>> driver{"tiny"};
int64_t run(Code* code, Frame* frame) {
  int64_t pc = 0;
  while (true) {
    driver.jit_merge_point(pc, code, frame);
    if (pc >= code->length) return pc;
    pc = pc + 1;
    driver.can_enter_jit(pc, code, frame);
  }
}
''', '  return run(rt::make<Code>(), rt::make<Frame>()) - 3;')
R['H3'] = prog(DRIVER + '''
constinit rt::jit::JitDriver<rt::jit::Greens<int64_t, Code*>, rt::jit::Reds<Frame*>> driver{"tiny"};
int64_t run(Code* code, Frame* frame) {
  int64_t pc = 0;
  int64_t steps = 0;
  while (true) {
    driver.jit_merge_point(pc, code, frame);
    steps = steps + 1;
    if (pc >= code->length) return steps;
    pc = pc + 1;
  }
}
''', '  return run(rt::make<Code>(), rt::make<Frame>()) - 4;')
A['H3'] = prog(DRIVER + '''
constinit rt::jit::JitDriver<rt::jit::Greens<int64_t, Code*>, rt::jit::Reds<Frame*>> driver{"tiny"};
int64_t run(Code* code, Frame* frame) {
  int64_t pc = 0;
  while (true) {
    driver.jit_merge_point(pc, code, frame);
    frame->steps = frame->steps + 1;
    int64_t next = pc + 1;
    if (pc >= code->length) return frame->steps;
    pc = next;
  }
}
''', '  return run(rt::make<Code>(), rt::make<Frame>()) - 4;')
R['H4'] = prog(DRIVER + '''
constinit rt::jit::JitDriver<rt::jit::Greens<int64_t, Code*>, rt::jit::Reds<Frame*>> driver{"tiny"};
int64_t run(Code* code, Frame* frame) {
  int64_t pc = 0;
  while (true) {
    driver.jit_merge_point(pc, code, frame);
    if (pc >= code->length) return pc;
    driver.can_enter_jit(pc + 1, code, frame);
    pc = pc + 1;
    continue;
  }
}
''', '  return run(rt::make<Code>(), rt::make<Frame>()) - 3;')
A['H4'] = A['H2']
R['H5'] = prog('''
RT_JIT_ELIDABLE RT_JIT_UNROLL_SAFE int64_t sum(rt::Array<int64_t>* a) { return a->size(); }
RT_JIT_DONT_LOOK_INSIDE RT_JIT_UNROLL_SAFE int64_t count(rt::Array<int64_t>* a) { return a->size(); }
''', '  return sum(rt::make<rt::Array<int64_t>>(0, 0)) + count(rt::make<rt::Array<int64_t>>(0, 0));')
A['H5'] = prog('''
RT_JIT_ELIDABLE int64_t sum(rt::Array<int64_t>* a) { return a->size(); }
RT_JIT_UNROLL_SAFE int64_t count(rt::Array<int64_t>* a) {
  int64_t n = 0;
  for (auto x : *a) n = n + x;
  return n;
}
''', '  return sum(rt::make<rt::Array<int64_t>>(0, 0)) + count(rt::make<rt::Array<int64_t>>(0, 0));')
R['H6'] = prog('''
class Map : public rt::Object {};
RT_JIT_ELIDABLE void fill_cache(Map* m) { (void)m; }
''', '''  fill_cache(rt::make<Map>());
  return 0;''')
A['H6'] = prog('''
class Map : public rt::Object {
 public:
  const int64_t size = 0;
};
RT_JIT_ELIDABLE int64_t size_of(const Map* m) { return m->size; }
''', '  return size_of(rt::make<Map>());')
R['H7'] = prog('''
class Map : public rt::Object {};
RT_JIT_ELIDABLE int64_t slot_of(Map* m, rt::Str name) { return m == nullptr ? 0 : name.size(); }
''', '''  int64_t (*lookup)(Map*, rt::Str) = &slot_of;
  return lookup(rt::make<Map>(), "x") - 1;''')
A['H7'] = prog('''
class Map : public rt::Object {};
RT_JIT_ELIDABLE int64_t slot_of(Map* m, rt::Str name) { return m == nullptr ? 0 : name.size(); }
''', '''  return slot_of(rt::make<Map>(), "x") - 1;''')
R['H8'] = prog('''
class Frame : public rt::Object {};
RT_JIT_LOOP_INVARIANT Frame* frame_at(int64_t depth) { return depth == 0 ? nullptr : rt::make<Frame>(); }
''', '  return frame_at(0) == nullptr ? 0 : 1;')
A['H8'] = prog('''
class Context : public rt::Object {};
Context* g_context = nullptr;
RT_JIT_LOOP_INVARIANT Context* current_context() { return g_context; }
''', '  return current_context() == nullptr ? 0 : 1;')
R['H9'] = prog('''
class RT_VIRTUALIZABLE PyFrame : public rt::Object {
 public:
  RT_VABLE_FIELD int64_t depth = 0;
};
RT_JIT_DONT_LOOK_INSIDE void push(PyFrame* f) {
  PyFrame* fr = rt::jit::access_directly(f);
  fr->depth = fr->depth + 1;
}
''', '''  push(rt::make<PyFrame>());
  return 0;''')
A['H9'] = prog('''
class RT_VIRTUALIZABLE PyFrame : public rt::Object {
 public:
  RT_VABLE_FIELD int64_t depth = 0;
};
void push(PyFrame* f) {
  PyFrame* fr = rt::jit::access_directly(f);
  fr->depth = fr->depth + 1;
}
''', '''  push(rt::make<PyFrame>());
  return 0;''')
R['H10'] = prog('''
class MyList : public rt::Object {};
RT_JIT_OOPSPEC("list.getitem(l, i)") int64_t my_get(MyList* l, int64_t i) { return l == nullptr ? i : 0; }
''', '  return my_get(rt::make<MyList>(), 0);')
A['H10'] = prog('''
class MyList : public rt::Object {};
int64_t my_get(MyList* l, int64_t i) { return l == nullptr ? i : 0; }
''', '  return my_get(rt::make<MyList>(), 0);')
R['H11'] = prog('''
class Code : public rt::Object {
 public:
  RT_IMMUTABLE rt::Str name;
  RT_IMMUTABLE_ITEMS int64_t count = 0;
  void rename(rt::Str n) { name = n; }
};
class Base : public rt::Object {
 public:
  int64_t hits = 0;
};
class RT_IMMUTABLE_CLASS Leaf : public Base {
 public:
  int64_t value = 0;
};
''', '''  Code* c = rt::make<Code>();
  c->rename("x");
  Leaf* l = rt::make<Leaf>();
  l->value = 2;
  return 0;''')
A['H11'] = prog('''
class RT_IMMUTABLE_CLASS Code : public rt::Object {
 public:
  Code(rt::Str name, rt::Array<int64_t>* ops) : name(name), ops(ops) {}
  rt::Str name;
  RT_IMMUTABLE_ITEMS rt::Array<int64_t>* ops;
};
class Function : public rt::Object {
 public:
  explicit Function(rt::Str n) : name(n) { name = name + "!"; }
  RT_IMMUTABLE rt::Str name;
  RT_QUASI_IMMUTABLE int64_t version = 0;
};
''', '''  Code* c = rt::make<Code>("f", rt::make<rt::Array<int64_t>>(1, 0));
  Function* f = rt::make<Function>(c->name);
  f->version = f->version + 1;
  return f->name.size() - 2;''')
R['H12'] = prog('''
class Function : public rt::Object {};
RT_JIT_NOT_IN_TRACE int64_t note_call(Function* f) { return f == nullptr ? 0 : 1; }
''', '  return note_call(nullptr);')
A['H12'] = prog('''
class Function : public rt::Object {
 public:
  int64_t calls = 0;
};
RT_JIT_NOT_IN_TRACE void note_call(Function* f) { f->calls = f->calls + 1; }
''', '''  note_call(rt::make<Function>());
  return 0;''')
R['H13'] = prog('''
class Cache : public rt::Object {
 public:
  bool empty = true;
};
void refill_cache(Cache* c) { c->empty = false; }
bool small(int64_t n) { return n < 4; }
RT_JIT_LOOK_INSIDE_IFF(small) int64_t sum(rt::Array<int64_t>* items, int64_t n) { return items->size() + n; }
RT_JIT_ELIDABLE_PROMOTE("0,2") int64_t scaled(int64_t a, int64_t b) { return a * b; }
''', '''  rt::Str name = rt::jit::promote(rt::Str("x"));
  Cache* cache = rt::make<Cache>();
  void (*fn)(Cache*) = &refill_cache;
  rt::jit::conditional_call(cache->empty, fn, cache);
  return name.size() + sum(rt::make<rt::Array<int64_t>>(0, 0), 0) + scaled(1, 0) - 1;''')
A['H13'] = prog('''
class Cache : public rt::Object {
 public:
  bool empty = true;
};
void refill_cache(Cache* c) { c->empty = false; }
bool small(rt::Array<int64_t>* items, int64_t n) { return items->size() + n < 4; }
RT_JIT_LOOK_INSIDE_IFF(small) int64_t sum(rt::Array<int64_t>* items, int64_t n) { return items->size() + n; }
RT_JIT_ELIDABLE_PROMOTE("0,1") int64_t scaled(int64_t a, int64_t b) { return a * b; }
''', '''  rt::Str name = rt::jit::promote_string(rt::Str("x"));
  int64_t n = rt::jit::promote(argv->size());
  Cache* cache = rt::make<Cache>();
  rt::jit::conditional_call(cache->empty, &refill_cache, cache);
  return name.size() + n + sum(rt::make<rt::Array<int64_t>>(0, 0), 0) + scaled(1, 0) - 2;''')

def write(folder, table):
    os.makedirs(folder, exist_ok=True)
    for rule, text in table.items():
        with open(os.path.join(folder, rule + '.cpp'), 'w') as f:
            f.write('// ' + ('Rejected' if folder == 'reject' else 'Accepted') + ' by rule ' + rule +
                    ' of docs/rcpp.md (tests/frontend/rcpp/gen_corpus.py).\n' + text)

if __name__ == '__main__':
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    write('reject', R)
    write('accept', A)
    print(len(R), 'rejected,', len(A), 'accepted')
