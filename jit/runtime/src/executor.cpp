// Scalar trace operations evaluated on values (executor.h), as trace_ops.def defines them.
#include "rtoolchain/jit/executor.h"

#include <cmath>
#include <cstring>

#include "rtoolchain/jit/backend.h"

namespace rtoolchain::jit {
namespace {

using Op = TraceOpcode;

AnyValue of_bool(bool b) { return AnyValue::of_int(b ? 1 : 0); }
uint64_t u(int64_t v) { return static_cast<uint64_t>(v); }
int64_t s(uint64_t v) { return static_cast<int64_t>(v); }

void check_divisor(int64_t b) {
  if (b == 0) jit_fatal("division by zero in a trace (the tracer guards the divisor)");
}

void check_shift(int64_t count) {
  if (count < 0) jit_fatal("negative shift count in a trace (the tracer guards it)");
}

int64_t div_c(int64_t a, int64_t b) { return b == -1 ? s(0 - u(a)) : a / b; }  // MIN / -1 wraps
int64_t mod_c(int64_t a, int64_t b) { return b == -1 ? 0 : a % b; }

int64_t div_floor(int64_t a, int64_t b) {
  int64_t q = div_c(a, b);
  if (mod_c(a, b) != 0 && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t mod_floor(int64_t a, int64_t b) {
  int64_t r = mod_c(a, b);
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

bool fits_int(double x) { return x >= -9223372036854775808.0 && x < 9223372036854775808.0; }

}  // namespace

AnyValue eval_scalar(TraceOpcode opcode, AnyValue a, AnyValue b, bool& handled) {
  handled = true;
  int64_t x = a.i, y = b.i;
  double f = a.f, g = b.f;
  switch (opcode) {
    case Op::op_int_add: return AnyValue::of_int(s(u(x) + u(y)));
    case Op::op_int_sub: return AnyValue::of_int(s(u(x) - u(y)));
    case Op::op_int_mul: return AnyValue::of_int(s(u(x) * u(y)));
    case Op::op_int_and: return AnyValue::of_int(x & y);
    case Op::op_int_or: return AnyValue::of_int(x | y);
    case Op::op_int_xor: return AnyValue::of_int(x ^ y);
    case Op::op_int_neg: return AnyValue::of_int(s(0 - u(x)));
    case Op::op_int_invert: return AnyValue::of_int(~x);
    case Op::op_int_lshift: check_shift(y); return AnyValue::of_int(y >= 64 ? 0 : s(u(x) << y));
    case Op::op_int_rshift: check_shift(y); return AnyValue::of_int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
    case Op::op_uint_rshift: check_shift(y); return AnyValue::of_int(y >= 64 ? 0 : s(u(x) >> y));
    case Op::op_int_div_c: check_divisor(y); return AnyValue::of_int(div_c(x, y));
    case Op::op_int_mod_c: check_divisor(y); return AnyValue::of_int(mod_c(x, y));
    case Op::op_int_div_floor: check_divisor(y); return AnyValue::of_int(div_floor(x, y));
    case Op::op_int_mod_floor: check_divisor(y); return AnyValue::of_int(mod_floor(x, y));
    case Op::op_uint_div: check_divisor(y); return AnyValue::of_int(s(u(x) / u(y)));
    case Op::op_uint_mod: check_divisor(y); return AnyValue::of_int(s(u(x) % u(y)));
    case Op::op_int_signext:
      switch (y) {
        case 1: return AnyValue::of_int(static_cast<int8_t>(x));
        case 2: return AnyValue::of_int(static_cast<int16_t>(x));
        case 4: return AnyValue::of_int(static_cast<int32_t>(x));
        case 8: return AnyValue::of_int(x);
        default: jit_fatal("int_signext to " + std::to_string(y) + " bytes");
      }
    case Op::op_int_eq: return of_bool(x == y);
    case Op::op_int_ne: return of_bool(x != y);
    case Op::op_int_lt: return of_bool(x < y);
    case Op::op_int_le: return of_bool(x <= y);
    case Op::op_int_gt: return of_bool(x > y);
    case Op::op_int_ge: return of_bool(x >= y);
    case Op::op_uint_lt: return of_bool(u(x) < u(y));
    case Op::op_uint_le: return of_bool(u(x) <= u(y));
    case Op::op_uint_gt: return of_bool(u(x) > u(y));
    case Op::op_uint_ge: return of_bool(u(x) >= u(y));
    case Op::op_int_is_true: return of_bool(x != 0);
    case Op::op_int_is_zero: return of_bool(x == 0);
    case Op::op_float_add: return AnyValue::of_float(f + g);
    case Op::op_float_sub: return AnyValue::of_float(f - g);
    case Op::op_float_mul: return AnyValue::of_float(f * g);
    case Op::op_float_truediv: return AnyValue::of_float(f / g);
    case Op::op_float_neg: return AnyValue::of_float(-f);
    case Op::op_float_abs: return AnyValue::of_float(std::fabs(f));
    case Op::op_float_eq: return of_bool(f == g);
    case Op::op_float_ne: return of_bool(f != g);
    case Op::op_float_lt: return of_bool(f < g);
    case Op::op_float_le: return of_bool(f <= g);
    case Op::op_float_gt: return of_bool(f > g);
    case Op::op_float_ge: return of_bool(f >= g);
    case Op::op_cast_int_to_float: return AnyValue::of_float(static_cast<double>(x));
    case Op::op_cast_uint_to_float: return AnyValue::of_float(static_cast<double>(u(x)));
    case Op::op_cast_float_to_int:
      if (!fits_int(f)) jit_fatal("cast_float_to_int of a value out of range (the tracer guards it)");
      return AnyValue::of_int(static_cast<int64_t>(f));
    case Op::op_float_fits_int: return of_bool(fits_int(f));
    case Op::op_same_as_i:
    case Op::op_same_as_r:
    case Op::op_same_as_f: return a;
    default: handled = false; return a;
  }
}

bool eval_ovf(TraceOpcode opcode, int64_t a, int64_t b, int64_t& result) {
  switch (opcode) {
    case Op::op_int_add_ovf: return __builtin_add_overflow(a, b, &result);
    case Op::op_int_sub_ovf: return __builtin_sub_overflow(a, b, &result);
    case Op::op_int_mul_ovf: return __builtin_mul_overflow(a, b, &result);
    default: jit_fatal("eval_ovf of a non-overflow operation");
  }
}

}  // namespace rtoolchain::jit
