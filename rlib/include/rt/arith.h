// Integer arithmetic with every case defined (docs/rcpp.md, section A).
//
// Plain +, -, * on integers wrap (two's complement; host mode builds with -fwrapv and the
// translator never emits poison flags). The helpers here are the only way to divide by a
// non-constant, to shift by a non-constant, to detect overflow and to turn a double into an
// integer, so that no RC++ program can reach C++ undefined behaviour.
#pragma once

#include <cmath>
#include <cstdint>

#include "rt/exceptions.h"
#include "rt/library_ops.h"

namespace rt {

namespace detail {
[[noreturn]] void throw_overflow(const char* what);
[[noreturn]] void throw_zero_division(const char* what);
[[noreturn]] void throw_value_error(const char* message);
}  // namespace detail

// --- Checked arithmetic: raise rt::OverflowError instead of wrapping. -------------------------
RT_OP(int_add_ovf) inline int64_t ovf_add(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) detail::throw_overflow("integer addition");
  return r;
}
RT_OP(int_sub_ovf) inline int64_t ovf_sub(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) detail::throw_overflow("integer subtraction");
  return r;
}
RT_OP(int_mul_ovf) inline int64_t ovf_mul(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) detail::throw_overflow("integer multiplication");
  return r;
}
RT_OP(int_neg_ovf) inline int64_t ovf_neg(int64_t a) {
  if (a == INT64_MIN) detail::throw_overflow("integer negation");
  return -a;
}

// --- Division and modulo. ---------------------------------------------------------------------
// All raise rt::ZeroDivisionError for a zero divisor.
// C semantics: the quotient truncates toward zero, the remainder has the sign of the dividend.
// INT64_MIN / -1 wraps to INT64_MIN and INT64_MIN % -1 is 0.
RT_OP(int_div_c) inline int64_t div_c(int64_t a, int64_t b) {
  if (b == 0) detail::throw_zero_division("integer division by zero");
  if (b == -1) return static_cast<int64_t>(0 - static_cast<uint64_t>(a));
  return a / b;
}
RT_OP(int_mod_c) inline int64_t mod_c(int64_t a, int64_t b) {
  if (b == 0) detail::throw_zero_division("integer modulo by zero");
  if (b == -1) return 0;
  return a % b;
}
// Floor semantics (Python's // and %): the quotient rounds toward negative infinity, the
// remainder has the sign of the divisor. INT64_MIN // -1 wraps to INT64_MIN.
RT_OP(int_div_floor) inline int64_t div_floor(int64_t a, int64_t b) {
  int64_t q = div_c(a, b);
  if ((a % (b == -1 ? 1 : b)) != 0 && ((a < 0) != (b < 0))) --q;
  return q;
}
RT_OP(int_mod_floor) inline int64_t mod_floor(int64_t a, int64_t b) {
  int64_t r = mod_c(a, b);
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}
// As div_floor, but INT64_MIN // -1 raises rt::OverflowError instead of wrapping.
RT_OP(int_div_floor_ovf) inline int64_t ovf_div_floor(int64_t a, int64_t b) {
  if (a == INT64_MIN && b == -1) detail::throw_overflow("integer division");
  return div_floor(a, b);
}

// --- Shifts by a non-constant count. -------------------------------------------------------------
// A count of 64 or more shifts every bit out (shl gives 0, shr gives 0 or -1 by sign); a negative
// count raises rt::ValueError.
RT_OP(int_lshift_var) inline int64_t shl(int64_t a, int64_t count) {
  if (count < 0) detail::throw_value_error("negative shift count");
  if (count >= 64) return 0;
  return static_cast<int64_t>(static_cast<uint64_t>(a) << count);
}
RT_OP(int_rshift_var) inline int64_t shr(int64_t a, int64_t count) {  // arithmetic
  if (count < 0) detail::throw_value_error("negative shift count");
  if (count >= 64) return a < 0 ? -1 : 0;
  return a >> count;
}
RT_OP(uint_rshift_var) inline int64_t shr_unsigned(int64_t a, int64_t count) {  // logical, on the bit pattern
  if (count < 0) detail::throw_value_error("negative shift count");
  if (count >= 64) return 0;
  return static_cast<int64_t>(static_cast<uint64_t>(a) >> count);
}
// Left shift that raises rt::OverflowError when bits or the sign would be lost, that is when
// a * 2^count is outside the int64_t range (so ovf_shl(-1, 63) is INT64_MIN, and 0 shifts by
// any count to 0).
RT_OP(int_lshift_ovf) inline int64_t ovf_shl(int64_t a, int64_t count) {
  if (count < 0) detail::throw_value_error("negative shift count");
  if (a == 0) return 0;
  if (count >= 64) detail::throw_overflow("integer left shift");
  int64_t r = static_cast<int64_t>(static_cast<uint64_t>(a) << count);
  if ((r >> count) != a) detail::throw_overflow("integer left shift");
  return r;
}

// --- Float to integer. ---------------------------------------------------------------------------
// Truncates toward zero. NaN raises rt::ValueError; infinities and values outside the int64_t
// range raise rt::OverflowError (as Python's int(x)).
RT_OP(cast_float_to_int) inline int64_t float_to_int(double x) {
  if (std::isnan(x)) detail::throw_value_error("cannot convert NaN to integer");
  // -2^63 and 2^63 are exact doubles; everything in [-2^63, 2^63) truncates into range.
  if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0))
    detail::throw_overflow("float to integer conversion");
  return static_cast<int64_t>(x);
}
// True when float_to_int(x) would succeed.
RT_OP(float_fits_int) inline bool float_fits_int(double x) {
  return !std::isnan(x) && x >= -9223372036854775808.0 && x < 9223372036854775808.0;
}

}  // namespace rt
