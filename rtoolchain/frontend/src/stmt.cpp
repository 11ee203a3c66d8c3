// Statements → blocks and links. SSA construction by passing every local in scope to every new
// block (the environment of slots), then pruning the block arguments that are not live
// (prune_block_arguments, in graph_builder.cpp): simple, structured, and the output keeps only
// live locals on links.
#include <clang/AST/ASTContext.h>

#include "graph_builder.h"

namespace rtoolchain::frontend {

FunctionBuilder::FunctionBuilder(ModelBuilder& model, const clang::FunctionDecl* function, ir::FunctionId id)
    : model_(model), program_(model.program()), function_(function), context_(function->getASTContext()), id_(id) {}

void FunctionBuilder::error(const clang::Stmt* where, std::string rule, std::string message) {
  model_.error(context_, where ? where->getBeginLoc() : function_->getLocation(), std::move(rule),
               std::move(message));
}

// --- Slots, targets, jumps. ---------------------------------------------------------------------

const void* FunctionBuilder::temp_key() { return &temp_keys_.emplace_back(); }

FunctionBuilder::Target* FunctionBuilder::new_target(std::vector<Slot> extra) {
  Target& target = targets_.emplace_back();
  target.block = graph_->new_block();
  target.slots = env_;
  target.slots.insert(target.slots.end(), extra.begin(), extra.end());
  for (const Slot& slot : target.slots) graph_->add_inputarg(target.block, slot.type);
  return &target;
}

ir::Value FunctionBuilder::lookup(const void* key, const clang::Expr* use) {
  for (auto it = env_.rbegin(); it != env_.rend(); ++it)
    if (it->key == key) return it->value;
  error(use, "S1 initialise-locals", "internal: a local variable is not in scope here");
  return program_.const_none();
}

const FunctionBuilder::Slot* FunctionBuilder::find_slot(const void* key) const {
  for (auto it = env_.rbegin(); it != env_.rend(); ++it)
    if (it->key == key) return &*it;
  return nullptr;
}

void FunctionBuilder::assign_slot(const void* key, ir::Value value) {
  for (auto it = env_.rbegin(); it != env_.rend(); ++it)
    if (it->key == key) {
      it->value = value;
      return;
    }
}

void FunctionBuilder::push_slot(const void* key, ir::TypeId type, ir::Value value) {
  env_.push_back({key, type, value});
}

void FunctionBuilder::jump(Target* target, llvm::ArrayRef<ir::Value> extra) {
  std::vector<ir::Value> args;
  size_t from_env = target->slots.size() - extra.size();
  for (size_t i = 0; i < from_env; ++i) args.push_back(lookup(target->slots[i].key, nullptr));
  args.insert(args.end(), extra.begin(), extra.end());
  graph_->add_link(current_, target->block, args);
  start_dead_block();
}

void FunctionBuilder::enter(Target* target) {
  current_ = target->block;
  env_ = target->slots;
  const ir::Block& block = graph_->block(target->block);
  for (size_t i = 0; i < env_.size(); ++i) env_[i].value = block.inputargs[i];
}

// Code after a return, break, continue or throw goes to a block nothing jumps to: it is never
// printed or verified, and the environment keeps its (now meaningless) values.
void FunctionBuilder::start_dead_block() { current_ = graph_->new_block(); }

void FunctionBuilder::branch(ir::Value condition, Target* if_false, Target* if_true) {
  if (condition.is_none()) condition = program_.const_bool(false);  // after an error
  if (condition.is_constant()) {
    jump(program_.constant(condition.constant()).int_value ? if_true : if_false);
    return;
  }
  ir::BlockId source = current_;
  graph_->set_exitswitch(source, ir::ExitSwitch::on(condition.variable()));
  for (auto [target, value] : {std::pair{if_false, false}, std::pair{if_true, true}}) {
    std::vector<ir::Value> args;
    for (const Slot& slot : target->slots) args.push_back(lookup(slot.key, nullptr));
    graph_->add_link(source, target->block, args, ir::ExitCase::boolean(value));
  }
  start_dead_block();
}

// Appends an operation. Inside a try, an operation that can raise ends its block with a
// last-exception switch: one link per catch clause in scope (innermost try first, classes already
// caught skipped), then rt::Exception to the except block unless something catches everything.
ir::Value FunctionBuilder::emit(ir::Opcode opcode, llvm::ArrayRef<ir::Value> args, ir::TypeId result) {
  ir::VarId var;
  if (result.valid() && !program_.types().is_void(result)) var = graph_->new_variable(result);
  graph_->append_op(current_, opcode, args, var);
  ir::Value value = var.valid() ? ir::Value(var) : ir::Value(program_.const_none());
  if (tries_.empty() || !ir::op_info(opcode).can_raise()) return value;
  ir::BlockId source = current_;
  std::vector<Slot> extra;
  if (var.valid()) extra.push_back({temp_key(), result, value});
  Target* normal = new_target(extra);
  graph_->set_exitswitch(source, ir::ExitSwitch::last_exception());
  std::vector<ir::Value> args_normal;
  for (const Slot& slot : env_) args_normal.push_back(slot.value);
  if (var.valid()) args_normal.push_back(value);
  graph_->add_link(source, normal->block, args_normal);
  std::vector<ir::ClassId> caught;
  auto add_exception_link = [&](ir::ClassId cls, Target* target) {
    for (ir::ClassId done : caught)
      if (program_.is_subclass(cls, done)) return;
    caught.push_back(cls);
    ir::VarId exc_class = graph_->new_variable(program_.types().class_ref(cls));
    ir::VarId exc_value = graph_->new_variable(program_.types().pointer(cls));
    std::vector<ir::Value> link_args;
    if (target) {
      for (size_t i = 0; i + 1 < target->slots.size(); ++i) link_args.push_back(lookup(target->slots[i].key, nullptr));
      link_args.push_back(exc_value);
    } else {
      link_args = {exc_class, exc_value};
    }
    ir::LinkId link = graph_->add_link(source, target ? target->block : graph_->except_block(), link_args,
                                       ir::ExitCase::exception(cls));
    graph_->link_mut(link).last_exception = exc_class;
    graph_->link_mut(link).last_exc_value = exc_value;
  };
  for (auto it = tries_.rbegin(); it != tries_.rend(); ++it)
    for (const CatchClause& clause : it->clauses) add_exception_link(clause.cls, clause.target);
  add_exception_link(program_.exception_class(), nullptr);
  enter(normal);
  if (!var.valid()) return value;
  ir::Value carried = env_.back().value;
  env_.pop_back();
  return carried;
}

// `throw p`: the exception's class is p's static class (rule X5), so the matching handler is
// known here: a jump to it, or a link to the except block.
void FunctionBuilder::throw_value(ir::Value object, ir::ClassId static_class) {
  for (auto it = tries_.rbegin(); it != tries_.rend(); ++it)
    for (const CatchClause& clause : it->clauses)
      if (program_.is_subclass(static_class, clause.cls)) {
        jump(clause.target, {object});
        return;
      }
  graph_->add_link(current_, graph_->except_block(), {program_.const_class(static_class), object});
  start_dead_block();
}

// After a [[noreturn]] call, or falling off the end of a non-void function: a block must end
// somehow, and it raises rt::RuntimeError straight to the caller (never executed).
void FunctionBuilder::unreachable() {
  ir::ClassId cls = program_.rt_exception_class(ir::RtException::kRuntimeError);
  ir::VarId object = graph_->new_variable(program_.types().pointer(cls));
  graph_->append_op(current_, ir::Opcode::new_object, {program_.const_class(cls)}, object);
  graph_->append_op(current_, ir::Opcode::setfield,
                    {object, program_.const_field(program_.find_own_field(program_.exception_class(), "message")),
                     program_.const_str("unreachable")});
  graph_->add_link(current_, graph_->except_block(), {program_.const_class(cls), object});
  start_dead_block();
}

// --- The function. ---------------------------------------------------------------------------------

void FunctionBuilder::build() {
  graph_ = &program_.create_graph(id_);
  current_ = graph_->start_block();
  const ir::Block& start = graph_->block(current_);
  unsigned arg = 0;
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function_);
  if (method && !method->isStatic()) push_slot(&this_key_, graph_->variable(start.inputargs[0]).type, start.inputargs[arg++]);
  for (const clang::ParmVarDecl* param : function_->parameters()) {
    ir::VarId var = start.inputargs[arg++];
    push_slot(param, graph_->variable(var).type, var);
  }
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructorDecl>(function_)) constructor_initialisers(ctor);
  statement(function_->getBody());
  ir::TypeId result = program_.function_info(id_).result;
  if (program_.types().is_void(result)) {
    graph_->add_link(current_, graph_->return_block(), {program_.const_none()});
  } else {
    unreachable();
  }
  prune_block_arguments(*graph_);
  skip_forwarding_blocks(*graph_);
}

void FunctionBuilder::constructor_initialisers(const clang::CXXConstructorDecl* ctor) {
  for (const clang::CXXCtorInitializer* init : ctor->inits()) {
    const clang::Expr* expr = init->getInit();
    if (init->isBaseInitializer()) {
      const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(expr->IgnoreImplicit());
      if (!construct) {
        error(expr, "C6 field-init", "unsupported base initialiser");
        continue;
      }
      const clang::CXXConstructorDecl* base_ctor = construct->getConstructor();
      const LibraryOp* op = library_op_of(base_ctor);
      if (is_rt_library(base_ctor) && base_ctor->getParent()->getName() == "Object") continue;
      std::vector<const clang::Expr*> args(construct->arg_begin(), construct->arg_end());
      if (is_form(op, "exception_init")) {
        std::vector<ir::Value> values = arguments(args);
        ir::FieldId message = program_.find_own_field(program_.exception_class(), "message");
        emit(ir::Opcode::setfield, {lookup(&this_key_, nullptr), program_.const_field(message),
                                    values.empty() ? ir::Value(program_.const_str("")) : values[0]});
        continue;
      }
      if (is_rt_library(base_ctor)) {
        error(expr, "L1 rt-api", "this rt class cannot be a base class");
        continue;
      }
      ir::FunctionId callee = model_.function_of(base_ctor, expr->getBeginLoc());
      std::vector<ir::Value> values = arguments(args, lookup(&this_key_, nullptr));
      if (callee.valid()) emit(ir::Opcode::direct_call, [&] {
          std::vector<ir::Value> all{program_.const_function(callee)};
          all.insert(all.end(), values.begin(), values.end());
          return all;
        }(), program_.types().void_type());
    } else if (init->isMemberInitializer()) {
      if (llvm::isa<clang::ImplicitValueInitExpr>(expr)) continue;  // zero: new_object did it
      ir::FieldId field = model_.field_of(init->getMember(), expr->getBeginLoc());
      ir::Value v = value(expr);
      if (field.valid()) emit(ir::Opcode::setfield, {lookup(&this_key_, nullptr), program_.const_field(field), v});
    } else if (init->isDelegatingInitializer()) {
      // The target constructor runs on the same object; it is the only initialiser.
      const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(expr->IgnoreImplicit());
      if (!construct) {
        error(expr, "C6 field-init", "unsupported delegating initialiser");
        continue;
      }
      ir::FunctionId callee = model_.function_of(construct->getConstructor(), expr->getBeginLoc());
      std::vector<const clang::Expr*> args(construct->arg_begin(), construct->arg_end());
      std::vector<ir::Value> values = arguments(args, lookup(&this_key_, nullptr));
      if (!callee.valid()) continue;
      values.insert(values.begin(), program_.const_function(callee));
      emit(ir::Opcode::direct_call, values, program_.types().void_type());
    } else {
      error(expr, "C6 field-init", "unsupported constructor initialiser");
    }
  }
}

// --- Statements. ---------------------------------------------------------------------------------

void FunctionBuilder::statement(const clang::Stmt* stmt) {
  if (!stmt) return;
  if (const auto* expr = llvm::dyn_cast<clang::Expr>(stmt)) {
    value(expr);
    return;
  }
  switch (stmt->getStmtClass()) {
    case clang::Stmt::CompoundStmtClass: return compound(llvm::cast<clang::CompoundStmt>(stmt));
    case clang::Stmt::NullStmtClass: return;
    case clang::Stmt::AttributedStmtClass:  // [[fallthrough]], [[likely]]: no effect on the graph
      return statement(llvm::cast<clang::AttributedStmt>(stmt)->getSubStmt());
    case clang::Stmt::DeclStmtClass:
      for (const clang::Decl* decl : llvm::cast<clang::DeclStmt>(stmt)->decls()) {
        if (const auto* var = llvm::dyn_cast<clang::VarDecl>(decl)) declaration(var);
        else if (!llvm::isa<clang::TypedefNameDecl>(decl) && !llvm::isa<clang::StaticAssertDecl>(decl))
          error(stmt, "P7 unlisted-features", "unsupported local declaration");
      }
      return;
    case clang::Stmt::ReturnStmtClass: {
      const clang::Expr* result = llvm::cast<clang::ReturnStmt>(stmt)->getRetValue();
      ir::Value v = result ? value(result) : ir::Value(program_.const_none());
      if (result && program_.types().is_void(type_of(result))) v = program_.const_none();
      graph_->add_link(current_, graph_->return_block(), {v});
      start_dead_block();
      return;
    }
    case clang::Stmt::IfStmtClass: return if_statement(llvm::cast<clang::IfStmt>(stmt));
    case clang::Stmt::WhileStmtClass: return while_statement(llvm::cast<clang::WhileStmt>(stmt));
    case clang::Stmt::DoStmtClass: return do_statement(llvm::cast<clang::DoStmt>(stmt));
    case clang::Stmt::ForStmtClass: return for_statement(llvm::cast<clang::ForStmt>(stmt));
    case clang::Stmt::CXXForRangeStmtClass: return range_for(llvm::cast<clang::CXXForRangeStmt>(stmt));
    case clang::Stmt::SwitchStmtClass: return switch_statement(llvm::cast<clang::SwitchStmt>(stmt));
    case clang::Stmt::CXXTryStmtClass: return try_statement(llvm::cast<clang::CXXTryStmt>(stmt));
    case clang::Stmt::BreakStmtClass:
      if (break_targets_.empty()) return error(stmt, "P7 unlisted-features", "break outside a loop or switch");
      return jump(break_targets_.back());
    case clang::Stmt::ContinueStmtClass:
      if (continue_targets_.empty()) return error(stmt, "P7 unlisted-features", "continue outside a loop");
      return jump(continue_targets_.back());
    case clang::Stmt::GotoStmtClass: case clang::Stmt::LabelStmtClass:
      return error(stmt, "S2 no-goto", "goto and labels are not RC++");
    default:
      return error(stmt, "P7 unlisted-features",
                   std::string("statement '") + stmt->getStmtClassName() + "' is not supported");
  }
}

void FunctionBuilder::compound(const clang::CompoundStmt* stmt) {
  size_t scope = env_.size();
  for (const clang::Stmt* child : stmt->body()) statement(child);
  env_.resize(scope);  // the block's locals go out of scope
}

void FunctionBuilder::declaration(const clang::VarDecl* var) {
  if (!var->isLocalVarDecl() || var->isStaticLocal()) {
    if (!var->isLocalVarDecl()) return;
    return error(nullptr, "G2 no-local-statics", "static locals are not RC++"), void();
  }
  ir::TypeId type = type_of(var->getType(), nullptr);
  if (!type.valid()) return push_slot(var, program_.types().void_type(), program_.const_none());
  const clang::Expr* init = var->getInit();
  ir::Value v = init ? value(init) : ir::Value(model_.zero_of(type));
  if (init && program_.types().is_int(type)) v = convert_int(v, type_of(init), type);
  push_slot(var, type, v);
}

void FunctionBuilder::if_statement(const clang::IfStmt* stmt) {
  if (stmt->isConsteval()) return error(stmt, "F2 compile-time-functions", "if consteval is not supported");
  size_t scope = env_.size();
  if (stmt->getInit()) statement(stmt->getInit());
  if (const clang::VarDecl* var = stmt->getConditionVariable()) declaration(var);
  if (stmt->isConstexpr()) {
    std::optional<ir::Value> known = fold(stmt->getCond());
    bool taken = known && program_.constant(known->constant()).int_value;
    statement(taken ? stmt->getThen() : stmt->getElse());
    env_.resize(scope);
    return;
  }
  ir::Value cond = condition(stmt->getCond());
  Target* then_target = new_target();
  Target* else_target = new_target();
  branch(cond, else_target, then_target);
  enter(then_target);
  statement(stmt->getThen());
  // The join receives the slots in scope before the if (the branch's own locals are gone).
  env_.resize(std::min(env_.size(), then_target->slots.size()));
  Target* join = new_target();
  jump(join);
  enter(else_target);
  statement(stmt->getElse());
  env_.resize(else_target->slots.size());
  jump(join);
  enter(join);
  env_.resize(scope);
}

void FunctionBuilder::while_statement(const clang::WhileStmt* stmt) {
  size_t scope = env_.size();
  Target* header = new_target();
  jump(header);
  enter(header);
  Target* exit = new_target();
  if (const clang::VarDecl* var = stmt->getConditionVariable()) declaration(var);
  ir::Value cond = condition(stmt->getCond());
  Target* body = new_target();
  branch(cond, exit, body);
  enter(body);
  break_targets_.push_back(exit);
  continue_targets_.push_back(header);
  statement(stmt->getBody());
  break_targets_.pop_back();
  continue_targets_.pop_back();
  jump(header);
  enter(exit);
  env_.resize(scope);
}

void FunctionBuilder::do_statement(const clang::DoStmt* stmt) {
  Target* body = new_target();
  Target* exit = new_target();
  jump(body);
  enter(body);
  Target* cond_target = new_target();
  break_targets_.push_back(exit);
  continue_targets_.push_back(cond_target);
  statement(stmt->getBody());
  break_targets_.pop_back();
  continue_targets_.pop_back();
  jump(cond_target);
  enter(cond_target);
  ir::Value cond = condition(stmt->getCond());
  branch(cond, exit, body);
  enter(exit);
}

void FunctionBuilder::for_statement(const clang::ForStmt* stmt) {
  size_t scope = env_.size();
  if (stmt->getInit()) statement(stmt->getInit());
  Target* header = new_target();
  jump(header);
  enter(header);
  Target* exit = new_target();
  if (const clang::VarDecl* var = stmt->getConditionVariable()) declaration(var);
  ir::Value cond = stmt->getCond() ? condition(stmt->getCond()) : ir::Value(program_.const_bool(true));
  Target* body = new_target();
  branch(cond, exit, body);
  enter(body);
  Target* increment = new_target();
  break_targets_.push_back(exit);
  continue_targets_.push_back(increment);
  statement(stmt->getBody());
  break_targets_.pop_back();
  continue_targets_.pop_back();
  jump(increment);
  enter(increment);
  if (stmt->getInc()) value(stmt->getInc());
  jump(header);
  enter(exit);
  env_.resize(scope);
}

// Range-for over rt containers (rule L2): lists and arrays as an index loop that re-reads the
// length at every step; dicts through dict_iter / dictiter_next / dictiter_key / _value. The
// hidden begin/end/operator calls are never lowered.
void FunctionBuilder::range_for(const clang::CXXForRangeStmt* stmt) {
  size_t scope = env_.size();
  if (stmt->getInit()) statement(stmt->getInit());
  const auto* deref = llvm::dyn_cast<clang::UnaryOperator>(stmt->getRangeInit()->IgnoreParenImpCasts());
  if (!deref || deref->getOpcode() != clang::UO_Deref)
    return error(stmt->getRangeInit(), "L2 container-iteration", "range-for works over *list, *array and *dict only");
  ir::TypeId container_type = type_of(deref->getSubExpr());
  if (!container_type.valid()) return;
  ir::TypeKind kind = program_.types().kind(container_type);
  if (kind != ir::TypeKind::kList && kind != ir::TypeKind::kArray && kind != ir::TypeKind::kDict)
    return error(stmt->getRangeInit(), "L2 container-iteration", "range-for works over *list, *array and *dict only");
  ir::Value container = value(deref->getSubExpr());
  const ir::Type& ctype = program_.types().get(container_type);
  const void* container_key = temp_key();
  push_slot(container_key, container_type, container);
  const void* cursor_key = temp_key();
  ir::TypeId i64 = program_.types().i64();
  bool is_dict = kind == ir::TypeKind::kDict;
  ir::TypeId iter_type = is_dict ? program_.types().dict_iter(ctype.item, ctype.value) : i64;
  ir::Value cursor = is_dict ? emit(ir::Opcode::dict_iter, {container}, iter_type) : ir::Value(program_.const_int(i64, 0));
  push_slot(cursor_key, iter_type, cursor);
  Target* header = new_target();
  jump(header);
  enter(header);
  Target* exit = new_target();
  ir::Value more;
  if (is_dict) {
    more = emit(ir::Opcode::dictiter_next, {lookup(cursor_key, nullptr)}, program_.types().bool_type());
  } else {
    ir::Value length = emit(kind == ir::TypeKind::kList ? ir::Opcode::list_len : ir::Opcode::array_len,
                            {lookup(container_key, nullptr)}, i64);
    more = emit(ir::Opcode::int_lt, {lookup(cursor_key, nullptr), length}, program_.types().bool_type());
  }
  Target* body = new_target();
  branch(more, exit, body);
  enter(body);
  Target* next = nullptr;
  const clang::VarDecl* var = stmt->getLoopVariable();
  if (is_dict) {
    ir::Value key = emit(ir::Opcode::dictiter_key, {lookup(cursor_key, nullptr)}, ctype.item);
    ir::Value item = emit(ir::Opcode::dictiter_value, {lookup(cursor_key, nullptr)}, ctype.value);
    if (const auto* bindings = llvm::dyn_cast<clang::DecompositionDecl>(var)) {
      if (bindings->bindings().size() != 2) return error(stmt, "S5 structured-bindings", "a dict item has two parts");
      push_slot(bindings->bindings()[0], ctype.item, key);
      push_slot(bindings->bindings()[1], ctype.value, item);
    } else {
      // A DictItem variable: its key and value are two slots.
      push_slot(var, ctype.item, key);
      push_slot(reinterpret_cast<const char*>(var) + 1, ctype.value, item);
    }
    next = header;
  } else {
    ir::Value item = emit(kind == ir::TypeKind::kList ? ir::Opcode::list_getitem : ir::Opcode::array_getitem,
                          {lookup(container_key, nullptr), lookup(cursor_key, nullptr)}, ctype.item);
    ir::TypeId var_type = type_of(var->getType(), nullptr);
    if (var_type.valid() && program_.types().is_int(var_type)) item = convert_int(item, ctype.item, var_type);
    push_slot(var, var_type.valid() ? var_type : ctype.item, item);
  }
  size_t body_scope = is_dict ? env_.size() - 2 : env_.size() - 1;
  if (!is_dict) {
    std::vector<Slot> saved(env_.begin() + body_scope, env_.end());
    env_.resize(body_scope);
    next = new_target();
    env_.insert(env_.end(), saved.begin(), saved.end());
  }
  break_targets_.push_back(exit);
  continue_targets_.push_back(next);
  statement(stmt->getBody());
  break_targets_.pop_back();
  continue_targets_.pop_back();
  jump(next);
  if (!is_dict) {
    enter(next);
    ir::Value bumped = emit(ir::Opcode::int_add, {lookup(cursor_key, nullptr), program_.const_int(i64, 1)}, i64);
    assign_slot(cursor_key, bumped);
    jump(header);
  }
  enter(exit);
  env_.resize(scope);
}

// switch: one block per label, cases in source order then the default (or the exit), the
// labels' blocks lowered in order so that falling through is a jump to the next label's block.
void FunctionBuilder::switch_statement(const clang::SwitchStmt* stmt) {
  size_t scope = env_.size();
  if (stmt->getInit()) statement(stmt->getInit());
  if (const clang::VarDecl* var = stmt->getConditionVariable()) declaration(var);
  ir::Value cond = value(stmt->getCond());
  ir::TypeId cond_type = type_of(stmt->getCond());
  if (cond.is_none() || !cond_type.valid()) return;  // after an error
  if (cond.is_constant()) cond = emit(ir::Opcode::same_as, {cond}, cond_type);
  const auto* body = llvm::dyn_cast<clang::CompoundStmt>(stmt->getBody());
  if (!body) return error(stmt, "P7 unlisted-features", "a switch body must be a block");
  Target* exit = new_target();
  std::map<const clang::Stmt*, Target*> label_targets;
  std::vector<std::pair<int64_t, Target*>> cases;
  Target* default_target = nullptr;
  for (const clang::Stmt* child : body->body()) {
    for (const clang::Stmt* s = child; llvm::isa<clang::SwitchCase>(s);) {
      Target* target = new_target();
      label_targets[s] = target;
      if (const auto* c = llvm::dyn_cast<clang::CaseStmt>(s)) {
        if (c->getRHS()) return error(c, "P6 extensions-and-attributes", "case ranges are not RC++");
        llvm::APSInt v = c->getLHS()->EvaluateKnownConstInt(context_);
        cases.push_back({v.isSigned() ? v.getSExtValue() : int64_t(v.getZExtValue()), target});
        s = c->getSubStmt();
      } else {
        default_target = target;
        s = llvm::cast<clang::DefaultStmt>(s)->getSubStmt();
      }
    }
  }
  ir::BlockId source = current_;
  graph_->set_exitswitch(source, ir::ExitSwitch::on(cond.variable()));
  auto add = [&](Target* target, ir::ExitCase exitcase) {
    std::vector<ir::Value> args;
    for (const Slot& slot : target->slots) args.push_back(lookup(slot.key, nullptr));
    graph_->add_link(source, target->block, args, exitcase);
  };
  for (auto [v, target] : cases) add(target, ir::ExitCase::integer(v));
  add(default_target ? default_target : exit, ir::ExitCase::default_case());
  start_dead_block();
  break_targets_.push_back(exit);
  for (const clang::Stmt* child : body->body()) {
    const clang::Stmt* s = child;
    while (llvm::isa<clang::SwitchCase>(s)) {
      Target* target = label_targets[s];
      env_.resize(std::min(env_.size(), target->slots.size()));
      jump(target);  // falling through from the previous label
      enter(target);
      s = llvm::cast<clang::SwitchCase>(s)->getSubStmt();
    }
    statement(s);
  }
  break_targets_.pop_back();
  env_.resize(std::min(env_.size(), exit->slots.size()));
  jump(exit);
  enter(exit);
  env_.resize(scope);
}

void FunctionBuilder::try_statement(const clang::CXXTryStmt* stmt) {
  size_t scope = env_.size();
  TryContext context;
  for (unsigned i = 0; i < stmt->getNumHandlers(); ++i) {
    const clang::CXXCatchStmt* handler = stmt->getHandler(i);
    ir::ClassId cls = program_.exception_class();
    const clang::VarDecl* var = handler->getExceptionDecl();
    if (var) {
      if (!var->getType()->isPointerType()) {
        error(handler, "X2 catch-by-pointer", "catch exceptions by pointer");
        continue;
      }
      cls = pointee_class(var->getType(), nullptr);
      if (!cls.valid()) continue;
    }
    Target* target = new_target({{var ? static_cast<const void*>(var) : temp_key(), program_.types().pointer(cls), {}}});
    context.clauses.push_back({cls, target});
  }
  Target* after = new_target();
  // The try's operations start a block of their own: only its last operation may raise.
  Target* body = new_target();
  jump(body);
  enter(body);
  tries_.push_back(context);
  statement(stmt->getTryBlock());
  tries_.pop_back();
  env_.resize(std::min(env_.size(), after->slots.size()));
  jump(after);
  for (const CatchClause& clause : context.clauses) {
    enter(clause.target);
    unsigned index = &clause - context.clauses.data();
    statement(stmt->getHandler(index)->getHandlerBlock());
    env_.resize(std::min(env_.size(), after->slots.size()));
    jump(after);
  }
  enter(after);
  env_.resize(scope);
}

}  // namespace rtoolchain::frontend
