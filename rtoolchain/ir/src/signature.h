// The operand/result patterns of ops.def, parsed (internal to rt_ir: the verifier matches them,
// ops.cpp derives operand counts from them).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>

#include "rtoolchain/ir/ops.h"
#include "rtoolchain/ir/types.h"

namespace rtoolchain::ir {

// What a type variable may stand for.
enum class TypeClass : uint8_t { kAny, kInt, kSignedInt, kUnsignedInt, kReference, kClassPointer,
                                 kFunction, kStruct, kClassRef, kDict };

// Constants naming entities, in operand position.
enum class DescriptorKind : uint8_t { kFunction, kTargets, kMethod, kClass, kField, kGlobal,
                                      kJitDriver };

struct TypePattern {
  enum class Kind : uint8_t {
    kConcrete,    // a type with no parameters: `concrete` and, for kInt, bits/is_signed
    kVariable,    // `variable` ('A'..'Z')
    kList,        // children[0]
    kArray,       // children[0]
    kDict,        // children[0], children[1]; the traits are whatever the matched dict has
    kDictIter,    // children[0], children[1]
    kDescriptor,  // `descriptor`
  };
  Kind kind = Kind::kConcrete;
  TypeKind concrete = TypeKind::kVoid;
  uint8_t bits = 0;
  bool is_signed = false;
  char variable = 0;
  DescriptorKind descriptor = DescriptorKind::kFunction;
  std::vector<TypePattern> children;
};

struct Signature {
  std::vector<TypePattern> operands;
  bool is_variadic = false;
  enum class Result : uint8_t { kNone, kPattern, kSpecial } result_kind = Result::kNone;
  TypePattern result;
  // The class of each type variable ('A' + index), from its first occurrence.
  std::array<TypeClass, 26> variable_class{};
};

// Parses one pattern; on failure, `error` says why.
std::optional<Signature> parse_signature(llvm::StringRef text, std::string* error);
// The parsed signature of an opcode (ops.def patterns are checked by the unit tests).
const Signature& op_signature(Opcode opcode);

}  // namespace rtoolchain::ir
