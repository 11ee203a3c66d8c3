// The bytecode (docs/som.md, "Bytecode"). A method's code is one rt::Array<int64_t>: each
// instruction is its opcode followed by its operands.
#pragma once

#include "rt/rt.h"

namespace som {

enum class Op : int64_t {
  kDup,             // push the top of the stack again
  kPop,             // drop the top of the stack
  kPushLocal,       // index, level: push local `index` of the frame `level` contexts out
  kPushArgument,    // index, level: likewise for an argument (0 is self, or the block)
  kPushField,       // index, level: a field of self (self is found `level` contexts out)
  kPushBlock,       // literal: a new block of the block method literals[literal]
  kPushConstant,    // literal: push literals[literal] (literal arrays are copied)
  kPushGlobal,      // literal: the global named literals[literal], or `unknownGlobal:`
  kPopLocal,        // index, level: store the popped value
  kPopArgument,     // index, level
  kPopField,        // index, level
  kSend,            // literal: send the selector literals[literal] to the receiver under the
                    // arguments; the result replaces them
  kSuperSend,       // literal: likewise, looked up from the holder's superclass
  kReturnLocal,     // return the top of the stack from this frame
  kReturnNonLocal,  // return the top of the stack from the block's home method
  // Inlined control structures (docs/som.md, "Inlining"). Jump targets are absolute pcs.
  kJump,               // target: continue there (forward)
  kJumpBackward,       // target: a loop's back edge, where the JIT may enter
  kJumpIfTrue,         // target, other: pop true and jump to target, or pop false and go on;
                       // any other object stays on the stack and control goes to `other`
  kJumpIfFalse,        // target, other: likewise, jumping on false
  kJumpUnlessIntegers, // target, count: unless the top `count` values are all small integers,
                       // jump to target (the real send)
  kForTest,            // exit, counter, limit, var, descending: jump to exit when the counter
                       // local is past the limit local; otherwise copy it to local var (if >= 0)
  kForNext,            // loop, counter, step: add step to the counter local and jump back to
                       // loop; go on instead if that would overflow (the loop is then done)
};

// The number of code items an instruction takes, the opcode included.
constexpr int64_t op_length(Op op) {
  switch (op) {
    case Op::kDup:
    case Op::kPop:
    case Op::kReturnLocal:
    case Op::kReturnNonLocal:
      return 1;
    case Op::kJump:
    case Op::kJumpBackward:
    case Op::kPushBlock:
    case Op::kPushConstant:
    case Op::kPushGlobal:
    case Op::kSend:
    case Op::kSuperSend:
      return 2;
    case Op::kPushLocal:
    case Op::kPushArgument:
    case Op::kPushField:
    case Op::kPopLocal:
    case Op::kPopArgument:
    case Op::kPopField:
    case Op::kJumpIfTrue:
    case Op::kJumpIfFalse:
    case Op::kJumpUnlessIntegers:
      return 3;
    case Op::kForNext:
      return 4;
    case Op::kForTest:
      return 6;
  }
  return 1;
}


}  // namespace som
