// rt::BigInt: sign and magnitude, the magnitude in 30-bit limbs (rlib/rc/bigint.h). The
// algorithms are the schoolbook ones (Knuth, TAOCP vol. 2, 4.3.1): linear addition, quadratic
// multiplication and long division (algorithm D), quadratic decimal conversion. That is plenty
// for the sizes interpreters meet (factorials, hashes, overflowing loops); a sub-quadratic
// multiplication can come when a benchmark needs it.
#include "rt/bigint.h"

namespace rtlib {

namespace {

using Limbs = rt::Array<int64_t>;

constexpr int64_t kBits = kBigIntLimbBits;
constexpr int64_t kBase = kBigIntLimbBase;
constexpr int64_t kMask = kBigIntLimbMask;
// The largest power of ten below kBase, and its exponent: the chunks of decimal conversion.
constexpr int64_t kDecimalChunk = 1000000000;
constexpr int64_t kDecimalChunkDigits = 9;
// Left shifts beyond this many bits raise rt::OverflowError instead of exhausting the heap.
constexpr int64_t kMaxShift = int64_t{1} << 32;

Limbs* no_limbs() { return rt::make<Limbs>(0, 0); }

// `a` without its leading zero limbs (a copy only when it has some).
Limbs* normalized(Limbs* a) {
  int64_t size = a->size();
  while (size > 0 && a->get(size - 1) == 0) size -= 1;
  if (size == a->size()) return a;
  Limbs* copy = rt::make<Limbs>(size, 0);
  for (int64_t i = 0; i < size; ++i) copy->set(i, a->get(i));
  return copy;
}

Limbs* one_limb(int64_t value) { return rt::make<Limbs>(1, value); }

int64_t bits_in_limb(int64_t limb) {
  int64_t bits = 0;
  while (limb != 0) {
    limb = limb >> 1;
    bits += 1;
  }
  return bits;
}

int64_t compare_magnitudes(Limbs* a, Limbs* b) {
  if (a->size() != b->size()) return a->size() < b->size() ? -1 : 1;
  for (int64_t i = a->size() - 1; i >= 0; --i) {
    if (a->get(i) != b->get(i)) return a->get(i) < b->get(i) ? -1 : 1;
  }
  return 0;
}

Limbs* add_magnitudes(Limbs* a, Limbs* b) {
  int64_t size = a->size() > b->size() ? a->size() : b->size();
  Limbs* sum = rt::make<Limbs>(size + 1, 0);
  int64_t carry = 0;
  for (int64_t i = 0; i < size; ++i) {
    int64_t limb = carry;
    if (i < a->size()) limb += a->get(i);
    if (i < b->size()) limb += b->get(i);
    sum->set(i, limb & kMask);
    carry = limb >> kBits;
  }
  sum->set(size, carry);
  return normalized(sum);
}

// |a| - |b|, for |a| >= |b|.
Limbs* sub_magnitudes(Limbs* a, Limbs* b) {
  Limbs* difference = rt::make<Limbs>(a->size(), 0);
  int64_t borrow = 0;
  for (int64_t i = 0; i < a->size(); ++i) {
    int64_t limb = a->get(i) - borrow;
    if (i < b->size()) limb -= b->get(i);
    borrow = limb < 0 ? 1 : 0;
    difference->set(i, limb + borrow * kBase);
  }
  return normalized(difference);
}

Limbs* mul_magnitudes(Limbs* a, Limbs* b) {
  if (a->size() == 0 || b->size() == 0) return no_limbs();
  Limbs* product = rt::make<Limbs>(a->size() + b->size(), 0);
  for (int64_t i = 0; i < a->size(); ++i) {
    int64_t digit = a->get(i);
    if (digit == 0) continue;
    int64_t carry = 0;
    for (int64_t j = 0; j < b->size(); ++j) {
      // Below 2^30 + (2^30 - 1)^2 + 2^31: inside int64_t.
      int64_t t = product->get(i + j) + digit * b->get(j) + carry;
      product->set(i + j, t & kMask);
      carry = t >> kBits;
    }
    product->set(i + b->size(), carry);
  }
  return normalized(product);
}

// a * factor + addend, for 0 <= factor, addend < kBase.
Limbs* mul_small_add(Limbs* a, int64_t factor, int64_t addend) {
  Limbs* result = rt::make<Limbs>(a->size() + 1, 0);
  int64_t carry = addend;
  for (int64_t i = 0; i < a->size(); ++i) {
    int64_t t = a->get(i) * factor + carry;
    result->set(i, t & kMask);
    carry = t >> kBits;
  }
  result->set(a->size(), carry);
  return normalized(result);
}

Limbs* shift_left_magnitude(Limbs* a, int64_t count) {
  if (a->size() == 0) return a;
  int64_t limb_shift = count / kBits;
  int64_t bit_shift = count % kBits;
  Limbs* result = rt::make<Limbs>(a->size() + limb_shift + 1, 0);
  for (int64_t i = 0; i < a->size(); ++i) {
    int64_t limb = a->get(i);
    int64_t low = i + limb_shift;
    result->set(low, result->get(low) | (rt::shl(limb, bit_shift) & kMask));
    result->set(low + 1, rt::shr(limb, kBits - bit_shift));
  }
  return normalized(result);
}

// floor(a / 2^count).
Limbs* shift_right_magnitude(Limbs* a, int64_t count) {
  int64_t limb_shift = count / kBits;
  int64_t bit_shift = count % kBits;
  if (limb_shift >= a->size()) return no_limbs();
  int64_t size = a->size() - limb_shift;
  Limbs* result = rt::make<Limbs>(size, 0);
  for (int64_t i = 0; i < size; ++i) {
    int64_t limb = rt::shr(a->get(i + limb_shift), bit_shift);
    if (i + 1 < size) limb |= rt::shl(a->get(i + limb_shift + 1), kBits - bit_shift) & kMask;
    result->set(i, limb);
  }
  return normalized(result);
}

// Whether any of the low `count` bits of `a` is set.
bool any_low_bits(Limbs* a, int64_t count) {
  int64_t limb_shift = count / kBits;
  for (int64_t i = 0; i < limb_shift && i < a->size(); ++i) {
    if (a->get(i) != 0) return true;
  }
  if (limb_shift >= a->size()) return false;
  int64_t low_mask = rt::shl(1, count % kBits) - 1;
  return (a->get(limb_shift) & low_mask) != 0;
}

// The quotient and remainder of two magnitudes.
class MagnitudeDivision : public rt::Object {
 public:
  MagnitudeDivision(Limbs* quotient, Limbs* remainder) : quotient(quotient), remainder(remainder) {}
  Limbs* const quotient;
  Limbs* const remainder;
};

// For 0 < divisor < kBase.
MagnitudeDivision* divide_by_limb(Limbs* a, int64_t divisor) {
  Limbs* quotient = rt::make<Limbs>(a->size(), 0);
  int64_t rest = 0;
  for (int64_t i = a->size() - 1; i >= 0; --i) {
    int64_t current = rest * kBase + a->get(i);
    int64_t digit = rt::div_c(current, divisor);
    quotient->set(i, digit);
    rest = current - digit * divisor;
  }
  return rt::make<MagnitudeDivision>(normalized(quotient), rest == 0 ? no_limbs() : one_limb(rest));
}

// Knuth's algorithm D, for a divisor of two limbs or more. Both operands are shifted left so
// that the divisor's top limb has its high bit set; then each quotient limb is estimated from
// the top two limbs of the running remainder and the divisor's top limb, corrected with the
// divisor's second limb (after which it is at most one too large), and fixed by adding the
// divisor back in the rare case the subtraction went negative.
MagnitudeDivision* long_divide(Limbs* a, Limbs* b) {
  int64_t n = b->size();
  int64_t m = a->size() - n;
  int64_t shift = kBits - bits_in_limb(b->get(n - 1));
  Limbs* v = shift_left_magnitude(b, shift);
  Limbs* shifted = shift_left_magnitude(a, shift);
  Limbs* u = rt::make<Limbs>(m + n + 1, 0);
  for (int64_t i = 0; i < shifted->size(); ++i) u->set(i, shifted->get(i));
  Limbs* quotient = rt::make<Limbs>(m + 1, 0);
  int64_t top = v->get(n - 1);
  int64_t next = v->get(n - 2);
  for (int64_t j = m; j >= 0; --j) {
    int64_t numerator = u->get(j + n) * kBase + u->get(j + n - 1);
    int64_t estimate = rt::div_c(numerator, top);
    int64_t rest = numerator - estimate * top;
    while (estimate >= kBase || estimate * next > rest * kBase + u->get(j + n - 2)) {
      estimate -= 1;
      rest += top;
      if (rest >= kBase) break;
    }
    int64_t borrow = 0;
    int64_t carry = 0;
    for (int64_t i = 0; i < n; ++i) {
      int64_t product = estimate * v->get(i) + carry;
      carry = product >> kBits;
      int64_t limb = u->get(i + j) - (product & kMask) - borrow;
      borrow = limb < 0 ? 1 : 0;
      u->set(i + j, limb + borrow * kBase);
    }
    int64_t high = u->get(j + n) - carry - borrow;
    if (high < 0) {
      estimate -= 1;
      int64_t add_carry = 0;
      for (int64_t i = 0; i < n; ++i) {
        int64_t sum = u->get(i + j) + v->get(i) + add_carry;
        u->set(i + j, sum & kMask);
        add_carry = sum >> kBits;
      }
      high += add_carry;
    }
    u->set(j + n, high);
    quotient->set(j, estimate);
  }
  Limbs* remainder = rt::make<Limbs>(n, 0);
  for (int64_t i = 0; i < n; ++i) remainder->set(i, u->get(i));
  return rt::make<MagnitudeDivision>(normalized(quotient),
                                     shift_right_magnitude(normalized(remainder), shift));
}

MagnitudeDivision* divide_magnitudes(Limbs* a, Limbs* b) {
  if (b->size() == 0) rt::raise<rt::ZeroDivisionError>("integer division by zero");
  if (compare_magnitudes(a, b) < 0) return rt::make<MagnitudeDivision>(no_limbs(), a);
  if (b->size() == 1) return divide_by_limb(a, b->get(0));
  return long_divide(a, b);
}

BigInt* make_big(bool negative, Limbs* limbs) { return rt::make<BigInt>(negative, limbs); }

// The low `size` limbs of x's infinite two's complement representation (size must exceed the
// magnitude's so that the top limb carries the sign).
Limbs* twos_complement(const BigInt* x, int64_t size) {
  Limbs* result = rt::make<Limbs>(size, 0);
  if (!x->negative) {
    for (int64_t i = 0; i < x->limbs->size(); ++i) result->set(i, x->limbs->get(i));
    return result;
  }
  // -m is the complement of m - 1.
  Limbs* less = sub_magnitudes(x->limbs, one_limb(1));
  for (int64_t i = 0; i < size; ++i) result->set(i, (i < less->size() ? less->get(i) : 0) ^ kMask);
  return result;
}

BigInt* from_twos_complement(Limbs* bits, bool negative) {
  if (!negative) return make_big(false, normalized(bits));
  Limbs* complement = rt::make<Limbs>(bits->size(), 0);
  for (int64_t i = 0; i < bits->size(); ++i) complement->set(i, bits->get(i) ^ kMask);
  return make_big(true, add_magnitudes(normalized(complement), one_limb(1)));
}

enum class BitOp : int64_t { kAnd, kOr, kXor };

BigInt* bitwise(const BigInt* a, BigInt* b, BitOp op) {
  int64_t size = (a->limbs->size() > b->limbs->size() ? a->limbs->size() : b->limbs->size()) + 1;
  Limbs* x = twos_complement(a, size);
  Limbs* y = twos_complement(b, size);
  Limbs* result = rt::make<Limbs>(size, 0);
  bool negative = false;
  switch (op) {
    case BitOp::kAnd:
      for (int64_t i = 0; i < size; ++i) result->set(i, x->get(i) & y->get(i));
      negative = a->negative && b->negative;
      break;
    case BitOp::kOr:
      for (int64_t i = 0; i < size; ++i) result->set(i, x->get(i) | y->get(i));
      negative = a->negative || b->negative;
      break;
    case BitOp::kXor:
      for (int64_t i = 0; i < size; ++i) result->set(i, x->get(i) ^ y->get(i));
      negative = a->negative != b->negative;
      break;
  }
  return from_twos_complement(result, negative);
}

}  // namespace

BigInt* BigInt::from_int64(int64_t value) {
  // Limbs of a negative remainder, so that INT64_MIN needs no special case.
  int64_t rest = value < 0 ? value : -value;
  Limbs* limbs = rt::make<Limbs>(3, 0);
  for (int64_t i = 0; i < 3; ++i) {
    limbs->set(i, -(rest % kBase));
    rest = rest / kBase;
  }
  return make_big(value < 0, normalized(limbs));
}

BigInt* BigInt::from_double(double value) {
  if (rt::math::isnan(value)) rt::raise<rt::ValueError>("cannot convert NaN to an integer");
  if (rt::math::isinf(value)) rt::raise<rt::OverflowError>("cannot convert an infinity to an integer");
  double whole = rt::math::trunc(value);
  if (rt::float_fits_int(whole)) return from_int64(rt::float_to_int(whole));
  // Beyond 2^62 a double is an integer with at most 53 significant bits; halving it is exact
  // down to [2^61, 2^62), where it is still an integer.
  double magnitude = rt::math::fabs(whole);
  int64_t exponent = 0;
  while (magnitude >= 4611686018427387904.0) {
    magnitude = magnitude / 2.0;
    exponent += 1;
  }
  Limbs* limbs = shift_left_magnitude(from_int64(rt::float_to_int(magnitude))->limbs, exponent);
  return make_big(value < 0.0, limbs);
}

BigInt* BigInt::parse(rt::Str text) {
  int64_t start = 0;
  bool negative = false;
  if (text.size() > 0 && (text.at(0) == '-' || text.at(0) == '+')) {
    negative = text.at(0) == '-';
    start = 1;
  }
  if (start >= text.size()) rt::raise<rt::ValueError>(rt::Str("invalid integer: '") + text + "'");
  for (int64_t i = start; i < text.size(); ++i) {
    char c = text.at(i);
    if (c < '0' || c > '9') rt::raise<rt::ValueError>(rt::Str("invalid integer: '") + text + "'");
  }
  Limbs* magnitude = no_limbs();
  // The first chunk takes the odd digits so that the others are full.
  int64_t chunk_end = start + (text.size() - start) % kDecimalChunkDigits;
  if (chunk_end == start) chunk_end = start + kDecimalChunkDigits;
  int64_t position = start;
  while (position < text.size()) {
    int64_t chunk = 0;
    int64_t factor = 1;
    for (; position < chunk_end; ++position) {
      chunk = chunk * 10 + (text.at(position) - '0');
      factor = factor * 10;
    }
    magnitude = mul_small_add(magnitude, factor, chunk);
    chunk_end = position + kDecimalChunkDigits;
  }
  return make_big(negative, magnitude);
}

bool BigInt::fits_int64() const {
  if (limbs->size() < 3) return true;
  if (limbs->size() > 3) return false;
  // Three limbs hold up to 90 bits; int64_t's magnitudes are below 2^63 = 8 * 2^60, and 2^63
  // itself when negative.
  int64_t top = limbs->get(2);
  if (top < 8) return true;
  return negative && top == 8 && limbs->get(1) == 0 && limbs->get(0) == 0;
}

int64_t BigInt::to_int64() const {
  if (!fits_int64()) rt::raise<rt::OverflowError>("integer too large for int64");
  // Accumulated negatively so that INT64_MIN is reachable.
  int64_t value = 0;
  for (int64_t i = limbs->size() - 1; i >= 0; --i) value = value * kBase - limbs->get(i);
  return negative ? value : -value;
}

int64_t BigInt::bit_length() const {
  if (is_zero()) return 0;
  return (limbs->size() - 1) * kBits + bits_in_limb(limbs->get(limbs->size() - 1));
}

double BigInt::to_double() const {
  if (fits_int64()) return static_cast<double>(to_int64());
  // The top 55 bits, the lowest of them set when any bit below is (a sticky bit): converting
  // that to double rounds exactly as rounding the whole value would. Scaling back by a power
  // of two is exact, or overflows to infinity as the rounded value would.
  int64_t dropped = bit_length() - 55;
  Limbs* high = shift_right_magnitude(limbs, dropped);  // two limbs: 30 + 25 bits
  int64_t top = high->get(0) | rt::shl(high->get(1), kBits);
  if (any_low_bits(limbs, dropped)) top |= 1;
  double value = static_cast<double>(top);
  while (dropped >= kBits && !rt::math::isinf(value)) {
    value = value * static_cast<double>(kBase);
    dropped -= kBits;
  }
  value = value * static_cast<double>(rt::shl(1, dropped));
  return negative ? -value : value;
}

rt::Str BigInt::to_str() const {
  if (is_zero()) return "0";
  rt::List<int64_t>* chunks = rt::make<rt::List<int64_t>>();
  Limbs* rest = limbs;
  while (rest->size() > 0) {
    MagnitudeDivision* step = divide_by_limb(rest, kDecimalChunk);
    chunks->append(step->remainder->size() == 0 ? 0 : step->remainder->get(0));
    rest = step->quotient;
  }
  rt::StrBuilder out;
  if (negative) out.append_char('-');
  out.append_int(chunks->get(chunks->size() - 1));
  for (int64_t i = chunks->size() - 2; i >= 0; --i) {
    rt::Str digits = rt::Str::from_int(chunks->get(i));
    out.append(rt::Str("0").repeat(kDecimalChunkDigits - digits.size()));
    out.append(digits);
  }
  return out.build();
}

int64_t BigInt::hash() const {
  if (fits_int64()) return to_int64();
  int64_t hash = 0;
  for (int64_t i = limbs->size() - 1; i >= 0; --i) hash = hash * 1000003 + limbs->get(i);
  return negative ? -hash - 2 : hash;
}

int64_t BigInt::compare(BigInt* other) const {
  if (negative != other->negative) return negative ? -1 : 1;
  int64_t order = compare_magnitudes(limbs, other->limbs);
  return negative ? -order : order;
}

BigInt* BigInt::negate() const { return make_big(!negative, limbs); }

BigInt* BigInt::abs() const { return make_big(false, limbs); }

BigInt* BigInt::add(BigInt* other) const {
  if (negative == other->negative) return make_big(negative, add_magnitudes(limbs, other->limbs));
  int64_t order = compare_magnitudes(limbs, other->limbs);
  if (order == 0) return make_big(false, no_limbs());
  if (order > 0) return make_big(negative, sub_magnitudes(limbs, other->limbs));
  return make_big(other->negative, sub_magnitudes(other->limbs, limbs));
}

BigInt* BigInt::sub(BigInt* other) const { return add(other->negate()); }

BigInt* BigInt::mul(BigInt* other) const {
  return make_big(negative != other->negative, mul_magnitudes(limbs, other->limbs));
}

BigInt* BigInt::quo(BigInt* other) const {
  return make_big(negative != other->negative, divide_magnitudes(limbs, other->limbs)->quotient);
}

BigInt* BigInt::rem(BigInt* other) const {
  return make_big(negative, divide_magnitudes(limbs, other->limbs)->remainder);
}

BigInt* BigInt::div_floor(BigInt* other) const {
  MagnitudeDivision* division = divide_magnitudes(limbs, other->limbs);
  if (negative != other->negative && division->remainder->size() > 0)
    return make_big(true, add_magnitudes(division->quotient, one_limb(1)));
  return make_big(negative != other->negative, division->quotient);
}

BigInt* BigInt::mod_floor(BigInt* other) const {
  Limbs* remainder = divide_magnitudes(limbs, other->limbs)->remainder;
  if (negative != other->negative && remainder->size() > 0)
    return make_big(other->negative, sub_magnitudes(other->limbs, remainder));
  return make_big(other->negative, remainder);
}

BigInt* BigInt::bit_and(BigInt* other) const { return bitwise(this, other, BitOp::kAnd); }
BigInt* BigInt::bit_or(BigInt* other) const { return bitwise(this, other, BitOp::kOr); }
BigInt* BigInt::bit_xor(BigInt* other) const { return bitwise(this, other, BitOp::kXor); }

BigInt* BigInt::shift_left(int64_t count) const {
  if (count < 0) rt::raise<rt::ValueError>("negative shift count");
  if (is_zero()) return make_big(false, limbs);
  if (count > kMaxShift) rt::raise<rt::OverflowError>("integer left shift too large");
  return make_big(negative, shift_left_magnitude(limbs, count));
}

BigInt* BigInt::shift_right(int64_t count) const {
  if (count < 0) rt::raise<rt::ValueError>("negative shift count");
  if (!negative) return make_big(false, shift_right_magnitude(limbs, count));
  // floor(-m / 2^k) = -(((m - 1) >> k) + 1).
  Limbs* shifted = shift_right_magnitude(sub_magnitudes(limbs, one_limb(1)), count);
  return make_big(true, add_magnitudes(shifted, one_limb(1)));
}

}  // namespace rtlib
