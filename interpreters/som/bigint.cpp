#include "bigint.h"

namespace som {

namespace {

// Magnitudes are rt::Array<int64_t> in base 10^9, least significant first, without leading zeros.
using Limbs = rt::Array<int64_t>;

Limbs* trimmed(rt::List<int64_t>* digits) {
  while (digits->size() > 0 && digits->get(digits->size() - 1) == 0) digits->pop();
  return Limbs::from_list(digits);
}

int64_t compare_magnitudes(Limbs* a, Limbs* b) {
  if (a->size() != b->size()) return a->size() < b->size() ? -1 : 1;
  for (int64_t i = a->size() - 1; i >= 0; --i) {
    if (a->get(i) != b->get(i)) return a->get(i) < b->get(i) ? -1 : 1;
  }
  return 0;
}

Limbs* add_magnitudes(Limbs* a, Limbs* b) {
  rt::List<int64_t>* sum = rt::make<rt::List<int64_t>>();
  int64_t carry = 0;
  int64_t n = a->size() > b->size() ? a->size() : b->size();
  for (int64_t i = 0; i < n; ++i) {
    int64_t digit = carry;
    if (i < a->size()) digit += a->get(i);
    if (i < b->size()) digit += b->get(i);
    carry = digit >= BigInt::kBase ? 1 : 0;
    sum->append(digit - carry * BigInt::kBase);
  }
  if (carry != 0) sum->append(carry);
  return trimmed(sum);
}

// |a| - |b| for |a| >= |b|.
Limbs* sub_magnitudes(Limbs* a, Limbs* b) {
  rt::List<int64_t>* diff = rt::make<rt::List<int64_t>>();
  int64_t borrow = 0;
  for (int64_t i = 0; i < a->size(); ++i) {
    int64_t digit = a->get(i) - borrow;
    if (i < b->size()) digit -= b->get(i);
    borrow = digit < 0 ? 1 : 0;
    diff->append(digit + borrow * BigInt::kBase);
  }
  return trimmed(diff);
}

Limbs* mul_magnitudes(Limbs* a, Limbs* b) {
  if (a->size() == 0 || b->size() == 0) return rt::make<Limbs>(0, 0);
  rt::List<int64_t>* product = rt::make<rt::List<int64_t>>(a->size() + b->size(), 0);
  for (int64_t i = 0; i < a->size(); ++i) {
    int64_t carry = 0;
    for (int64_t j = 0; j < b->size(); ++j) {
      // Each term is below 10^18 + 2 * 10^9, inside int64_t.
      int64_t t = product->get(i + j) + a->get(i) * b->get(j) + carry;
      carry = t / BigInt::kBase;
      product->set(i + j, t % BigInt::kBase);
    }
    int64_t k = i + b->size();
    while (carry != 0) {
      int64_t t = product->get(k) + carry;
      carry = t / BigInt::kBase;
      product->set(k, t % BigInt::kBase);
      k += 1;
    }
  }
  return trimmed(product);
}

Limbs* mul_small(Limbs* a, int64_t factor) {
  Limbs* f = rt::make<Limbs>(1, factor);
  if (factor == 0) return rt::make<Limbs>(0, 0);
  return mul_magnitudes(a, f);
}

// Schoolbook long division of magnitudes, one base-10^9 digit of the quotient at a time, each
// found by binary search: simple and exact, fast enough for the sizes SOM programs use.
// Returns the quotient; the remainder goes to `remainder_out` (a one-item holder).
Limbs* divmod_magnitudes(Limbs* a, Limbs* b, rt::Array<Limbs*>* remainder_out) {
  rt::List<int64_t>* quotient = rt::make<rt::List<int64_t>>(a->size(), 0);
  Limbs* rest = rt::make<Limbs>(0, 0);
  for (int64_t i = a->size() - 1; i >= 0; --i) {
    // rest = rest * base + a[i]
    rt::List<int64_t>* shifted = rt::make<rt::List<int64_t>>();
    shifted->append(a->get(i));
    for (int64_t k = 0; k < rest->size(); ++k) shifted->append(rest->get(k));
    rest = trimmed(shifted);
    int64_t low = 0;
    int64_t high = BigInt::kBase - 1;
    while (low < high) {
      int64_t mid = low + (high - low + 1) / 2;
      if (compare_magnitudes(mul_small(b, mid), rest) <= 0) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    quotient->set(i, low);
    if (low != 0) rest = sub_magnitudes(rest, mul_small(b, low));
  }
  remainder_out->set(0, rest);
  return trimmed(quotient);
}

BigInt* make_signed(bool negative, Limbs* limbs) {
  return rt::make<BigInt>(negative && limbs->size() > 0, limbs);
}

BigInt* one() { return BigInt::from_int(1); }

}  // namespace

BigInt* BigInt::from_int(int64_t value) {
  rt::List<int64_t>* digits = rt::make<rt::List<int64_t>>();
  // Work with negative remainders so that INT64_MIN needs no special case.
  int64_t rest = value < 0 ? value : -value;
  while (rest != 0) {
    digits->append(-(rest % kBase));
    rest = rest / kBase;
  }
  return make_signed(value < 0, trimmed(digits));
}

BigInt* BigInt::parse(rt::Str text) {
  bool negative = text.starts_with("-");
  int64_t start = negative ? 1 : 0;
  if (start >= text.size()) return nullptr;
  for (int64_t i = start; i < text.size(); ++i) {
    char c = text.at(i);
    if (c < '0' || c > '9') return nullptr;
  }
  rt::List<int64_t>* digits = rt::make<rt::List<int64_t>>();
  int64_t end = text.size();
  while (end > start) {
    int64_t begin = end - 9 < start ? start : end - 9;
    int64_t limb = 0;
    for (int64_t i = begin; i < end; ++i) limb = limb * 10 + (text.at(i) - '0');
    digits->append(limb);
    end = begin;
  }
  return make_signed(negative, trimmed(digits));
}

bool BigInt::fits_int() const {
  if (limbs->size() > 3) return false;
  if (limbs->size() < 3) return true;
  // 9223372036854775807 = 9 * 10^18 + 223372036 * 10^9 + 854775807 (808 for the negative limit).
  int64_t top = limbs->get(2);
  if (top != 9) return top < 9;
  int64_t middle = limbs->get(1);
  if (middle != 223372036) return middle < 223372036;
  return limbs->get(0) <= (negative ? 854775808 : 854775807);
}

int64_t BigInt::to_int() const {
  // Accumulate negatively so that INT64_MIN is reachable.
  int64_t value = 0;
  for (int64_t i = limbs->size() - 1; i >= 0; --i) value = value * kBase - limbs->get(i);
  return negative ? value : -value;
}

double BigInt::to_double() const {
  double value = 0.0;
  for (int64_t i = limbs->size() - 1; i >= 0; --i)
    value = value * static_cast<double>(kBase) + static_cast<double>(limbs->get(i));
  return negative ? -value : value;
}

rt::Str BigInt::to_str() const {
  if (is_zero()) return "0";
  rt::StrBuilder out;
  if (negative) out.append_char('-');
  out.append_int(limbs->get(limbs->size() - 1));
  for (int64_t i = limbs->size() - 2; i >= 0; --i) {
    rt::Str digits = rt::Str::from_int(limbs->get(i));
    out.append(rt::Str("0").repeat(9 - digits.size()));
    out.append(digits);
  }
  return out.build();
}

BigInt* BigInt::negated() const { return make_signed(!negative, limbs); }

BigInt* BigInt::add(BigInt* other) const {
  if (negative == other->negative) return make_signed(negative, add_magnitudes(limbs, other->limbs));
  int64_t order = compare_magnitudes(limbs, other->limbs);
  if (order == 0) return from_int(0);
  if (order > 0) return make_signed(negative, sub_magnitudes(limbs, other->limbs));
  return make_signed(other->negative, sub_magnitudes(other->limbs, limbs));
}

BigInt* BigInt::sub(BigInt* other) const { return add(other->negated()); }

BigInt* BigInt::mul(BigInt* other) const {
  return make_signed(negative != other->negative, mul_magnitudes(limbs, other->limbs));
}

BigInt* BigInt::div_floor(BigInt* other) const {
  if (other->is_zero()) rt::raise<rt::ZeroDivisionError>("division by zero");
  rt::Array<Limbs*>* rest = rt::make<rt::Array<Limbs*>>(1, nullptr);
  Limbs* quotient = divmod_magnitudes(limbs, other->limbs, rest);
  BigInt* result = make_signed(negative != other->negative, quotient);
  if (negative != other->negative && rest->get(0)->size() > 0) result = result->sub(one());
  return result;
}

BigInt* BigInt::mod_floor(BigInt* other) const {
  BigInt* remainder = rem(other);
  if (!remainder->is_zero() && remainder->negative != other->negative) return remainder->add(other);
  return remainder;
}

BigInt* BigInt::rem(BigInt* other) const {
  if (other->is_zero()) rt::raise<rt::ZeroDivisionError>("division by zero");
  rt::Array<Limbs*>* rest = rt::make<rt::Array<Limbs*>>(1, nullptr);
  divmod_magnitudes(limbs, other->limbs, rest);
  return make_signed(negative, rest->get(0));
}

int64_t BigInt::compare(BigInt* other) const {
  if (negative != other->negative) return negative ? -1 : 1;
  int64_t order = compare_magnitudes(limbs, other->limbs);
  return negative ? -order : order;
}

}  // namespace som
