// Each syntax-tree node's compile method, and the Compiler state they share.
//
// Locals live in numbered slots of the frame, globals in the numbered slots of Globals; both are
// resolved here, so the interpreter never looks a name up. Top-level code has no locals: every
// variable it declares, in whatever block, is global.
#include "compiler.h"

#include "builtins.h"

namespace tiny {

// The local variables declared in one block of a function.
class Scope : public rt::Object {
 public:
  explicit Scope(Scope* parent) : parent(parent), slots(rt::make<rt::Dict<rt::Str, int64_t>>()) {}
  Scope* parent;
  rt::Dict<rt::Str, int64_t>* slots;
};

// The innermost loop around the code being compiled.
class Loop : public rt::Object {
 public:
  Loop(Loop* outer, int64_t start, bool holds_iterator)
      : outer(outer),
        start(start),
        holds_iterator(holds_iterator),
        breaks(rt::make<rt::List<int64_t>>()) {}
  Loop* outer;
  int64_t start;              // where `continue` jumps back to
  bool holds_iterator;        // a `for` loop keeps its iterator on the stack; `break` must pop it
  rt::List<int64_t>* breaks;  // jumps to point at the loop's exit
};

class Compiler : public rt::Object {
 public:
  Compiler(CodeBuilder* code, bool in_function)
      : code(code), in_function(in_function), scope(nullptr), loop(nullptr) {}

  int64_t emit(op::Opcode opcode, int64_t arg, Node* at) {
    return code->emit(opcode, arg, at->line, at->column);
  }
  void emit_constant(Value* value, Node* at) {
    emit(op::LOAD_CONST, code->add_constant(value), at);
  }
  int64_t here() const { return code->next_pc(); }
  void patch_here(int64_t jump) { code->patch(jump, here()); }

  void push_scope() {
    if (in_function) scope = rt::make<Scope>(scope);
  }
  void pop_scope() {
    if (in_function) scope = scope->parent;
  }
  int64_t declare_local(rt::Str name) {
    int64_t slot = code->add_local(name);
    scope->slots->set(name, slot);
    return slot;
  }
  int64_t find_local(rt::Str name) const {
    for (Scope* s = scope; s != nullptr; s = s->parent) {
      int64_t slot = s->slots->get_or(name, -1);
      if (slot >= 0) return slot;
    }
    return -1;
  }
  int64_t global_slot(rt::Str name, Node* at) const {
    int64_t slot = code->globals->slot_of(name);
    if (slot < 0)
      throw rt::make<SyntaxError>(rt::Str("undefined variable '") + name + "'", at->line,
                                  at->column);
    return slot;
  }

  void emit_load(rt::Str name, Node* at) {
    int64_t local = find_local(name);
    if (local >= 0) {
      emit(op::LOAD_LOCAL, local, at);
    } else {
      emit(op::LOAD_GLOBAL, global_slot(name, at), at);
    }
  }
  void emit_store(rt::Str name, Node* at) {
    int64_t local = find_local(name);
    if (local >= 0) {
      emit(op::STORE_LOCAL, local, at);
    } else {
      emit(op::STORE_GLOBAL, global_slot(name, at), at);
    }
  }
  // Declares `name` in the current scope and pops its initial value into it.
  void emit_declare(rt::Str name, Node* at) {
    if (in_function) {
      emit(op::STORE_LOCAL, declare_local(name), at);
    } else {
      emit(op::DEFINE_GLOBAL, global_slot(name, at), at);
    }
  }

  void enter_loop(int64_t start, bool holds_iterator) {
    loop = rt::make<Loop>(loop, start, holds_iterator);
  }
  void leave_loop() {
    for (int64_t jump : *loop->breaks) patch_here(jump);
    loop = loop->outer;
  }

  CodeBuilder* code;
  bool in_function;
  Scope* scope;  // nullptr at top level
  Loop* loop;
};

namespace {

op::Opcode binary_opcode(rt::Str op) {
  if (op == "+") return op::ADD;
  if (op == "-") return op::SUBTRACT;
  if (op == "*") return op::MULTIPLY;
  if (op == "/") return op::DIVIDE;
  if (op == "%") return op::MODULO;
  if (op == "==") return op::EQUAL;
  if (op == "!=") return op::NOT_EQUAL;
  if (op == "<") return op::LESS;
  if (op == "<=") return op::LESS_EQUAL;
  if (op == ">") return op::GREATER;
  return op::GREATER_EQUAL;
}

Code* compile_function(FnDecl* function, rt::Str filename, Globals* globals) {
  CodeBuilder* code =
      rt::make<CodeBuilder>(function->name, filename, globals, true, function->params->size());
  Compiler* compiler = rt::make<Compiler>(code, true);
  compiler->push_scope();
  for (rt::Str param : *function->params) compiler->declare_local(param);
  function->body->compile(compiler);
  compiler->emit_constant(nil_value(), function);
  compiler->emit(op::RETURN, 0, function);
  return rt::make<Code>(code);
}

}  // namespace

Code* compile_program(Program* program, rt::Str filename) {
  rt::List<rt::Str>* names = rt::make<rt::List<rt::Str>>();
  declare_builtins(names);
  names->append("argv");
  names->extend(program->global_names);
  Globals* globals = rt::make<Globals>(names);
  install_builtins(globals);

  CodeBuilder* code = rt::make<CodeBuilder>("<main>", filename, globals, false, 0);
  Compiler* compiler = rt::make<Compiler>(code, false);
  // Functions are defined before the first statement runs, so any statement may call any.
  for (FnDecl* function : *program->functions) {
    compiler->emit_constant(rt::make<FunctionValue>(compile_function(function, filename, globals)),
                            function);
    compiler->emit(op::DEFINE_GLOBAL, globals->slot_of(function->name), function);
  }
  for (Stmt* statement : *program->statements) statement->compile(compiler);
  Node* end = rt::make<Node>(program->end_line, program->end_column);
  compiler->emit_constant(nil_value(), end);
  compiler->emit(op::RETURN, 0, end);
  return rt::make<Code>(code);
}

// --- Expressions ---------------------------------------------------------------------------------

void Literal::compile(Compiler* compiler) { compiler->emit_constant(value, this); }

void NameExpr::compile(Compiler* compiler) { compiler->emit_load(name, this); }

void ListExpr::compile(Compiler* compiler) {
  for (Expr* item : *items) item->compile(compiler);
  compiler->emit(op::BUILD_LIST, items->size(), this);
}

void DictExpr::compile(Compiler* compiler) {
  for (int64_t i = 0; i < keys->size(); ++i) {
    keys->get(i)->compile(compiler);
    values->get(i)->compile(compiler);
  }
  compiler->emit(op::BUILD_DICT, keys->size(), this);
}

void UnaryExpr::compile(Compiler* compiler) {
  operand->compile(compiler);
  compiler->emit(op == "-" ? op::NEGATE : op::NOT, 0, this);
}

// `and` and `or` evaluate to the operand that decided the outcome, as in Python.
void BinaryExpr::compile(Compiler* compiler) {
  left->compile(compiler);
  if (op == "and" || op == "or") {
    int64_t jump =
        compiler->emit(op == "and" ? op::JUMP_IF_FALSE_OR_POP : op::JUMP_IF_TRUE_OR_POP, 0, this);
    right->compile(compiler);
    compiler->patch_here(jump);
    return;
  }
  right->compile(compiler);
  compiler->emit(binary_opcode(op), 0, this);
}

void CallExpr::compile(Compiler* compiler) {
  callee->compile(compiler);
  for (Expr* arg : *args) arg->compile(compiler);
  compiler->emit(op::CALL, args->size(), this);
}

void IndexExpr::compile(Compiler* compiler) {
  container->compile(compiler);
  index->compile(compiler);
  compiler->emit(op::INDEX, 0, this);
}

// --- Statements ----------------------------------------------------------------------------------

void Block::compile(Compiler* compiler) {
  compiler->push_scope();
  for (Stmt* statement : *statements) statement->compile(compiler);
  compiler->pop_scope();
}

void ExprStmt::compile(Compiler* compiler) {
  expr->compile(compiler);
  compiler->emit(op::POP, 0, expr);
}

void VarStmt::compile(Compiler* compiler) {
  if (value != nullptr) {
    value->compile(compiler);
  } else {
    compiler->emit_constant(nil_value(), this);
  }
  compiler->emit_declare(name, this);
}

void AssignStmt::compile(Compiler* compiler) {
  NameExpr* variable = dynamic_cast<NameExpr*>(target);
  if (variable != nullptr) {
    value->compile(compiler);
    compiler->emit_store(variable->name, variable);
    return;
  }
  IndexExpr* item = dynamic_cast<IndexExpr*>(target);
  item->container->compile(compiler);
  item->index->compile(compiler);
  value->compile(compiler);
  compiler->emit(op::STORE_INDEX, 0, item);
}

void IfStmt::compile(Compiler* compiler) {
  rt::List<int64_t>* exits = rt::make<rt::List<int64_t>>();
  for (int64_t i = 0; i < conditions->size(); ++i) {
    Expr* condition = conditions->get(i);
    condition->compile(compiler);
    int64_t skip = compiler->emit(op::JUMP_IF_FALSE, 0, condition);
    bodies->get(i)->compile(compiler);
    bool is_last = i == conditions->size() - 1 && else_body == nullptr;
    if (!is_last) exits->append(compiler->emit(op::JUMP, 0, this));
    compiler->patch_here(skip);
  }
  if (else_body != nullptr) else_body->compile(compiler);
  for (int64_t jump : *exits) compiler->patch_here(jump);
}

void WhileStmt::compile(Compiler* compiler) {
  int64_t start = compiler->here();
  condition->compile(compiler);
  int64_t exit = compiler->emit(op::JUMP_IF_FALSE, 0, condition);
  compiler->enter_loop(start, false);
  body->compile(compiler);
  compiler->emit(op::JUMP_BACK, start, this);
  compiler->leave_loop();
  compiler->patch_here(exit);
}

void ForStmt::compile(Compiler* compiler) {
  int64_t depth = compiler->code->depth;
  iterable->compile(compiler);
  compiler->emit(op::GET_ITER, 0, iterable);
  int64_t start = compiler->here();
  int64_t exit = compiler->emit(op::FOR_ITER, 0, this);
  compiler->push_scope();
  compiler->emit_declare(name, this);
  compiler->enter_loop(start, true);
  body->compile(compiler);
  compiler->emit(op::JUMP_BACK, start, this);
  compiler->pop_scope();
  compiler->code->set_depth(depth);  // FOR_ITER popped the iterator on its way out
  compiler->leave_loop();
  compiler->patch_here(exit);
}

void BreakStmt::compile(Compiler* compiler) {
  int64_t depth = compiler->code->depth;
  if (compiler->loop->holds_iterator) compiler->emit(op::POP, 0, this);
  compiler->loop->breaks->append(compiler->emit(op::JUMP, 0, this));
  compiler->code->set_depth(depth);  // for the unreachable code after the jump
}

void ContinueStmt::compile(Compiler* compiler) {
  compiler->emit(op::JUMP_BACK, compiler->loop->start, this);
}

void ReturnStmt::compile(Compiler* compiler) {
  if (value != nullptr) {
    value->compile(compiler);
  } else {
    compiler->emit_constant(nil_value(), this);
  }
  compiler->emit(op::RETURN, 0, this);
}

void ThrowStmt::compile(Compiler* compiler) {
  value->compile(compiler);
  compiler->emit(op::THROW, 0, this);
}

void TryStmt::compile(Compiler* compiler) {
  int64_t depth = compiler->code->depth;
  int64_t start = compiler->here();
  body->compile(compiler);
  int64_t skip = compiler->emit(op::JUMP, 0, this);
  compiler->code->add_handler(start, skip, compiler->here(), depth);
  compiler->code->set_depth(depth + 1);  // the handler starts with the thrown value pushed
  compiler->push_scope();
  compiler->emit_declare(name, this);
  handler->compile(compiler);
  compiler->pop_scope();
  compiler->patch_here(skip);
}

}  // namespace tiny
