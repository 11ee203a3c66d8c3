// rt::BigInt (rt/bigint.h): arbitrary-precision signed integers written in RC++, so that the
// toolchain converts, translates and traces them like the program that uses them (docs/rlib.md,
// "rt::BigInt"). The class lives in namespace rtlib because the namespace rt is reserved to the
// library's primitive operations; rt/bigint.h names it rt::BigInt.
#pragma once

#include <cstdint>

#include "rt/rt.h"

namespace rtlib {

// Magnitudes are arrays of 30-bit limbs, least significant first, with no leading zero limb
// (zero has none). 30 bits keep a limb product and a two-limb numerator inside int64_t.
inline constexpr int64_t kBigIntLimbBits = 30;
inline constexpr int64_t kBigIntLimbBase = int64_t{1} << kBigIntLimbBits;
inline constexpr int64_t kBigIntLimbMask = kBigIntLimbBase - 1;

// An immutable integer: a sign and a magnitude. Zero is never negative. Every operation answers
// a new BigInt (or one of its operands); none changes an existing one.
class BigInt : public rt::Object {
 public:
  // `limbs` must be normalized (no leading zero limb) and never changed afterwards; use the
  // factories below rather than this constructor.
  BigInt(bool negative, rt::Array<int64_t>* limbs) : negative(negative && limbs->size() > 0), limbs(limbs) {}

  static BigInt* from_int64(int64_t value);
  // The integer part of `value` (truncated toward zero); rt::ValueError for NaN, rt::OverflowError
  // for an infinity.
  static BigInt* from_double(double value);
  // Decimal digits with an optional leading '-' or '+'; rt::ValueError otherwise.
  static BigInt* parse(rt::Str text);

  bool is_zero() const { return limbs->size() == 0; }
  bool is_negative() const { return negative; }
  int64_t sign() const { return is_zero() ? 0 : (negative ? -1 : 1); }
  // Whether the value is inside the int64_t range, and the value; to_int64 raises
  // rt::OverflowError outside it.
  bool fits_int64() const;
  int64_t to_int64() const;
  // The nearest double (ties to even), an infinity beyond the double range.
  double to_double() const;
  rt::Str to_str() const;
  // Equal values hash equally; a value inside int64_t hashes to itself.
  int64_t hash() const;
  // The number of bits of the magnitude (0 for zero).
  int64_t bit_length() const;

  // -1, 0 or 1.
  int64_t compare(BigInt* other) const;
  bool equals(BigInt* other) const { return compare(other) == 0; }
  bool less_than(BigInt* other) const { return compare(other) < 0; }

  BigInt* negate() const;
  BigInt* abs() const;
  BigInt* add(BigInt* other) const;
  BigInt* sub(BigInt* other) const;
  BigInt* mul(BigInt* other) const;
  // Smalltalk's // and \\ (Python's // and %): the quotient rounds toward negative infinity and
  // the remainder has the divisor's sign. Smalltalk's quo: and rem: (C's / and %): the quotient
  // truncates toward zero and the remainder has the dividend's sign. All raise
  // rt::ZeroDivisionError for a zero divisor.
  BigInt* div_floor(BigInt* other) const;
  BigInt* mod_floor(BigInt* other) const;
  BigInt* quo(BigInt* other) const;
  BigInt* rem(BigInt* other) const;

  // Bitwise operations on the infinite two's complement representation, as in Smalltalk and
  // Python: -1 bitAnd: x = x, -1 bitXor: x = -1 - x.
  BigInt* bit_and(BigInt* other) const;
  BigInt* bit_or(BigInt* other) const;
  BigInt* bit_xor(BigInt* other) const;
  // Multiplication by 2^count, and floor division by 2^count (an arithmetic shift). A negative
  // count raises rt::ValueError; a left shift past 2^32 bits raises rt::OverflowError.
  BigInt* shift_left(int64_t count) const;
  BigInt* shift_right(int64_t count) const;

  const bool negative;
  RT_IMMUTABLE_ITEMS rt::Array<int64_t>* const limbs;
};

}  // namespace rtlib
