// The program model: everything later stages need to know about an RC++ program, so that no
// stage after the front end ever looks at Clang's AST.
//
//   classes     GC classes (derived from rt::Object): base, fields with flags, virtual methods
//               (the rt exception classes are predefined, see exceptions.def)
//   structs     value structs and their fields
//   enums       integer types with a name and enumerators
//   key traits  user hash/equality functions of rt::Dict keys
//   JIT drivers greens and reds of each jit_merge_point
//   globals     type, constant initial value (or zero), flags
//   prebuilts   objects that exist before the program starts (class instances, lists, arrays)
//   functions   signature, attributes, and a flow graph unless external
//   entry point the function the program starts from (rt_main)
//
// Names are unique per namespace: types (classes, structs, enums, key traits), functions,
// globals, prebuilts and JIT drivers each have their own. The verifier checks it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/ADT/StringRef.h>

#include "rtoolchain/ir/constants.h"
#include "rtoolchain/ir/graph.h"
#include "rtoolchain/ir/ids.h"
#include "rtoolchain/ir/ops.h"
#include "rtoolchain/ir/types.h"

namespace rtoolchain::ir {

// Flag words, and the spelling of each flag in IR text (FlagName tables below).
enum ClassFlag : uint32_t {
  kImmutableClass = 1u << 0,  // RT_IMMUTABLE_CLASS: every field immutable
  kVirtualizable = 1u << 1,   // RT_VIRTUALIZABLE
};
enum FieldFlag : uint32_t {
  kImmutableField = 1u << 0,        // const or RT_IMMUTABLE
  kQuasiImmutableField = 1u << 1,   // RT_QUASI_IMMUTABLE
  kImmutableItems = 1u << 2,        // RT_IMMUTABLE_ITEMS: the container's items
  kQuasiImmutableItems = 1u << 3,   // RT_QUASI_IMMUTABLE_ITEMS
  kVableField = 1u << 4,            // RT_VABLE_FIELD
  kVableArray = 1u << 5,            // RT_VABLE_ARRAY
};
enum FunctionFlag : uint32_t {
  kElidable = 1u << 0,        // RT_JIT_ELIDABLE
  kDontLookInside = 1u << 1,  // RT_JIT_DONT_LOOK_INSIDE
  kUnrollSafe = 1u << 2,      // RT_JIT_UNROLL_SAFE
  kLoopInvariant = 1u << 3,   // RT_JIT_LOOP_INVARIANT
  kNotInTrace = 1u << 4,      // RT_JIT_NOT_IN_TRACE
  kNoThrow = 1u << 5,         // declared never to raise (an external's promise)
};
enum GlobalFlag : uint32_t {
  kConstantGlobal = 1u << 0,  // never written after initialisation
};
enum PrebuiltFlag : uint32_t {
  kImmutablePrebuilt = 1u << 0,  // never written: loads from it fold (dispatch arrays)
};
enum JitDriverFlag : uint32_t {
  kRecursiveDriver = 1u << 0,  // DriverOptions::is_recursive
};

struct FlagName {
  uint32_t flag;
  llvm::StringLiteral name;
};
llvm::ArrayRef<FlagName> class_flag_names();
llvm::ArrayRef<FlagName> field_flag_names();
llvm::ArrayRef<FlagName> function_flag_names();
llvm::ArrayRef<FlagName> global_flag_names();
llvm::ArrayRef<FlagName> jit_driver_flag_names();
llvm::ArrayRef<FlagName> prebuilt_flag_names();

struct FieldInfo {
  std::string name;
  TypeId type;
  uint32_t flags = 0;
  // Exactly one owner: a class or a value struct.
  ClassId owner_class;
  StructId owner_struct;
};

// A virtual method declared (introduced or overridden) by a class.
struct MethodDecl {
  std::string name;
  // fn(C*, params...) -> result, the receiver typed as the declaring class.
  TypeId signature;
  FunctionId implementation;  // invalid for an abstract (pure virtual) method
};

struct ClassInfo {
  std::string name;
  ClassId base;  // invalid only for rt::Object
  uint32_t flags = 0;
  bool is_builtin = false;  // predefined by every Program, not printed
  std::vector<FieldId> fields;  // declared here, in layout order
  std::vector<MethodDecl> methods;
};

struct StructInfo {
  std::string name;
  std::vector<FieldId> fields;
};

struct Enumerator {
  std::string name;
  int64_t value;
};

struct EnumInfo {
  std::string name;
  TypeId underlying;  // an integer type
  std::vector<Enumerator> enumerators;
};

struct KeyTraitsInfo {
  std::string name;
  TypeId key;
  FunctionId hash;   // (key) -> i64
  FunctionId equal;  // (key, key) -> bool
};

struct JitDriverInfo {
  std::string name;
  std::vector<TypeId> greens;
  std::vector<TypeId> reds;
  uint32_t flags = 0;
};

struct GlobalInfo {
  std::string name;
  TypeId type;
  ConstId initial;  // invalid: zero-initialised
  uint32_t flags = 0;
};

// An object built before the program starts: an instance of a class (type C*; fields not
// listed are zero) or a list or array (type list<T> / array<T>, with its items).
struct PrebuiltInfo {
  std::string name;
  TypeId type;
  std::vector<std::pair<FieldId, ConstId>> field_values;  // in the order given
  std::vector<ConstId> items;
  uint32_t flags = 0;
};

// --- The low level's tables (docs/lowlevel.md), computed by the rtyper and kept in the program
// so that the backend, the JIT and the low-level graph interpreter read one truth.
//
// A class's type ids are [min_type_id, max_type_id]: its own id and its subclasses', numbered in
// preorder, so `isinstance(p, C)` is a range check. `size` counts the header.
struct ClassLayout {
  uint32_t min_type_id = 0;
  uint32_t max_type_id = 0;
  uint32_t size = 0;
  uint32_t align = 0;
};
// A raw (value) struct: no header.
struct StructLayout {
  uint32_t size = 0;
  uint32_t align = 0;
};
// The type id of the GC arrays of one type.
struct ArrayTypeId {
  TypeId array_type;
  uint32_t type_id = 0;
};

struct Param {
  std::string name;  // may be empty
  TypeId type;
};

struct FunctionInfo {
  std::string name;
  std::vector<Param> params;
  TypeId result;
  TypeId type;  // fn(params) -> result
  uint32_t flags = 0;
  FunctionId look_inside_iff;  // RT_JIT_LOOK_INSIDE_IFF's predicate, if any
  std::string oopspec;         // RT_JIT_OOPSPEC, reserved to rlib
  bool is_external = false;    // no graph: implemented outside the program (rt::os, rlib)
  bool is_builtin = false;     // predefined by every Program, not printed
  std::unique_ptr<Graph> graph;
};

// Every GC object starts with this header: the type id in its low 32 bits, the rest the GC's.
inline constexpr uint32_t kGcHeaderSize = 8;
// A GC array: the header, then the length (i64), then the items.
inline constexpr uint32_t kGcArrayItemsOffset = 16;

// Where a value of a type lives in memory at the low level (a field, an array item).
struct MachineLayout {
  uint32_t size;
  uint32_t align;
};

// The bit layout of an integer-like type (an integer type or an enum).
struct IntegerLayout {
  unsigned bits;
  bool is_signed;
};

class Program {
 public:
  // A program with the predefined classes (rt::Object, rt::Exception and the rt exceptions,
  // with their fields and type_name methods) and nothing else.
  Program();
  Program(Program&&) = default;
  Program& operator=(Program&&) = default;

  TypeTable& types() { return types_; }
  const TypeTable& types() const { return types_; }
  const ConstantTable& constants() const { return constants_; }
  const Constant& constant(ConstId id) const { return constants_.get(id); }

  // --- Classes. -----------------------------------------------------------------------------
  ClassId add_class(llvm::StringRef name, ClassId base, uint32_t flags = 0);
  FieldId add_field(ClassId cls, llvm::StringRef name, TypeId type, uint32_t flags = 0);
  // `signature` is fn(cls*, params...) -> result; an invalid implementation makes it abstract.
  void add_method(ClassId cls, llvm::StringRef name, TypeId signature, FunctionId implementation);
  const ClassInfo& class_info(ClassId id) const { return classes_[id.index()]; }
  ClassInfo& class_info_mut(ClassId id) { return classes_[id.index()]; }
  size_t num_classes() const { return classes_.size(); }
  ClassId object_class() const { return object_class_; }
  ClassId exception_class() const { return exception_class_; }
  ClassId rt_exception_class(RtException exception) const;
  // True when `sub` is `base` or derives from it.
  bool is_subclass(ClassId sub, ClassId base) const;
  bool is_exception_class(ClassId cls) const { return is_subclass(cls, exception_class_); }
  // The class's fields, its bases' first.
  std::vector<FieldId> all_fields(ClassId cls) const;
  // The declaration `name` resolves to from `cls` upwards, and the class that declares it.
  const MethodDecl* resolve_method(ClassId cls, llvm::StringRef name,
                                   ClassId* declaring_class = nullptr) const;
  // The class that first declares the virtual method (the slot's owner).
  ClassId method_introducer(ClassId cls, llvm::StringRef name) const;

  // --- Value structs, enums, key traits, JIT drivers. -------------------------------------------
  StructId add_struct(llvm::StringRef name);
  FieldId add_struct_field(StructId s, llvm::StringRef name, TypeId type);
  const StructInfo& struct_info(StructId id) const { return structs_[id.index()]; }
  size_t num_structs() const { return structs_.size(); }

  EnumId add_enum(llvm::StringRef name, TypeId underlying);
  void add_enumerator(EnumId e, llvm::StringRef name, int64_t value);
  const EnumInfo& enum_info(EnumId id) const { return enums_[id.index()]; }
  EnumInfo& enum_info_mut(EnumId id) { return enums_[id.index()]; }
  size_t num_enums() const { return enums_.size(); }

  KeyTraitsId add_key_traits(llvm::StringRef name, TypeId key, FunctionId hash, FunctionId equal);
  const KeyTraitsInfo& key_traits_info(KeyTraitsId id) const { return key_traits_[id.index()]; }
  KeyTraitsInfo& key_traits_info_mut(KeyTraitsId id) { return key_traits_[id.index()]; }
  size_t num_key_traits() const { return key_traits_.size(); }

  JitDriverId add_jit_driver(llvm::StringRef name, llvm::ArrayRef<TypeId> greens,
                             llvm::ArrayRef<TypeId> reds, uint32_t flags = 0);
  const JitDriverInfo& jit_driver_info(JitDriverId id) const { return jit_drivers_[id.index()]; }
  JitDriverInfo& jit_driver_info_mut(JitDriverId id) { return jit_drivers_[id.index()]; }
  size_t num_jit_drivers() const { return jit_drivers_.size(); }

  const FieldInfo& field_info(FieldId id) const { return fields_[id.index()]; }
  FieldInfo& field_info_mut(FieldId id) { return fields_[id.index()]; }
  size_t num_fields() const { return fields_.size(); }

  // --- Globals and prebuilt objects. ---------------------------------------------------------
  GlobalId add_global(llvm::StringRef name, TypeId type, ConstId initial = ConstId(),
                      uint32_t flags = 0);
  const GlobalInfo& global_info(GlobalId id) const { return globals_[id.index()]; }
  GlobalInfo& global_info_mut(GlobalId id) { return globals_[id.index()]; }
  size_t num_globals() const { return globals_.size(); }

  PrebuiltId add_prebuilt(llvm::StringRef name, TypeId type);
  const PrebuiltInfo& prebuilt_info(PrebuiltId id) const { return prebuilts_[id.index()]; }
  PrebuiltInfo& prebuilt_info_mut(PrebuiltId id) { return prebuilts_[id.index()]; }
  size_t num_prebuilts() const { return prebuilts_.size(); }

  // --- Functions. -----------------------------------------------------------------------------
  FunctionId add_function(llvm::StringRef name, llvm::ArrayRef<Param> params, TypeId result,
                          uint32_t flags = 0);
  FunctionId add_external_function(llvm::StringRef name, llvm::ArrayRef<Param> params,
                                   TypeId result, uint32_t flags = 0);
  // Sets a function's signature after the fact (the parser declares functions before reading
  // their signatures).
  void set_signature(FunctionId fn, llvm::ArrayRef<Param> params, TypeId result);
  // Gives the function a new graph whose start block takes the parameters, whose return block
  // takes the result and whose except block takes (classref<rt::Exception>, rt::Exception*).
  Graph& create_graph(FunctionId fn);
  const FunctionInfo& function_info(FunctionId id) const { return functions_[id.index()]; }
  FunctionInfo& function_info_mut(FunctionId id) { return functions_[id.index()]; }
  size_t num_functions() const { return functions_.size(); }

  FunctionId entry_point() const { return entry_point_; }
  // --- Level and low-level tables. --------------------------------------------------------------
  Level level() const { return level_; }
  // Setting the low level also retypes the builtins: their strings (the exception's message,
  // type_name's result) are byte arrays, array<i8>, there (docs/lowlevel.md).
  void set_level(Level level);
  // Every class, struct and field has an entry once the level is low (the verifier checks);
  // unset entries read as zero.
  const ClassLayout& class_layout(ClassId cls) const;
  void set_class_layout(ClassId cls, const ClassLayout& layout);
  const StructLayout& struct_layout(StructId s) const;
  void set_struct_layout(StructId s, const StructLayout& layout);
  // A field's offset from the start of its object (header included) or struct.
  uint32_t field_offset(FieldId field) const;
  void set_field_offset(FieldId field, uint32_t offset);
  const std::vector<ArrayTypeId>& array_type_ids() const { return array_type_ids_; }
  void add_array_type_id(TypeId array_type, uint32_t type_id);
  // 0 when the array type has none.
  uint32_t array_type_id(TypeId array_type) const;
  // The class whose own type id is `type_id`; invalid when none.
  ClassId class_of_type_id(uint32_t type_id) const;

  void set_entry_point(FunctionId fn) { entry_point_ = fn; }

  // --- Lookup by name (invalid id when there is none). -----------------------------------------
  ClassId find_class(llvm::StringRef name) const;
  StructId find_struct(llvm::StringRef name) const;
  EnumId find_enum(llvm::StringRef name) const;
  KeyTraitsId find_key_traits(llvm::StringRef name) const;
  JitDriverId find_jit_driver(llvm::StringRef name) const;
  GlobalId find_global(llvm::StringRef name) const;
  PrebuiltId find_prebuilt(llvm::StringRef name) const;
  FunctionId find_function(llvm::StringRef name) const;
  // A field declared by the class or struct itself (not inherited).
  FieldId find_own_field(ClassId cls, llvm::StringRef name) const;
  FieldId find_struct_field(StructId s, llvm::StringRef name) const;
  // True when some class, struct, enum or key traits already has the name.
  bool has_type_name(llvm::StringRef name) const { return type_names_.count(name) != 0; }

  // --- Types and values. -------------------------------------------------------------------------
  std::string type_name(TypeId type) const;
  std::optional<IntegerLayout> integer_layout(TypeId type) const;
  // The size and alignment of a value of the type in memory: scalars their width, every
  // reference (class pointers, arrays, function pointers, and the rt handles not lowered yet)
  // 8 bytes, a classref a 4-byte type id, a value struct its struct_layout (set it first).
  MachineLayout machine_layout(TypeId type) const;
  // A value of type `from` can go where a `to` is expected: the same type, or a class pointer
  // (or classref) to a subclass of the expected class.
  bool is_assignable(TypeId from, TypeId to) const;
  // A function of type `impl` can fill a virtual-method slot of type `slot` (a dispatch array's
  // item, an indirect call's target): the same type, or the same but for a first parameter (the
  // receiver) that points to a subclass of the slot's receiver class. Sound because a slot is
  // only reached through a receiver of the implementation's class.
  bool implements_slot(TypeId impl, TypeId slot) const;
  TypeId type_of(ConstId constant) const;
  TypeId type_of(const Graph& graph, Value value) const;
  TypeId exception_value_type() const { return exception_pointer_type_; }
  TypeId exception_class_type() const { return exception_classref_type_; }

  // --- Constants. ---------------------------------------------------------------------------------
  ConstId const_none();
  ConstId const_bool(bool value);
  // `type` is an integer or enum type; for unsigned types pass the bit pattern.
  ConstId const_int(TypeId type, int64_t value);
  ConstId const_float(double value);
  ConstId const_str(llvm::StringRef bytes);
  ConstId const_null(TypeId reference_type);
  ConstId const_function(FunctionId fn);
  ConstId const_class(ClassId cls);
  ConstId const_prebuilt(PrebuiltId prebuilt);
  ConstId const_struct(StructId s, llvm::ArrayRef<ConstId> field_values);
  ConstId const_field(FieldId field);
  ConstId const_method(ClassId cls, llvm::StringRef method_name);
  ConstId const_global(GlobalId global);
  ConstId const_jit_driver(JitDriverId driver);
  ConstId const_targets(llvm::ArrayRef<FunctionId> functions);
  ConstId const_unknown_targets();

 private:
  enum class TypeNameKind : uint8_t { kClass, kStruct, kEnum, kKeyTraits };
  struct TypeNameEntry {
    TypeNameKind kind;
    uint32_t index;
  };
  uint32_t find_type_name(llvm::StringRef name, TypeNameKind kind) const;
  void add_type_name(llvm::StringRef name, TypeNameKind kind, uint32_t index);
  void add_builtin_classes();
  TypeId function_type(llvm::ArrayRef<Param> params, TypeId result);
  ConstId intern_entity(ConstKind kind, TypeId type, uint32_t entity);

  TypeTable types_;
  ConstantTable constants_;
  std::vector<ClassInfo> classes_;
  std::vector<FieldInfo> fields_;
  std::vector<StructInfo> structs_;
  std::vector<EnumInfo> enums_;
  std::vector<KeyTraitsInfo> key_traits_;
  std::vector<JitDriverInfo> jit_drivers_;
  std::vector<GlobalInfo> globals_;
  std::vector<PrebuiltInfo> prebuilts_;
  std::vector<FunctionInfo> functions_;
  FunctionId entry_point_;
  Level level_ = Level::kHigh;
  std::vector<ClassLayout> class_layouts_;
  std::vector<StructLayout> struct_layouts_;
  std::vector<uint32_t> field_offsets_;
  std::vector<ArrayTypeId> array_type_ids_;

  llvm::StringMap<TypeNameEntry> type_names_;
  llvm::StringMap<uint32_t> function_names_;
  llvm::StringMap<uint32_t> global_names_;
  llvm::StringMap<uint32_t> prebuilt_names_;
  llvm::StringMap<uint32_t> jit_driver_names_;

  ClassId object_class_, exception_class_;
  ClassId rt_exception_classes_[kNumRtExceptions];
  TypeId exception_pointer_type_, exception_classref_type_;
};

}  // namespace rtoolchain::ir
