// The opcode enum and what the rest of the VM needs to know about each instruction, generated
// from the single table in opcodes.def.
#pragma once

#include <cstdint>

#include "rt/str.h"

namespace tiny {

namespace op {
enum Opcode : int64_t {
#define OP(name, effect, argument) name,
#include "opcodes.def"
#undef OP
};
}  // namespace op

// What an instruction's argument means.
enum class Argument : int64_t { None, Constant, Local, Global, Count, Target };

rt::Str opcode_name(op::Opcode opcode);
int64_t stack_effect(op::Opcode opcode, int64_t arg);
Argument argument_kind(op::Opcode opcode);

}  // namespace tiny
