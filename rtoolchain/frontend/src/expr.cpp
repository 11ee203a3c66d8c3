// Expressions → operations. Every C++ conversion Clang makes explicit (an ImplicitCastExpr) becomes
// an explicit operation; rt calls are recognised by their RT_OP marking only (library_ops.def).
#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>

#include "graph_builder.h"

namespace rtoolchain::frontend {
namespace {

bool is_std_forward(const clang::CallExpr* call) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  return callee && call->getNumArgs() == 1 && callee->isInStdNamespace() &&
         (callee->getName() == "forward" || callee->getName() == "move");
}

}  // namespace

ir::TypeId FunctionBuilder::type_of(clang::QualType type, const clang::Expr* where) {
  return model_.type_of(type, context_, where ? where->getBeginLoc() : function_->getLocation());
}

ir::ClassId FunctionBuilder::pointee_class(clang::QualType pointer, const clang::Expr* where) {
  const clang::CXXRecordDecl* record = pointer->getPointeeCXXRecordDecl();
  if (!record) {
    error(where, "T5 gc-pointers", "expected a pointer to a GC class");
    return {};
  }
  return model_.class_of(record, where ? where->getBeginLoc() : function_->getLocation());
}

ir::Value FunctionBuilder::poison(ir::TypeId type) { return model_.zero_of(type); }

// The call-site argument an rt::make parameter stands for, through std::forward.
const clang::Expr* FunctionBuilder::substituted(const clang::Expr* expr) {
  // Only what does not convert: a conversion of the parameter is lowered as written.
  const clang::Expr* e = expr->IgnoreParens();
  while (const auto* cast = llvm::dyn_cast<clang::ImplicitCastExpr>(e)) {
    if (cast->getCastKind() != clang::CK_LValueToRValue && cast->getCastKind() != clang::CK_NoOp) break;
    e = cast->getSubExpr()->IgnoreParens();
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(e); call && is_std_forward(call))
    e = call->getArg(0)->IgnoreParens();
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    if (const auto* param = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()))
      if (auto it = substitutions_.find(param); it != substitutions_.end()) return it->second;
  return nullptr;
}

std::optional<ir::Value> FunctionBuilder::fold(const clang::Expr* expr) {
  if (expr->isValueDependent() || expr->isTypeDependent()) return std::nullopt;
  clang::QualType type = expr->getType();
  if (!type->isIntegralOrEnumerationType() && !type->isRealFloatingType()) return std::nullopt;
  clang::Expr::EvalResult result;
  if (!expr->EvaluateAsRValue(result, context_) || result.HasSideEffects) return std::nullopt;
  ir::TypeId t = type_of(expr);
  if (!t.valid()) return std::nullopt;
  if (result.Val.isInt()) {
    const llvm::APSInt& v = result.Val.getInt();
    if (program_.types().kind(t) == ir::TypeKind::kBool) return ir::Value(program_.const_bool(v.getBoolValue()));
    return ir::Value(program_.const_int(t, v.isSigned() ? v.getSExtValue() : int64_t(v.getZExtValue())));
  }
  if (result.Val.isFloat()) return ir::Value(program_.const_float(result.Val.getFloat().convertToDouble()));
  return std::nullopt;
}

// A condition is a bool: Clang has already made the conversion to bool explicit.
ir::Value FunctionBuilder::condition(const clang::Expr* expr) { return value(expr); }

std::vector<ir::Value> FunctionBuilder::arguments(llvm::ArrayRef<const clang::Expr*> args, ir::Value first) {
  // Each evaluated argument waits in a slot, so that a block split by a later argument (&&, ?:,
  // a raising call inside a try) carries it along.
  size_t mark = env_.size();
  auto type_of_value = [&](ir::Value v) {
    return v.is_variable() ? graph_->variable(v.variable()).type : program_.type_of(v.constant());
  };
  if (!first.is_none()) push_slot(temp_key(), type_of_value(first), first);
  for (const clang::Expr* arg : args) {
    ir::Value v = value(arg);
    push_slot(temp_key(), type_of_value(v), v);
  }
  std::vector<ir::Value> values;
  for (size_t i = mark; i < env_.size(); ++i) values.push_back(env_[i].value);
  env_.resize(mark);
  return values;
}

ir::Value FunctionBuilder::value(const clang::Expr* expr) {
  if (const clang::Expr* replacement = substituted(expr)) {
    auto saved = std::move(substitutions_);
    substitutions_.clear();
    ir::Value v = value(replacement);
    substitutions_ = std::move(saved);
    return v;
  }
  if (!llvm::isa<clang::IntegerLiteral>(expr))
    if (std::optional<ir::Value> constant = fold(expr)) return *constant;
  switch (expr->getStmtClass()) {
    case clang::Stmt::ParenExprClass: return value(llvm::cast<clang::ParenExpr>(expr)->getSubExpr());
    case clang::Stmt::ExprWithCleanupsClass: return value(llvm::cast<clang::ExprWithCleanups>(expr)->getSubExpr());
    case clang::Stmt::MaterializeTemporaryExprClass:
      return value(llvm::cast<clang::MaterializeTemporaryExpr>(expr)->getSubExpr());
    case clang::Stmt::CXXBindTemporaryExprClass: return value(llvm::cast<clang::CXXBindTemporaryExpr>(expr)->getSubExpr());
    case clang::Stmt::ConstantExprClass: return value(llvm::cast<clang::ConstantExpr>(expr)->getSubExpr());
    case clang::Stmt::CXXDefaultArgExprClass: return value(llvm::cast<clang::CXXDefaultArgExpr>(expr)->getExpr());
    case clang::Stmt::CXXDefaultInitExprClass: return value(llvm::cast<clang::CXXDefaultInitExpr>(expr)->getExpr());
    case clang::Stmt::SubstNonTypeTemplateParmExprClass:
      return value(llvm::cast<clang::SubstNonTypeTemplateParmExpr>(expr)->getReplacement());
    case clang::Stmt::IntegerLiteralClass: {
      ir::TypeId t = type_of(expr);
      return t.valid() ? ir::Value(program_.const_int(t, llvm::cast<clang::IntegerLiteral>(expr)->getValue().getSExtValue()))
                       : program_.const_none();
    }
    case clang::Stmt::CXXBoolLiteralExprClass: return program_.const_bool(llvm::cast<clang::CXXBoolLiteralExpr>(expr)->getValue());
    case clang::Stmt::CXXNullPtrLiteralExprClass:
      error(expr, "T5 gc-pointers", "nullptr without a pointer type");
      return program_.const_none();
    case clang::Stmt::ImplicitValueInitExprClass: case clang::Stmt::CXXScalarValueInitExprClass:
      return poison(type_of(expr));
    case clang::Stmt::CXXThisExprClass:
      if (!active_defaults_.empty() && !find_slot(&this_key_)) {
        error(expr, "T6 value-structs", "a default member initialiser of a value struct uses only the fields before it");
        return poison(type_of(expr));
      }
      return lookup(&this_key_, expr);
    case clang::Stmt::InitListExprClass: return init_list(llvm::cast<clang::InitListExpr>(expr));
    case clang::Stmt::CXXParenListInitExprClass: return paren_init(llvm::cast<clang::CXXParenListInitExpr>(expr));
    case clang::Stmt::DeclRefExprClass: return decl_ref(llvm::cast<clang::DeclRefExpr>(expr));
    case clang::Stmt::MemberExprClass: return member(llvm::cast<clang::MemberExpr>(expr));
    case clang::Stmt::ImplicitCastExprClass: case clang::Stmt::CXXStaticCastExprClass:
    case clang::Stmt::CXXFunctionalCastExprClass: case clang::Stmt::CStyleCastExprClass:
    case clang::Stmt::CXXDynamicCastExprClass:
      return cast(llvm::cast<clang::CastExpr>(expr));
    case clang::Stmt::BinaryOperatorClass: case clang::Stmt::CompoundAssignOperatorClass: {
      const auto* op = llvm::cast<clang::BinaryOperator>(expr);
      if (op->isLogicalOp()) return logical(op);
      if (op->isAssignmentOp()) return assignment(op);
      if (op->getOpcode() == clang::BO_Comma) {  // only where rule E4 allows it: left to right
        value(op->getLHS());
        return value(op->getRHS());
      }
      return binary(op);
    }
    case clang::Stmt::UnaryOperatorClass: return unary(llvm::cast<clang::UnaryOperator>(expr));
    case clang::Stmt::ConditionalOperatorClass: return conditional(llvm::cast<clang::ConditionalOperator>(expr));
    case clang::Stmt::CallExprClass: case clang::Stmt::CXXMemberCallExprClass:
    case clang::Stmt::CXXOperatorCallExprClass:
      return call(llvm::cast<clang::CallExpr>(expr));
    case clang::Stmt::CXXConstructExprClass: case clang::Stmt::CXXTemporaryObjectExprClass:
      return construct(llvm::cast<clang::CXXConstructExpr>(expr));
    case clang::Stmt::CXXThrowExprClass: {
      const clang::Expr* operand = llvm::cast<clang::CXXThrowExpr>(expr)->getSubExpr();
      if (!operand) {
        error(expr, "X3 no-bare-rethrow", "rethrow with a name: catch (E* e) { throw e; }");
        return program_.const_none();
      }
      ir::Value object = value(operand);
      ir::ClassId cls = pointee_class(operand->getType(), operand);
      if (cls.valid() && !program_.is_exception_class(cls)) {
        error(expr, "X1 throw-gc-pointer", "throw a pointer to an rt::Exception subclass");
        return program_.const_none();
      }
      if (cls.valid()) throw_value(object, cls);
      return program_.const_none();
    }
    default:
      error(expr, "P7 unlisted-features", std::string("expression '") + expr->getStmtClassName() + "' is not supported");
      return poison(type_of(expr));
  }
}

// --- Conversions. --------------------------------------------------------------------------------

// Between integer types (and enums) as C++ defines it: truncation, or extension by the source's
// signedness; bool ↔ integer are their own operations.
ir::Value FunctionBuilder::convert_int(ir::Value v, ir::TypeId from, ir::TypeId to) {
  if (!from.valid() || !to.valid() || from == to) return v;
  ir::TypeTable& types = program_.types();
  bool from_bool = types.kind(from) == ir::TypeKind::kBool, to_bool = types.kind(to) == ir::TypeKind::kBool;
  if (v.is_constant()) {
    const ir::Constant& c = program_.constant(v.constant());
    if (to_bool) return program_.const_bool(c.int_value != 0);
    std::optional<ir::IntegerLayout> layout = program_.integer_layout(to);
    if (!layout) return v;
    uint64_t bits = uint64_t(c.int_value);
    if (layout->bits < 64) {
      bits &= (uint64_t(1) << layout->bits) - 1;
      if (layout->is_signed && (bits >> (layout->bits - 1)) & 1) bits |= ~((uint64_t(1) << layout->bits) - 1);
    }
    return program_.const_int(to, int64_t(bits));
  }
  if (from_bool && !to_bool) return emit(ir::Opcode::cast_bool_to_int, {v}, to);
  if (to_bool && !from_bool) return emit(ir::Opcode::int_is_true, {v}, to);
  return emit(ir::Opcode::cast_int, {v}, to);
}

ir::Value FunctionBuilder::cast(const clang::CastExpr* expr) {
  const clang::Expr* sub = expr->getSubExpr();
  ir::TypeId to = type_of(expr);
  switch (expr->getCastKind()) {
    case clang::CK_LValueToRValue: case clang::CK_NoOp: case clang::CK_ConstructorConversion:
    case clang::CK_UserDefinedConversion: case clang::CK_DerivedToBase: case clang::CK_UncheckedDerivedToBase:
      return value(sub);
    case clang::CK_ToVoid: value(sub); return program_.const_none();
    case clang::CK_NullToPointer: return to.valid() ? ir::Value(program_.const_null(to)) : program_.const_none();
    case clang::CK_FunctionToPointerDecay: return value(sub);
    case clang::CK_BaseToDerived: {
      ir::Value v = value(sub);
      return emit(ir::Opcode::cast_pointer, {v}, to);
    }
    case clang::CK_Dynamic: {
      ir::Value v = value(sub);
      ir::ClassId cls = pointee_class(expr->getType(), expr);
      if (!cls.valid()) return poison(to);
      return emit(ir::Opcode::cast_dynamic, {v, program_.const_class(cls)}, to);
    }
    case clang::CK_IntegralCast: case clang::CK_IntegralToBoolean: case clang::CK_BooleanToSignedIntegral: {
      ir::Value v = value(sub);
      return convert_int(v, type_of(sub), to);
    }
    case clang::CK_IntegralToFloating: {
      ir::Value v = value(sub);
      if (program_.types().kind(type_of(sub)) == ir::TypeKind::kBool)
        v = emit(ir::Opcode::cast_bool_to_int, {v}, program_.types().i64());
      return emit(ir::Opcode::cast_int_to_float, {v}, to);
    }
    case clang::CK_FloatingToBoolean: {
      ir::Value v = value(sub);
      return emit(ir::Opcode::float_ne, {v, program_.const_float(0.0)}, to);
    }
    case clang::CK_PointerToBoolean: {
      ir::Value v = value(sub);
      return emit(ir::Opcode::ptr_nonzero, {v}, to);
    }
    case clang::CK_FloatingToIntegral:
      error(expr, "A8 double-to-int", "convert a double to an integer with rt::float_to_int");
      return poison(to);
    case clang::CK_FloatingCast:
      if (to == type_of(sub)) return value(sub);
      error(expr, "T3 no-float", "only double is RC++");
      return poison(to);
    case clang::CK_ArrayToPointerDecay:
      error(expr, "T8 strings", "a string literal is RC++ only as an rt::Str");
      return poison(to);
    default:
      error(expr, "M5 casts", std::string("the conversion '") + expr->getCastKindName() + "' is not RC++");
      return poison(to);
  }
}

// --- Operators. --------------------------------------------------------------------------------------

ir::Value FunctionBuilder::arithmetic(clang::BinaryOperatorKind op, ir::Value left, ir::Value right,
                                      ir::TypeId type, const clang::Expr* where, const clang::Expr* rhs_expr) {
  using ir::Opcode;
  ir::TypeTable& types = program_.types();
  if (types.kind(type) == ir::TypeKind::kFloat) {
    Opcode code;
    switch (op) {
      case clang::BO_Add: code = Opcode::float_add; break;
      case clang::BO_Sub: code = Opcode::float_sub; break;
      case clang::BO_Mul: code = Opcode::float_mul; break;
      case clang::BO_Div: code = Opcode::float_truediv; break;
      default: error(where, "A7 ieee-double", "unsupported operator on doubles"); return poison(type);
    }
    return emit(code, {left, right}, type);
  }
  std::optional<ir::IntegerLayout> layout = program_.integer_layout(type);
  if (!layout) {
    error(where, "A2 usual-conversions", "arithmetic on a non-integer type");
    return poison(type);
  }
  bool is_signed = layout->is_signed;
  Opcode code;
  switch (op) {
    case clang::BO_Add: code = Opcode::int_add; break;
    case clang::BO_Sub: code = Opcode::int_sub; break;
    case clang::BO_Mul: code = Opcode::int_mul; break;
    case clang::BO_And: code = Opcode::int_and; break;
    case clang::BO_Or: code = Opcode::int_or; break;
    case clang::BO_Xor: code = Opcode::int_xor; break;
    case clang::BO_Div: case clang::BO_Rem:
      // Only by a non-zero constant (rule A4): anything else goes through rt::div_c and friends.
      if (!right.is_constant() || program_.constant(right.constant()).int_value == 0 ||
          (is_signed && program_.constant(right.constant()).int_value == -1)) {
        error(rhs_expr, "A4 integer-division", "divide by a variable with rt::div_c/div_floor (or mod_*)");
        return poison(type);
      }
      code = op == clang::BO_Div ? (is_signed ? Opcode::int_div_c : Opcode::uint_div)
                                 : (is_signed ? Opcode::int_mod_c : Opcode::uint_mod);
      break;
    case clang::BO_Shl: case clang::BO_Shr: {
      int64_t count = right.is_constant() ? program_.constant(right.constant()).int_value : -1;
      if (count < 0 || count >= int64_t(layout->bits)) {
        error(rhs_expr, "A5 shift-count", "shift by a constant in [0, bits), or use rt::shl/shr");
        return poison(type);
      }
      code = op == clang::BO_Shl ? Opcode::int_lshift : (is_signed ? Opcode::int_rshift : Opcode::uint_rshift);
      break;
    }
    default: error(where, "P7 unlisted-features", "unsupported integer operator"); return poison(type);
  }
  return emit(code, {left, right}, type);
}

ir::Value FunctionBuilder::binary(const clang::BinaryOperator* expr) {
  using ir::Opcode;
  ir::Value left = value(expr->getLHS());
  size_t mark = env_.size();
  ir::TypeId operand_type = type_of(expr->getLHS());
  push_slot(temp_key(), operand_type, left);
  ir::Value right = value(expr->getRHS());
  left = env_[mark].value;
  env_.resize(mark);
  if (!operand_type.valid()) return program_.const_none();
  ir::TypeTable& types = program_.types();
  ir::TypeId bool_type = types.bool_type();
  if (expr->isComparisonOp()) {
    clang::BinaryOperatorKind op = expr->getOpcode();
    if (types.is_reference(operand_type) || expr->getLHS()->getType()->isNullPtrType()) {
      if (op != clang::BO_EQ && op != clang::BO_NE) {
        error(expr, "M6 pointer-comparison", "pointers compare with == and != only");
        return poison(bool_type);
      }
      return emit(op == clang::BO_EQ ? Opcode::ptr_eq : Opcode::ptr_ne, {left, right}, bool_type);
    }
    bool is_float = types.kind(operand_type) == ir::TypeKind::kFloat;
    bool is_bool = types.kind(operand_type) == ir::TypeKind::kBool;
    if (is_bool) {  // C++ promotes bools to int; compare them as i8 after an explicit cast
      left = emit(Opcode::cast_bool_to_int, {left}, types.i8());
      right = emit(Opcode::cast_bool_to_int, {right}, types.i8());
      operand_type = types.i8();
    }
    std::optional<ir::IntegerLayout> layout = program_.integer_layout(operand_type);
    bool is_signed = !layout || layout->is_signed;
    Opcode code;
    switch (op) {
      case clang::BO_EQ: code = is_float ? Opcode::float_eq : Opcode::int_eq; break;
      case clang::BO_NE: code = is_float ? Opcode::float_ne : Opcode::int_ne; break;
      case clang::BO_LT: code = is_float ? Opcode::float_lt : is_signed ? Opcode::int_lt : Opcode::uint_lt; break;
      case clang::BO_LE: code = is_float ? Opcode::float_le : is_signed ? Opcode::int_le : Opcode::uint_le; break;
      case clang::BO_GT: code = is_float ? Opcode::float_gt : is_signed ? Opcode::int_gt : Opcode::uint_gt; break;
      case clang::BO_GE: code = is_float ? Opcode::float_ge : is_signed ? Opcode::int_ge : Opcode::uint_ge; break;
      default: error(expr, "P7 unlisted-features", "three-way comparison is not RC++"); return poison(bool_type);
    }
    return emit(code, {left, right}, bool_type);
  }
  return arithmetic(expr->getOpcode(), left, right, type_of(expr), expr, expr->getRHS());
}

ir::Value FunctionBuilder::logical(const clang::BinaryOperator* expr) {
  ir::TypeId bool_type = program_.types().bool_type();
  bool is_and = expr->getOpcode() == clang::BO_LAnd;
  ir::Value left = condition(expr->getLHS());
  Target* join = new_target({{temp_key(), bool_type, {}}});
  Target* rhs = new_target();
  if (left.is_constant()) {
    if ((program_.constant(left.constant()).int_value != 0) == is_and) jump(rhs);
    else jump(join, {program_.const_bool(!is_and)});
  } else {
    // && : false → the result is false; || : true → the result is true.
    Target* shortcut = new_target();
    branch(left, is_and ? shortcut : rhs, is_and ? rhs : shortcut);
    enter(shortcut);
    jump(join, {program_.const_bool(!is_and)});
  }
  enter(rhs);
  ir::Value right = condition(expr->getRHS());
  jump(join, {right});
  enter(join);
  ir::Value result = env_.back().value;
  env_.pop_back();
  return result;
}

ir::Value FunctionBuilder::conditional(const clang::AbstractConditionalOperator* expr) {
  ir::TypeId type = type_of(expr);
  if (!type.valid()) return program_.const_none();
  ir::Value cond = condition(expr->getCond());
  Target* join = new_target({{temp_key(), type, {}}});
  Target* then_target = new_target();
  Target* else_target = new_target();
  branch(cond, else_target, then_target);
  enter(then_target);
  ir::Value a = value(expr->getTrueExpr());
  jump(join, {a});
  enter(else_target);
  ir::Value b = value(expr->getFalseExpr());
  jump(join, {b});
  enter(join);
  ir::Value result = env_.back().value;
  env_.pop_back();
  return result;
}

ir::Value FunctionBuilder::unary(const clang::UnaryOperator* expr) {
  using ir::Opcode;
  ir::TypeId type = type_of(expr);
  ir::TypeTable& types = program_.types();
  switch (expr->getOpcode()) {
    case clang::UO_LNot: {
      ir::Value v = condition(expr->getSubExpr());
      return emit(Opcode::bool_not, {v}, types.bool_type());
    }
    case clang::UO_Minus: {
      ir::Value v = value(expr->getSubExpr());
      return emit(types.kind(type) == ir::TypeKind::kFloat ? Opcode::float_neg : Opcode::int_neg, {v}, type);
    }
    case clang::UO_Not: {
      ir::Value v = value(expr->getSubExpr());
      return emit(Opcode::int_invert, {v}, type);
    }
    case clang::UO_Plus: return value(expr->getSubExpr());
    case clang::UO_PreInc: case clang::UO_PreDec: case clang::UO_PostInc: case clang::UO_PostDec: {
      LValue place = lvalue(expr->getSubExpr());
      if (place.kind == LValue::Kind::kInvalid || !place.type.valid()) return program_.const_none();
      if (!program_.integer_layout(place.type) || types.kind(place.type) == ir::TypeKind::kBool) {
        error(expr, "P7 unlisted-features", "++ and -- work on integers only");
        return poison(place.type);
      }
      ir::Value old = load(place);
      ir::Value updated = emit(expr->isIncrementOp() ? Opcode::int_add : Opcode::int_sub,
                               {old, program_.const_int(place.type, 1)}, place.type);
      store(place, updated);
      return expr->isPrefix() ? updated : old;
    }
    case clang::UO_AddrOf: {
      // `&f` of a free or static member function is a function pointer (rule F5).
      const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr->getSubExpr()->IgnoreParens());
      if (ref && llvm::isa<clang::FunctionDecl>(ref->getDecl())) return value(ref);
      error(expr, "M1 no-address-of", "taking an address is not RC++");
      return poison(type);
    }
    case clang::UO_Deref:
      // `*this` in a const member function of a value struct: the struct value itself.
      if (llvm::isa<clang::CXXThisExpr>(expr->getSubExpr()->IgnoreParenImpCasts()) && find_slot(&this_key_) &&
          program_.types().kind(find_slot(&this_key_)->type) == ir::TypeKind::kStruct)
        return value(expr->getSubExpr());
      error(expr, "M2 pointer-operations", "dereference a container only as a range-for's range");
      return poison(type);
    default: error(expr, "P7 unlisted-features", "unsupported unary operator"); return poison(type);
  }
}

}  // namespace rtoolchain::frontend
