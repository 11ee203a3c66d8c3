// rt::BigInt (rt/bigint.h): every operation against __int128 on many random operands of every
// size up to 127 bits (so that long division runs with 2 to 5 limbs), identities on operands of
// hundreds of digits, and known large values.
#include "test_util.h"

#include <cstdint>
#include <random>
#include <string>

#include "rt/bigint.h"
#include "rt/rt.h"

namespace {

using Int128 = __int128;

std::string to_string(Int128 value) {
  if (value == 0) return "0";
  bool negative = value < 0;
  unsigned __int128 magnitude = negative ? -static_cast<unsigned __int128>(value) : value;
  std::string digits;
  while (magnitude != 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  return negative ? "-" + digits : digits;
}

rt::BigInt* big(Int128 value) { return rt::BigInt::parse(to_string(value).c_str()); }
rt::BigInt* big(const char* text) { return rt::BigInt::parse(text); }
std::string text(rt::BigInt* value) { return std::string(value->to_str().view()); }

// Operands with the shapes that break bignum code: random bits of a random length, runs of ones
// and zeros, powers of two and their neighbours, limb boundaries.
class Operands {
 public:
  explicit Operands(uint32_t seed) : random_(seed) {}

  // |value| < 2^bits_limit.
  Int128 next(int bits_limit) {
    int bits = static_cast<int>(random_() % static_cast<uint64_t>(bits_limit + 1));
    unsigned __int128 magnitude = 0;
    switch (random_() % 5) {
      case 0:
      case 1:
        magnitude = (static_cast<unsigned __int128>(random_()) << 64) | random_();
        break;
      case 2:  // 2^bits - 1: all ones
        magnitude = ~static_cast<unsigned __int128>(0);
        break;
      case 3:  // a power of two, give or take one
        magnitude = (bits == 0 ? 0 : static_cast<unsigned __int128>(1) << (bits - 1)) + random_() % 3;
        break;
      default:  // a run of ones in the middle of zeros
        magnitude = ((static_cast<unsigned __int128>(1) << (random_() % 64)) - 1) << (random_() % 60);
        break;
    }
    if (bits < 128) magnitude &= (static_cast<unsigned __int128>(1) << bits) - 1;
    if (bits == 127 || bits == 128) magnitude &= ~(static_cast<unsigned __int128>(1) << 127);
    Int128 value = static_cast<Int128>(magnitude);
    return random_() % 2 == 0 ? value : -value;
  }

  uint64_t below(uint64_t limit) { return random_() % limit; }

 private:
  std::mt19937_64 random_;
};

Int128 floor_div(Int128 a, Int128 b) {
  Int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q -= 1;
  return q;
}
Int128 floor_mod(Int128 a, Int128 b) { return a - floor_div(a, b) * b; }

}  // namespace

TEST_CASE("BigInt converts int64 values both ways, detecting overflow", "[bigint]") {
  for (int64_t value : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{1} << 30, -(int64_t{1} << 30), INT64_MAX,
                        INT64_MIN, INT64_MIN + 1, INT64_MAX - 1, int64_t{1} << 60, int64_t{123456789012345}}) {
    rt::BigInt* b = rt::BigInt::from_int64(value);
    CAPTURE(value);
    CHECK(b->fits_int64());
    CHECK(b->to_int64() == value);
    CHECK(text(b) == std::to_string(value));
    CHECK(b->hash() == value);
  }
  rt::BigInt* above = big(static_cast<Int128>(INT64_MAX) + 1);
  rt::BigInt* below = big(static_cast<Int128>(INT64_MIN) - 1);
  CHECK_FALSE(above->fits_int64());
  CHECK_FALSE(below->fits_int64());
  CHECK(above->negate()->fits_int64());
  CHECK(above->negate()->to_int64() == INT64_MIN);
  CHECK_THROWS_AS(above->to_int64(), rt::OverflowError*);
  CHECK_THROWS_AS(below->to_int64(), rt::OverflowError*);
  CHECK(rt::BigInt::from_int64(0)->is_zero());
  CHECK_FALSE(rt::BigInt::from_int64(0)->is_negative());
  CHECK(rt::BigInt::from_int64(-5)->sign() == -1);
}

TEST_CASE("BigInt parses and prints decimal text", "[bigint]") {
  CHECK(text(big("0")) == "0");
  CHECK(text(big("-0")) == "0");
  CHECK(text(big("+17")) == "17");
  CHECK(text(big("000000000000000000000042")) == "42");
  CHECK(text(big("-1000000000000000000000000000000")) == "-1000000000000000000000000000000");
  CHECK(text(big("999999999")) == "999999999");
  CHECK(text(big("1000000000")) == "1000000000");
  for (const char* bad : {"", "-", "+", "12a", " 1", "1 ", "--1", "0x10", "1.5"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(rt::BigInt::parse(bad), rt::ValueError*);
  }
}

TEST_CASE("BigInt agrees with __int128 on random operands", "[bigint]") {
  Operands operands(20240607);
  for (int round = 0; round < 20000; ++round) {
    Int128 a = operands.next(125);
    Int128 b = operands.next(125);
    CAPTURE(to_string(a), to_string(b));
    rt::BigInt* x = big(a);
    rt::BigInt* y = big(b);
    REQUIRE(text(x) == to_string(a));
    CHECK(text(x->add(y)) == to_string(a + b));
    CHECK(text(x->sub(y)) == to_string(a - b));
    CHECK(text(x->negate()) == to_string(-a));
    CHECK(text(x->abs()) == to_string(a < 0 ? -a : a));
    CHECK(x->compare(y) == (a < b ? -1 : (a > b ? 1 : 0)));
    CHECK(x->equals(y) == (a == b));
    CHECK(x->less_than(y) == (a < b));
    CHECK(x->fits_int64() == (a >= INT64_MIN && a <= INT64_MAX));
    CHECK(x->to_double() == static_cast<double>(a));
    CHECK(text(x->bit_and(y)) == to_string(a & b));
    CHECK(text(x->bit_or(y)) == to_string(a | b));
    CHECK(text(x->bit_xor(y)) == to_string(a ^ b));
    if (b != 0) {
      CHECK(text(x->quo(y)) == to_string(a / b));
      CHECK(text(x->rem(y)) == to_string(a % b));
      CHECK(text(x->div_floor(y)) == to_string(floor_div(a, b)));
      CHECK(text(x->mod_floor(y)) == to_string(floor_mod(a, b)));
    }
    // Products of operands below 2^63 fit in __int128.
    Int128 c = operands.next(63);
    Int128 d = operands.next(63);
    CHECK(text(big(c)->mul(big(d))) == to_string(c * d));
    int count = static_cast<int>(operands.below(64));
    CHECK(text(big(c)->shift_left(count)) == to_string(c * (static_cast<Int128>(1) << count)));
    int right = static_cast<int>(operands.below(140));
    CHECK(text(x->shift_right(right)) == to_string(right >= 127 ? (a < 0 ? -1 : 0) : a >> right));
  }
}

TEST_CASE("BigInt keeps the division identity on operands of hundreds of digits", "[bigint]") {
  Operands operands(77);
  for (int round = 0; round < 300; ++round) {
    // Products of several random factors: up to about 1000 bits.
    rt::BigInt* a = big(operands.next(125));
    rt::BigInt* b = big(operands.next(125));
    int factors = 1 + static_cast<int>(operands.below(8));
    for (int i = 0; i < factors; ++i) a = a->mul(big(operands.next(125)))->add(big(operands.next(60)));
    factors = static_cast<int>(operands.below(4));
    for (int i = 0; i < factors; ++i) b = b->mul(big(operands.next(125)))->sub(big(operands.next(30)));
    if (b->is_zero()) continue;
    CAPTURE(text(a), text(b));
    rt::BigInt* q = a->div_floor(b);
    rt::BigInt* r = a->mod_floor(b);
    CHECK(q->mul(b)->add(r)->equals(a));
    CHECK((r->is_zero() || r->is_negative() == b->is_negative()));
    CHECK(r->abs()->less_than(b->abs()));
    rt::BigInt* t = a->quo(b);
    rt::BigInt* s = a->rem(b);
    CHECK(t->mul(b)->add(s)->equals(a));
    CHECK((s->is_zero() || s->is_negative() == a->is_negative()));
    CHECK(a->mul(b)->quo(b)->equals(a));
    CHECK(rt::BigInt::parse(a->to_str())->equals(a));
    CHECK(a->bit_xor(b)->equals(a->bit_or(b)->sub(a->bit_and(b))));
    CHECK(a->bit_xor(b)->bit_xor(b)->equals(a));
    int64_t count = static_cast<int64_t>(operands.below(300));
    rt::BigInt* power = rt::BigInt::from_int64(1)->shift_left(count);
    CHECK(a->shift_left(count)->equals(a->mul(power)));
    CHECK(a->shift_right(count)->equals(a->div_floor(power)));
    CHECK(a->shift_left(count)->shift_right(count)->equals(a));
    CHECK(a->hash() == rt::BigInt::parse(a->to_str())->hash());
    CHECK(a->bit_length() == b->abs()->bit_length() + (a->bit_length() - b->abs()->bit_length()));
  }
}

TEST_CASE("BigInt computes known large values", "[bigint]") {
  rt::BigInt* factorial = rt::BigInt::from_int64(1);
  for (int64_t i = 2; i <= 30; ++i) factorial = factorial->mul(rt::BigInt::from_int64(i));
  CHECK(text(factorial) == "265252859812191058636308480000000");
  for (int64_t i = 31; i <= 100; ++i) factorial = factorial->mul(rt::BigInt::from_int64(i));
  CHECK(text(factorial) ==
        "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286"
        "253697920827223758251185210916864000000000000000000000000");
  for (int64_t i = 100; i >= 2; --i) factorial = factorial->quo(rt::BigInt::from_int64(i));
  CHECK(text(factorial) == "1");
  rt::BigInt* two_200 = rt::BigInt::from_int64(1)->shift_left(200);
  CHECK(text(two_200) == "1606938044258990275541962092341162602522202993782792835301376");
  CHECK(text(two_200->negate()->add(rt::BigInt::from_int64(1))) ==
        "-1606938044258990275541962092341162602522202993782792835301375");
  CHECK(two_200->bit_length() == 201);
  CHECK(two_200->to_double() == 0x1p200);
  CHECK(rt::BigInt::from_int64(1)->shift_left(1024)->to_double() == INFINITY);
  CHECK(rt::BigInt::from_int64(-1)->shift_left(1100)->to_double() == -INFINITY);

  // 3^100 and -(7^60), with Python's results.
  rt::BigInt* a = big("515377520732011331036461129765621272702107522001");
  rt::BigInt* b = big("-508021860739623365322188197652216501772434524836001");
  CHECK(text(a->div_floor(b)) == "-1");
  CHECK(text(a->mod_floor(b)) == "-507506483218891353991151736522450880499732417314000");
  CHECK(text(a->bit_and(b)) == "365514857819082543289610041618441131628503761745");
  CHECK(text(a->bit_or(b)) == "-507871998076710436534441346564069321631360921075745");
  CHECK(text(a->bit_xor(b)) == "-508237512934529519077730956605687762762989424837490");
  CHECK(text(a->mul(b)) ==
        "-261823047065650214229434749355663176096832688296963708550406434724397845811388505654896553024358001");
  CHECK(text(rt::BigInt::from_double(1e300)) ==
        "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043"
        "704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234"
        "970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
  CHECK(text(rt::BigInt::from_double(-2.75)) == "-2");
  CHECK_THROWS_AS(rt::BigInt::from_double(NAN), rt::ValueError*);
  CHECK_THROWS_AS(rt::BigInt::from_double(INFINITY), rt::OverflowError*);
}

TEST_CASE("BigInt raises on division by zero and on negative shifts", "[bigint]") {
  rt::BigInt* zero = rt::BigInt::from_int64(0);
  rt::BigInt* value = big("123456789012345678901234567890");
  CHECK_THROWS_AS(value->div_floor(zero), rt::ZeroDivisionError*);
  CHECK_THROWS_AS(value->mod_floor(zero), rt::ZeroDivisionError*);
  CHECK_THROWS_AS(value->quo(zero), rt::ZeroDivisionError*);
  CHECK_THROWS_AS(value->rem(zero), rt::ZeroDivisionError*);
  CHECK_THROWS_AS(value->shift_left(-1), rt::ValueError*);
  CHECK_THROWS_AS(value->shift_right(-1), rt::ValueError*);
  CHECK_THROWS_AS(value->shift_left(int64_t{1} << 40), rt::OverflowError*);
  CHECK(zero->shift_left(int64_t{1} << 40)->is_zero());
}
