// Value structs (rule T6) as SSA values: braces and value-initialisation become struct_new with
// one value per field (written initialisers, default member initialisers, zero), field reads
// struct_getfield. Writes (`s.f = v`, `obj->pos.line = v`) are places with a field path, in
// expr.cpp: struct_setfield makes a new value that is stored back where the old one came from.
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

}  // namespace rtoolchain::frontend
