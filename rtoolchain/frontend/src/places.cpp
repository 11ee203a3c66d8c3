// Places and value structs: where values live and how they are read and written. A place is a
// local's slot, a global or a GC object's field, plus a path of value-struct fields inside it.
// Value structs (rule T6) are SSA values: braces and value-initialisation become struct_new with
// one value per field (written initialisers, default member initialisers, zero), field reads
// struct_getfield; a write (`s.f = v`, `obj->pos.line = v`) makes a new value with
// struct_setfield and stores it back where the old one came from.
#include <clang/AST/ASTContext.h>

#include "graph_builder.h"

namespace rtoolchain::frontend {

// `T{...}` for a struct (aggregate initialisation: the inits are Clang's semantic form, one per
// field, designated and omitted ones resolved) or a scalar (`int64_t{flag}`).
ir::Value FunctionBuilder::init_list(const clang::InitListExpr* expr) {
  ir::TypeId type = type_of(expr);
  if (!type.valid()) return program_.const_none();
  std::vector<const clang::Expr*> inits(expr->inits().begin(), expr->inits().end());
  if (program_.types().kind(type) != ir::TypeKind::kStruct) {
    if (inits.empty()) return poison(type);
    ir::Value v = value(inits[0]);
    return program_.types().is_int(type) ? convert_int(v, type_of(inits[0]), type) : v;
  }
  const clang::CXXRecordDecl* record = expr->getType()->getAsCXXRecordDecl();
  // `Pos{other}`: a copy.
  if (inits.size() == 1 && context_.hasSameUnqualifiedType(inits[0]->getType(), expr->getType()))
    return value(inits[0]);
  return new_struct(type, inits, record, expr);
}

// `Pos(3, 7)`: C++20's parenthesised aggregate initialisation, the same as braces.
ir::Value FunctionBuilder::paren_init(const clang::CXXParenListInitExpr* expr) {
  ir::TypeId type = type_of(expr);
  const clang::CXXRecordDecl* record = expr->getType()->getAsCXXRecordDecl();
  if (!type.valid() || program_.types().kind(type) != ir::TypeKind::kStruct || !record) {
    error(expr, "T6 value-structs", "parenthesised initialisation of a value struct only");
    return poison(type);
  }
  std::vector<const clang::Expr*> inits(expr->getInitExprs().begin(), expr->getInitExprs().end());
  return new_struct(type, inits, record, expr);
}

// Value-initialisation (`Pos()`, `T()` as rt::Array's default fill, an implicit default
// constructor): every field from its default member initialiser, nested structs likewise, the
// rest zero — as C++ zero-initialises before running the implicit constructor.
ir::Value FunctionBuilder::default_struct(const clang::CXXRecordDecl* record, const clang::Expr* where) {
  if (const clang::CXXRecordDecl* definition = record->getDefinition()) record = definition;
  ir::StructId s = model_.struct_of(record, where ? where->getBeginLoc() : function_->getLocation());
  return new_struct(program_.types().struct_type(s), {}, record, where);
}

// Fields in declaration order, each evaluated into a slot (a later initialiser may split the
// block). A default member initialiser sees the fields built before it through `this`.
ir::Value FunctionBuilder::new_struct(ir::TypeId type, llvm::ArrayRef<const clang::Expr*> inits,
                                      const clang::CXXRecordDecl* record, const clang::Expr* where) {
  size_t mark = env_.size();
  building_.push_back({record, {}});
  size_t building_index = building_.size() - 1;
  unsigned i = 0;
  for (const clang::FieldDecl* field : record->fields()) {
    const clang::Expr* init = i < inits.size() ? inits[i] : nullptr;
    ++i;
    ir::TypeId field_type = type_of(field->getType(), where);
    ir::Value v;
    const clang::Expr* default_init = nullptr;
    if (const auto* d = llvm::dyn_cast_or_null<clang::CXXDefaultInitExpr>(init)) default_init = d->getExpr();
    else if (!init) default_init = field->getInClassInitializer();
    if (default_init) {
      active_defaults_.push_back(building_index);
      v = value(default_init);
      active_defaults_.pop_back();
    } else if (init && !llvm::isa<clang::ImplicitValueInitExpr>(init)) {
      v = value(init);
    } else if (is_value_struct(field->getType()->getAsCXXRecordDecl())) {
      v = default_struct(field->getType()->getAsCXXRecordDecl(), where);
    } else {
      v = poison(field_type);
    }
    if (field_type.valid() && program_.types().is_int(field_type) && init && !default_init)
      v = convert_int(v, type_of(init), field_type);
    const void* key = temp_key();
    push_slot(key, field_type.valid() ? field_type : program_.types().i64(), v);
    building_[building_index].field_keys.push_back(key);
  }
  std::vector<ir::Value> values;
  for (size_t k = mark; k < env_.size(); ++k) values.push_back(env_[k].value);
  env_.resize(mark);
  building_.pop_back();
  return emit(ir::Opcode::struct_new, values, type);
}

// `s.f`, `obj->pos.f`, `list->get(i).f`, and `f` / `this->f` in a const member function (whose
// `this` is the struct value) or in a default member initialiser (the fields built so far).
ir::Value FunctionBuilder::struct_field(const clang::MemberExpr* expr, const clang::FieldDecl* field) {
  ir::FieldId id = model_.field_of(field, expr->getBeginLoc());
  ir::TypeId type = type_of(field->getType(), expr);
  const clang::Expr* base = expr->getBase()->IgnoreParenImpCasts();
  if (llvm::isa<clang::CXXThisExpr>(base) && !active_defaults_.empty()) {
    const PartialStruct& partial = building_[active_defaults_.back()];
    if (partial.record->getCanonicalDecl() == field->getParent()->getCanonicalDecl()) {
      if (field->getFieldIndex() < partial.field_keys.size()) return lookup(partial.field_keys[field->getFieldIndex()], expr);
      error(expr, "C6 field-init", "a default member initialiser reads a field that is not set yet");
      return poison(type);
    }
  }
  ir::Value object = value(expr->getBase());
  if (!id.valid() || !type.valid()) return poison(type);
  return emit(ir::Opcode::struct_getfield, {object, program_.const_field(id)}, type);
}

// --- Names, places, assignments. ---------------------------------------------------------------

ir::Value FunctionBuilder::decl_ref(const clang::DeclRefExpr* expr) {
  const clang::ValueDecl* decl = expr->getDecl();
  if (const auto* function = llvm::dyn_cast<clang::FunctionDecl>(decl)) {
    if (library_op_of(function) || is_rt_library(function)) {
      error(expr, "F5 function-pointers", "the address of an rt function cannot be taken");
      return program_.const_none();
    }
    ir::FunctionId id = model_.function_of(function, expr->getBeginLoc());
    return id.valid() ? ir::Value(program_.const_function(id)) : ir::Value(program_.const_none());
  }
  if (const auto* constant = llvm::dyn_cast<clang::EnumConstantDecl>(decl)) {
    ir::TypeId t = type_of(expr);
    return t.valid() ? ir::Value(program_.const_int(t, constant->getInitVal().getExtValue())) : program_.const_none();
  }
  if (const auto* binding = llvm::dyn_cast<clang::BindingDecl>(decl)) {
    // A dict item's parts are slots of the range-for; a struct's are its hidden variable's fields.
    if (find_slot(binding) || !binding->getBinding()) return lookup(binding, expr);
    return value(binding->getBinding());
  }
  if (const auto* var = llvm::dyn_cast<clang::VarDecl>(decl)) {
    if (var->hasLocalStorage()) {
      // A range-for's DictItem variable used whole: its two slots make the struct.
      const void* value_key = reinterpret_cast<const char*>(var) + 1;
      if (!find_slot(value_key)) return lookup(var, expr);
      ir::TypeId type = type_of(expr);
      ir::Value key = lookup(var, expr);
      return type.valid() ? emit(ir::Opcode::struct_new, {key, lookup(value_key, expr)}, type) : poison(type);
    }
    // A constexpr struct (namespace scope or a static member, rule C8) is a constant, as
    // constexpr scalars are (they fold before reaching here).
    if (var->isConstexpr() && is_value_struct(var->getType()->getAsCXXRecordDecl()))
      if (const clang::APValue* evaluated = var->evaluateValue()) {
        ir::ConstId constant = model_.constant_of(*evaluated, type_of(expr), context_, expr->getBeginLoc());
        if (constant.valid()) return ir::Value(constant);
      }
    if (model_.is_driver(var)) {
      error(expr, "H2 jit-driver", "a JIT driver is used only through jit_merge_point and can_enter_jit");
      return program_.const_none();
    }
    LValue place = lvalue(expr);
    return load(place);
  }
  error(expr, "P7 unlisted-features", "unsupported reference to '" + decl->getNameAsString() + "'");
  return program_.const_none();
}

FunctionBuilder::LValue FunctionBuilder::lvalue(const clang::Expr* expr) {
  expr = expr->IgnoreParens();
  LValue place;
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr)) {
    if (const auto* binding = llvm::dyn_cast<clang::BindingDecl>(ref->getDecl());
        binding && !find_slot(binding) && binding->getBinding())
      return lvalue(binding->getBinding());
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl())) {
      place.type = type_of(var->getType(), expr);
      place.base_type = place.type;
      if (var->hasLocalStorage()) {
        place.kind = LValue::Kind::kLocal;
        place.key = var;
      } else if (!is_rt_library(var)) {
        place.global = model_.global_of(var, expr->getBeginLoc());
        if (place.global.valid()) place.kind = LValue::Kind::kGlobal;
      } else {
        error(expr, "L1 rt-api", "rt globals are not part of the rt API");
      }
      return place;
    }
  } else if (const auto* member_expr = llvm::dyn_cast<clang::MemberExpr>(expr)) {
    const auto* field = llvm::dyn_cast<clang::FieldDecl>(member_expr->getMemberDecl());
    if (const void* part = loop_item_part(member_expr)) {
      place.kind = LValue::Kind::kLocal;
      place.key = part;
      place.type = place.base_type = type_of(field->getType(), expr);
      return place;
    }
    if (field && is_value_struct(llvm::dyn_cast<clang::CXXRecordDecl>(field->getParent()))) {
      // A field of a value struct: the place holding the struct, one more step on the path.
      const clang::Expr* base = member_expr->getBase()->IgnoreParenImpCasts();
      if (member_expr->isArrow() && llvm::isa<clang::CXXThisExpr>(base)) {
        const Slot* self = find_slot(&this_key_);
        if (!self) return error(expr, "T6 value-structs", "this struct cannot be assigned to here"), place;
        place.kind = LValue::Kind::kLocal;
        place.key = &this_key_;
        place.base_type = self->type;
      } else {
        place = lvalue(member_expr->getBase());
      }
      ir::FieldId id = model_.field_of(field, expr->getBeginLoc());
      place.type = type_of(field->getType(), expr);
      if (!id.valid() || !place.type.valid()) place.kind = LValue::Kind::kInvalid;
      place.path.push_back(id);
      return place;
    }
    if (field) {
      place.type = type_of(field->getType(), expr);
      place.base_type = place.type;
      if (is_rt_library(field) && !library_op_of(field)) {
        error(expr, "L1 rt-api", "'" + field->getNameAsString() + "' is not part of the rt API");
        return place;
      }
      if (!member_expr->isArrow()) {
        error(expr, "L1 rt-api", "'" + field->getNameAsString() + "' is not a field the graph builder can reach");
        return place;
      }
      place.object = value(member_expr->getBase());
      place.field = model_.field_of(field, expr->getBeginLoc());
      if (place.field.valid()) place.kind = LValue::Kind::kField;
      return place;
    }
  }
  error(expr, "P7 unlisted-features", std::string("cannot assign to or read '") + expr->getStmtClassName() + "'");
  return place;
}

ir::Value FunctionBuilder::load(const LValue& place) {
  if (place.kind == LValue::Kind::kInvalid) return poison(place.type);  // after an error
  ir::Value v = load_base(place);
  for (ir::FieldId field : place.path)
    v = emit(ir::Opcode::struct_getfield, {v, program_.const_field(field)}, program_.field_info(field).type);
  return v;
}

// A write below a struct field rebuilds each enclosing struct, innermost first, and stores the
// outermost back into the base. The base is read here, after the right operand ran (rule E1), so
// a write the right operand made to a sibling field is kept, as in C++. None of these operations
// can raise, so no block split can separate them.
void FunctionBuilder::store(const LValue& place, ir::Value v) {
  if (place.kind == LValue::Kind::kInvalid) return;
  if (place.path.empty()) return store_base(place, v);
  std::vector<ir::Value> parents{load_base(place)};
  for (size_t i = 0; i + 1 < place.path.size(); ++i)
    parents.push_back(emit(ir::Opcode::struct_getfield, {parents.back(), program_.const_field(place.path[i])},
                           program_.field_info(place.path[i]).type));
  for (size_t i = place.path.size(); i-- > 0;) {
    ir::TypeId parent_type = i == 0 ? place.base_type : program_.field_info(place.path[i - 1]).type;
    v = emit(ir::Opcode::struct_setfield, {parents[i], program_.const_field(place.path[i]), v}, parent_type);
  }
  store_base(place, v);
}

ir::Value FunctionBuilder::load_base(const LValue& place) {
  switch (place.kind) {
    case LValue::Kind::kLocal: return lookup(place.key, nullptr);
    case LValue::Kind::kGlobal: return emit(ir::Opcode::getglobal, {program_.const_global(place.global)}, place.base_type);
    case LValue::Kind::kField:
      return emit(ir::Opcode::getfield, {place.object, program_.const_field(place.field)},
                  program_.field_info(place.field).type);
    case LValue::Kind::kInvalid: break;
  }
  return poison(place.base_type);
}

void FunctionBuilder::store_base(const LValue& place, ir::Value v) {
  switch (place.kind) {
    case LValue::Kind::kLocal: return assign_slot(place.key, v);
    case LValue::Kind::kGlobal: emit(ir::Opcode::setglobal, {program_.const_global(place.global), v}); return;
    case LValue::Kind::kField: emit(ir::Opcode::setfield, {place.object, program_.const_field(place.field), v}); return;
    case LValue::Kind::kInvalid: return;
  }
}

const void* FunctionBuilder::loop_item_part(const clang::MemberExpr* expr) {
  const LibraryOp* op = library_op_of(expr->getMemberDecl());
  if (!op || !op->name.starts_with("dictiter_")) return nullptr;
  const auto* base = llvm::dyn_cast<clang::DeclRefExpr>(expr->getBase()->IgnoreParenImpCasts());
  const void* value_key = base ? reinterpret_cast<const char*>(base->getDecl()) + 1 : nullptr;
  if (!value_key || !find_slot(value_key)) return nullptr;
  return op->name == "dictiter_key" ? static_cast<const void*>(base->getDecl()) : value_key;
}

ir::Value FunctionBuilder::member(const clang::MemberExpr* expr) {
  if (llvm::isa<clang::CXXMethodDecl>(expr->getMemberDecl())) {
    error(expr, "F5 function-pointers", "a method can only be called");
    return program_.const_none();
  }
  const auto* field = llvm::dyn_cast<clang::FieldDecl>(expr->getMemberDecl());
  if (const void* part = loop_item_part(expr)) return lookup(part, expr);
  if (field && is_value_struct(llvm::dyn_cast<clang::CXXRecordDecl>(field->getParent())))
    return struct_field(expr, field);
  return load(lvalue(expr));
}

// `lhs = rhs` (built-in, or a struct's or Str's implicit copy assignment): the right operand is
// evaluated before the left one (C++17, rule E1).
ir::Value FunctionBuilder::assign(const clang::Expr* lhs, const clang::Expr* rhs) {
  size_t scope = env_.size();
  const void* right_key = temp_key();
  ir::Value right = value(rhs);
  push_slot(right_key, program_.type_of(*graph_, right), right);
  LValue place = lvalue(lhs);  // may split the block: the right operand waits in its slot
  right = lookup(right_key, rhs);
  env_.resize(scope);
  store(place, right);
  return right;
}

ir::Value FunctionBuilder::assignment(const clang::BinaryOperator* expr) {
  if (expr->getOpcode() == clang::BO_Assign) return assign(expr->getLHS(), expr->getRHS());
  // Compound assignment: the right operand first (rule E1), then the left operand is read,
  // converted to the computation type, operated on and converted back (C++ [expr.ass]).
  const auto* compound = llvm::cast<clang::CompoundAssignOperator>(expr);
  size_t scope = env_.size();
  const void* right_key = temp_key();
  ir::Value right = value(expr->getRHS());
  push_slot(right_key, program_.type_of(*graph_, right), right);
  LValue place = lvalue(expr->getLHS());
  right = lookup(right_key, expr);
  ir::TypeId lhs_computation = type_of(compound->getComputationLHSType(), expr);
  ir::TypeId result_computation = type_of(compound->getComputationResultType(), expr);
  if (place.kind == LValue::Kind::kInvalid || !lhs_computation.valid()) {
    env_.resize(scope);
    return program_.const_none();
  }
  // The field's object outlives the operation, which may end the block inside a try.
  const void* object_key = temp_key();
  if (place.kind == LValue::Kind::kField)
    push_slot(object_key, program_.type_of(*graph_, place.object), place.object);
  ir::Value old = load(place);
  bool is_float = program_.types().kind(lhs_computation) == ir::TypeKind::kFloat;
  ir::Value left = is_float ? old : convert_int(old, place.type, lhs_computation);
  clang::BinaryOperatorKind op = clang::BinaryOperator::getOpForCompoundAssignment(expr->getOpcode());
  ir::Value result = arithmetic(op, left, right, result_computation, expr, expr->getRHS());
  if (!is_float) result = convert_int(result, result_computation, place.type);
  if (place.kind == LValue::Kind::kField) place.object = lookup(object_key, expr);
  env_.resize(scope);
  store(place, result);
  return result;
}

}  // namespace rtoolchain::frontend
