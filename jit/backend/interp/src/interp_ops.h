// The scalar operations of the interpreting backend (private): wrapping integer arithmetic,
// IEEE floats, comparisons and casts, with the preconditions of trace_ops.def checked.
#pragma once

#include "rtoolchain/jit/trace.h"

namespace rtoolchain::jit::interp {

// The result of a scalar operation (int_*, uint_*, float_*, casts, same_as_*); `handled` is set
// false for any other operation.
AnyValue eval_scalar(TraceOpcode opcode, AnyValue a, AnyValue b, bool& handled);

// int_add_ovf / int_sub_ovf / int_mul_ovf: the wrapped result; returns whether it overflowed.
bool eval_ovf(TraceOpcode opcode, int64_t a, int64_t b, int64_t& result);

}  // namespace rtoolchain::jit::interp
