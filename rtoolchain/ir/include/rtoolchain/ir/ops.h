// Opcodes and their descriptions, all expanded from ops.def.
#pragma once

#include <cstdint>
#include <optional>

#include <llvm/ADT/StringRef.h>

namespace rtoolchain::ir {

// The rt exception classes every program has (exceptions.def).
enum class RtException : uint8_t {
#define RT_IR_RT_EXCEPTION(Name) k##Name,
#include "rtoolchain/ir/exceptions.def"
};
inline constexpr unsigned kNumRtExceptions = 0
#define RT_IR_RT_EXCEPTION(Name) +1
#include "rtoolchain/ir/exceptions.def"
    ;
// "IndexError" for RtException::kIndexError (the class is named "rt::IndexError").
llvm::StringRef rt_exception_name(RtException exception);

// Which rt exceptions an operation may raise: one bit per RtException.
using RaiseSet = uint32_t;
inline constexpr RaiseSet kRaisesNothing = 0;
#define RT_IR_RT_EXCEPTION(Name) \
  inline constexpr RaiseSet kRaises##Name = RaiseSet(1) << static_cast<unsigned>(RtException::k##Name);
#include "rtoolchain/ir/exceptions.def"
// Any exception, the program's own exception classes included (calls).
inline constexpr RaiseSet kRaisesAny = ~RaiseSet(0);

using OpEffects = uint32_t;
inline constexpr OpEffects kNoEffects = 0;
inline constexpr OpEffects kFoldable = 1u << 0;
inline constexpr OpEffects kReadsMemory = 1u << 1;
inline constexpr OpEffects kWritesMemory = 1u << 2;
inline constexpr OpEffects kAllocates = 1u << 3;
inline constexpr OpEffects kCall = 1u << 4;
inline constexpr OpEffects kHint = 1u << 5;
// Not effects but where the operation may appear (docs/lowlevel.md): only in high-level
// programs, only in low-level ones; an operation with neither bit exists at both levels.
inline constexpr OpEffects kHighLevel = 1u << 6;
inline constexpr OpEffects kLowLevel = 1u << 7;

// A program's level: the front end's (C++ types, rt containers, virtual calls) or the rtyper's
// (flat GC structs and arrays, type ids, dispatch arrays).
enum class Level : uint8_t { kHigh, kLow };
llvm::StringRef level_name(Level level);

enum class Opcode : uint16_t {
#define RT_IR_OP(name, signature, effects, raises) name,
#include "rtoolchain/ir/ops.def"
};
inline constexpr unsigned kNumOpcodes = 0
#define RT_IR_OP(name, signature, effects, raises) +1
#include "rtoolchain/ir/ops.def"
    ;

struct OpInfo {
  llvm::StringLiteral name;
  llvm::StringLiteral signature;  // the pattern of ops.def
  OpEffects effects;
  RaiseSet raises;
  // Derived from the signature.
  unsigned num_fixed_operands;
  bool is_variadic;
  bool has_result;

  bool can_raise() const { return raises != kRaisesNothing; }
  bool has_effect(OpEffects effect) const { return (effects & effect) != 0; }
  bool allowed_at(Level level) const {
    return !has_effect(level == Level::kHigh ? kLowLevel : kHighLevel);
  }
};

const OpInfo& op_info(Opcode opcode);
inline llvm::StringRef op_name(Opcode opcode) { return op_info(opcode).name; }
std::optional<Opcode> find_opcode(llvm::StringRef name);

}  // namespace rtoolchain::ir
