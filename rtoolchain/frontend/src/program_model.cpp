// The program model, built on demand: types, classes (fields with their flags, virtual method
// tables), enums, key traits, functions and their names, globals, JIT drivers, and the rt
// library's marking (RT_OP, rlib/include/rt/library_ops.def).
#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/PrettyPrinter.h>

#include "graph_builder.h"

namespace rtoolchain::frontend {
namespace {

// The marking table, in the order of the enum of rt/library_ops.h. An RT_LIBRARY_OP name that
// is not an opcode of ops.def fails to compile here (ir::Opcode::name).
const LibraryOp kLibraryOps[] = {
#define RT_LIBRARY_OP(name) {LibraryOp::Kind::kOp, #name, ir::Opcode::name, ""},
#define RT_LIBRARY_EXTERNAL(name, qualified) {LibraryOp::Kind::kExternal, #name, ir::Opcode::same_as, qualified},
#define RT_LIBRARY_FORM(name) {LibraryOp::Kind::kForm, #name, ir::Opcode::same_as, ""},
#include "rt/library_ops.def"
};

bool has_annotation(const clang::Decl* decl, llvm::StringRef name) {
  for (const auto* attr : decl->specific_attrs<clang::AnnotateAttr>())
    if (attr->getAnnotation() == name) return true;
  return false;
}

const clang::CXXRecordDecl* record_of(clang::QualType type) {
  return type->getAsCXXRecordDecl();
}

bool is_rt_record(const clang::CXXRecordDecl* record, llvm::StringRef name) {
  return record && record->getName() == name && is_rt_library(record);
}

const clang::TemplateArgument* template_arg(const clang::CXXRecordDecl* record, unsigned i) {
  const auto* spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(record);
  if (!spec || spec->getTemplateArgs().size() <= i) return nullptr;
  return &spec->getTemplateArgs()[i];
}

std::string strip_anonymous(std::string name) {
  const std::string anon = "(anonymous namespace)::";
  for (size_t at; (at = name.find(anon)) != std::string::npos;) name.erase(at, anon.size());
  return name;
}

}  // namespace

const LibraryOp* library_op_of(const clang::Decl* decl) {
  if (!decl) return nullptr;
  for (const auto* attr : decl->specific_attrs<clang::AnnotateAttr>()) {
    if (attr->getAnnotation() != "rt.op" || attr->args_size() < 2) continue;
    clang::Expr::EvalResult result;
    const clang::Expr* index = *(attr->args_begin() + 1);
    if (!index->EvaluateAsInt(result, decl->getASTContext())) continue;
    int64_t i = result.Val.getInt().getExtValue();
    if (i >= 0 && i < int64_t(std::size(kLibraryOps))) return &kLibraryOps[i];
  }
  return nullptr;
}

bool is_form(const LibraryOp* op, llvm::StringRef name) {
  return op && op->kind == LibraryOp::Kind::kForm && op->name == name;
}

bool is_value_struct(const clang::CXXRecordDecl* record) {
  if (record && is_rt_library(record)) return record->getName() == "DictItem";  // {key, value}
  if (!record || record->isLambda()) return false;
  if (const clang::CXXRecordDecl* definition = record->getDefinition()) record = definition;
  return record->hasDefinition() && record->getNumBases() == 0 && !record->isUnion();
}

ModelBuilder::ModelBuilder(const AstSet& asts, ir::Program& program, Diagnostics& diags)
    : asts_(asts), program_(program), diags_(diags) {
  for (unsigned i = 0; i < asts.units().size(); ++i) unit_index_[&asts.units()[i]->getASTContext()] = i;
}

void ModelBuilder::error(const clang::ASTContext& context, clang::SourceLocation where,
                         std::string rule, std::string message) {
  diags_.error(AstSet::location(context, where), std::move(rule), std::move(message));
}

std::string ModelBuilder::unit_tag(const clang::Decl* decl) const {
  auto it = unit_index_.find(&decl->getASTContext());
  return "#tu" + std::to_string(it == unit_index_.end() ? 0 : it->second);
}

std::string ModelBuilder::record_name(const clang::CXXRecordDecl* record) const {
  std::string name = record->getQualifiedNameAsString();
  if (const auto* spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(record)) {
    llvm::raw_string_ostream out(name);
    clang::printTemplateArgumentList(out, spec->getTemplateArgs().asArray(),
                                     record->getASTContext().getPrintingPolicy());
  }
  return strip_anonymous(name);
}

std::string ModelBuilder::function_name(const clang::FunctionDecl* function) const {
  std::string name = function->getQualifiedNameAsString();
  if (const clang::TemplateArgumentList* args = function->getTemplateSpecializationArgs()) {
    llvm::raw_string_ostream out(name);
    clang::printTemplateArgumentList(out, args->asArray(), function->getASTContext().getPrintingPolicy());
  }
  return strip_anonymous(name);
}

ir::TypeId ModelBuilder::type_of(clang::QualType type, const clang::ASTContext& context,
                                 clang::SourceLocation where) {
  ir::TypeTable& types = program_.types();
  type = type.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (const auto* builtin = type->getAs<clang::BuiltinType>()) {
    switch (builtin->getKind()) {
      case clang::BuiltinType::Void: return types.void_type();
      case clang::BuiltinType::Bool: return types.bool_type();
      case clang::BuiltinType::Char_S: case clang::BuiltinType::Char_U:
      case clang::BuiltinType::SChar: return types.i8();
      case clang::BuiltinType::UChar: return types.u8();
      case clang::BuiltinType::Short: return types.i16();
      case clang::BuiltinType::UShort: return types.u16();
      case clang::BuiltinType::Int: return types.i32();
      case clang::BuiltinType::UInt: return types.u32();
      case clang::BuiltinType::Long: case clang::BuiltinType::LongLong: return types.i64();
      case clang::BuiltinType::ULong: case clang::BuiltinType::ULongLong: return types.u64();
      case clang::BuiltinType::Double: return types.f64();
      case clang::BuiltinType::Float:
        error(context, where, "T3 no-float", "'float' is not RC++: use double");
        return {};
      default: break;
    }
  } else if (const auto* enum_type = type->getAs<clang::EnumType>()) {
    ir::EnumId e = enum_of(enum_type->getDecl(), where);
    return e.valid() ? types.enum_type(e) : ir::TypeId();
  } else if (const clang::CXXRecordDecl* record = record_of(type)) {
    if (is_rt_record(record, "Str")) return types.str();
    if (is_rt_record(record, "StrBuilder")) return types.strbuilder();
    if (is_value_struct(record)) {
      ir::StructId s = struct_of(record, where);
      return s.valid() ? types.struct_type(s) : ir::TypeId();
    }
    if (is_rt_library(record))
      error(context, where, "L1 rt-api", "a value of type '" + type.getAsString() + "' is not part of the rt API");
    else
      error(context, where, "C3 make-only",
            "a GC object of type '" + type.getAsString() + "' is used through a pointer made by rt::make");
    return {};
  } else if (type->isPointerType()) {
    clang::QualType pointee = type->getPointeeType();
    if (const auto* proto = pointee->getAs<clang::FunctionProtoType>()) {
      ir::TypeId result = type_of(proto->getReturnType(), context, where);
      std::vector<ir::TypeId> params;
      for (clang::QualType param : proto->getParamTypes()) params.push_back(type_of(param, context, where));
      for (ir::TypeId param : params)
        if (!param.valid()) return {};
      return result.valid() ? types.function(result, params) : ir::TypeId();
    }
    const clang::CXXRecordDecl* record = record_of(pointee);
    if (record && is_rt_library(record) && (record->getName() == "List" || record->getName() == "Array")) {
      const clang::TemplateArgument* item = template_arg(record, 0);
      ir::TypeId item_type = item ? type_of(item->getAsType(), context, where) : ir::TypeId();
      if (!item_type.valid()) return {};
      return record->getName() == "List" ? types.list(item_type) : types.array(item_type);
    }
    if (record && is_rt_record(record, "Dict")) {
      const clang::TemplateArgument* key = template_arg(record, 0);
      const clang::TemplateArgument* value = template_arg(record, 1);
      const clang::TemplateArgument* traits = template_arg(record, 2);
      if (!key || !value || !traits) return {};
      ir::TypeId key_type = type_of(key->getAsType(), context, where);
      ir::TypeId value_type = type_of(value->getAsType(), context, where);
      if (!key_type.valid() || !value_type.valid()) return {};
      ir::KeyTraitsId key_traits;
      const clang::CXXRecordDecl* traits_record = record_of(traits->getAsType());
      if (traits_record && !is_rt_record(traits_record, "DefaultKeyTraits")) {
        key_traits = key_traits_of(traits_record, key_type, where);
        if (!key_traits.valid()) return {};
      }
      return types.dict(key_type, value_type, key_traits);
    }
    if (record) {
      ir::ClassId cls = class_of(record, where);
      return cls.valid() ? types.pointer(cls) : ir::TypeId();
    }
  }
  error(context, where, "T1 allowed-types", "type '" + type.getAsString() + "' is not an RC++ type");
  return {};
}

ir::EnumId ModelBuilder::enum_of(const clang::EnumDecl* decl, clang::SourceLocation where) {
  if (const clang::EnumDecl* definition = decl->getDefinition()) decl = definition;
  std::string key = strip_anonymous(decl->getQualifiedNameAsString());
  if (decl->isInAnonymousNamespace()) key += unit_tag(decl);
  if (auto it = enums_.find(key); it != enums_.end()) return it->second;
  ir::TypeId underlying = type_of(decl->getIntegerType(), decl->getASTContext(), where);
  if (!underlying.valid()) return {};
  std::string name = strip_anonymous(decl->getQualifiedNameAsString());
  for (int n = 2; program_.has_type_name(name); ++n)
    name = strip_anonymous(decl->getQualifiedNameAsString()) + "#" + std::to_string(n);
  ir::EnumId id = program_.add_enum(name, underlying);
  enums_[key] = id;
  for (const clang::EnumConstantDecl* constant : decl->enumerators()) {
    const llvm::APSInt& v = constant->getInitVal();
    program_.add_enumerator(id, constant->getName(), v.isSigned() ? v.getSExtValue() : int64_t(v.getZExtValue()));
  }
  return id;
}

ir::KeyTraitsId ModelBuilder::key_traits_of(const clang::CXXRecordDecl* traits, ir::TypeId key,
                                            clang::SourceLocation where) {
  std::string name = record_name(traits);
  if (auto it = key_traits_.find(name); it != key_traits_.end()) return it->second;
  const clang::CXXMethodDecl* hash = nullptr;
  const clang::CXXMethodDecl* equal = nullptr;
  for (const clang::CXXMethodDecl* method : traits->methods()) {
    if (!method->isStatic() || !method->getIdentifier()) continue;
    if (method->getName() == "hash") hash = method;
    if (method->getName() == "equal") equal = method;
  }
  if (!hash || !equal) {
    error(traits->getASTContext(), where, "L1 rt-api",
          "key traits '" + name + "' need static hash(K) and equal(K, K)");
    return {};
  }
  ir::KeyTraitsId id = program_.add_key_traits(name, key, ir::FunctionId(), ir::FunctionId());
  key_traits_[name] = id;
  program_.key_traits_info_mut(id).hash = function_of(hash, where);
  program_.key_traits_info_mut(id).equal = function_of(equal, where);
  return id;
}

// A class is keyed by its definition's qualified name (plus the unit for anonymous namespaces):
// every declaration of it, `class B;` in a unit that never defines B included, is the one class.
ir::ClassId ModelBuilder::class_of(const clang::CXXRecordDecl* record, clang::SourceLocation where) {
  const clang::ASTContext& use_context = record->getASTContext();
  const clang::CXXRecordDecl* definition = asts_.definition_of(record);
  if (!definition) {
    // Once per class: every later mention of it would repeat the same error.
    if (undefined_classes_.insert(record_name(record)).second)
      error(use_context, where, "P5 whole-program",
            "class '" + record_name(record) + "' is used but not defined in any source of the target");
    return {};
  }
  record = definition;
  const clang::ASTContext& context = record->getASTContext();
  if (is_rt_library(record)) {
    if (record->getName() == "Object") return program_.object_class();
    if (record->getName() == "Exception") return program_.exception_class();
    ir::ClassId cls = program_.find_class("rt::" + record->getName().str());
    if (!cls.valid())
      error(context, where, "L1 rt-api", "'" + record_name(record) + "' is not a class of the rt API");
    return cls;
  }
  std::string key = record_name(record);
  if (record->isInAnonymousNamespace()) key += unit_tag(record);
  if (auto it = classes_.find(key); it != classes_.end()) return it->second;
  if (record->getNumBases() != 1) {
    error(context, where, "C1 gc-class",
          "class '" + record_name(record) + "' does not derive from rt::Object (single inheritance)");
    return {};
  }
  ir::ClassId base = class_of(record_of(record->bases_begin()->getType()), where);
  if (!base.valid()) return {};
  // Creating the base may have created this class already: a field of the base (or of any
  // class it reaches) may point to it (`class A { B* b; }; class B : public A {}`).
  if (auto it = classes_.find(key); it != classes_.end()) return it->second;
  uint32_t flags = 0;
  if (has_annotation(record, "rt.immutable_class")) flags |= ir::kImmutableClass;
  if (has_annotation(record, "rt.virtualizable")) flags |= ir::kVirtualizable;
  std::string name = record_name(record);
  for (int n = 2; program_.has_type_name(name); ++n) name = record_name(record) + "#" + std::to_string(n);
  ir::ClassId id = program_.add_class(name, base, flags);
  classes_[key] = id;
  class_records_.push_back({id, record});
  for (const clang::FieldDecl* field : record->fields()) {
    ir::TypeId type = type_of(field->getType(), context, field->getLocation());
    if (!type.valid()) {
      skipped_field_names_.insert(name + "." + field->getNameAsString());
      continue;
    }
    uint32_t field_flags = 0;
    if (field->getType().isConstQualified() || has_annotation(field, "rt.immutable"))
      field_flags |= ir::kImmutableField;
    if (has_annotation(field, "rt.quasi_immutable")) field_flags |= ir::kQuasiImmutableField;
    if (has_annotation(field, "rt.immutable_items")) field_flags |= ir::kImmutableItems;
    if (has_annotation(field, "rt.quasi_immutable_items")) field_flags |= ir::kQuasiImmutableItems;
    if (has_annotation(field, "rt.vable_field")) field_flags |= ir::kVableField;
    if (has_annotation(field, "rt.vable_array")) field_flags |= ir::kVableArray;
    ir::TypeKind kind = program_.types().kind(type);
    if ((field_flags & (ir::kImmutableItems | ir::kQuasiImmutableItems)) && kind != ir::TypeKind::kList &&
        kind != ir::TypeKind::kArray) {
      error(context, field->getLocation(), "H11 immutable-fields", "item flags belong on list and array fields");
      field_flags &= ~(ir::kImmutableItems | ir::kQuasiImmutableItems);
    }
    if ((field_flags & ir::kImmutableField) && (field_flags & ir::kQuasiImmutableField)) {
      error(context, field->getLocation(), "H11 immutable-fields", "a field is immutable or quasi-immutable, not both");
      field_flags &= ~ir::kQuasiImmutableField;
    }
    program_.add_field(id, field->getName(), type, field_flags);
  }
  return id;
}

// Value structs by qualified name, like classes; fields in declaration order (default member
// initialisers are the constructions' business, not the model's).
// (Errors point at the fields, so the use's location is not needed.)
ir::StructId ModelBuilder::struct_of(const clang::CXXRecordDecl* record, clang::SourceLocation) {
  if (const clang::CXXRecordDecl* definition = record->getDefinition()) record = definition;
  std::string key = record_name(record);
  if (record->isInAnonymousNamespace()) key += unit_tag(record);
  if (auto it = structs_.find(key); it != structs_.end()) return it->second;
  std::string name = record_name(record);
  for (int n = 2; program_.has_type_name(name); ++n) name = record_name(record) + "#" + std::to_string(n);
  ir::StructId id = program_.add_struct(name);
  structs_[key] = id;
  for (const clang::FieldDecl* field : record->fields()) {
    ir::TypeId type = type_of(field->getType(), record->getASTContext(), field->getLocation());
    if (type.valid() && program_.types().kind(type) == ir::TypeKind::kStrBuilder) {
      error(record->getASTContext(), field->getLocation(), "T6 value-structs", "a value struct cannot hold an rt::StrBuilder");
      type = {};
    }
    program_.add_struct_field(id, field->getName(), type.valid() ? type : program_.types().i64());
  }
  return id;
}

ir::FieldId ModelBuilder::field_of(const clang::FieldDecl* field, clang::SourceLocation where) {
  const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(field->getParent());
  if (is_value_struct(record)) {
    ir::StructId s = struct_of(record, where);
    return program_.find_struct_field(s, field->getName());
  }
  ir::ClassId cls = record ? class_of(record, where) : ir::ClassId();
  if (!cls.valid()) return {};
  ir::FieldId id = program_.find_own_field(cls, field->getName());
  // A field left out of the model after an error in its type has been reported already.
  if (!id.valid() && !skipped_field_names_.count(
                         program_.class_info(cls).name + "." + field->getNameAsString()))
    error(field->getASTContext(), where, "L1 rt-api", "field '" + field->getNameAsString() + "' is not in the model");
  return id;
}

bool ModelBuilder::add_pending_vtables() {
  bool did = false;
  while (vtables_done_ < class_records_.size()) {
    auto [cls, record] = class_records_[vtables_done_++];
    did = true;
    std::map<std::string, int> seen;
    for (const clang::CXXMethodDecl* method : record->methods()) {
      if (!method->isVirtual() || llvm::isa<clang::CXXDestructorDecl>(method)) continue;
      std::string name = method->getNameAsString();
      if (seen[name]++) {
        error(record->getASTContext(), method->getLocation(), "C9 no-operator-overloading",
              "overloaded virtual method '" + name + "' is not supported");
        continue;
      }
      ir::FunctionId implementation;
      std::vector<ir::TypeId> params{program_.types().pointer(cls)};
      ir::TypeId result = type_of(method->getReturnType(), record->getASTContext(), method->getLocation());
      for (const clang::ParmVarDecl* param : method->parameters())
        params.push_back(type_of(param->getType(), record->getASTContext(), param->getLocation()));
      if (!method->isPureVirtual()) implementation = function_of(method, method->getLocation());
      bool ok = result.valid();
      for (ir::TypeId param : params) ok = ok && param.valid();
      if (!ok || (!method->isPureVirtual() && !implementation.valid())) continue;
      program_.add_method(cls, name, program_.types().function(result, params), implementation);
    }
  }
  return did;
}

ir::FunctionId ModelBuilder::function_of(const clang::FunctionDecl* function, clang::SourceLocation where) {
  const clang::FunctionDecl* definition = asts_.definition_of(function);
  const clang::FunctionDecl* decl = definition ? definition : function;
  std::string key = asts_.mangled_name(decl);
  if (!decl->isExternallyVisible()) key += unit_tag(decl);
  if (auto it = functions_.find(key); it != functions_.end()) return it->second;
  const clang::ASTContext& context = decl->getASTContext();
  std::vector<ir::Param> params;
  bool ok = true;
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(decl);
  if (method && !method->isStatic() && is_value_struct(method->getParent())) {
    // A const member function of a value struct takes the struct by value (rule T6).
    ir::StructId s = struct_of(method->getParent(), where);
    params.push_back({"this", program_.types().struct_type(s)});
  } else if (method && !method->isStatic()) {
    ir::ClassId cls = class_of(method->getParent(), where);
    ok = cls.valid();
    if (ok) params.push_back({"this", program_.types().pointer(cls)});
  }
  for (const clang::ParmVarDecl* param : decl->parameters()) {
    ir::TypeId type = type_of(param->getType(), context, param->getLocation());
    ok = ok && type.valid();
    params.push_back({param->getNameAsString(), type});
  }
  ir::TypeId result = llvm::isa<clang::CXXConstructorDecl>(decl) ? program_.types().void_type()
                                                                   : type_of(decl->getReturnType(), context, where);
  if (!ok || !result.valid()) return {};
  uint32_t flags = 0;
  if (has_annotation(decl, "rt.jit.elidable")) flags |= ir::kElidable;
  if (has_annotation(decl, "rt.jit.dont_look_inside")) flags |= ir::kDontLookInside;
  if (has_annotation(decl, "rt.jit.unroll_safe")) flags |= ir::kUnrollSafe;
  if (has_annotation(decl, "rt.jit.loop_invariant")) flags |= ir::kLoopInvariant;
  if (has_annotation(decl, "rt.jit.not_in_trace")) flags |= ir::kNotInTrace;
  // Contradictory or misplaced hints are the program's errors (docs/hints.md), reported here
  // rather than left to the verifier; the flag is dropped so the graph stays valid.
  auto hint_error = [&](uint32_t drop, const char* rule, const char* message) {
    error(context, decl->getLocation(), rule, message);
    flags &= ~drop;
  };
  if ((flags & ir::kUnrollSafe) && (flags & (ir::kElidable | ir::kDontLookInside)))
    hint_error(ir::kUnrollSafe, "H5 hint-conflict", "unroll_safe contradicts elidable and dont_look_inside");
  if ((flags & ir::kElidable) && program_.types().is_void(result))
    hint_error(ir::kElidable, "H6 elidable-returns-value", "an elidable function must return a value");
  if ((flags & ir::kLoopInvariant) && !params.empty())
    hint_error(ir::kLoopInvariant, "H8 loop-invariant-no-args", "a loop_invariant function takes no parameters");
  if (decl->isVariadic()) {
    error(context, decl->getLocation(), "F4 no-c-variadics", "C variadic functions are not RC++");
    return {};
  }
  for (auto [annotation, hint] : {std::pair{"rt.jit.look_inside_iff", "RT_JIT_LOOK_INSIDE_IFF"},
                                 std::pair{"rt.jit.elidable_promote", "RT_JIT_ELIDABLE_PROMOTE"},
                                 std::pair{"rt.jit.oopspec", "RT_JIT_OOPSPEC"}})
    if (has_annotation(decl, annotation))
      error(context, decl->getLocation(), "H5 hint-conflict",
            std::string("the hint ") + hint + " is not implemented by the graph builder yet");
  // Readable unique names: the qualified name, then the parameter types for overloads, then a
  // number (functions of different translation units with the same internal name).
  std::string name = function_name(decl);
  if (program_.find_function(name).valid()) {
    name += "(";
    for (size_t i = 0; i < decl->getNumParams(); ++i)
      name += (i ? ", " : "") + decl->getParamDecl(i)->getType().getAsString(context.getPrintingPolicy());
    name += ")";
  }
  std::string base = name;
  for (int n = 2; program_.find_function(name).valid(); ++n) name = base + "#" + std::to_string(n);
  ir::FunctionId id;
  if (definition) {
    id = program_.add_function(name, params, result, flags);
    pending_.push_back({definition, id});
  } else {
    if (!function->isPureVirtual())
      error(context, where, "P5 whole-program",
            "'" + function->getQualifiedNameAsString() + "' is used but not defined in any source of the target");
    id = program_.add_external_function(name, params, result, flags);
  }
  functions_[key] = id;
  return id;
}

ir::FunctionId ModelBuilder::external_of(const clang::FunctionDecl* function, const LibraryOp& op,
                                         clang::SourceLocation where) {
  if (ir::FunctionId id = program_.find_function(op.external); id.valid()) return id;
  const clang::ASTContext& context = function->getASTContext();
  std::vector<ir::Param> params;
  for (const clang::ParmVarDecl* param : function->parameters()) {
    ir::TypeId type = type_of(param->getType(), context, where);
    if (!type.valid()) return {};
    params.push_back({param->getNameAsString(), type});
  }
  ir::TypeId result = type_of(function->getReturnType(), context, where);
  if (!result.valid()) return {};
  // libm never raises; the outside world may (rt::OSError).
  uint32_t flags = op.external.starts_with("rt::math::") ? ir::kNoThrow : 0;
  return program_.add_external_function(op.external, params, result, flags);
}

bool ModelBuilder::is_driver(const clang::VarDecl* var) const {
  const clang::CXXRecordDecl* record = record_of(var->getType());
  return record && record->getName() == "JitDriver" && is_rt_library(record);
}

ir::JitDriverId ModelBuilder::driver_of(const clang::VarDecl* var, clang::SourceLocation where) {
  std::string key = var->getQualifiedNameAsString() + (var->isExternallyVisible() ? "" : unit_tag(var));
  if (auto it = drivers_.find(key); it != drivers_.end()) return it->second;
  const clang::ASTContext& context = var->getASTContext();
  const clang::CXXRecordDecl* record = record_of(var->getType());
  const clang::TemplateArgument* greens = template_arg(record, 0);
  const clang::TemplateArgument* reds = template_arg(record, 1);
  if (!greens || !reds) return {};
  auto pack_types = [&](const clang::TemplateArgument* arg) {
    std::vector<ir::TypeId> types;
    if (const clang::CXXRecordDecl* pack_record = record_of(arg->getAsType()))
      if (const clang::TemplateArgument* pack = template_arg(pack_record, 0))
        for (const clang::TemplateArgument& t : pack->pack_elements()) types.push_back(type_of(t.getAsType(), context, where));
    return types;
  };
  std::vector<ir::TypeId> green_types = pack_types(greens), red_types = pack_types(reds);
  // The name and options come from the constant initialiser (rule G1 makes it constant).
  std::string name = strip_anonymous(var->getQualifiedNameAsString());
  uint32_t flags = 0;
  if (const clang::APValue* value = var->evaluateValue(); value && value->isStruct() &&
                                                          value->getStructNumFields() >= 2) {
    const clang::APValue& options = value->getStructField(1);
    if (options.isStruct() && options.getStructNumFields() >= 1 && options.getStructField(0).isInt() &&
        options.getStructField(0).getInt().getBoolValue())
      flags |= ir::kRecursiveDriver;
    const clang::APValue& name_value = value->getStructField(0);
    if (name_value.isLValue())
      if (const auto* literal = llvm::dyn_cast_or_null<clang::StringLiteral>(
              name_value.getLValueBase().dyn_cast<const clang::Expr*>()))
        name = literal->getString().str();
  }
  for (int n = 2; program_.find_jit_driver(name).valid(); ++n) name += "#" + std::to_string(n);
  ir::JitDriverId id = program_.add_jit_driver(name, green_types, red_types, flags);
  drivers_[key] = id;
  return id;
}

ir::ConstId ModelBuilder::zero_of(ir::TypeId type) {
  ir::TypeTable& types = program_.types();
  if (!type.valid() || types.is_void(type)) return program_.const_none();
  switch (types.kind(type)) {
    case ir::TypeKind::kBool: return program_.const_bool(false);
    case ir::TypeKind::kInt: case ir::TypeKind::kEnum: return program_.const_int(type, 0);
    case ir::TypeKind::kFloat: return program_.const_float(0.0);
    case ir::TypeKind::kStr: return program_.const_str("");
    case ir::TypeKind::kStruct: {
      std::vector<ir::ConstId> fields;
      for (ir::FieldId field : program_.struct_info(types.get(type).struct_id).fields)
        fields.push_back(zero_of(program_.field_info(field).type));
      return program_.const_struct(types.get(type).struct_id, fields);
    }
    default: break;
  }
  if (types.is_reference(type)) return program_.const_null(type);
  return program_.const_none();
}

ir::ConstId ModelBuilder::constant_of(const clang::APValue& value, ir::TypeId type, const clang::ASTContext& context,
                                      clang::SourceLocation where) {
  ir::TypeTable& types = program_.types();
  if (!type.valid()) return {};
  switch (types.kind(type)) {
    case ir::TypeKind::kBool:
      return value.isInt() ? program_.const_bool(value.getInt().getBoolValue()) : ir::ConstId();
    case ir::TypeKind::kInt: case ir::TypeKind::kEnum: {
      if (!value.isInt()) return {};
      const llvm::APSInt& v = value.getInt();
      return program_.const_int(type, v.isSigned() ? v.getSExtValue() : int64_t(v.getZExtValue()));
    }
    case ir::TypeKind::kFloat:
      return value.isFloat() ? program_.const_float(value.getFloat().convertToDouble()) : ir::ConstId();
    case ir::TypeKind::kStruct: {
      const ir::StructInfo& info = program_.struct_info(types.get(type).struct_id);
      if (!value.isStruct() || value.getStructNumFields() != info.fields.size()) return {};
      std::vector<ir::ConstId> fields;
      for (unsigned i = 0; i < info.fields.size(); ++i) {
        ir::ConstId field = constant_of(value.getStructField(i), program_.field_info(info.fields[i]).type, context, where);
        if (!field.valid()) return {};
        fields.push_back(field);
      }
      return program_.const_struct(types.get(type).struct_id, fields);
    }
    case ir::TypeKind::kFunction:
      if (value.isLValue() && !value.isNullPointer())
        if (const auto* base = value.getLValueBase().dyn_cast<const clang::ValueDecl*>())
          if (const auto* function = llvm::dyn_cast<clang::FunctionDecl>(base)) {
            ir::FunctionId id = function_of(function, where);
            return id.valid() ? program_.const_function(id) : ir::ConstId();
          }
      break;
    default: break;
  }
  if (types.is_reference(type) && (value.isNullPointer() || (value.isLValue() && value.getLValueBase().isNull())))
    return program_.const_null(type);
  return {};
}

ir::GlobalId ModelBuilder::global_of(const clang::VarDecl* var, clang::SourceLocation where) {
  std::string key = var->getQualifiedNameAsString() + (var->isExternallyVisible() ? "" : unit_tag(var));
  if (auto it = globals_.find(key); it != globals_.end()) return it->second;
  const clang::ASTContext& context = var->getASTContext();
  ir::TypeId type = type_of(var->getType(), context, where);
  if (!type.valid()) return {};
  ir::ConstId initial;
  if (const clang::Expr* init = var->getAnyInitializer()) {
    clang::Expr::EvalResult result;
    const clang::Expr* stripped = init->IgnoreParenImpCasts();
    if (llvm::isa<clang::CXXNullPtrLiteralExpr>(stripped) || llvm::isa<clang::GNUNullExpr>(stripped)) {
      initial = zero_of(type);
    } else if (const clang::APValue* evaluated = var->evaluateValue()) {
      initial = constant_of(*evaluated, type, context, where);
    } else if (init->EvaluateAsRValue(result, context) && !result.HasSideEffects) {
      initial = constant_of(result.Val, type, context, where);
    }
    if (!initial.valid())
      error(context, var->getLocation(), "G1 constant-initialisation",
            "the initial value of this global is not a constant the IR can hold (scalars, null, "
            "function pointers and value structs of those)");
  }
  std::string name = strip_anonymous(var->getQualifiedNameAsString());
  for (int n = 2; program_.find_global(name).valid(); ++n)
    name = strip_anonymous(var->getQualifiedNameAsString()) + "#" + std::to_string(n);
  ir::GlobalId id = program_.add_global(name, type, initial,
                                        var->getType().isConstQualified() ? ir::kConstantGlobal : 0);
  globals_[key] = id;
  return id;
}

bool ModelBuilder::next_pending(PendingFunction& out) {
  if (pending_.empty()) return false;
  out = pending_.front();
  pending_.pop_front();
  return true;
}

}  // namespace rtoolchain::frontend
