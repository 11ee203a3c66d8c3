// Arbitrary-precision integers for SOM's Integer, which promotes to large values and back
// transparently. Written in RC++ without the rt library's help so that it translates and traces
// like the rest of the VM; it is meant to move to rlib as rt::BigInt (docs/som.md, "What is left").
#pragma once

#include "rt/rt.h"

namespace som {

// An immutable integer: a sign and a magnitude in base 10^9, least significant limb first, with no
// leading zero limbs (zero has no limbs and is never negative). Base 10^9 makes printing a matter
// of concatenating limbs, and keeps a limb product inside int64_t.
class BigInt : public rt::Object {
 public:
  static constexpr int64_t kBase = 1000000000;

  BigInt(bool negative, rt::Array<int64_t>* limbs) : negative(negative), limbs(limbs) {}

  static BigInt* from_int(int64_t value);
  // Decimal digits with an optional leading '-'; nullptr when `text` is not such a number.
  static BigInt* parse(rt::Str text);

  bool is_zero() const { return limbs->size() == 0; }
  bool fits_int() const;
  int64_t to_int() const;  // only when fits_int()
  double to_double() const;
  rt::Str to_str() const;

  BigInt* negated() const;
  BigInt* add(BigInt* other) const;
  BigInt* sub(BigInt* other) const;
  BigInt* mul(BigInt* other) const;
  // Quotient rounded toward negative infinity, and the remainder with the divisor's sign.
  // Raise rt::ZeroDivisionError for a zero divisor.
  BigInt* div_floor(BigInt* other) const;
  BigInt* mod_floor(BigInt* other) const;
  // The remainder with the dividend's sign (Smalltalk's rem:).
  BigInt* rem(BigInt* other) const;
  // -1, 0 or 1.
  int64_t compare(BigInt* other) const;

  const bool negative;
  RT_IMMUTABLE_ITEMS rt::Array<int64_t>* const limbs;
};

}  // namespace som
