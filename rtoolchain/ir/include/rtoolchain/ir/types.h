// Types of the flow-graph IR. They are C++-level, the types an RC++ program is written in:
//   void, bool, i8..i64, u8..u64 (char is i8), f64, str (rt::Str, a value), strbuilder
//   (rt::StrBuilder, a mutable handle), C* (nullable pointer to a GC class), classref<C> (the
//   run-time class of an object, a subclass of C), list<T>/array<T>/dict<K, V[, Traits]> (rt
//   containers, always used through nullable pointers), dictiter<K, V> (a dict iteration
//   handle), fn(P...) -> R (function pointers), struct S (value structs), enum E (an integer
//   type with a name).
//
// Types are interned: equal types have equal TypeIds, so comparing types is comparing ids.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include <llvm/ADT/ArrayRef.h>

#include "rtoolchain/ir/ids.h"

namespace rtoolchain::ir {

enum class TypeKind : uint8_t {
  kVoid,
  kBool,
  kInt,
  kFloat,
  kStr,
  kStrBuilder,
  kPointer,
  kClassRef,
  kList,
  kArray,
  kDict,
  kDictIter,
  kFunction,
  kStruct,
  kEnum,
};

struct Type {
  TypeKind kind = TypeKind::kVoid;
  uint8_t bits = 0;            // kInt: 8, 16, 32 or 64
  bool is_signed = false;      // kInt
  ClassId class_id;            // kPointer, kClassRef
  StructId struct_id;          // kStruct
  EnumId enum_id;              // kEnum
  KeyTraitsId key_traits;      // kDict; invalid for rt's default key traits
  TypeId item;                 // kList, kArray: the item; kDict, kDictIter: the key;
                               // kFunction: the result
  TypeId value;                // kDict, kDictIter
  std::vector<TypeId> params;  // kFunction

  friend bool operator<(const Type& a, const Type& b);
  friend bool operator==(const Type& a, const Type& b) { return !(a < b) && !(b < a); }
};

// Owns and interns the types of one program. Names of classes, structs and enums are the
// Program's business: use Program::type_name to print a type.
class TypeTable {
 public:
  TypeTable();

  const Type& get(TypeId id) const { return types_[id.index()]; }
  TypeKind kind(TypeId id) const { return get(id).kind; }
  size_t size() const { return types_.size(); }

  TypeId void_type() const { return void_; }
  TypeId bool_type() const { return bool_; }
  TypeId int_type(unsigned bits, bool is_signed);
  TypeId i8() { return int_type(8, true); }
  TypeId i16() { return int_type(16, true); }
  TypeId i32() { return int_type(32, true); }
  TypeId i64() { return int_type(64, true); }
  TypeId u8() { return int_type(8, false); }
  TypeId u16() { return int_type(16, false); }
  TypeId u32() { return int_type(32, false); }
  TypeId u64() { return int_type(64, false); }
  TypeId f64() const { return f64_; }
  TypeId str() const { return str_; }
  TypeId strbuilder() const { return strbuilder_; }
  TypeId pointer(ClassId cls);
  TypeId class_ref(ClassId cls);
  TypeId list(TypeId item);
  TypeId array(TypeId item);
  TypeId dict(TypeId key, TypeId value, KeyTraitsId traits = KeyTraitsId());
  TypeId dict_iter(TypeId key, TypeId value);
  TypeId function(TypeId result, llvm::ArrayRef<TypeId> params);
  TypeId struct_type(StructId s);
  TypeId enum_type(EnumId e);

  TypeId intern(const Type& type);

  // Kind tests that need no program: integers here are the kInt types only (enums are
  // integer-like through Program::integer_layout).
  bool is_void(TypeId t) const { return kind(t) == TypeKind::kVoid; }
  bool is_int(TypeId t) const { return kind(t) == TypeKind::kInt; }
  // GC references and other nullable pointers: C*, classref, containers, function pointers.
  bool is_reference(TypeId t) const;

 private:
  std::vector<Type> types_;
  std::map<Type, TypeId> index_;
  TypeId void_, bool_, f64_, str_, strbuilder_;
};

}  // namespace rtoolchain::ir
