// A recursive-descent parser, one method per grammar rule of docs/tiny.md.
#include "parser.h"

namespace tiny {

namespace {

// How deep blocks and expressions may nest. The parser and the compiler recurse once per
// level, so this bounds their use of the native stack whatever the input.
constexpr int64_t kMaxDepth = 200;

rt::Str describe(Token* token) {
  switch (token->kind) {
    case TokenKind::End:
      return "end of file";
    case TokenKind::String:
      return "a string";
    default:
      return rt::Str("'") + token->text + "'";
  }
}

class Parser : public rt::Object {
 public:
  explicit Parser(rt::List<Token*>* tokens)
      : tokens_(tokens),
        pos_(0),
        depth_(0),
        loops_(0),
        in_function_(false),
        program_(rt::make<Program>()),
        function_names_(rt::make<rt::Dict<rt::Str, bool>>()) {}

  Program* parse_program() {
    while (peek()->kind != TokenKind::End) {
      if (at_keyword("fn")) {
        parse_function();
      } else {
        program_->statements->append(parse_statement());
      }
    }
    program_->end_line = peek()->line;
    program_->end_column = peek()->column;
    return program_;
  }

 private:
  // --- Token helpers ---------------------------------------------------------------------------
  Token* peek() const { return tokens_->get(pos_); }
  Token* peek_second() const {
    return pos_ + 1 < tokens_->size() ? tokens_->get(pos_ + 1) : tokens_->get(pos_);
  }
  Token* advance() {
    Token* token = peek();
    if (token->kind != TokenKind::End) pos_ += 1;
    return token;
  }
  bool at_symbol(rt::Str text) const {
    return peek()->kind == TokenKind::Symbol && peek()->text == text;
  }
  bool at_keyword(rt::Str text) const {
    return peek()->kind == TokenKind::Keyword && peek()->text == text;
  }
  bool at_comparison() const {
    return at_symbol("==") || at_symbol("!=") || at_symbol("<") || at_symbol("<=") ||
           at_symbol(">") || at_symbol(">=");
  }
  bool match_symbol(rt::Str text) {
    if (!at_symbol(text)) return false;
    advance();
    return true;
  }
  Token* expect_symbol(rt::Str text) {
    if (!at_symbol(text)) fail_expected(rt::Str("'") + text + "'");
    return advance();
  }
  Token* expect_name() {
    if (peek()->kind != TokenKind::Name) fail_expected("a name");
    return advance();
  }

  [[noreturn]] void fail(rt::Str message, Token* at) {
    throw rt::make<SyntaxError>(message, at->line, at->column);
  }
  [[noreturn]] void fail_expected(rt::Str what) {
    fail(rt::Str("expected ") + what + ", found " + describe(peek()), peek());
  }
  void enter(Token* at, rt::Str message) {
    depth_ += 1;
    if (depth_ > kMaxDepth) fail(message, at);
  }
  void leave() { depth_ -= 1; }
  // Chains like a + b + c + ... nest in the tree without nesting in the parser.
  Expr* checked(Expr* expr) {
    if (expr->depth > kMaxDepth)
      throw rt::make<SyntaxError>("expression nested too deeply", expr->line, expr->column);
    return expr;
  }
  void declare_global(rt::Str name) {
    if (!in_function_) program_->global_names->append(name);
  }

  // --- Declarations and statements ------------------------------------------------------------

  // "fn" NAME "(" [NAME ("," NAME)*] ")" block
  void parse_function() {
    Token* at = advance();
    Token* name = expect_name();
    if (function_names_->contains(name->text))
      fail(rt::Str("function '") + name->text + "' is already defined", name);
    function_names_->set(name->text, true);
    expect_symbol("(");
    rt::List<rt::Str>* params = rt::make<rt::List<rt::Str>>();
    if (!at_symbol(")")) {
      do {
        Token* param = expect_name();
        if (params->contains(param->text))
          fail(rt::Str("duplicate parameter '") + param->text + "'", param);
        params->append(param->text);
      } while (match_symbol(","));
    }
    expect_symbol(")");
    in_function_ = true;
    Block* body = parse_block();
    in_function_ = false;
    program_->functions->append(rt::make<FnDecl>(at, name->text, params, body));
    program_->global_names->append(name->text);
  }

  // "{" statement* "}"
  Block* parse_block() {
    Token* open = expect_symbol("{");
    enter(open, "blocks nested too deeply");
    rt::List<Stmt*>* statements = rt::make<rt::List<Stmt*>>();
    while (!at_symbol("}") && peek()->kind != TokenKind::End) statements->append(parse_statement());
    expect_symbol("}");
    leave();
    return rt::make<Block>(open, statements);
  }

  Stmt* parse_statement() {
    Token* at = peek();
    if (at->kind == TokenKind::Keyword) {
      if (at->text == "var") return parse_var();
      if (at->text == "if") return parse_if();
      if (at->text == "while") return parse_while();
      if (at->text == "for") return parse_for();
      if (at->text == "try") return parse_try();
      if (at->text == "break" || at->text == "continue") return parse_jump();
      if (at->text == "return") return parse_return();
      if (at->text == "throw") {
        advance();
        Expr* value = parse_expression();
        expect_symbol(";");
        return rt::make<ThrowStmt>(at, value);
      }
      if (at->text == "fn") fail("functions can only be defined at top level", at);
    }
    Expr* expr = parse_expression();
    if (at_symbol("=")) {
      Token* equals = advance();
      if (dynamic_cast<NameExpr*>(expr) == nullptr && dynamic_cast<IndexExpr*>(expr) == nullptr)
        fail("cannot assign to this expression", equals);
      Expr* value = parse_expression();
      expect_symbol(";");
      return rt::make<AssignStmt>(at, expr, value);
    }
    expect_symbol(";");
    return rt::make<ExprStmt>(at, expr);
  }

  // "var" NAME ["=" expression] ";"
  Stmt* parse_var() {
    Token* at = advance();
    Token* name = expect_name();
    Expr* value = nullptr;
    if (match_symbol("=")) value = parse_expression();
    expect_symbol(";");
    declare_global(name->text);
    return rt::make<VarStmt>(at, name->text, value);
  }

  // "if" "(" expression ")" block ("else" "if" "(" expression ")" block)* ["else" block]
  Stmt* parse_if() {
    Token* at = advance();
    rt::List<Expr*>* conditions = rt::make<rt::List<Expr*>>();
    rt::List<Block*>* bodies = rt::make<rt::List<Block*>>();
    Block* else_body = nullptr;
    while (true) {
      expect_symbol("(");
      conditions->append(parse_expression());
      expect_symbol(")");
      bodies->append(parse_block());
      if (!at_keyword("else")) break;
      advance();
      if (!at_keyword("if")) {
        else_body = parse_block();
        break;
      }
      advance();
    }
    return rt::make<IfStmt>(at, conditions, bodies, else_body);
  }

  // "while" "(" expression ")" block
  Stmt* parse_while() {
    Token* at = advance();
    expect_symbol("(");
    Expr* condition = parse_expression();
    expect_symbol(")");
    Block* body = parse_loop_body();
    return rt::make<WhileStmt>(at, condition, body);
  }

  // "for" "(" NAME "in" expression ")" block
  Stmt* parse_for() {
    Token* at = advance();
    expect_symbol("(");
    Token* name = expect_name();
    if (!at_keyword("in")) fail_expected("'in'");
    advance();
    Expr* iterable = parse_expression();
    expect_symbol(")");
    declare_global(name->text);
    Block* body = parse_loop_body();
    return rt::make<ForStmt>(at, name->text, iterable, body);
  }

  Block* parse_loop_body() {
    loops_ += 1;
    Block* body = parse_block();
    loops_ -= 1;
    return body;
  }

  // "try" block "catch" "(" NAME ")" block
  Stmt* parse_try() {
    Token* at = advance();
    Block* body = parse_block();
    if (!at_keyword("catch")) fail_expected("'catch'");
    advance();
    expect_symbol("(");
    Token* name = expect_name();
    expect_symbol(")");
    declare_global(name->text);
    Block* handler = parse_block();
    return rt::make<TryStmt>(at, body, name->text, handler);
  }

  // "break" ";" | "continue" ";"
  Stmt* parse_jump() {
    Token* at = advance();
    if (loops_ == 0) fail(rt::Str("'") + at->text + "' outside a loop", at);
    expect_symbol(";");
    if (at->text == "break") return rt::make<BreakStmt>(at);
    return rt::make<ContinueStmt>(at);
  }

  // "return" [expression] ";"
  Stmt* parse_return() {
    Token* at = advance();
    if (!in_function_) fail("'return' outside a function", at);
    Expr* value = nullptr;
    if (!at_symbol(";")) value = parse_expression();
    expect_symbol(";");
    return rt::make<ReturnStmt>(at, value);
  }

  // --- Expressions, loosest binding first -------------------------------------------------------

  Expr* parse_expression() {
    enter(peek(), "expression nested too deeply");
    Expr* expr = parse_or();
    leave();
    return expr;
  }

  // and_expr ("or" and_expr)*
  Expr* parse_or() {
    Expr* left = parse_and();
    while (at_keyword("or")) {
      Token* op = advance();
      Expr* right = parse_and();
      left = checked(rt::make<BinaryExpr>(op, left, right));
    }
    return left;
  }

  // not_expr ("and" not_expr)*
  Expr* parse_and() {
    Expr* left = parse_not();
    while (at_keyword("and")) {
      Token* op = advance();
      Expr* right = parse_not();
      left = checked(rt::make<BinaryExpr>(op, left, right));
    }
    return left;
  }

  // "not" not_expr | comparison
  Expr* parse_not() {
    if (!at_keyword("not")) return parse_comparison();
    Token* op = advance();
    enter(op, "expression nested too deeply");
    Expr* operand = parse_not();
    leave();
    return checked(rt::make<UnaryExpr>(op, operand));
  }

  // sum [("==" | "!=" | "<" | "<=" | ">" | ">=") sum]
  Expr* parse_comparison() {
    Expr* left = parse_sum();
    if (!at_comparison()) return left;
    Token* op = advance();
    Expr* right = parse_sum();
    if (at_comparison()) fail("comparison operators cannot be chained", peek());
    return checked(rt::make<BinaryExpr>(op, left, right));
  }

  // product (("+" | "-") product)*
  Expr* parse_sum() {
    Expr* left = parse_product();
    while (at_symbol("+") || at_symbol("-")) {
      Token* op = advance();
      Expr* right = parse_product();
      left = checked(rt::make<BinaryExpr>(op, left, right));
    }
    return left;
  }

  // unary (("*" | "/" | "%") unary)*
  Expr* parse_product() {
    Expr* left = parse_unary();
    while (at_symbol("*") || at_symbol("/") || at_symbol("%")) {
      Token* op = advance();
      Expr* right = parse_unary();
      left = checked(rt::make<BinaryExpr>(op, left, right));
    }
    return left;
  }

  // "-" unary | postfix. A minus sign directly before an integer literal is part of the
  // literal, so that -9223372036854775808 can be written.
  Expr* parse_unary() {
    if (!at_symbol("-")) return parse_postfix();
    Token* op = advance();
    Token* after = peek_second();
    bool postfix_follows =
        after->kind == TokenKind::Symbol && (after->text == "(" || after->text == "[");
    if (peek()->kind == TokenKind::Int && !postfix_follows)
      return int_literal(op, rt::Str("-") + advance()->text);
    enter(op, "expression nested too deeply");
    Expr* operand = parse_unary();
    leave();
    return checked(rt::make<UnaryExpr>(op, operand));
  }

  // primary ("(" [expression ("," expression)*] ")" | "[" expression "]")*
  Expr* parse_postfix() {
    Expr* expr = parse_primary();
    while (true) {
      if (at_symbol("(")) {
        advance();
        rt::List<Expr*>* args = parse_items(")");
        expr = checked(rt::make<CallExpr>(expr, args));
      } else if (at_symbol("[")) {
        Token* bracket = advance();
        Expr* index = parse_expression();
        expect_symbol("]");
        expr = checked(rt::make<IndexExpr>(bracket, expr, index));
      } else {
        return expr;
      }
    }
  }

  // [expression ("," expression)*] closing
  rt::List<Expr*>* parse_items(rt::Str closing) {
    rt::List<Expr*>* items = rt::make<rt::List<Expr*>>();
    if (!at_symbol(closing)) {
      do {
        items->append(parse_expression());
      } while (match_symbol(","));
    }
    expect_symbol(closing);
    return items;
  }

  Expr* parse_primary() {
    Token* token = peek();
    switch (token->kind) {
      case TokenKind::Int:
        advance();
        return int_literal(token, token->text);
      case TokenKind::Float:
        advance();
        return rt::make<Literal>(token, rt::make<FloatValue>(token->text.to_double()));
      case TokenKind::String:
        advance();
        return rt::make<Literal>(token, rt::make<StrValue>(token->text));
      case TokenKind::Name:
        advance();
        return rt::make<NameExpr>(token);
      case TokenKind::Keyword:
        if (token->text == "nil" || token->text == "true" || token->text == "false") {
          advance();
          Value* value = token->text == "nil" ? nil_value() : bool_value(token->text == "true");
          return rt::make<Literal>(token, value);
        }
        break;
      case TokenKind::Symbol:
        if (token->text == "(") {
          advance();
          Expr* inner = parse_expression();
          expect_symbol(")");
          return inner;
        }
        if (token->text == "[") {
          advance();
          return checked(rt::make<ListExpr>(token, parse_items("]")));
        }
        if (token->text == "{") return parse_dict();
        break;
      case TokenKind::End:
        break;
    }
    fail_expected("an expression");
  }

  // "{" [expression ":" expression ("," expression ":" expression)*] "}"
  Expr* parse_dict() {
    Token* open = advance();
    rt::List<Expr*>* keys = rt::make<rt::List<Expr*>>();
    rt::List<Expr*>* values = rt::make<rt::List<Expr*>>();
    if (!at_symbol("}")) {
      do {
        keys->append(parse_expression());
        expect_symbol(":");
        values->append(parse_expression());
      } while (match_symbol(","));
    }
    expect_symbol("}");
    return checked(rt::make<DictExpr>(open, keys, values));
  }

  Expr* int_literal(Token* at, rt::Str digits) {
    try {
      return rt::make<Literal>(at, rt::make<IntValue>(digits.to_int()));
    } catch (rt::OverflowError*) {
      fail("integer literal too large", at);
    }
  }

  rt::List<Token*>* tokens_;
  int64_t pos_;
  int64_t depth_;  // blocks and parenthesised expressions open around the current token
  int64_t loops_;  // loops around the current token, in the current function
  bool in_function_;
  Program* program_;
  rt::Dict<rt::Str, bool>* function_names_;
};

}  // namespace

Program* parse(rt::List<Token*>* tokens) { return rt::make<Parser>(tokens)->parse_program(); }

}  // namespace tiny
