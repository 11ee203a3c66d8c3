// Evaluating scalar trace operations on values (RPython's executor.py, the scalar part): the
// interpreting backend runs traces with it, and the tracer computes the concrete result of every
// operation it records with it, so the two cannot disagree. The preconditions of trace_ops.def
// (nonzero divisors, non-negative shift counts, cast_float_to_int in range) are checked: a broken
// one is a toolchain bug (jit_fatal).
#pragma once

#include "rtoolchain/jit/trace.h"

namespace rtoolchain::jit {

// The result of a scalar operation (int_*, uint_*, float_*, casts, same_as_*); `handled` is set
// false for any other operation.
AnyValue eval_scalar(TraceOpcode opcode, AnyValue a, AnyValue b, bool& handled);

// int_add_ovf / int_sub_ovf / int_mul_ovf: the wrapped result; returns whether it overflowed.
bool eval_ovf(TraceOpcode opcode, int64_t a, int64_t b, int64_t& result);

}  // namespace rtoolchain::jit
