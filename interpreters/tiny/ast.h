// The syntax tree the parser builds. Each node compiles itself (compiler.cpp defines every
// compile method), so this file is only the shape of the language.
#pragma once

#include "lexer.h"
#include "rt/rt.h"
#include "values.h"

namespace tiny {

class Compiler;

class Node : public rt::Object {
 public:
  Node(int64_t line, int64_t column) : line(line), column(column) {}
  int64_t line;
  int64_t column;
};

class Expr : public Node {
 public:
  // `depth` is the height of the tree below this node, which the compiler walks recursively;
  // the parser rejects trees too deep for that.
  Expr(Token* at, int64_t depth) : Node(at->line, at->column), depth(depth) {}
  Expr(Node* at, int64_t depth) : Node(at->line, at->column), depth(depth) {}
  // Emits code leaving the value of the expression on the stack.
  virtual void compile(Compiler* compiler) = 0;
  int64_t depth;
};

inline int64_t deeper(int64_t a, int64_t b) { return a > b ? a : b; }
inline int64_t deepest(rt::List<Expr*>* exprs) {
  int64_t depth = 0;
  for (Expr* expr : *exprs) depth = deeper(depth, expr->depth);
  return depth;
}

// nil, true, false, numbers and strings.
class Literal final : public Expr {
 public:
  Literal(Token* at, Value* value) : Expr(at, 1), value(value) {}
  void compile(Compiler* compiler) override;
  Value* value;
};

class NameExpr final : public Expr {
 public:
  explicit NameExpr(Token* at) : Expr(at, 1), name(at->text) {}
  void compile(Compiler* compiler) override;
  rt::Str name;
};

class ListExpr final : public Expr {
 public:
  ListExpr(Token* at, rt::List<Expr*>* items) : Expr(at, 1 + deepest(items)), items(items) {}
  void compile(Compiler* compiler) override;
  rt::List<Expr*>* items;
};

class DictExpr final : public Expr {
 public:
  DictExpr(Token* at, rt::List<Expr*>* keys, rt::List<Expr*>* values)
      : Expr(at, 1 + deeper(deepest(keys), deepest(values))), keys(keys), values(values) {}
  void compile(Compiler* compiler) override;
  rt::List<Expr*>* keys;
  rt::List<Expr*>* values;
};

// `-x` and `not x`.
class UnaryExpr final : public Expr {
 public:
  UnaryExpr(Token* op, Expr* operand)
      : Expr(op, 1 + operand->depth), op(op->text), operand(operand) {}
  void compile(Compiler* compiler) override;
  rt::Str op;
  Expr* operand;
};

// Arithmetic, comparisons, `and` and `or`; positioned at the operator.
class BinaryExpr final : public Expr {
 public:
  BinaryExpr(Token* op, Expr* left, Expr* right)
      : Expr(op, 1 + deeper(left->depth, right->depth)), op(op->text), left(left), right(right) {}
  void compile(Compiler* compiler) override;
  rt::Str op;
  Expr* left;
  Expr* right;
};

// Positioned at the callee, which is where errors of the call are reported.
class CallExpr final : public Expr {
 public:
  CallExpr(Expr* callee, rt::List<Expr*>* args)
      : Expr(callee, 1 + deeper(callee->depth, deepest(args))), callee(callee), args(args) {}
  void compile(Compiler* compiler) override;
  Expr* callee;
  rt::List<Expr*>* args;
};

// Positioned at the '['.
class IndexExpr final : public Expr {
 public:
  IndexExpr(Token* bracket, Expr* container, Expr* index)
      : Expr(bracket, 1 + deeper(container->depth, index->depth)),
        container(container),
        index(index) {}
  void compile(Compiler* compiler) override;
  Expr* container;
  Expr* index;
};

class Stmt : public Node {
 public:
  explicit Stmt(Token* at) : Node(at->line, at->column) {}
  // Emits code that leaves the stack as it found it.
  virtual void compile(Compiler* compiler) = 0;
};

// `{ ... }`: a scope for the local variables declared in it.
class Block final : public Stmt {
 public:
  Block(Token* at, rt::List<Stmt*>* statements) : Stmt(at), statements(statements) {}
  void compile(Compiler* compiler) override;
  rt::List<Stmt*>* statements;
};

class ExprStmt final : public Stmt {
 public:
  ExprStmt(Token* at, Expr* expr) : Stmt(at), expr(expr) {}
  void compile(Compiler* compiler) override;
  Expr* expr;
};

// `var name = value;`, value nullptr when omitted.
class VarStmt final : public Stmt {
 public:
  VarStmt(Token* at, rt::Str name, Expr* value) : Stmt(at), name(name), value(value) {}
  void compile(Compiler* compiler) override;
  rt::Str name;
  Expr* value;
};

// `target = value;` where target is a NameExpr or an IndexExpr.
class AssignStmt final : public Stmt {
 public:
  AssignStmt(Token* at, Expr* target, Expr* value) : Stmt(at), target(target), value(value) {}
  void compile(Compiler* compiler) override;
  Expr* target;
  Expr* value;
};

// `if (c1) {b1} else if (c2) {b2} ... else {e}`, else_body nullptr when absent.
class IfStmt final : public Stmt {
 public:
  IfStmt(Token* at, rt::List<Expr*>* conditions, rt::List<Block*>* bodies, Block* else_body)
      : Stmt(at), conditions(conditions), bodies(bodies), else_body(else_body) {}
  void compile(Compiler* compiler) override;
  rt::List<Expr*>* conditions;
  rt::List<Block*>* bodies;
  Block* else_body;
};

class WhileStmt final : public Stmt {
 public:
  WhileStmt(Token* at, Expr* condition, Block* body) : Stmt(at), condition(condition), body(body) {}
  void compile(Compiler* compiler) override;
  Expr* condition;
  Block* body;
};

// `for (name in iterable) body`; positioned at the iterable.
class ForStmt final : public Stmt {
 public:
  ForStmt(Token* at, rt::Str name, Expr* iterable, Block* body)
      : Stmt(at), name(name), iterable(iterable), body(body) {}
  void compile(Compiler* compiler) override;
  rt::Str name;
  Expr* iterable;
  Block* body;
};

class BreakStmt final : public Stmt {
 public:
  explicit BreakStmt(Token* at) : Stmt(at) {}
  void compile(Compiler* compiler) override;
};

class ContinueStmt final : public Stmt {
 public:
  explicit ContinueStmt(Token* at) : Stmt(at) {}
  void compile(Compiler* compiler) override;
};

// `return value;`, value nullptr for a bare `return;`.
class ReturnStmt final : public Stmt {
 public:
  ReturnStmt(Token* at, Expr* value) : Stmt(at), value(value) {}
  void compile(Compiler* compiler) override;
  Expr* value;
};

class ThrowStmt final : public Stmt {
 public:
  ThrowStmt(Token* at, Expr* value) : Stmt(at), value(value) {}
  void compile(Compiler* compiler) override;
  Expr* value;
};

// `try body catch (name) handler`.
class TryStmt final : public Stmt {
 public:
  TryStmt(Token* at, Block* body, rt::Str name, Block* handler)
      : Stmt(at), body(body), name(name), handler(handler) {}
  void compile(Compiler* compiler) override;
  Block* body;
  rt::Str name;
  Block* handler;
};

class FnDecl final : public Node {
 public:
  FnDecl(Token* at, rt::Str name, rt::List<rt::Str>* params, Block* body)
      : Node(at->line, at->column), name(name), params(params), body(body) {}
  rt::Str name;
  rt::List<rt::Str>* params;
  Block* body;
};

class Program final : public rt::Object {
 public:
  Program()
      : functions(rt::make<rt::List<FnDecl*>>()),
        statements(rt::make<rt::List<Stmt*>>()),
        global_names(rt::make<rt::List<rt::Str>>()),
        end_line(0),
        end_column(0) {}
  rt::List<FnDecl*>* functions;
  rt::List<Stmt*>* statements;  // the top-level statements, in order
  // Every name declared at top level (functions, and `var`, `for` and `catch` variables
  // outside functions), possibly repeated.
  rt::List<rt::Str>* global_names;
  int64_t end_line;  // where the source ends
  int64_t end_column;
};

}  // namespace tiny
