// The verifier: operations (against their ops.def signature, plus what a pattern cannot say:
// calls, fields, globals, casts, JIT drivers) and constants.
#include "text_syntax.h"
#include "verifier.h"

namespace rtoolchain::ir {

bool Verifier::in_class(TypeClass cls, TypeId type) const {
  const TypeTable& types = program_.types();
  switch (cls) {
    case TypeClass::kAny: return true;
    case TypeClass::kInt: return program_.integer_layout(type).has_value();
    case TypeClass::kSignedInt: {
      std::optional<IntegerLayout> layout = program_.integer_layout(type);
      return layout && layout->is_signed;
    }
    case TypeClass::kUnsignedInt: {
      std::optional<IntegerLayout> layout = program_.integer_layout(type);
      return layout && !layout->is_signed;
    }
    case TypeClass::kReference: return types.is_reference(type);
    case TypeClass::kClassPointer: return types.kind(type) == TypeKind::kPointer;
    case TypeClass::kFunction: return types.kind(type) == TypeKind::kFunction;
    case TypeClass::kStruct: return types.kind(type) == TypeKind::kStruct;
    case TypeClass::kClassRef: return types.kind(type) == TypeKind::kClassRef;
    case TypeClass::kDict: return types.kind(type) == TypeKind::kDict;
  }
  return false;
}

bool Verifier::match(const TypePattern& pattern, TypeId actual, Bindings& bindings, bool exact,
                     const Signature& signature) const {
  if (!valid_type(actual)) return false;
  const Type& type = program_.types().get(actual);
  switch (pattern.kind) {
    case TypePattern::Kind::kConcrete:
      // A string is a byte array at the low level (the hints that take one keep their pattern).
      if (pattern.concrete == TypeKind::kStr && program_.level() == Level::kLow)
        return type.kind == TypeKind::kArray && program_.types().get(type.item).kind == TypeKind::kInt &&
               program_.types().get(type.item).bits == 8 && program_.types().get(type.item).is_signed;
      if (type.kind != pattern.concrete) return false;
      return type.kind != TypeKind::kInt || (type.bits == pattern.bits && type.is_signed == pattern.is_signed);
    case TypePattern::Kind::kVariable: {
      TypeId& bound = bindings.variables[pattern.variable - 'A'];
      if (bound.valid()) return exact ? bound == actual : program_.is_assignable(actual, bound);
      if (!in_class(signature.variable_class[pattern.variable - 'A'], actual)) return false;
      bound = actual;
      return true;
    }
    case TypePattern::Kind::kList:
      return type.kind == TypeKind::kList && match(pattern.children[0], type.item, bindings, true, signature);
    case TypePattern::Kind::kArray:
      return type.kind == TypeKind::kArray && match(pattern.children[0], type.item, bindings, true, signature);
    case TypePattern::Kind::kDict:
      if (type.kind != TypeKind::kDict) return false;
      // Every dict of one signature is the same dict type, key traits included.
      if (bindings.dict_traits_bound && bindings.dict_traits != type.key_traits) return false;
      bindings.dict_traits_bound = true;
      bindings.dict_traits = type.key_traits;
      return match(pattern.children[0], type.item, bindings, true, signature) &&
             match(pattern.children[1], type.value, bindings, true, signature);
    case TypePattern::Kind::kDictIter:
      return type.kind == TypeKind::kDictIter && match(pattern.children[0], type.item, bindings, true, signature) &&
             match(pattern.children[1], type.value, bindings, true, signature);
    case TypePattern::Kind::kDescriptor:
      return false;
  }
  return false;
}

std::string Verifier::describe(const TypePattern& pattern, const Bindings& bindings, const Signature& signature) const {
  switch (pattern.kind) {
    case TypePattern::Kind::kConcrete:
      if (pattern.concrete == TypeKind::kInt) return (pattern.is_signed ? "i" : "u") + std::to_string(pattern.bits);
      switch (pattern.concrete) {
        case TypeKind::kBool: return "bool";
        case TypeKind::kFloat: return "f64";
        case TypeKind::kStr: return "str";
        case TypeKind::kStrBuilder: return "strbuilder";
        default: return "void";
      }
    case TypePattern::Kind::kVariable: {
      TypeId bound = bindings.variables[pattern.variable - 'A'];
      if (bound.valid()) return type_name(bound);
      switch (signature.variable_class[pattern.variable - 'A']) {
        case TypeClass::kAny: return "any type";
        case TypeClass::kInt: return "an integer type";
        case TypeClass::kSignedInt: return "a signed integer type";
        case TypeClass::kUnsignedInt: return "an unsigned integer type";
        case TypeClass::kReference: return "a reference type";
        case TypeClass::kClassPointer: return "a class pointer";
        case TypeClass::kFunction: return "a function pointer";
        case TypeClass::kStruct: return "a value struct";
        case TypeClass::kClassRef: return "a classref";
        case TypeClass::kDict: return "a dict";
      }
      return "?";
    }
    case TypePattern::Kind::kList: return "list<" + describe(pattern.children[0], bindings, signature) + ">";
    case TypePattern::Kind::kArray: return "array<" + describe(pattern.children[0], bindings, signature) + ">";
    case TypePattern::Kind::kDict:
    case TypePattern::Kind::kDictIter:
      return std::string(pattern.kind == TypePattern::Kind::kDict ? "dict<" : "dictiter<") +
             describe(pattern.children[0], bindings, signature) + ", " +
             describe(pattern.children[1], bindings, signature) + ">";
    case TypePattern::Kind::kDescriptor: return "a descriptor";
  }
  return "?";
}

namespace {
struct DescriptorSpelling {
  ConstKind kind;
  ConstKind other_kind;  // a second accepted kind, or the same
  const char* what;
};

DescriptorSpelling descriptor_spelling(DescriptorKind kind) {
  switch (kind) {
    case DescriptorKind::kFunction: return {ConstKind::kFunction, ConstKind::kFunction, "a function (@f)"};
    case DescriptorKind::kTargets:
      return {ConstKind::kTargets, ConstKind::kUnknownTargets, "call targets (targets(...) or unknown_targets)"};
    case DescriptorKind::kMethod: return {ConstKind::kMethod, ConstKind::kMethod, "a method (method C.m)"};
    case DescriptorKind::kClass: return {ConstKind::kClass, ConstKind::kClass, "a class (class C)"};
    case DescriptorKind::kField: return {ConstKind::kField, ConstKind::kField, "a field (field C.f)"};
    case DescriptorKind::kGlobal: return {ConstKind::kGlobal, ConstKind::kGlobal, "a global (global g)"};
    case DescriptorKind::kJitDriver: return {ConstKind::kJitDriver, ConstKind::kJitDriver, "a JIT driver (driver d)"};
  }
  return {ConstKind::kNone, ConstKind::kNone, "?"};
}
}  // namespace

void Verifier::check_op(OpId id) {
  const Operation& op = graph_->op(id);
  if (static_cast<unsigned>(op.opcode) >= kNumOpcodes) {
    report_op(id, "has an invalid opcode");
    return;
  }
  const Signature& signature = op_signature(op.opcode);
  size_t fixed = signature.operands.size();
  if (signature.is_variadic ? op.args.size() < fixed : op.args.size() != fixed) {
    report_op(id, std::string("takes ") + (signature.is_variadic ? "at least " : "") + std::to_string(fixed) +
                      " operands, not " + std::to_string(op.args.size()));
    return;
  }
  if (signature.result_kind == Signature::Result::kNone && op.result.valid())
    report_op(id, "produces no value but has a result variable");
  if (signature.result_kind == Signature::Result::kPattern && !op.result.valid())
    report_op(id, "needs a result variable");

  Bindings bindings{};
  for (size_t i = 0; i < fixed; ++i) {
    const TypePattern& pattern = signature.operands[i];
    Value arg = op.args[i];
    TypeId type = value_type(arg);
    if (!type.valid()) return;  // a broken reference, reported as a use
    std::string operand = "operand " + std::to_string(i + 1);
    if (pattern.kind == TypePattern::Kind::kDescriptor) {
      DescriptorSpelling spelling = descriptor_spelling(pattern.descriptor);
      ConstKind kind = arg.is_constant() ? program_.constant(arg.constant()).kind : ConstKind::kNone;
      if (!arg.is_constant() || (kind != spelling.kind && kind != spelling.other_kind)) {
        report_op(id, operand + " must be " + spelling.what);
        return;
      }
      continue;
    }
    if (!match(pattern, type, bindings, false, signature)) {
      report_op(id, operand + " has type " + type_name(type) + ", expected " + describe(pattern, bindings, signature));
      return;  // later mismatches would only repeat this one
    }
  }
  if (signature.result_kind == Signature::Result::kPattern && valid_var(op.result)) {
    TypeId type = graph_->variable(op.result).type;
    if (!match(signature.result, type, bindings, true, signature))
      report_op(id, "the result has type " + type_name(type) + ", expected " +
                        describe(signature.result, bindings, signature));
  }
  check_special(id, bindings);
}

void Verifier::expect_result(OpId id, TypeId expected) {
  const Operation& op = graph_->op(id);
  if (!valid_var(op.result)) {
    report_op(id, "needs a result variable of type " + type_name(expected));
    return;
  }
  TypeId actual = graph_->variable(op.result).type;
  if (actual != expected) report_op(id, "the result has type " + type_name(actual) + ", expected " + type_name(expected));
}

void Verifier::check_call_arguments(OpId id, TypeId function_type, size_t first_arg, size_t first_param,
                                    bool check_result) {
  const Operation& op = graph_->op(id);
  if (!valid_type(function_type) || program_.types().kind(function_type) != TypeKind::kFunction) return;
  const Type& type = program_.types().get(function_type);
  size_t passed = op.args.size() - first_arg + first_param;
  if (passed != type.params.size()) {
    report_op(id, "passes " + std::to_string(passed) + " arguments, the callee takes " +
                      std::to_string(type.params.size()));
    return;
  }
  for (size_t i = first_param; i < passed; ++i) {
    TypeId arg = value_type(op.args[first_arg + i - first_param]);
    if (arg.valid() && !program_.is_assignable(arg, type.params[i]))
      report_op(id, "argument " + std::to_string(i + 1) + " has type " + type_name(arg) + ", the callee expects " +
                        type_name(type.params[i]));
  }
  if (!check_result) return;
  if (program_.types().is_void(type.item)) {
    if (op.result.valid()) report_op(id, "the callee returns void, so the call has no result variable");
  } else {
    expect_result(id, type.item);
  }
}

void Verifier::check_special(OpId id, const Bindings& bindings) {
  const Operation& op = graph_->op(id);
  auto constant = [&](size_t i) -> const Constant& { return program_.constant(op.args[i].constant()); };
  auto arg_type = [&](size_t i) { return value_type(op.args[i]); };
  auto bound = [&](char variable) { return bindings.variables[variable - 'A']; };
  auto valid_entity = [&](size_t i, size_t count) { return constant(i).entity < count; };
  switch (op.opcode) {
    case Opcode::int_lshift:
    case Opcode::int_rshift:
    case Opcode::uint_rshift: {
      std::optional<IntegerLayout> layout = program_.integer_layout(bound('T'));
      const Value count = op.args[1];
      bool ok = count.is_constant() && constant(1).kind == ConstKind::kInt && constant(1).int_value >= 0 &&
                layout && constant(1).int_value < static_cast<int64_t>(layout->bits);
      if (!ok)
        report_op(id, "the shift count must be a constant in [0, " + std::to_string(layout ? layout->bits : 0) +
                          "); shift by a variable with int_lshift_var and friends");
      return;
    }
    case Opcode::direct_call:
    case Opcode::jit_conditional_call:
    case Opcode::jit_conditional_call_elidable:
    case Opcode::jit_record_known_result: {
      size_t callee = op.opcode == Opcode::direct_call ? 0 : 1;
      if (!valid_entity(callee, program_.num_functions())) return;
      const FunctionInfo& info = program_.function_info(constant(callee).function());
      check_call_arguments(id, info.type, callee + 1, 0, op.opcode == Opcode::direct_call);
      if (op.opcode == Opcode::jit_conditional_call && !program_.types().is_void(info.result))
        report_op(id, "a conditional call's callee returns void");
      if ((op.opcode == Opcode::jit_conditional_call_elidable || op.opcode == Opcode::jit_record_known_result) &&
          info.result != bound('T'))
        report_op(id, "the callee returns " + type_name(info.result) + ", the value is " + type_name(bound('T')));
      return;
    }
    case Opcode::indirect_call: {
      TypeId callee_type = bound('F');
      check_call_arguments(id, callee_type, 2, 0, true);
      const Constant& targets = constant(1);
      for (uint32_t fn : targets.items)
        if (fn < program_.num_functions() && !program_.implements_slot(program_.function_info(FunctionId(fn)).type, callee_type))
          report_op(id, "target @" + format_name(program_.function_info(FunctionId(fn)).name) + " has type " +
                            type_name(program_.function_info(FunctionId(fn)).type) + ", the callee " +
                            type_name(callee_type));
      return;
    }
    case Opcode::virtual_call: {
      const Constant& method = constant(0);
      if (!valid_class(method.class_id())) return;
      ClassId cls = method.class_id();
      const MethodDecl* decl = program_.resolve_method(cls, method.text);
      if (!decl) {
        report_op(id, format_name(program_.class_info(cls).name) + " has no method " + format_name(method.text));
        return;
      }
      if (!program_.is_subclass(pointee(bound('P')), cls))
        report_op(id, "the receiver has type " + type_name(bound('P')) + ", expected " +
                          format_name(program_.class_info(cls).name) + "*");
      // The receiver (checked above against the named class) is the signature's first parameter.
      check_call_arguments(id, decl->signature, 2, 1, true);
      return;
    }
    case Opcode::jit_force_quasi_immutable: {
      if (!valid_entity(1, program_.num_fields())) return;
      const FieldInfo& field = program_.field_info(constant(1).field());
      if (!field.owner_class.valid() || !program_.is_subclass(pointee(bound('P')), field.owner_class))
        report_op(id, "the field does not belong to " + type_name(bound('P')));
      else if (!(field.flags & kQuasiImmutableField))
        report_op(id, "the field is not quasi_immutable");
      return;
    }
    case Opcode::new_object:
      if (valid_class(constant(0).class_id())) {
        ClassId cls = constant(0).class_id();
        const Operation& data = op;
        if (!valid_var(data.result) || pointee(graph_->variable(data.result).type) != cls)
          report_op(id, "the result must be a " + format_name(program_.class_info(cls).name) + "*");
      }
      return;
    case Opcode::getfield:
    case Opcode::setfield:
    case Opcode::struct_getfield:
    case Opcode::struct_setfield: {
      if (!valid_entity(1, program_.num_fields())) return;
      const FieldInfo& field = program_.field_info(constant(1).field());
      bool on_struct = op.opcode == Opcode::struct_getfield || op.opcode == Opcode::struct_setfield;
      if (on_struct) {
        StructId s = program_.types().get(bound('S')).struct_id;
        if (!field.owner_struct.valid() || field.owner_struct != s) {
          report_op(id, "the field does not belong to " + type_name(bound('S')));
          return;
        }
      } else if (!field.owner_class.valid() || !program_.is_subclass(pointee(bound('P')), field.owner_class)) {
        report_op(id, "the field does not belong to " + type_name(bound('P')));
        return;
      }
      if (op.opcode == Opcode::getfield || op.opcode == Opcode::struct_getfield) {
        expect_result(id, field.type);
      } else if (TypeId value = arg_type(2); value.valid() && !program_.is_assignable(value, field.type)) {
        report_op(id, "the value has type " + type_name(value) + ", the field " + type_name(field.type));
      }
      return;
    }
    case Opcode::getglobal:
    case Opcode::setglobal: {
      if (!valid_entity(0, program_.num_globals())) return;
      const GlobalInfo& global = program_.global_info(constant(0).global());
      if (op.opcode == Opcode::getglobal) {
        expect_result(id, global.type);
      } else if (TypeId value = arg_type(1); value.valid() && !program_.is_assignable(value, global.type)) {
        report_op(id, "the value has type " + type_name(value) + ", the global " + type_name(global.type));
      }
      return;
    }
    case Opcode::classof: {
      ClassId cls = pointee(bound('P'));
      const Operation& data = op;
      TypeId result = valid_var(data.result) ? graph_->variable(data.result).type : TypeId();
      if (!valid_type(result) || program_.types().kind(result) != TypeKind::kClassRef ||
          program_.types().get(result).class_id != cls)
        report_op(id, "the result must be the classref of " + type_name(bound('P')));
      return;
    }
    case Opcode::cast_dynamic:
      if (valid_class(constant(1).class_id())) {
        ClassId cls = constant(1).class_id();
        if (!valid_var(op.result) || pointee(graph_->variable(op.result).type) != cls)
          report_op(id, "the result must be a " + format_name(program_.class_info(cls).name) + "*");
      }
      return;
    case Opcode::cast_pointer:
      if (!castable(bound('P'), bound('Q')))
        report_op(id, "casts between unrelated types " + type_name(bound('P')) + " and " + type_name(bound('Q')));
      return;
    case Opcode::ptr_eq:
    case Opcode::ptr_ne:
      if (!related(bound('A'), bound('B')))
        report_op(id, "compares unrelated types " + type_name(bound('A')) + " and " + type_name(bound('B')));
      return;
    case Opcode::struct_new: {
      TypeId type = bound('S');
      StructId s = type.valid() ? program_.types().get(type).struct_id : StructId();
      if (!s.valid() || s.index() >= program_.num_structs()) return;
      const StructInfo& info = program_.struct_info(s);
      if (op.args.size() != info.fields.size()) {
        report_op(id, "gives " + std::to_string(op.args.size()) + " field values, " + type_name(type) + " has " +
                          std::to_string(info.fields.size()) + " fields");
        return;
      }
      for (size_t i = 0; i < op.args.size(); ++i) {
        TypeId value = arg_type(i);
        TypeId field_type = program_.field_info(info.fields[i]).type;
        if (value.valid() && !program_.is_assignable(value, field_type))
          report_op(id, "field value " + std::to_string(i + 1) + " has type " + type_name(value) + ", the field " +
                            type_name(field_type));
      }
      return;
    }
    case Opcode::jit_merge_point:
    case Opcode::can_enter_jit: {
      if (!valid_entity(0, program_.num_jit_drivers())) return;
      const JitDriverInfo& driver = program_.jit_driver_info(constant(0).jit_driver());
      size_t expected = driver.greens.size() + driver.reds.size();
      if (op.args.size() - 1 != expected) {
        report_op(id, "passes " + std::to_string(op.args.size() - 1) + " values, the driver has " +
                          std::to_string(driver.greens.size()) + " greens and " + std::to_string(driver.reds.size()) +
                          " reds");
        return;
      }
      for (size_t i = 0; i < expected; ++i) {
        TypeId want = i < driver.greens.size() ? driver.greens[i] : driver.reds[i - driver.greens.size()];
        TypeId value = arg_type(i + 1);
        if (value.valid() && !program_.is_assignable(value, want))
          report_op(id, std::string(i < driver.greens.size() ? "green " : "red ") +
                            std::to_string(i < driver.greens.size() ? i + 1 : i + 1 - driver.greens.size()) +
                            " has type " + type_name(value) + ", the driver's " + type_name(want));
      }
      return;
    }
    default:
      return;
  }
}

bool Verifier::check_constant(ConstId id, const std::string& location, const std::string& what) {
  if (!valid_constant(id)) {
    report(location, what + " does not exist");
    return false;
  }
  const Constant& c = program_.constant(id);
  auto fail = [&](const std::string& message) {
    std::string text;
    llvm::raw_string_ostream out(text);
    print_constant(out, program_, id);
    report(location, what + " `" + text + "` " + message);
    return false;
  };
  auto entity_in = [&](size_t count) { return c.entity < count; };
  switch (c.kind) {
    case ConstKind::kInt: {
      std::optional<IntegerLayout> layout = program_.integer_layout(c.type);
      if (!layout) return fail("does not have an integer type");
      return fits(c.int_value, *layout) || fail("does not fit its type");
    }
    case ConstKind::kNull:
      if (!valid_type(c.type) || !program_.types().is_reference(c.type)) return fail("is not of a reference type");
      return true;
    case ConstKind::kFunction: return entity_in(program_.num_functions()) || fail("names no function");
    case ConstKind::kClass:
    case ConstKind::kMethod: return entity_in(program_.num_classes()) || fail("names no class");
    case ConstKind::kPrebuilt: return entity_in(program_.num_prebuilts()) || fail("names no prebuilt object");
    case ConstKind::kField: return entity_in(program_.num_fields()) || fail("names no field");
    case ConstKind::kGlobal: return entity_in(program_.num_globals()) || fail("names no global");
    case ConstKind::kJitDriver: return entity_in(program_.num_jit_drivers()) || fail("names no JIT driver");
    case ConstKind::kTargets:
      for (uint32_t fn : c.items)
        if (fn >= program_.num_functions()) return fail("names a function that does not exist");
      return true;
    case ConstKind::kStruct: {
      if (!valid_type(c.type) || program_.types().kind(c.type) != TypeKind::kStruct) return fail("is not a struct");
      StructId s = program_.types().get(c.type).struct_id;
      if (!s.valid() || s.index() >= program_.num_structs()) return fail("names no struct");
      const StructInfo& info = program_.struct_info(s);
      if (c.items.size() != info.fields.size()) return fail("does not give one value per field");
      for (size_t i = 0; i < c.items.size(); ++i) {
        ConstId item(c.items[i]);
        if (!check_constant(item, location, what + " field " + std::to_string(i + 1))) return false;
        if (!program_.is_assignable(program_.type_of(item), program_.field_info(info.fields[i]).type))
          return fail("has a field value of the wrong type");
      }
      return true;
    }
    case ConstKind::kNone:
    case ConstKind::kBool:
    case ConstKind::kFloat:
    case ConstKind::kStr:
    case ConstKind::kUnknownTargets:
      return true;
  }
  return true;
}

}  // namespace rtoolchain::ir
