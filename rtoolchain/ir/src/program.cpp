#include "rtoolchain/ir/program.h"

#include <algorithm>
#include <cstring>

#include <llvm/ADT/STLExtras.h>

#include "text_syntax.h"

namespace rtoolchain::ir {

llvm::ArrayRef<FlagName> class_flag_names() {
  static constexpr FlagName kNames[] = {{kImmutableClass, "immutable"},
                                        {kVirtualizable, "virtualizable"}};
  return kNames;
}

llvm::ArrayRef<FlagName> field_flag_names() {
  static constexpr FlagName kNames[] = {
      {kImmutableField, "immutable"},           {kQuasiImmutableField, "quasi_immutable"},
      {kImmutableItems, "immutable_items"},     {kQuasiImmutableItems, "quasi_immutable_items"},
      {kVableField, "vable_field"},             {kVableArray, "vable_array"},
  };
  return kNames;
}

llvm::ArrayRef<FlagName> function_flag_names() {
  static constexpr FlagName kNames[] = {
      {kElidable, "elidable"},           {kDontLookInside, "dont_look_inside"},
      {kUnrollSafe, "unroll_safe"},      {kLoopInvariant, "loop_invariant"},
      {kNotInTrace, "not_in_trace"},     {kNoThrow, "nothrow"},
  };
  return kNames;
}

llvm::ArrayRef<FlagName> global_flag_names() {
  static constexpr FlagName kNames[] = {{kConstantGlobal, "constant"}};
  return kNames;
}

llvm::ArrayRef<FlagName> jit_driver_flag_names() {
  static constexpr FlagName kNames[] = {{kRecursiveDriver, "recursive"}};
  return kNames;
}

llvm::ArrayRef<FlagName> prebuilt_flag_names() {
  static constexpr FlagName kNames[] = {{kImmutablePrebuilt, "immutable"}};
  return kNames;
}

Program::Program() { add_builtin_classes(); }

void Program::add_builtin_classes() {
  object_class_ = add_class("rt::Object", ClassId());
  exception_class_ = add_class("rt::Exception", object_class_);
  exception_pointer_type_ = types_.pointer(exception_class_);
  exception_classref_type_ = types_.class_ref(exception_class_);
  add_field(exception_class_, "message", types_.str());

  // type_name() is virtual in rt::Exception and overridden by every rt exception; the bodies
  // belong to the rt library, so they are external functions here.
  auto add_type_name_method = [&](ClassId cls) {
    TypeId receiver = types_.pointer(cls);
    std::string name = class_info(cls).name + "::type_name";
    FunctionId impl = add_external_function(name, {Param{"this", receiver}}, types_.str(), kNoThrow);
    functions_[impl.index()].is_builtin = true;
    add_method(cls, "type_name", function_info(impl).type, impl);
  };
  add_type_name_method(exception_class_);
  for (unsigned i = 0; i < kNumRtExceptions; ++i) {
    auto exception = static_cast<RtException>(i);
    ClassId cls = add_class("rt::" + rt_exception_name(exception).str(), exception_class_);
    rt_exception_classes_[i] = cls;
    if (exception == RtException::kOSError) add_field(cls, "errno_value", types_.i32());
    add_type_name_method(cls);
  }
  for (ClassInfo& info : classes_) info.is_builtin = true;
}

void Program::set_level(Level level) {
  level_ = level;
  if (level != Level::kLow) return;
  TypeId text = types_.array(types_.i8());
  auto is_text = [&](TypeId type) { return type == types_.str(); };
  for (FieldInfo& field : fields_)
    if (field.owner_class.valid() && class_info(field.owner_class).is_builtin && is_text(field.type)) field.type = text;
  for (uint32_t f = 0; f < functions_.size(); ++f) {
    if (!functions_[f].is_builtin || !is_text(functions_[f].result)) continue;
    std::vector<Param> params = functions_[f].params;
    set_signature(FunctionId(f), params, text);
  }
  for (ClassInfo& info : classes_) {
    if (!info.is_builtin) continue;
    for (MethodDecl& method : info.methods)
      if (method.implementation.valid()) method.signature = function_info(method.implementation).type;
  }
}

ClassId Program::rt_exception_class(RtException exception) const {
  return rt_exception_classes_[static_cast<unsigned>(exception)];
}

// --- Names. -------------------------------------------------------------------------------------

uint32_t Program::find_type_name(llvm::StringRef name, TypeNameKind kind) const {
  auto found = type_names_.find(name);
  if (found == type_names_.end() || found->second.kind != kind) return Id<void>::kInvalidIndex;
  return found->second.index;
}

void Program::add_type_name(llvm::StringRef name, TypeNameKind kind, uint32_t index) {
  type_names_.try_emplace(name, TypeNameEntry{kind, index});
}

namespace {
template <class IdT>
IdT find_in(const llvm::StringMap<uint32_t>& names, llvm::StringRef name) {
  auto found = names.find(name);
  return found == names.end() ? IdT() : IdT(found->second);
}
}  // namespace

ClassId Program::find_class(llvm::StringRef name) const {
  return ClassId(find_type_name(name, TypeNameKind::kClass));
}
StructId Program::find_struct(llvm::StringRef name) const {
  return StructId(find_type_name(name, TypeNameKind::kStruct));
}
EnumId Program::find_enum(llvm::StringRef name) const {
  return EnumId(find_type_name(name, TypeNameKind::kEnum));
}
KeyTraitsId Program::find_key_traits(llvm::StringRef name) const {
  return KeyTraitsId(find_type_name(name, TypeNameKind::kKeyTraits));
}
JitDriverId Program::find_jit_driver(llvm::StringRef name) const {
  return find_in<JitDriverId>(jit_driver_names_, name);
}
GlobalId Program::find_global(llvm::StringRef name) const { return find_in<GlobalId>(global_names_, name); }
PrebuiltId Program::find_prebuilt(llvm::StringRef name) const {
  return find_in<PrebuiltId>(prebuilt_names_, name);
}
FunctionId Program::find_function(llvm::StringRef name) const {
  return find_in<FunctionId>(function_names_, name);
}

FieldId Program::find_own_field(ClassId cls, llvm::StringRef name) const {
  for (FieldId field : class_info(cls).fields)
    if (field_info(field).name == name) return field;
  return FieldId();
}

FieldId Program::find_struct_field(StructId s, llvm::StringRef name) const {
  for (FieldId field : struct_info(s).fields)
    if (field_info(field).name == name) return field;
  return FieldId();
}

// --- Classes. -----------------------------------------------------------------------------------

ClassId Program::add_class(llvm::StringRef name, ClassId base, uint32_t flags) {
  ClassId id(static_cast<uint32_t>(classes_.size()));
  ClassInfo info;
  info.name = name.str();
  info.base = base;
  info.flags = flags;
  classes_.push_back(std::move(info));
  add_type_name(name, TypeNameKind::kClass, id.index());
  return id;
}

FieldId Program::add_field(ClassId cls, llvm::StringRef name, TypeId type, uint32_t flags) {
  FieldId id(static_cast<uint32_t>(fields_.size()));
  fields_.push_back(FieldInfo{name.str(), type, flags, cls, StructId()});
  classes_[cls.index()].fields.push_back(id);
  return id;
}

void Program::add_method(ClassId cls, llvm::StringRef name, TypeId signature, FunctionId implementation) {
  classes_[cls.index()].methods.push_back(MethodDecl{name.str(), signature, implementation});
}

bool Program::is_subclass(ClassId sub, ClassId base) const {
  // Bounded by the number of classes so that a (verifier-reported) cycle cannot hang us.
  size_t steps = 0;
  for (ClassId cls = sub; cls.valid() && cls.index() < classes_.size() && steps <= classes_.size();
       cls = class_info(cls).base, ++steps) {
    if (cls == base) return true;
  }
  return false;
}

std::vector<FieldId> Program::all_fields(ClassId cls) const {
  std::vector<ClassId> chain;
  for (ClassId c = cls; c.valid() && c.index() < classes_.size() && chain.size() <= classes_.size();
       c = class_info(c).base)
    chain.push_back(c);
  std::vector<FieldId> fields;
  for (ClassId c : llvm::reverse(chain))
    llvm::append_range(fields, class_info(c).fields);
  return fields;
}

const MethodDecl* Program::resolve_method(ClassId cls, llvm::StringRef name, ClassId* declaring_class) const {
  size_t steps = 0;
  for (ClassId c = cls; c.valid() && c.index() < classes_.size() && steps <= classes_.size();
       c = class_info(c).base, ++steps) {
    for (const MethodDecl& method : class_info(c).methods) {
      if (method.name == name) {
        if (declaring_class) *declaring_class = c;
        return &method;
      }
    }
  }
  return nullptr;
}

ClassId Program::method_introducer(ClassId cls, llvm::StringRef name) const {
  ClassId introducer;
  size_t steps = 0;
  for (ClassId c = cls; c.valid() && c.index() < classes_.size() && steps <= classes_.size();
       c = class_info(c).base, ++steps) {
    for (const MethodDecl& method : class_info(c).methods)
      if (method.name == name) introducer = c;
  }
  return introducer;
}

// --- Structs, enums, key traits, drivers. ---------------------------------------------------------

StructId Program::add_struct(llvm::StringRef name) {
  StructId id(static_cast<uint32_t>(structs_.size()));
  structs_.push_back(StructInfo{name.str(), {}});
  add_type_name(name, TypeNameKind::kStruct, id.index());
  return id;
}

FieldId Program::add_struct_field(StructId s, llvm::StringRef name, TypeId type) {
  FieldId id(static_cast<uint32_t>(fields_.size()));
  fields_.push_back(FieldInfo{name.str(), type, 0, ClassId(), s});
  structs_[s.index()].fields.push_back(id);
  return id;
}

EnumId Program::add_enum(llvm::StringRef name, TypeId underlying) {
  EnumId id(static_cast<uint32_t>(enums_.size()));
  enums_.push_back(EnumInfo{name.str(), underlying, {}});
  add_type_name(name, TypeNameKind::kEnum, id.index());
  return id;
}

void Program::add_enumerator(EnumId e, llvm::StringRef name, int64_t value) {
  enums_[e.index()].enumerators.push_back(Enumerator{name.str(), value});
}

KeyTraitsId Program::add_key_traits(llvm::StringRef name, TypeId key, FunctionId hash, FunctionId equal) {
  KeyTraitsId id(static_cast<uint32_t>(key_traits_.size()));
  key_traits_.push_back(KeyTraitsInfo{name.str(), key, hash, equal});
  add_type_name(name, TypeNameKind::kKeyTraits, id.index());
  return id;
}

JitDriverId Program::add_jit_driver(llvm::StringRef name, llvm::ArrayRef<TypeId> greens,
                                    llvm::ArrayRef<TypeId> reds, uint32_t flags) {
  JitDriverId id(static_cast<uint32_t>(jit_drivers_.size()));
  jit_drivers_.push_back(JitDriverInfo{name.str(), greens.vec(), reds.vec(), flags});
  jit_driver_names_.try_emplace(name, id.index());
  return id;
}

// --- Globals, prebuilts, functions. -----------------------------------------------------------------

GlobalId Program::add_global(llvm::StringRef name, TypeId type, ConstId initial, uint32_t flags) {
  GlobalId id(static_cast<uint32_t>(globals_.size()));
  globals_.push_back(GlobalInfo{name.str(), type, initial, flags});
  global_names_.try_emplace(name, id.index());
  return id;
}

PrebuiltId Program::add_prebuilt(llvm::StringRef name, TypeId type) {
  PrebuiltId id(static_cast<uint32_t>(prebuilts_.size()));
  prebuilts_.push_back(PrebuiltInfo{name.str(), type, {}, {}});
  prebuilt_names_.try_emplace(name, id.index());
  return id;
}

TypeId Program::function_type(llvm::ArrayRef<Param> params, TypeId result) {
  llvm::SmallVector<TypeId, 8> param_types;
  for (const Param& param : params) param_types.push_back(param.type);
  return types_.function(result, param_types);
}

FunctionId Program::add_function(llvm::StringRef name, llvm::ArrayRef<Param> params, TypeId result,
                                 uint32_t flags) {
  FunctionId id(static_cast<uint32_t>(functions_.size()));
  FunctionInfo info;
  info.name = name.str();
  info.params = params.vec();
  info.result = result;
  info.type = function_type(params, result);
  info.flags = flags;
  functions_.push_back(std::move(info));
  function_names_.try_emplace(name, id.index());
  return id;
}

FunctionId Program::add_external_function(llvm::StringRef name, llvm::ArrayRef<Param> params,
                                          TypeId result, uint32_t flags) {
  FunctionId id = add_function(name, params, result, flags);
  functions_[id.index()].is_external = true;
  return id;
}

void Program::set_signature(FunctionId fn, llvm::ArrayRef<Param> params, TypeId result) {
  FunctionInfo& info = functions_[fn.index()];
  info.params = params.vec();
  info.result = result;
  info.type = function_type(params, result);
}

Graph& Program::create_graph(FunctionId fn) {
  FunctionInfo& info = functions_[fn.index()];
  info.graph = std::make_unique<Graph>();
  Graph& graph = *info.graph;
  for (const Param& param : info.params) graph.add_inputarg(graph.start_block(), param.type);
  graph.add_inputarg(graph.return_block(), info.result);
  graph.add_inputarg(graph.except_block(), exception_classref_type_);
  graph.add_inputarg(graph.except_block(), exception_pointer_type_);
  return graph;
}

// --- Types and values. ----------------------------------------------------------------------------

std::string Program::type_name(TypeId type) const {
  if (!type.valid() || type.index() >= types_.size()) return "<invalid type>";
  const Type& t = types_.get(type);
  auto class_name = [&](ClassId cls) {
    return cls.valid() && cls.index() < classes_.size() ? format_name(class_info(cls).name)
                                                        : std::string("<invalid class>");
  };
  switch (t.kind) {
    case TypeKind::kVoid: return "void";
    case TypeKind::kBool: return "bool";
    case TypeKind::kInt: return (t.is_signed ? "i" : "u") + std::to_string(t.bits);
    case TypeKind::kFloat: return "f64";
    case TypeKind::kStr: return "str";
    case TypeKind::kStrBuilder: return "strbuilder";
    case TypeKind::kPointer: return class_name(t.class_id) + "*";
    case TypeKind::kClassRef: return "classref<" + class_name(t.class_id) + ">";
    case TypeKind::kList: return "list<" + type_name(t.item) + ">";
    case TypeKind::kArray: return "array<" + type_name(t.item) + ">";
    case TypeKind::kDict: {
      std::string text = "dict<" + type_name(t.item) + ", " + type_name(t.value);
      if (t.key_traits.valid())
        text += ", " + (t.key_traits.index() < key_traits_.size()
                            ? format_name(key_traits_info(t.key_traits).name)
                            : std::string("<invalid traits>"));
      return text + ">";
    }
    case TypeKind::kDictIter: return "dictiter<" + type_name(t.item) + ", " + type_name(t.value) + ">";
    case TypeKind::kFunction: {
      std::string text = "fn(";
      for (size_t i = 0; i < t.params.size(); ++i) text += (i ? ", " : "") + type_name(t.params[i]);
      return text + ") -> " + type_name(t.item);
    }
    case TypeKind::kStruct:
      return "struct " + (t.struct_id.valid() && t.struct_id.index() < structs_.size()
                              ? format_name(struct_info(t.struct_id).name)
                              : std::string("<invalid struct>"));
    case TypeKind::kEnum:
      return "enum " + (t.enum_id.valid() && t.enum_id.index() < enums_.size()
                            ? format_name(enum_info(t.enum_id).name)
                            : std::string("<invalid enum>"));
  }
  return "<invalid type>";
}

std::optional<IntegerLayout> Program::integer_layout(TypeId type) const {
  if (!type.valid() || type.index() >= types_.size()) return std::nullopt;
  const Type& t = types_.get(type);
  if (t.kind == TypeKind::kInt) return IntegerLayout{t.bits, t.is_signed};
  if (t.kind == TypeKind::kEnum && t.enum_id.valid() && t.enum_id.index() < enums_.size()) {
    TypeId underlying = enum_info(t.enum_id).underlying;
    if (underlying.valid() && underlying.index() < types_.size() && types_.is_int(underlying))
      return IntegerLayout{types_.get(underlying).bits, types_.get(underlying).is_signed};
  }
  return std::nullopt;
}

bool Program::is_assignable(TypeId from, TypeId to) const {
  if (from == to) return true;
  if (!from.valid() || !to.valid() || from.index() >= types_.size() || to.index() >= types_.size())
    return false;
  const Type& a = types_.get(from);
  const Type& b = types_.get(to);
  if (a.kind != b.kind) return false;
  if (a.kind == TypeKind::kPointer || a.kind == TypeKind::kClassRef)
    return is_subclass(a.class_id, b.class_id);
  return false;
}

bool Program::implements_slot(TypeId impl, TypeId slot) const {
  if (impl == slot) return true;
  if (!impl.valid() || !slot.valid() || impl.index() >= types_.size() || slot.index() >= types_.size())
    return false;
  const Type& a = types_.get(impl);
  const Type& b = types_.get(slot);
  if (a.kind != TypeKind::kFunction || b.kind != TypeKind::kFunction || a.item != b.item ||
      a.params.size() != b.params.size() || a.params.empty())
    return false;
  for (size_t i = 1; i < a.params.size(); ++i)
    if (a.params[i] != b.params[i]) return false;
  const Type& receiver = types_.get(a.params[0]);
  const Type& slot_receiver = types_.get(b.params[0]);
  return receiver.kind == TypeKind::kPointer && slot_receiver.kind == TypeKind::kPointer &&
         is_subclass(receiver.class_id, slot_receiver.class_id);
}

MachineLayout Program::machine_layout(TypeId type) const {
  if (!type.valid() || type.index() >= types_.size()) return {0, 1};
  const Type& t = types_.get(type);
  switch (t.kind) {
    case TypeKind::kVoid: return {0, 1};
    case TypeKind::kBool: return {1, 1};
    case TypeKind::kInt: return {t.bits / 8u, t.bits / 8u};
    case TypeKind::kFloat: return {8, 8};
    case TypeKind::kClassRef: return {4, 4};
    case TypeKind::kEnum: {
      const EnumInfo& info = enum_info(t.enum_id);
      return info.underlying.valid() ? machine_layout(info.underlying) : MachineLayout{8, 8};
    }
    case TypeKind::kStruct: {
      const StructLayout& layout = struct_layout(t.struct_id);
      return {layout.size, std::max(layout.align, 1u)};
    }
    default: return {8, 8};
  }
}

// --- Low-level tables. --------------------------------------------------------------------------

namespace {
template <class T>
const T& table_entry(const std::vector<T>& table, uint32_t index) {
  static const T kZero{};
  return index < table.size() ? table[index] : kZero;
}
template <class T>
void set_table_entry(std::vector<T>& table, uint32_t index, const T& value) {
  if (index >= table.size()) table.resize(index + 1);
  table[index] = value;
}
}  // namespace

const ClassLayout& Program::class_layout(ClassId cls) const { return table_entry(class_layouts_, cls.index()); }
void Program::set_class_layout(ClassId cls, const ClassLayout& layout) {
  set_table_entry(class_layouts_, cls.index(), layout);
}
const StructLayout& Program::struct_layout(StructId s) const { return table_entry(struct_layouts_, s.index()); }
void Program::set_struct_layout(StructId s, const StructLayout& layout) {
  set_table_entry(struct_layouts_, s.index(), layout);
}
uint32_t Program::field_offset(FieldId field) const { return table_entry(field_offsets_, field.index()); }
void Program::set_field_offset(FieldId field, uint32_t offset) { set_table_entry(field_offsets_, field.index(), offset); }

void Program::add_array_type_id(TypeId array_type, uint32_t type_id) {
  array_type_ids_.push_back({array_type, type_id});
}

uint32_t Program::array_type_id(TypeId array_type) const {
  for (const ArrayTypeId& entry : array_type_ids_)
    if (entry.array_type == array_type) return entry.type_id;
  return 0;
}

ClassId Program::class_of_type_id(uint32_t type_id) const {
  for (uint32_t c = 0; c < class_layouts_.size(); ++c)
    if (type_id != 0 && class_layouts_[c].min_type_id == type_id) return ClassId(c);
  return ClassId();
}

TypeId Program::type_of(ConstId id) const {
  if (!id.valid() || id.index() >= constants_.size()) return TypeId();
  const Constant& c = constants_.get(id);
  if (c.kind == ConstKind::kFunction)
    return c.entity < functions_.size() ? functions_[c.entity].type : TypeId();
  if (c.kind == ConstKind::kPrebuilt)
    return c.entity < prebuilts_.size() ? prebuilts_[c.entity].type : TypeId();
  return c.type;
}

TypeId Program::type_of(const Graph& graph, Value value) const {
  if (value.is_constant()) return type_of(value.constant());
  if (value.is_variable() && value.variable().index() < graph.num_variables())
    return graph.variable(value.variable()).type;
  return TypeId();
}

// --- Constants. ---------------------------------------------------------------------------------

namespace {
Constant constant_of(ConstKind kind, TypeId type) {
  Constant c;
  c.kind = kind;
  c.type = type;
  return c;
}
}  // namespace

ConstId Program::intern_entity(ConstKind kind, TypeId type, uint32_t entity) {
  Constant c = constant_of(kind, type);
  c.entity = entity;
  return constants_.intern(std::move(c));
}

ConstId Program::const_none() {
  return constants_.intern(constant_of(ConstKind::kNone, types_.void_type()));
}

ConstId Program::const_bool(bool value) {
  Constant c = constant_of(ConstKind::kBool, types_.bool_type());
  c.int_value = value ? 1 : 0;
  return constants_.intern(std::move(c));
}

ConstId Program::const_int(TypeId type, int64_t value) {
  Constant c = constant_of(ConstKind::kInt, type);
  c.int_value = value;
  return constants_.intern(std::move(c));
}

ConstId Program::const_float(double value) {
  uint64_t bits;
  if (value != value) {
    bits = 0x7ff8000000000000ULL;  // one NaN: the text format cannot spell payloads
  } else {
    std::memcpy(&bits, &value, sizeof bits);
  }
  Constant c = constant_of(ConstKind::kFloat, types_.f64());
  c.float_bits = bits;
  return constants_.intern(std::move(c));
}

ConstId Program::const_str(llvm::StringRef bytes) {
  Constant c = constant_of(ConstKind::kStr, types_.str());
  c.text = bytes.str();
  return constants_.intern(std::move(c));
}

ConstId Program::const_null(TypeId reference_type) {
  return constants_.intern(constant_of(ConstKind::kNull, reference_type));
}

ConstId Program::const_function(FunctionId fn) {
  return intern_entity(ConstKind::kFunction, TypeId(), fn.raw());
}

ConstId Program::const_class(ClassId cls) {
  return intern_entity(ConstKind::kClass, types_.class_ref(cls), cls.raw());
}

ConstId Program::const_prebuilt(PrebuiltId prebuilt) {
  return intern_entity(ConstKind::kPrebuilt, TypeId(), prebuilt.raw());
}

ConstId Program::const_struct(StructId s, llvm::ArrayRef<ConstId> field_values) {
  Constant c = constant_of(ConstKind::kStruct, types_.struct_type(s));
  for (ConstId value : field_values) c.items.push_back(value.raw());
  return constants_.intern(std::move(c));
}

ConstId Program::const_field(FieldId field) {
  return intern_entity(ConstKind::kField, types_.void_type(), field.raw());
}

ConstId Program::const_method(ClassId cls, llvm::StringRef method_name) {
  Constant c = constant_of(ConstKind::kMethod, types_.void_type());
  c.text = method_name.str();
  c.entity = cls.raw();
  return constants_.intern(std::move(c));
}

ConstId Program::const_global(GlobalId global) {
  return intern_entity(ConstKind::kGlobal, types_.void_type(), global.raw());
}

ConstId Program::const_jit_driver(JitDriverId driver) {
  return intern_entity(ConstKind::kJitDriver, types_.void_type(), driver.raw());
}

ConstId Program::const_targets(llvm::ArrayRef<FunctionId> functions) {
  Constant c = constant_of(ConstKind::kTargets, types_.void_type());
  for (FunctionId fn : functions) c.items.push_back(fn.raw());
  llvm::sort(c.items);
  c.items.erase(std::unique(c.items.begin(), c.items.end()), c.items.end());
  return constants_.intern(std::move(c));
}

ConstId Program::const_unknown_targets() {
  return constants_.intern(constant_of(ConstKind::kUnknownTargets, types_.void_type()));
}

}  // namespace rtoolchain::ir
