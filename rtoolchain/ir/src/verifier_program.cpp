// The verifier: the program model (names, classes and methods, structs, enums, key traits, JIT
// drivers, globals, prebuilt objects, function declarations, the entry point).
#include <map>
#include <set>

#include "text_syntax.h"
#include "verifier.h"

namespace rtoolchain::ir {

// --- The program model. ---------------------------------------------------------------------------

void Verifier::verify_program_model() {
  check_names();
  for (uint32_t i = 0; i < program_.num_structs(); ++i) check_struct(StructId(i));
  for (uint32_t i = 0; i < program_.num_enums(); ++i) check_enum(EnumId(i));
  for (uint32_t i = 0; i < program_.num_key_traits(); ++i) check_key_traits(KeyTraitsId(i));
  for (uint32_t i = 0; i < program_.num_classes(); ++i) check_class(ClassId(i));
  for (uint32_t i = 0; i < program_.num_jit_drivers(); ++i) check_jit_driver(JitDriverId(i));
  for (uint32_t i = 0; i < program_.num_globals(); ++i) check_global(GlobalId(i));
  for (uint32_t i = 0; i < program_.num_prebuilts(); ++i) check_prebuilt(PrebuiltId(i));
  for (uint32_t i = 0; i < program_.num_functions(); ++i) check_function_declaration(FunctionId(i));
  check_entry_point();
  check_level_program();
}

void Verifier::check_names() {
  auto check = [&](std::map<std::string, std::string>& seen, const std::string& name, std::string what) {
    auto [it, inserted] = seen.emplace(name, what);
    if (!inserted) report(what, "the name is already used by " + it->second);
  };
  std::map<std::string, std::string> types, functions, globals, prebuilts, drivers;
  for (uint32_t i = 0; i < program_.num_structs(); ++i)
    check(types, program_.struct_info(StructId(i)).name, "struct " + format_name(program_.struct_info(StructId(i)).name));
  for (uint32_t i = 0; i < program_.num_enums(); ++i)
    check(types, program_.enum_info(EnumId(i)).name, "enum " + format_name(program_.enum_info(EnumId(i)).name));
  for (uint32_t i = 0; i < program_.num_key_traits(); ++i)
    check(types, program_.key_traits_info(KeyTraitsId(i)).name,
          "keytraits " + format_name(program_.key_traits_info(KeyTraitsId(i)).name));
  for (uint32_t i = 0; i < program_.num_classes(); ++i)
    check(types, program_.class_info(ClassId(i)).name, "class " + format_name(program_.class_info(ClassId(i)).name));
  for (uint32_t i = 0; i < program_.num_functions(); ++i)
    check(functions, program_.function_info(FunctionId(i)).name,
          "function " + format_name(program_.function_info(FunctionId(i)).name));
  for (uint32_t i = 0; i < program_.num_globals(); ++i)
    check(globals, program_.global_info(GlobalId(i)).name, "global " + format_name(program_.global_info(GlobalId(i)).name));
  for (uint32_t i = 0; i < program_.num_prebuilts(); ++i)
    check(prebuilts, program_.prebuilt_info(PrebuiltId(i)).name,
          "prebuilt " + format_name(program_.prebuilt_info(PrebuiltId(i)).name));
  for (uint32_t i = 0; i < program_.num_jit_drivers(); ++i)
    check(drivers, program_.jit_driver_info(JitDriverId(i)).name,
          "jitdriver " + format_name(program_.jit_driver_info(JitDriverId(i)).name));
}

void Verifier::check_class(ClassId cls) {
  const ClassInfo& info = program_.class_info(cls);
  std::string location = "class " + format_name(info.name);
  if (cls != program_.object_class()) {
    if (!info.base.valid()) {
      report(location, "has no base class (every class derives from rt::Object)");
    } else if (!valid_class(info.base)) {
      report(location, "its base class does not exist");
    } else {
      ClassId c = info.base;
      for (size_t steps = 0; c.valid() && steps <= program_.num_classes(); ++steps) {
        if (c == cls) {
          report(location, "the class hierarchy has a cycle");
          break;
        }
        c = valid_class(c) ? program_.class_info(c).base : ClassId();
      }
    }
  }
  std::set<std::string> field_names;
  for (FieldId field : info.fields) {
    if (!field.valid() || field.index() >= program_.num_fields()) {
      report(location, "refers to a field that does not exist");
      continue;
    }
    const FieldInfo& f = program_.field_info(field);
    std::string what = "field " + format_name(f.name);
    if (!field_names.insert(f.name).second) report(location, what + " is declared twice");
    if (f.owner_class != cls) report(location, what + " belongs to another class");
    bool type_ok = check_type(f.type, location, what, false);
    if ((f.flags & kImmutableField) && (f.flags & kQuasiImmutableField))
      report(location, what + " is both immutable and quasi_immutable");
    if ((f.flags & (kImmutableItems | kQuasiImmutableItems | kVableArray)) && type_ok) {
      TypeKind kind = program_.types().kind(f.type);
      if (kind != TypeKind::kList && kind != TypeKind::kArray)
        report(location, what + " has item flags but is not a list or array");
    }
  }
  std::set<std::string> method_names;
  for (const MethodDecl& method : info.methods) {
    if (!method_names.insert(method.name).second)
      report(location, "method " + format_name(method.name) + " is declared twice");
    check_method(cls, method);
  }
}

void Verifier::check_method(ClassId cls, const MethodDecl& method) {
  std::string location = "class " + format_name(program_.class_info(cls).name) + ": method " + format_name(method.name);
  if (!check_type(method.signature, location, "the signature", false)) return;
  const Type& signature = program_.types().get(method.signature);
  if (signature.kind != TypeKind::kFunction || signature.params.empty() || pointee(signature.params[0]) != cls) {
    report(location, "the signature must be a function type whose first parameter is " +
                         format_name(program_.class_info(cls).name) + "*");
    return;
  }
  if (method.implementation.valid()) {
    if (!valid_function(method.implementation)) {
      report(location, "the implementation does not exist");
    } else if (program_.function_info(method.implementation).type != method.signature) {
      report(location, "the implementation @" + format_name(program_.function_info(method.implementation).name) +
                           " has type " + type_name(program_.function_info(method.implementation).type) +
                           ", the method " + type_name(method.signature));
    }
  }
  ClassId base = program_.class_info(cls).base;
  ClassId overridden_class;
  const MethodDecl* overridden = valid_class(base) ? program_.resolve_method(base, method.name, &overridden_class) : nullptr;
  if (!overridden || !valid_type(overridden->signature)) return;
  const Type& base_signature = program_.types().get(overridden->signature);
  bool same = base_signature.kind == TypeKind::kFunction && base_signature.params.size() == signature.params.size() &&
              program_.is_assignable(signature.item, base_signature.item);
  for (size_t i = 1; same && i < signature.params.size(); ++i) same = signature.params[i] == base_signature.params[i];
  if (!same)
    report(location, "overrides " + format_name(program_.class_info(overridden_class).name) + "." +
                         format_name(method.name) + " (" + type_name(overridden->signature) +
                         ") with an incompatible signature");
}

void Verifier::check_struct(StructId s) {
  const StructInfo& info = program_.struct_info(s);
  std::string location = "struct " + format_name(info.name);
  std::set<std::string> names;
  for (FieldId field : info.fields) {
    const FieldInfo& f = program_.field_info(field);
    if (!names.insert(f.name).second) report(location, "field " + format_name(f.name) + " is declared twice");
    if (!check_type(f.type, location, "field " + format_name(f.name), false)) continue;
    // A struct holding itself by value would be infinitely large.
    std::vector<TypeId> pending{f.type};
    std::set<uint32_t> seen;
    while (!pending.empty()) {
      TypeId type = pending.back();
      pending.pop_back();
      if (!valid_type(type) || program_.types().kind(type) != TypeKind::kStruct) continue;
      StructId inner = program_.types().get(type).struct_id;
      if (inner == s) {
        report(location, "field " + format_name(f.name) + " contains the struct itself");
        break;
      }
      if (!inner.valid() || inner.index() >= program_.num_structs() || !seen.insert(inner.index()).second) continue;
      for (FieldId inner_field : program_.struct_info(inner).fields) pending.push_back(program_.field_info(inner_field).type);
    }
  }
}

void Verifier::check_enum(EnumId e) {
  const EnumInfo& info = program_.enum_info(e);
  std::string location = "enum " + format_name(info.name);
  if (!valid_type(info.underlying) || !program_.types().is_int(info.underlying)) {
    report(location, "the underlying type must be an integer type");
    return;
  }
  IntegerLayout layout = *program_.integer_layout(info.underlying);
  std::set<std::string> names;
  for (const Enumerator& enumerator : info.enumerators) {
    if (!names.insert(enumerator.name).second)
      report(location, "enumerator " + format_name(enumerator.name) + " is declared twice");
    if (!fits(enumerator.value, layout))
      report(location, "enumerator " + format_name(enumerator.name) + " does not fit " + type_name(info.underlying));
  }
}

void Verifier::check_key_traits(KeyTraitsId traits) {
  const KeyTraitsInfo& info = program_.key_traits_info(traits);
  std::string location = "keytraits " + format_name(info.name);
  if (!check_type(info.key, location, "the key", false)) return;
  auto check_function = [&](FunctionId fn, llvm::StringRef role, size_t params, bool returns_bool) {
    if (!valid_function(fn)) {
      report(location, (role + " function does not exist").str());
      return;
    }
    const FunctionInfo& f = program_.function_info(fn);
    bool ok = f.params.size() == params && llvm::all_of(f.params, [&](const Param& p) { return p.type == info.key; });
    ok = ok && (returns_bool ? f.result == program_.types().bool_type() : is_int_type(program_, f.result, 64, true));
    if (!ok)
      report(location, (role + " function @" + format_name(f.name) + " must have type " +
                        (params == 1 ? "fn(K) -> i64" : "fn(K, K) -> bool") + " for K = " + type_name(info.key))
                           .str());
  };
  check_function(info.hash, "the hash", 1, false);
  check_function(info.equal, "the equal", 2, true);
}

void Verifier::check_jit_driver(JitDriverId driver) {
  const JitDriverInfo& info = program_.jit_driver_info(driver);
  std::string location = "jitdriver " + format_name(info.name);
  for (TypeId green : info.greens) check_type(green, location, "a green", false);
  for (TypeId red : info.reds) check_type(red, location, "a red", false);
  if (info.reds.empty()) report(location, "needs at least one red variable");
}

void Verifier::check_global(GlobalId global) {
  const GlobalInfo& info = program_.global_info(global);
  std::string location = "global " + format_name(info.name);
  if (!check_type(info.type, location, "the global", false) || !info.initial.valid()) return;
  if (!check_constant(info.initial, location, "the initial value")) return;
  if (!program_.is_assignable(program_.type_of(info.initial), info.type))
    report(location, "the initial value has type " + type_name(program_.type_of(info.initial)) + ", the global " +
                         type_name(info.type));
}

void Verifier::check_prebuilt(PrebuiltId prebuilt) {
  const PrebuiltInfo& info = program_.prebuilt_info(prebuilt);
  std::string location = "prebuilt " + format_name(info.name);
  if (!check_type(info.type, location, "the prebuilt object", false)) return;
  const Type& type = program_.types().get(info.type);
  if (type.kind == TypeKind::kList || type.kind == TypeKind::kArray) {
    if (!info.field_values.empty()) report(location, "a list or array has items, not fields");
    for (size_t i = 0; i < info.items.size(); ++i) {
      std::string what = "item " + std::to_string(i + 1);
      // An immutable array of function pointers may be a dispatch array, whose entries
      // implement the slot for a receiver subclass (Program::implements_slot).
      bool dispatch = (info.flags & kImmutablePrebuilt) && program_.types().kind(type.item) == TypeKind::kFunction;
      TypeId item_type = check_constant(info.items[i], location, what) ? program_.type_of(info.items[i]) : TypeId();
      if (item_type.valid() && !program_.is_assignable(item_type, type.item) &&
          !(dispatch && program_.implements_slot(item_type, type.item)))
        report(location, what + " has type " + type_name(program_.type_of(info.items[i])) + ", expected " +
                             type_name(type.item));
    }
    return;
  }
  if (type.kind != TypeKind::kPointer) {
    report(location, "a prebuilt object is a class instance, a list or an array, not " + type_name(info.type));
    return;
  }
  if (!info.items.empty()) report(location, "a class instance has fields, not items");
  std::set<uint32_t> seen;
  for (const auto& [field, value] : info.field_values) {
    if (!field.valid() || field.index() >= program_.num_fields()) {
      report(location, "refers to a field that does not exist");
      continue;
    }
    const FieldInfo& f = program_.field_info(field);
    std::string what = "field " + format_name(f.name);
    if (!f.owner_class.valid() || !program_.is_subclass(type.class_id, f.owner_class)) {
      report(location, what + " is not a field of " + format_name(program_.class_info(type.class_id).name));
      continue;
    }
    if (!seen.insert(field.index()).second) report(location, what + " is given twice");
    if (check_constant(value, location, what) && !program_.is_assignable(program_.type_of(value), f.type))
      report(location, what + " has type " + type_name(f.type) + ", the value " + type_name(program_.type_of(value)));
  }
}

void Verifier::check_function_declaration(FunctionId fn) {
  const FunctionInfo& info = program_.function_info(fn);
  std::string location = "function " + format_name(info.name);
  bool types_ok = true;
  for (const Param& param : info.params)
    types_ok &= check_type(param.type, location, "parameter " + format_name(param.name.empty() ? "_" : param.name), false);
  types_ok &= check_type(info.result, location, "the result", true);
  if (types_ok && valid_type(info.type)) {
    const Type& type = program_.types().get(info.type);
    bool same = type.kind == TypeKind::kFunction && type.item == info.result && type.params.size() == info.params.size();
    for (size_t i = 0; same && i < info.params.size(); ++i) same = type.params[i] == info.params[i].type;
    if (!same) report(location, "its type " + type_name(info.type) + " disagrees with its signature");
  }
  if (info.is_external && info.graph) report(location, "an external function has a graph");
  if (!info.is_external && !info.graph) report(location, "has no graph (and is not external)");
  auto both = [&](uint32_t a, uint32_t b) { return (info.flags & a) && (info.flags & b); };
  if (both(kElidable, kUnrollSafe)) report(location, "elidable and unroll_safe contradict each other");
  if (both(kDontLookInside, kUnrollSafe)) report(location, "dont_look_inside and unroll_safe contradict each other");
  if ((info.flags & kElidable) && valid_type(info.result) && program_.types().is_void(info.result))
    report(location, "an elidable function must return a value");
  if ((info.flags & kLoopInvariant) && !info.params.empty())
    report(location, "a loop_invariant function takes no parameters");
  if (info.look_inside_iff.valid()) {
    if (!valid_function(info.look_inside_iff)) {
      report(location, "the look_inside_iff predicate does not exist");
    } else {
      const FunctionInfo& predicate = program_.function_info(info.look_inside_iff);
      bool ok = predicate.result == program_.types().bool_type() && predicate.params.size() == info.params.size();
      for (size_t i = 0; ok && i < info.params.size(); ++i) ok = predicate.params[i].type == info.params[i].type;
      if (!ok)
        report(location, "the look_inside_iff predicate @" + format_name(predicate.name) +
                             " must take the same parameters and return bool");
    }
  }
}

void Verifier::check_entry_point() {
  FunctionId entry = program_.entry_point();
  if (!entry.valid()) return;
  if (!valid_function(entry)) {
    report("entry", "the entry point does not exist");
    return;
  }
  const FunctionInfo& info = program_.function_info(entry);
  bool ok = info.params.size() == 1 && valid_type(info.params[0].type) && is_int_type(program_, info.result, 64, true);
  if (ok && program_.level() == Level::kHigh) {
    ok = program_.types().kind(info.params[0].type) == TypeKind::kList &&
         program_.types().get(info.params[0].type).item == program_.types().str();
  } else if (ok) {
    // The rtyper's list<str>: a class with `length: i64` and `items: array<array<i8>>`
    // (rtll::List of byte arrays, docs/lowlevel.md).
    const Type& list = program_.types().get(info.params[0].type);
    FieldId length, items;
    if (list.kind == TypeKind::kPointer && valid_class(list.class_id)) {
      length = program_.find_own_field(list.class_id, "length");
      items = program_.find_own_field(list.class_id, "items");
    }
    ok = length.valid() && items.valid() && is_int_type(program_, program_.field_info(length).type, 64, true);
    if (ok) {
      const Type& array = program_.types().get(program_.field_info(items).type);
      ok = array.kind == TypeKind::kArray && program_.types().kind(array.item) == TypeKind::kArray &&
           is_int_type(program_, program_.types().get(array.item).item, 8, true);
    }
  }
  if (!ok)
    report("entry", "the entry point @" + format_name(info.name) + " must have type fn(list<str>) -> i64" +
                        (program_.level() == Level::kLow ? " (at the low level, list<str> is an rtll::List of array<i8>)" : ""));
}

}  // namespace rtoolchain::ir
