// Entity ids of the IR: one distinct type per kind of entity, each a 32-bit index into the table
// that owns the entities (the Program for program-wide ones, a Graph for graph-local ones).
//
// Ids, never pointers, name entities, so no output depends on where things sit in memory, and
// later stages keep their results in side tables keyed by id (EntityMap below) instead of writing
// onto IR objects.
#pragma once

#include <cassert>
#include <cstdint>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

#include <llvm/ADT/DenseMapInfo.h>

namespace rtoolchain::ir {

template <class Tag>
class Id {
 public:
  static constexpr uint32_t kInvalidIndex = std::numeric_limits<uint32_t>::max();

  constexpr Id() = default;
  constexpr explicit Id(uint32_t index) : index_(index) {}

  constexpr uint32_t index() const {
    assert(valid() && "index() of an invalid id");
    return index_;
  }
  constexpr bool valid() const { return index_ != kInvalidIndex; }
  constexpr uint32_t raw() const { return index_; }

  friend constexpr bool operator==(Id a, Id b) { return a.index_ == b.index_; }
  friend constexpr bool operator!=(Id a, Id b) { return a.index_ != b.index_; }
  friend constexpr bool operator<(Id a, Id b) { return a.index_ < b.index_; }

 private:
  uint32_t index_ = kInvalidIndex;
};

// Program-wide entities.
using TypeId = Id<struct TypeTag>;
using ConstId = Id<struct ConstTag>;
using ClassId = Id<struct ClassTag>;
using StructId = Id<struct StructTag>;
using EnumId = Id<struct EnumTag>;
using FieldId = Id<struct FieldTag>;
using KeyTraitsId = Id<struct KeyTraitsTag>;
using FunctionId = Id<struct FunctionTag>;
using GlobalId = Id<struct GlobalTag>;
using PrebuiltId = Id<struct PrebuiltTag>;
using JitDriverId = Id<struct JitDriverTag>;
// Entities local to one graph.
using VarId = Id<struct VarTag>;
using BlockId = Id<struct BlockTag>;
using OpId = Id<struct OpTag>;
using LinkId = Id<struct LinkTag>;

// An operand: a variable of the graph or a constant of the program (or nothing).
class Value {
 public:
  enum class Kind : uint8_t { kNone, kVariable, kConstant };

  constexpr Value() = default;
  constexpr Value(VarId var) : kind_(Kind::kVariable), index_(var.raw()) {}      // NOLINT: implicit
  constexpr Value(ConstId constant) : kind_(Kind::kConstant), index_(constant.raw()) {}  // NOLINT

  Kind kind() const { return kind_; }
  bool is_variable() const { return kind_ == Kind::kVariable; }
  bool is_constant() const { return kind_ == Kind::kConstant; }
  bool is_none() const { return kind_ == Kind::kNone; }
  VarId variable() const {
    assert(is_variable() && "not a variable");
    return VarId(index_);
  }
  ConstId constant() const {
    assert(is_constant() && "not a constant");
    return ConstId(index_);
  }

  friend bool operator==(Value a, Value b) { return a.kind_ == b.kind_ && a.index_ == b.index_; }
  friend bool operator!=(Value a, Value b) { return !(a == b); }

 private:
  Kind kind_ = Kind::kNone;
  uint32_t index_ = Id<void>::kInvalidIndex;
};

// A dense side table from ids to values (Cranelift's SecondaryMap): reading an id never stored
// gives the default value, writing grows the table.
template <class IdT, class T>
class EntityMap {
 public:
  explicit EntityMap(T default_value = T()) : default_(std::move(default_value)) {}

  const T& operator[](IdT id) const {
    return id.index() < values_.size() ? values_[id.index()] : default_;
  }
  T& operator[](IdT id) {
    if (id.index() >= values_.size()) values_.resize(id.index() + 1, default_);
    return values_[id.index()];
  }
  bool contains(IdT id) const { return id.valid() && id.index() < values_.size(); }
  void clear() { values_.clear(); }

 private:
  std::vector<T> values_;
  T default_;
};

}  // namespace rtoolchain::ir

template <class Tag>
struct llvm::DenseMapInfo<rtoolchain::ir::Id<Tag>> {
  using IdT = rtoolchain::ir::Id<Tag>;
  static IdT getEmptyKey() { return IdT(IdT::kInvalidIndex); }
  static IdT getTombstoneKey() { return IdT(IdT::kInvalidIndex - 1); }
  static unsigned getHashValue(IdT id) { return llvm::DenseMapInfo<uint32_t>::getHashValue(id.raw()); }
  static bool isEqual(IdT a, IdT b) { return a == b; }
};

template <class Tag>
struct std::hash<rtoolchain::ir::Id<Tag>> {
  size_t operator()(rtoolchain::ir::Id<Tag> id) const { return std::hash<uint32_t>()(id.raw()); }
};
