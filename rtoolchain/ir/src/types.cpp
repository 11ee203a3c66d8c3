#include "rtoolchain/ir/types.h"

#include <cassert>
#include <tuple>

namespace rtoolchain::ir {

bool operator<(const Type& a, const Type& b) {
  auto key = [](const Type& t) {
    return std::tie(t.kind, t.bits, t.is_signed, t.class_id, t.struct_id, t.enum_id, t.key_traits,
                    t.item, t.value, t.params);
  };
  return key(a) < key(b);
}

namespace {
Type of_kind(TypeKind kind) {
  Type type;
  type.kind = kind;
  return type;
}
}  // namespace

TypeTable::TypeTable() {
  void_ = intern(of_kind(TypeKind::kVoid));
  bool_ = intern(of_kind(TypeKind::kBool));
  f64_ = intern(of_kind(TypeKind::kFloat));
  str_ = intern(of_kind(TypeKind::kStr));
  strbuilder_ = intern(of_kind(TypeKind::kStrBuilder));
}

TypeId TypeTable::intern(const Type& type) {
  auto found = index_.find(type);
  if (found != index_.end()) return found->second;
  TypeId id(static_cast<uint32_t>(types_.size()));
  types_.push_back(type);
  index_.emplace(type, id);
  return id;
}

TypeId TypeTable::int_type(unsigned bits, bool is_signed) {
  assert((bits == 8 || bits == 16 || bits == 32 || bits == 64) && "integer types are 8 to 64 bits");
  Type type = of_kind(TypeKind::kInt);
  type.bits = static_cast<uint8_t>(bits);
  type.is_signed = is_signed;
  return intern(type);
}

TypeId TypeTable::pointer(ClassId cls) {
  Type type = of_kind(TypeKind::kPointer);
  type.class_id = cls;
  return intern(type);
}

TypeId TypeTable::class_ref(ClassId cls) {
  Type type = of_kind(TypeKind::kClassRef);
  type.class_id = cls;
  return intern(type);
}

TypeId TypeTable::list(TypeId item) {
  Type type = of_kind(TypeKind::kList);
  type.item = item;
  return intern(type);
}

TypeId TypeTable::array(TypeId item) {
  Type type = of_kind(TypeKind::kArray);
  type.item = item;
  return intern(type);
}

TypeId TypeTable::dict(TypeId key, TypeId value, KeyTraitsId traits) {
  Type type = of_kind(TypeKind::kDict);
  type.item = key;
  type.value = value;
  type.key_traits = traits;
  return intern(type);
}

TypeId TypeTable::dict_iter(TypeId key, TypeId value) {
  Type type = of_kind(TypeKind::kDictIter);
  type.item = key;
  type.value = value;
  return intern(type);
}

TypeId TypeTable::function(TypeId result, llvm::ArrayRef<TypeId> params) {
  Type type = of_kind(TypeKind::kFunction);
  type.item = result;
  type.params = params.vec();
  return intern(type);
}

TypeId TypeTable::struct_type(StructId s) {
  Type type = of_kind(TypeKind::kStruct);
  type.struct_id = s;
  return intern(type);
}

TypeId TypeTable::enum_type(EnumId e) {
  Type type = of_kind(TypeKind::kEnum);
  type.enum_id = e;
  return intern(type);
}

bool TypeTable::is_reference(TypeId t) const {
  switch (kind(t)) {
    case TypeKind::kPointer:
    case TypeKind::kClassRef:
    case TypeKind::kList:
    case TypeKind::kArray:
    case TypeKind::kDict:
    case TypeKind::kFunction:
      return true;
    case TypeKind::kVoid:
    case TypeKind::kBool:
    case TypeKind::kInt:
    case TypeKind::kFloat:
    case TypeKind::kStr:
    case TypeKind::kStrBuilder:
    case TypeKind::kDictIter:
    case TypeKind::kStruct:
    case TypeKind::kEnum:
      return false;
  }
  return false;
}

}  // namespace rtoolchain::ir
