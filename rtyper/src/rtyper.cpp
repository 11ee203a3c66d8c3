// The rtyper's driver: copies the program model to a new low-level program (same ids for every
// class, struct, field, global and prebuilt, so side tables keyed by id carry over; functions are
// declared as they are reached, which prunes the unused helpers), translates types and
// constants, builds the dispatch arrays, lowers each reached graph and computes the layout
// (docs/rtyper.md).
#include <set>

#include "rtyper_impl.h"

namespace rtoolchain::rtyper {

using namespace ir;

Rtyper::Rtyper(const Program& high, const Options& options) : high_(high), options_(options) {}

void Rtyper::error(const std::string& message) {
  if (reported_.insert(message).second) errors_.push_back(message);
}

TypeId Rtyper::type(TypeId high_type) {
  auto found = types_.find(high_type.raw());
  if (found != types_.end()) return found->second;
  Type t = high_.types().get(high_type);
  TypeId result;
  if (t.kind == TypeKind::kEnum) {
    result = type(high_.enum_info(t.enum_id).underlying);
  } else if (t.kind == TypeKind::kStr || t.kind == TypeKind::kStrBuilder || t.kind == TypeKind::kList ||
             t.kind == TypeKind::kDict || t.kind == TypeKind::kDictIter) {
    result = container_type(t);
  } else {
    if (t.item.valid()) t.item = type(t.item);
    if (t.value.valid()) t.value = type(t.value);
    for (TypeId& param : t.params) param = type(param);
    result = low_.types().intern(t);
  }
  types_[high_type.raw()] = result;
  return result;
}

ConstId Rtyper::constant(ConstId high_constant) {
  auto found = constants_.find(high_constant.raw());
  if (found != constants_.end()) return found->second;
  const Constant& c = high_.constant(high_constant);
  ConstId result;
  switch (c.kind) {
    case ConstKind::kNone: result = low_.const_none(); break;
    case ConstKind::kBool: result = low_.const_bool(c.int_value != 0); break;
    case ConstKind::kInt: result = low_.const_int(type(c.type), c.int_value); break;
    case ConstKind::kFloat: result = low_.const_float(c.float_value()); break;
    case ConstKind::kStr: result = str_constant(c.text); break;
    case ConstKind::kNull: result = low_.const_null(type(c.type)); break;
    case ConstKind::kFunction: result = low_.const_function(function(c.function())); break;
    case ConstKind::kClass: result = low_.const_class(c.class_id()); break;
    case ConstKind::kPrebuilt: result = low_.const_prebuilt(c.prebuilt()); break;
    case ConstKind::kStruct: {
      std::vector<ConstId> fields;
      for (uint32_t item : c.items) fields.push_back(constant(ConstId(item)));
      result = low_.const_struct(high_.types().get(c.type).struct_id, fields);
      break;
    }
    case ConstKind::kField: result = low_.const_field(c.field()); break;
    case ConstKind::kMethod: result = low_.const_method(c.class_id(), c.text); break;
    case ConstKind::kGlobal: result = low_.const_global(c.global()); break;
    case ConstKind::kJitDriver: result = low_.const_jit_driver(c.jit_driver()); break;
    case ConstKind::kTargets: {
      std::vector<FunctionId> targets;
      for (uint32_t fn : c.items) targets.push_back(function(FunctionId(fn)));
      result = low_.const_targets(targets);
      break;
    }
    case ConstKind::kUnknownTargets: result = low_.const_unknown_targets(); break;
  }
  constants_[high_constant.raw()] = result;
  return result;
}

ConstId Rtyper::zero(TypeId low_type) {
  const Type& t = low_.types().get(low_type);
  switch (t.kind) {
    case TypeKind::kVoid: return low_.const_none();
    case TypeKind::kBool: return low_.const_bool(false);
    case TypeKind::kInt: return low_.const_int(low_type, 0);
    case TypeKind::kFloat: return low_.const_float(0.0);
    case TypeKind::kStruct: {
      std::vector<ConstId> fields;
      for (FieldId field : low_.struct_info(t.struct_id).fields) fields.push_back(zero(low_.field_info(field).type));
      return low_.const_struct(t.struct_id, fields);
    }
    default: return low_.const_null(low_type);
  }
}

void Rtyper::copy_declarations() {
  // Every Program starts with the same builtin classes, fields and functions: only what the
  // front end added is copied, in id order, so ids are the same in both programs.
  for (uint32_t c = low_.num_classes(); c < high_.num_classes(); ++c) {
    const ClassInfo& info = high_.class_info(ClassId(c));
    low_.add_class(info.name, info.base, info.flags);
  }
  for (uint32_t s = 0; s < high_.num_structs(); ++s) low_.add_struct(high_.struct_info(StructId(s)).name);
  for (uint32_t f = low_.num_fields(); f < high_.num_fields(); ++f) {
    const FieldInfo& info = high_.field_info(FieldId(f));
    FieldId field = info.owner_class.valid() ? low_.add_field(info.owner_class, info.name, type(info.type), info.flags)
                                             : low_.add_struct_field(info.owner_struct, info.name, type(info.type));
    low_.field_info_mut(field).flags = info.flags;
  }
  // The entry point first, so that the program reads from the top.
  if (high_.entry_point().valid()) low_.set_entry_point(function(high_.entry_point()));
  for (uint32_t c = 0; c < high_.num_classes(); ++c) {
    const ClassInfo& info = high_.class_info(ClassId(c));
    if (info.is_builtin) continue;
    for (const MethodDecl& method : info.methods)
      low_.add_method(ClassId(c), method.name, type(method.signature),
                      method.implementation.valid() ? function(method.implementation) : FunctionId());
  }
  for (uint32_t k = 0; k < high_.num_key_traits(); ++k) {
    const KeyTraitsInfo& info = high_.key_traits_info(KeyTraitsId(k));
    low_.add_key_traits(info.name, type(info.key), function(info.hash), function(info.equal));
  }
  for (uint32_t d = 0; d < high_.num_jit_drivers(); ++d) {
    const JitDriverInfo& info = high_.jit_driver_info(JitDriverId(d));
    std::vector<TypeId> greens, reds;
    for (TypeId t : info.greens) greens.push_back(type(t));
    for (TypeId t : info.reds) reds.push_back(type(t));
    low_.add_jit_driver(info.name, greens, reds, info.flags);
  }
  // Prebuilts may refer to each other (and globals to prebuilts): declare all, then fill.
  for (uint32_t p = 0; p < high_.num_prebuilts(); ++p) {
    const PrebuiltInfo& info = high_.prebuilt_info(PrebuiltId(p));
    low_.add_prebuilt(info.name, type(info.type));
  }
  for (uint32_t p = 0; p < high_.num_prebuilts(); ++p) {
    const PrebuiltInfo& info = high_.prebuilt_info(PrebuiltId(p));
    TypeKind kind = high_.types().kind(info.type);
    if (kind != TypeKind::kPointer && kind != TypeKind::kArray)
      error("rtyper: prebuilt " + info.name + ": prebuilt " + high_.type_name(info.type) +
            " objects are not lowered (the front end makes none)");
    // Translated first: a string constant adds a prebuilt, which may move the table.
    std::vector<std::pair<FieldId, ConstId>> field_values;
    std::vector<ConstId> items;
    for (const auto& [field, value] : info.field_values) field_values.emplace_back(field, constant(value));
    for (ConstId item : info.items) items.push_back(constant(item));
    PrebuiltInfo& target = low_.prebuilt_info_mut(PrebuiltId(p));
    target.flags = info.flags;
    target.field_values = std::move(field_values);
    target.items = std::move(items);
  }
  for (uint32_t g = 0; g < high_.num_globals(); ++g) {
    const GlobalInfo& info = high_.global_info(GlobalId(g));
    // A string starts empty, never null (the helpers rely on it).
    ConstId initial = info.initial.valid() ? constant(info.initial)
                      : high_.types().kind(info.type) == TypeKind::kStr ? str_constant("")
                                                                        : ConstId();
    low_.add_global(info.name, type(info.type), initial, info.flags);
  }
}

FunctionId Rtyper::function(FunctionId high_function) {
  if (!high_function.valid()) return high_function;
  FunctionId& mapped = function_map_[high_function.index()];
  if (mapped.valid()) return mapped;
  const FunctionInfo& info = high_.function_info(high_function);
  if (info.is_builtin) return mapped = high_function;  // every Program has them, at the same ids
  std::vector<Param> params;
  for (const Param& p : info.params) params.push_back({p.name, type(p.type)});
  mapped = info.is_external ? low_.add_external_function(info.name, params, type(info.result), info.flags)
                            : low_.add_function(info.name, params, type(info.result), info.flags);
  FunctionInfo& target = low_.function_info_mut(mapped);
  target.oopspec = info.oopspec;
  if (info.look_inside_iff.valid()) target.look_inside_iff = function(info.look_inside_iff);
  if (info.graph) to_lower_.push_back(high_function);
  return mapped;
}

std::string dispatch_array_name(const Program& program, ClassId introducer, llvm::StringRef method) {
  return "dispatch::" + program.class_info(introducer).name + "::" + method.str();
}

PrebuiltId Rtyper::dispatch_array(ClassId introducer, llvm::StringRef method) {
  auto found = dispatch_arrays_.find({introducer.index(), method.str()});
  return found == dispatch_arrays_.end() ? PrebuiltId() : found->second;
}

// One array per slot, indexed by typeid - min(introducer): entry k is the implementation the
// class with type id min + k resolves the method to, null when it is abstract there (C++ never
// instantiates such a class, so the entry is never called).
void Rtyper::build_dispatch_arrays() {
  std::vector<ClassId> class_of_id(high_.num_classes() + 1);
  for (uint32_t c = 0; c < high_.num_classes(); ++c) class_of_id[type_ids_[c].min_type_id] = ClassId(c);
  for (uint32_t c = 0; c < high_.num_classes(); ++c) {
    ClassId cls(c);
    for (const MethodDecl& method : high_.class_info(cls).methods) {
      if (high_.method_introducer(cls, method.name) != cls) continue;
      TypeId slot = type(method.signature);
      PrebuiltId array = low_.add_prebuilt(dispatch_array_name(high_, cls, method.name), low_.types().array(slot));
      std::vector<ConstId> items;
      for (uint32_t id = type_ids_[c].min_type_id; id <= type_ids_[c].max_type_id; ++id) {
        const MethodDecl* impl = high_.resolve_method(class_of_id[id], method.name);
        items.push_back(impl && impl->implementation.valid() ? low_.const_function(function(impl->implementation))
                                                             : zero(slot));
      }
      PrebuiltInfo& info = low_.prebuilt_info_mut(array);
      info.items = std::move(items);
      info.flags = kImmutablePrebuilt;
      dispatch_arrays_[{c, method.name}] = array;
    }
  }
}

Program Rtyper::run() {
  low_.set_level(Level::kLow);  // the builtins' strings become byte arrays
  function_map_.assign(high_.num_functions(), FunctionId());
  copy_declarations();
  type_ids_ = number_classes(high_);
  build_dispatch_arrays();
  // Lowering a graph declares the functions it uses (helpers included), which queues theirs.
  while (!to_lower_.empty()) {
    FunctionId next = to_lower_.front();
    to_lower_.pop_front();
    lower_function(*this, next);
  }
  compute_layout(low_);
  return std::move(low_);
}

llvm::Expected<Program> rtype_program(const Program& high, const Options& options) {
  if (high.level() != Level::kHigh)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "rtyper: the program is already low level");
  Rtyper rtyper(high, options);
  Program low = rtyper.run();
  if (options.function_map) *options.function_map = rtyper.function_map();
  if (options.origins) {
    *options.origins = std::move(rtyper.origins());
    options.origins->resize(low.num_functions());
  }
  if (!rtyper.errors().empty()) {
    std::string text;
    for (const std::string& e : rtyper.errors()) text += (text.empty() ? "" : "\n") + e;
    return llvm::createStringError(llvm::inconvertibleErrorCode(), text);
  }
  return std::move(low);
}

SingleTargetHook class_hierarchy_single_target() {
  return [](const Program& high, FunctionId caller, OpId call) -> FunctionId {
    const Operation& op = high.function_info(caller).graph->op(call);
    const Constant& method = high.constant(op.args[0].constant());
    std::set<uint32_t> implementations;
    for (uint32_t c = 0; c < high.num_classes(); ++c) {
      if (!high.is_subclass(ClassId(c), method.class_id())) continue;
      const MethodDecl* decl = high.resolve_method(ClassId(c), method.text);
      if (decl && decl->implementation.valid()) implementations.insert(decl->implementation.index());
    }
    return implementations.size() == 1 ? FunctionId(*implementations.begin()) : FunctionId();
  };
}

}  // namespace rtoolchain::rtyper
