// Calls and constructions: program functions (direct, virtual, through pointers), the rt library
// by its marking (operations, externals and forms of library_ops.def), rt::make and string
// literals.
#include <clang/AST/ASTContext.h>
#include <clang/AST/RecursiveASTVisitor.h>

#include "graph_builder.h"

namespace rtoolchain::frontend {
namespace {

// The construct expression of an rt::make instantiation's placement new.
const clang::CXXConstructExpr* construct_in_make(const clang::FunctionDecl* make) {
  struct Finder : clang::RecursiveASTVisitor<Finder> {
    const clang::CXXConstructExpr* found = nullptr;
    bool VisitCXXNewExpr(clang::CXXNewExpr* expr) {
      if (const clang::CXXConstructExpr* construct = expr->getConstructExpr()) found = construct;
      return !found;
    }
  } finder;
  if (const clang::FunctionDecl* definition = make->getDefinition()) finder.TraverseStmt(definition->getBody());
  return finder.found;
}

bool is_qualified_call(const clang::CallExpr* call) {
  const auto* member = llvm::dyn_cast<clang::MemberExpr>(call->getCallee()->IgnoreParens());
  return member && member->hasQualifier();
}

}  // namespace

ir::Value FunctionBuilder::call(const clang::CallExpr* expr) {
  ir::TypeId result = type_of(expr);
  const clang::FunctionDecl* callee = expr->getDirectCallee();
  std::vector<const clang::Expr*> args(expr->arg_begin(), expr->arg_end());
  if (!callee) {
    // Through a function pointer: an indirect call whose targets an analysis fills in later.
    if (llvm::isa<clang::CXXMemberCallExpr>(expr) || llvm::isa<clang::CXXOperatorCallExpr>(expr)) {
      error(expr, "F5 function-pointers", "unsupported call");
      return poison(result);
    }
    ir::Value fn = value(expr->getCallee());
    std::vector<ir::Value> values = arguments(args, fn);
    values.insert(values.begin() + 1, program_.const_unknown_targets());
    return emit(ir::Opcode::indirect_call, values, result);
  }
  const clang::Expr* object = nullptr;
  if (const auto* member_call = llvm::dyn_cast<clang::CXXMemberCallExpr>(expr)) {
    object = member_call->getImplicitObjectArgument();
  } else if (llvm::isa<clang::CXXOperatorCallExpr>(expr) && llvm::isa<clang::CXXMethodDecl>(callee)) {
    object = args.front();
    args.erase(args.begin());
  }
  // Assigning a value (Str, a DictItem, a value struct) is its implicit copy assignment.
  if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(callee);
      method && (method->isTrivial() || (!method->isUserProvided() && is_value_struct(method->getParent()))) &&
      (method->isCopyAssignmentOperator() || method->isMoveAssignmentOperator()) && object && args.size() == 1)
    return assign(object, args[0]);
  if (const LibraryOp* op = library_op_of(callee)) return library_call(expr, callee, *op, object, args);
  if (is_rt_library(callee)) {
    error(expr, "L1 rt-api", "'" + callee->getQualifiedNameAsString() + "' is not part of the rt API");
    return poison(result);
  }
  if (llvm::isa<clang::CXXOperatorCallExpr>(expr)) {
    error(expr, "C9 no-operator-overloading", "overloaded operators are not RC++");
    return poison(result);
  }
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(callee);
  ir::Value receiver;
  if (method && method->isStatic() && object) {
    value(object);  // `x.f()` with a static f still evaluates x
  } else if (method && !method->isStatic()) {
    if (!object) {
      error(expr, "P7 unlisted-features", "method call without an object");
      return poison(result);
    }
    receiver = value(object);
  }
  ir::Value v;
  if (method && method->isVirtual() && !is_qualified_call(expr)) {
    ir::ClassId cls = object->getType()->isPointerType() ? pointee_class(object->getType(), object)
                                                         : model_.class_of(object->getType()->getAsCXXRecordDecl(), expr->getBeginLoc());
    std::vector<ir::Value> values = arguments(args, receiver);
    if (!cls.valid()) return poison(result);
    values.insert(values.begin(), program_.const_method(cls, method->getName()));
    v = emit(ir::Opcode::virtual_call, values, result);
  } else {
    ir::FunctionId id = model_.function_of(callee, expr->getBeginLoc());
    std::vector<ir::Value> values = arguments(args, receiver);
    if (!id.valid()) return poison(result);
    values.insert(values.begin(), program_.const_function(id));
    v = emit(ir::Opcode::direct_call, values, result);
  }
  if (callee->isNoReturn()) unreachable();
  return v;
}

ir::Value FunctionBuilder::library_call(const clang::Expr* expr, const clang::FunctionDecl* callee,
                                        const LibraryOp& op, const clang::Expr* object,
                                        llvm::ArrayRef<const clang::Expr*> args) {
  ir::TypeId result = type_of(expr);
  const auto* call_expr = llvm::dyn_cast<clang::CallExpr>(expr);
  switch (op.kind) {
    case LibraryOp::Kind::kExternal: {
      ir::FunctionId id = model_.external_of(callee, op, expr->getBeginLoc());
      std::vector<ir::Value> values = arguments(args);
      if (!id.valid()) return poison(result);
      values.insert(values.begin(), program_.const_function(id));
      ir::Value v = emit(ir::Opcode::direct_call, values, result);
      if (callee->isNoReturn()) unreachable();
      return v;
    }
    case LibraryOp::Kind::kForm: {
      if (op.name == "make" && call_expr) return make(call_expr, callee);
      if (op.name == "raise") {
        const clang::TemplateArgumentList* targs = callee->getTemplateSpecializationArgs();
        const clang::CXXRecordDecl* record = targs ? targs->get(0).getAsType()->getAsCXXRecordDecl() : nullptr;
        ir::ClassId cls = record ? model_.class_of(record, expr->getBeginLoc()) : ir::ClassId();
        if (!cls.valid() || !program_.class_info(cls).is_builtin) {
          error(expr, "L1 rt-api", "rt::raise<E> takes an rt exception class; throw rt::make<E>(...) otherwise");
          return program_.const_none();
        }
        ir::Value exception = new_rt_exception(cls, args, expr);
        throw_value(exception, cls);
        return program_.const_none();
      }
      if (op.name == "jit_virtual_ref" || op.name == "jit_virtual_ref_finish") {
        error(expr, "H13 hint-arguments", "the hint rt::jit::" + callee->getNameAsString() + " is not implemented by the graph builder yet");
        return poison(result);
      }
      if (op.name == "range_for") {
        error(expr, "L1 rt-api", "begin(), end() and iterators are not RC++: use range-for");
        return poison(result);
      }
      error(expr, "L1 rt-api", "'" + callee->getQualifiedNameAsString() + "' cannot be called here");
      return poison(result);
    }
    case LibraryOp::Kind::kOp: break;
  }
  // JIT driver methods: the driver is the operation's descriptor.
  if (op.opcode == ir::Opcode::jit_merge_point || op.opcode == ir::Opcode::can_enter_jit ||
      op.opcode == ir::Opcode::jit_set_param || op.opcode == ir::Opcode::jit_set_user_param) {
    const clang::Expr* driver_expr = object ? object : (args.empty() ? nullptr : args.front());
    if (!object && !args.empty()) args = args.drop_front();
    const auto* ref = driver_expr ? llvm::dyn_cast<clang::DeclRefExpr>(driver_expr->IgnoreParenImpCasts()) : nullptr;
    const auto* var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
    if (!var || !model_.is_driver(var)) {
      error(expr, "H2 jit-driver", "name the JIT driver global directly");
      return program_.const_none();
    }
    ir::JitDriverId driver = model_.driver_of(var, expr->getBeginLoc());
    std::vector<ir::Value> values = arguments(args);
    if (!driver.valid()) return program_.const_none();
    if (op.opcode == ir::Opcode::jit_set_param && values.size() == 2)
      values[0] = convert_int(values[0], type_of(args[0]), program_.types().i64());
    values.insert(values.begin(), program_.const_jit_driver(driver));
    return emit(op.opcode, values, result);
  }
  if (op.opcode == ir::Opcode::jit_record_exact_class) {
    const clang::TemplateArgumentList* targs = callee->getTemplateSpecializationArgs();
    const clang::CXXRecordDecl* record = targs ? targs->get(0).getAsType()->getAsCXXRecordDecl() : nullptr;
    ir::ClassId cls = record ? model_.class_of(record, expr->getBeginLoc()) : ir::ClassId();
    std::vector<ir::Value> values = arguments(args);
    if (!cls.valid()) return program_.const_none();
    values.push_back(program_.const_class(cls));
    return emit(op.opcode, values, result);
  }
  if (op.opcode == ir::Opcode::virtual_call) {  // rt::Exception::type_name
    ir::ClassId cls = object && object->getType()->isPointerType() ? pointee_class(object->getType(), object)
                                                                    : ir::ClassId();
    if (!cls.valid()) return poison(result);
    ir::Value receiver = value(object);
    std::vector<ir::Value> values = arguments(args, receiver);
    values.insert(values.begin(), program_.const_method(cls, callee->getName()));
    return emit(op.opcode, values, result);
  }
  ir::Value receiver;
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(callee);
  if (method && !method->isStatic() && object) receiver = value(object);
  std::vector<ir::Value> values = arguments(args, receiver);
  return emit(op.opcode, values, result);
}

// A Str from a string literal (or a choice between literals): a constant.
ir::Value FunctionBuilder::str_from_literal(const clang::Expr* expr) {
  if (const clang::Expr* replacement = substituted(expr->IgnoreParenImpCasts())) {
    auto saved = std::move(substitutions_);
    substitutions_.clear();
    ir::Value v = str_from_literal(replacement);
    substitutions_ = std::move(saved);
    return v;
  }
  const clang::Expr* e = expr->IgnoreParenImpCasts();
  if (const auto* literal = llvm::dyn_cast<clang::StringLiteral>(e))
    return program_.const_str(literal->getBytes());
  if (const auto* choice = llvm::dyn_cast<clang::ConditionalOperator>(e)) {
    ir::TypeId str = program_.types().str();
    ir::Value cond = condition(choice->getCond());
    Target* join = new_target({{temp_key(), str, {}}});
    Target* then_target = new_target();
    Target* else_target = new_target();
    branch(cond, else_target, then_target);
    enter(then_target);
    jump(join, {str_from_literal(choice->getTrueExpr())});
    enter(else_target);
    jump(join, {str_from_literal(choice->getFalseExpr())});
    enter(join);
    ir::Value result = env_.back().value;
    env_.pop_back();
    return result;
  }
  error(expr, "T8 strings", "an rt::Str is made from a string literal only");
  return program_.const_str("");
}

ir::Value FunctionBuilder::construct(const clang::CXXConstructExpr* expr) {
  const clang::CXXConstructorDecl* ctor = expr->getConstructor();
  ir::TypeId type = type_of(expr);
  // Copies of values (Str, DictItem, value structs) are the value itself.
  bool struct_ctor = is_value_struct(ctor->getParent()) && !ctor->isUserProvided();
  if (ctor->isCopyOrMoveConstructor() && (ctor->isTrivial() || struct_ctor) && expr->getNumArgs() == 1)
    return value(expr->getArg(0));
  // A value struct's implicit default constructor (value-initialisation `Pos()`, a field or an
  // rt::Array item without initialiser): its default member initialisers, zeros otherwise.
  if (struct_ctor && ctor->isDefaultConstructor()) return default_struct(ctor->getParent(), expr);
  const LibraryOp* op = library_op_of(ctor);
  if (is_form(op, "str_literal")) {
    if (expr->getNumArgs() == 0) return program_.const_str("");
    return str_from_literal(expr->getArg(0));
  }
  if (op && op->kind == LibraryOp::Kind::kOp && op->opcode == ir::Opcode::strbuilder_new) {
    std::vector<const clang::Expr*> args(expr->arg_begin(), expr->arg_end());
    std::vector<ir::Value> values = arguments(args);
    return emit(ir::Opcode::strbuilder_new, values, type);
  }
  if (op || is_rt_library(ctor)) {
    error(expr, "C3 make-only", "rt objects are made with rt::make<T>(...)");
    return poison(type);
  }
  error(expr, "C3 make-only", "GC objects are made with rt::make<T>(...)");
  return poison(type);
}

ir::Value FunctionBuilder::new_rt_exception(ir::ClassId cls, llvm::ArrayRef<const clang::Expr*> args,
                                            const clang::Expr* where) {
  std::vector<ir::Value> values = arguments(args);
  ir::Value object = emit(ir::Opcode::new_object, {program_.const_class(cls)}, program_.types().pointer(cls));
  ir::FieldId message = program_.find_own_field(program_.exception_class(), "message");
  emit(ir::Opcode::setfield, {object, program_.const_field(message),
                              values.empty() ? ir::Value(program_.const_str("")) : values[0]});
  if (cls == program_.rt_exception_class(ir::RtException::kOSError)) {
    if (values.size() != 2) {
      error(where, "L1 rt-api", "rt::OSError takes a message and an errno value");
      return object;
    }
    ir::FieldId errno_field = program_.find_own_field(cls, "errno_value");
    ir::Value errno_value = convert_int(values[1], type_of(args[1]), program_.field_info(errno_field).type);
    emit(ir::Opcode::setfield, {object, program_.const_field(errno_field), errno_value});
  }
  return object;
}

// rt::make<T>(args): the construct expression of make's placement new is lowered with make's
// parameters standing for the call's arguments, so that the conversions to the constructor's
// parameter types (const char* → Str, nullptr → T*) are the ones C++ makes there.
ir::Value FunctionBuilder::make(const clang::CallExpr* expr, const clang::FunctionDecl* make_function) {
  ir::TypeId type = type_of(expr);
  const clang::CXXConstructExpr* construct = construct_in_make(make_function);
  if (!construct || !type.valid()) {
    error(expr, "C3 make-only", "cannot see the constructor rt::make runs");
    return poison(type);
  }
  auto saved = std::move(substitutions_);
  substitutions_.clear();
  for (unsigned i = 0; i < make_function->getNumParams() && i < expr->getNumArgs(); ++i)
    substitutions_[make_function->getParamDecl(i)] = expr->getArg(i);
  std::vector<const clang::Expr*> args(construct->arg_begin(), construct->arg_end());
  const clang::CXXConstructorDecl* ctor = construct->getConstructor();
  const LibraryOp* op = library_op_of(ctor);
  ir::Value result;
  if (op && op->kind == LibraryOp::Kind::kOp) {
    std::vector<ir::Value> values = arguments(args);
    result = emit(op->opcode, values, type);
  } else if (is_form(op, "exception_init")) {
    ir::ClassId cls = pointee_class(expr->getType(), expr);
    result = cls.valid() ? new_rt_exception(cls, args, expr) : poison(type);
  } else if (op || is_rt_library(ctor)) {
    error(expr, "L1 rt-api", "rt::make of this rt class is not part of the rt API");
    result = poison(type);
  } else {
    ir::ClassId cls = pointee_class(expr->getType(), expr);
    ir::FunctionId init = model_.function_of(ctor, expr->getBeginLoc());
    if (!cls.valid() || !init.valid()) {
      result = poison(type);
    } else {
      ir::Value object = emit(ir::Opcode::new_object, {program_.const_class(cls)}, type);
      std::vector<ir::Value> values = arguments(args, object);
      // The object outlives the constructor call, which may end the block inside a try.
      const void* key = temp_key();
      push_slot(key, type, values[0]);
      values.insert(values.begin(), program_.const_function(init));
      emit(ir::Opcode::direct_call, values, program_.types().void_type());
      result = lookup(key, expr);
      env_.pop_back();
    }
  }
  substitutions_ = std::move(saved);
  return result;
}

}  // namespace rtoolchain::frontend
