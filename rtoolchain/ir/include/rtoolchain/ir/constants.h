// Constants: typed values that operations take as operands, links pass, globals and prebuilt
// objects are initialised with. Besides plain values (integers, floats, strings, null) a
// constant can name an entity of the program: a function (a function pointer), a class (its
// run-time class), a prebuilt object (a pointer to it), or a descriptor that only says which
// field, method, global, JIT driver or set of call targets an operation is about.
//
// Constants are interned per program (Program::const_* make them): equal constants have equal
// ConstIds.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "rtoolchain/ir/ids.h"

namespace rtoolchain::ir {

enum class ConstKind : uint8_t {
  kNone,         // the only value of void (what a void function returns)
  kBool,
  kInt,          // an integer or enum type
  kFloat,
  kStr,
  kNull,         // the null value of a reference type
  kFunction,     // a function pointer; typed by the function's signature
  kClass,        // classref<C>
  kPrebuilt,     // a pointer to a prebuilt object; typed by the prebuilt's type
  kStruct,       // a value struct, field values in declaration order
  // Descriptors (type void): they only parameterise operations.
  kField,
  kMethod,       // a virtual method: a class and a method name, looked up from that class up
  kGlobal,
  kJitDriver,
  kTargets,      // the possible callees of an indirect call, sorted by id
  kUnknownTargets,
};

struct Constant {
  ConstKind kind = ConstKind::kNone;
  // Every kind but kFunction and kPrebuilt, whose type is their entity's (Program::type_of).
  TypeId type;
  // kInt: the value; for unsigned types, the bit pattern. kBool: 0 or 1.
  int64_t int_value = 0;
  // kFloat: the bits of the double (every NaN is stored as the one quiet NaN).
  uint64_t float_bits = 0;
  // kStr: the bytes. kMethod: the method name.
  std::string text;
  // The entity's index: kFunction, kClass, kPrebuilt, kField, kMethod (the class), kGlobal,
  // kJitDriver.
  uint32_t entity = ~uint32_t(0);
  // kTargets: function indices, sorted; kStruct: ConstId indices of the field values.
  std::vector<uint32_t> items;

  double float_value() const;
  FunctionId function() const { return FunctionId(entity); }
  ClassId class_id() const { return ClassId(entity); }
  PrebuiltId prebuilt() const { return PrebuiltId(entity); }
  FieldId field() const { return FieldId(entity); }
  GlobalId global() const { return GlobalId(entity); }
  JitDriverId jit_driver() const { return JitDriverId(entity); }
  bool is_descriptor() const { return kind >= ConstKind::kField; }

  friend bool operator<(const Constant& a, const Constant& b);
};

class ConstantTable {
 public:
  ConstId intern(Constant constant);
  const Constant& get(ConstId id) const { return constants_[id.index()]; }
  size_t size() const { return constants_.size(); }

 private:
  std::vector<Constant> constants_;
  std::map<Constant, ConstId> index_;
};

}  // namespace rtoolchain::ir
