// rt/arith.h: checked arithmetic at the int64 limits, C and floor division/modulo for every sign
// combination, shifts by every kind of count, float to int conversion at the edges.
#include "test_util.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "rt/rt.h"

namespace {

struct DivCase {
  int64_t a, b;
  int64_t div_c, mod_c;          // truncating
  int64_t div_floor, mod_floor;  // Python's // and %
};
// Generated with python3 (Python's // and %, and truncation toward zero), wrapped to int64.
const DivCase kDivCases[] = {
    {0, 1, 0, 0, 0, 0},
    {0, -1, 0, 0, 0, 0},
    {0, 2, 0, 0, 0, 0},
    {0, -2, 0, 0, 0, 0},
    {0, 3, 0, 0, 0, 0},
    {0, -3, 0, 0, 0, 0},
    {0, 7, 0, 0, 0, 0},
    {0, -7, 0, 0, 0, 0},
    {0, INT64_MIN, 0, 0, 0, 0},
    {0, INT64_MAX, 0, 0, 0, 0},
    {0, INT64_MIN + 1, 0, 0, 0, 0},
    {0, 1000000000000000000LL, 0, 0, 0, 0},
    {1, 1, 1, 0, 1, 0},
    {1, -1, -1, 0, -1, 0},
    {1, 2, 0, 1, 0, 1},
    {1, -2, 0, 1, -1, -1},
    {1, 3, 0, 1, 0, 1},
    {1, -3, 0, 1, -1, -2},
    {1, 7, 0, 1, 0, 1},
    {1, -7, 0, 1, -1, -6},
    {1, INT64_MIN, 0, 1, -1, INT64_MIN + 1},
    {1, INT64_MAX, 0, 1, 0, 1},
    {1, INT64_MIN + 1, 0, 1, -1, -9223372036854775806LL},
    {1, 1000000000000000000LL, 0, 1, 0, 1},
    {-1, 1, -1, 0, -1, 0},
    {-1, -1, 1, 0, 1, 0},
    {-1, 2, 0, -1, -1, 1},
    {-1, -2, 0, -1, 0, -1},
    {-1, 3, 0, -1, -1, 2},
    {-1, -3, 0, -1, 0, -1},
    {-1, 7, 0, -1, -1, 6},
    {-1, -7, 0, -1, 0, -1},
    {-1, INT64_MIN, 0, -1, 0, -1},
    {-1, INT64_MAX, 0, -1, -1, 9223372036854775806LL},
    {-1, INT64_MIN + 1, 0, -1, 0, -1},
    {-1, 1000000000000000000LL, 0, -1, -1, 999999999999999999LL},
    {2, 1, 2, 0, 2, 0},
    {2, -1, -2, 0, -2, 0},
    {2, 2, 1, 0, 1, 0},
    {2, -2, -1, 0, -1, 0},
    {2, 3, 0, 2, 0, 2},
    {2, -3, 0, 2, -1, -1},
    {2, 7, 0, 2, 0, 2},
    {2, -7, 0, 2, -1, -5},
    {2, INT64_MIN, 0, 2, -1, -9223372036854775806LL},
    {2, INT64_MAX, 0, 2, 0, 2},
    {2, INT64_MIN + 1, 0, 2, -1, -9223372036854775805LL},
    {2, 1000000000000000000LL, 0, 2, 0, 2},
    {-2, 1, -2, 0, -2, 0},
    {-2, -1, 2, 0, 2, 0},
    {-2, 2, -1, 0, -1, 0},
    {-2, -2, 1, 0, 1, 0},
    {-2, 3, 0, -2, -1, 1},
    {-2, -3, 0, -2, 0, -2},
    {-2, 7, 0, -2, -1, 5},
    {-2, -7, 0, -2, 0, -2},
    {-2, INT64_MIN, 0, -2, 0, -2},
    {-2, INT64_MAX, 0, -2, -1, 9223372036854775805LL},
    {-2, INT64_MIN + 1, 0, -2, 0, -2},
    {-2, 1000000000000000000LL, 0, -2, -1, 999999999999999998LL},
    {3, 1, 3, 0, 3, 0},
    {3, -1, -3, 0, -3, 0},
    {3, 2, 1, 1, 1, 1},
    {3, -2, -1, 1, -2, -1},
    {3, 3, 1, 0, 1, 0},
    {3, -3, -1, 0, -1, 0},
    {3, 7, 0, 3, 0, 3},
    {3, -7, 0, 3, -1, -4},
    {3, INT64_MIN, 0, 3, -1, -9223372036854775805LL},
    {3, INT64_MAX, 0, 3, 0, 3},
    {3, INT64_MIN + 1, 0, 3, -1, -9223372036854775804LL},
    {3, 1000000000000000000LL, 0, 3, 0, 3},
    {-3, 1, -3, 0, -3, 0},
    {-3, -1, 3, 0, 3, 0},
    {-3, 2, -1, -1, -2, 1},
    {-3, -2, 1, -1, 1, -1},
    {-3, 3, -1, 0, -1, 0},
    {-3, -3, 1, 0, 1, 0},
    {-3, 7, 0, -3, -1, 4},
    {-3, -7, 0, -3, 0, -3},
    {-3, INT64_MIN, 0, -3, 0, -3},
    {-3, INT64_MAX, 0, -3, -1, 9223372036854775804LL},
    {-3, INT64_MIN + 1, 0, -3, 0, -3},
    {-3, 1000000000000000000LL, 0, -3, -1, 999999999999999997LL},
    {7, 1, 7, 0, 7, 0},
    {7, -1, -7, 0, -7, 0},
    {7, 2, 3, 1, 3, 1},
    {7, -2, -3, 1, -4, -1},
    {7, 3, 2, 1, 2, 1},
    {7, -3, -2, 1, -3, -2},
    {7, 7, 1, 0, 1, 0},
    {7, -7, -1, 0, -1, 0},
    {7, INT64_MIN, 0, 7, -1, -9223372036854775801LL},
    {7, INT64_MAX, 0, 7, 0, 7},
    {7, INT64_MIN + 1, 0, 7, -1, -9223372036854775800LL},
    {7, 1000000000000000000LL, 0, 7, 0, 7},
    {-7, 1, -7, 0, -7, 0},
    {-7, -1, 7, 0, 7, 0},
    {-7, 2, -3, -1, -4, 1},
    {-7, -2, 3, -1, 3, -1},
    {-7, 3, -2, -1, -3, 2},
    {-7, -3, 2, -1, 2, -1},
    {-7, 7, -1, 0, -1, 0},
    {-7, -7, 1, 0, 1, 0},
    {-7, INT64_MIN, 0, -7, 0, -7},
    {-7, INT64_MAX, 0, -7, -1, 9223372036854775800LL},
    {-7, INT64_MIN + 1, 0, -7, 0, -7},
    {-7, 1000000000000000000LL, 0, -7, -1, 999999999999999993LL},
    {13, 1, 13, 0, 13, 0},
    {13, -1, -13, 0, -13, 0},
    {13, 2, 6, 1, 6, 1},
    {13, -2, -6, 1, -7, -1},
    {13, 3, 4, 1, 4, 1},
    {13, -3, -4, 1, -5, -2},
    {13, 7, 1, 6, 1, 6},
    {13, -7, -1, 6, -2, -1},
    {13, INT64_MIN, 0, 13, -1, -9223372036854775795LL},
    {13, INT64_MAX, 0, 13, 0, 13},
    {13, INT64_MIN + 1, 0, 13, -1, -9223372036854775794LL},
    {13, 1000000000000000000LL, 0, 13, 0, 13},
    {-13, 1, -13, 0, -13, 0},
    {-13, -1, 13, 0, 13, 0},
    {-13, 2, -6, -1, -7, 1},
    {-13, -2, 6, -1, 6, -1},
    {-13, 3, -4, -1, -5, 2},
    {-13, -3, 4, -1, 4, -1},
    {-13, 7, -1, -6, -2, 1},
    {-13, -7, 1, -6, 1, -6},
    {-13, INT64_MIN, 0, -13, 0, -13},
    {-13, INT64_MAX, 0, -13, -1, 9223372036854775794LL},
    {-13, INT64_MIN + 1, 0, -13, 0, -13},
    {-13, 1000000000000000000LL, 0, -13, -1, 999999999999999987LL},
    {INT64_MIN, 1, INT64_MIN, 0, INT64_MIN, 0},
    {INT64_MIN, -1, INT64_MIN, 0, INT64_MIN, 0},
    {INT64_MIN, 2, -4611686018427387904LL, 0, -4611686018427387904LL, 0},
    {INT64_MIN, -2, 4611686018427387904LL, 0, 4611686018427387904LL, 0},
    {INT64_MIN, 3, -3074457345618258602LL, -2, -3074457345618258603LL, 1},
    {INT64_MIN, -3, 3074457345618258602LL, -2, 3074457345618258602LL, -2},
    {INT64_MIN, 7, -1317624576693539401LL, -1, -1317624576693539402LL, 6},
    {INT64_MIN, -7, 1317624576693539401LL, -1, 1317624576693539401LL, -1},
    {INT64_MIN, INT64_MIN, 1, 0, 1, 0},
    {INT64_MIN, INT64_MAX, -1, -1, -2, 9223372036854775806LL},
    {INT64_MIN, INT64_MIN + 1, 1, -1, 1, -1},
    {INT64_MIN, 1000000000000000000LL, -9, -223372036854775808LL, -10, 776627963145224192LL},
    {INT64_MAX, 1, INT64_MAX, 0, INT64_MAX, 0},
    {INT64_MAX, -1, INT64_MIN + 1, 0, INT64_MIN + 1, 0},
    {INT64_MAX, 2, 4611686018427387903LL, 1, 4611686018427387903LL, 1},
    {INT64_MAX, -2, -4611686018427387903LL, 1, -4611686018427387904LL, -1},
    {INT64_MAX, 3, 3074457345618258602LL, 1, 3074457345618258602LL, 1},
    {INT64_MAX, -3, -3074457345618258602LL, 1, -3074457345618258603LL, -2},
    {INT64_MAX, 7, 1317624576693539401LL, 0, 1317624576693539401LL, 0},
    {INT64_MAX, -7, -1317624576693539401LL, 0, -1317624576693539401LL, 0},
    {INT64_MAX, INT64_MIN, 0, INT64_MAX, -1, -1},
    {INT64_MAX, INT64_MAX, 1, 0, 1, 0},
    {INT64_MAX, INT64_MIN + 1, -1, 0, -1, 0},
    {INT64_MAX, 1000000000000000000LL, 9, 223372036854775807LL, 9, 223372036854775807LL},
    {INT64_MIN + 1, 1, INT64_MIN + 1, 0, INT64_MIN + 1, 0},
    {INT64_MIN + 1, -1, INT64_MAX, 0, INT64_MAX, 0},
    {INT64_MIN + 1, 2, -4611686018427387903LL, -1, -4611686018427387904LL, 1},
    {INT64_MIN + 1, -2, 4611686018427387903LL, -1, 4611686018427387903LL, -1},
    {INT64_MIN + 1, 3, -3074457345618258602LL, -1, -3074457345618258603LL, 2},
    {INT64_MIN + 1, -3, 3074457345618258602LL, -1, 3074457345618258602LL, -1},
    {INT64_MIN + 1, 7, -1317624576693539401LL, 0, -1317624576693539401LL, 0},
    {INT64_MIN + 1, -7, 1317624576693539401LL, 0, 1317624576693539401LL, 0},
    {INT64_MIN + 1, INT64_MIN, 0, INT64_MIN + 1, 0, INT64_MIN + 1},
    {INT64_MIN + 1, INT64_MAX, -1, 0, -1, 0},
    {INT64_MIN + 1, INT64_MIN + 1, 1, 0, 1, 0},
    {INT64_MIN + 1, 1000000000000000000LL, -9, -223372036854775807LL, -10, 776627963145224193LL},
    {1000000000000000000LL, 1, 1000000000000000000LL, 0, 1000000000000000000LL, 0},
    {1000000000000000000LL, -1, -1000000000000000000LL, 0, -1000000000000000000LL, 0},
    {1000000000000000000LL, 2, 500000000000000000LL, 0, 500000000000000000LL, 0},
    {1000000000000000000LL, -2, -500000000000000000LL, 0, -500000000000000000LL, 0},
    {1000000000000000000LL, 3, 333333333333333333LL, 1, 333333333333333333LL, 1},
    {1000000000000000000LL, -3, -333333333333333333LL, 1, -333333333333333334LL, -2},
    {1000000000000000000LL, 7, 142857142857142857LL, 1, 142857142857142857LL, 1},
    {1000000000000000000LL, -7, -142857142857142857LL, 1, -142857142857142858LL, -6},
    {1000000000000000000LL, INT64_MIN, 0, 1000000000000000000LL, -1, -8223372036854775808LL},
    {1000000000000000000LL, INT64_MAX, 0, 1000000000000000000LL, 0, 1000000000000000000LL},
    {1000000000000000000LL, INT64_MIN + 1, 0, 1000000000000000000LL, -1, -8223372036854775807LL},
    {1000000000000000000LL, 1000000000000000000LL, 1, 0, 1, 0},
    {-1000000000000000000LL, 1, -1000000000000000000LL, 0, -1000000000000000000LL, 0},
    {-1000000000000000000LL, -1, 1000000000000000000LL, 0, 1000000000000000000LL, 0},
    {-1000000000000000000LL, 2, -500000000000000000LL, 0, -500000000000000000LL, 0},
    {-1000000000000000000LL, -2, 500000000000000000LL, 0, 500000000000000000LL, 0},
    {-1000000000000000000LL, 3, -333333333333333333LL, -1, -333333333333333334LL, 2},
    {-1000000000000000000LL, -3, 333333333333333333LL, -1, 333333333333333333LL, -1},
    {-1000000000000000000LL, 7, -142857142857142857LL, -1, -142857142857142858LL, 6},
    {-1000000000000000000LL, -7, 142857142857142857LL, -1, 142857142857142857LL, -1},
    {-1000000000000000000LL, INT64_MIN, 0, -1000000000000000000LL, 0, -1000000000000000000LL},
    {-1000000000000000000LL, INT64_MAX, 0, -1000000000000000000LL, -1, 8223372036854775807LL},
    {-1000000000000000000LL, INT64_MIN + 1, 0, -1000000000000000000LL, 0, -1000000000000000000LL},
    {-1000000000000000000LL, 1000000000000000000LL, -1, 0, -1, 0},
};

constexpr double kTwo63 = 9223372036854775808.0;
const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TEST_CASE("ovf_add at the limits", "[arith]") {
  CHECK(rt::ovf_add(1, 2) == 3);
  CHECK(rt::ovf_add(INT64_MAX, 0) == INT64_MAX);
  CHECK(rt::ovf_add(INT64_MAX, -1) == INT64_MAX - 1);
  CHECK(rt::ovf_add(INT64_MIN, INT64_MAX) == -1);
  CHECK(rt::ovf_add(INT64_MAX, INT64_MIN) == -1);
  CHECK(rt::ovf_add(INT64_MIN, 0) == INT64_MIN);
  CHECK_THROWS_AS(rt::ovf_add(INT64_MAX, 1), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_add(1, INT64_MAX), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_add(INT64_MIN, -1), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_add(INT64_MIN, INT64_MIN), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_add(INT64_MAX, INT64_MAX), rt::OverflowError*);
  try {
    rt::ovf_add(INT64_MAX, 1);
    FAIL("no OverflowError");
  } catch (rt::OverflowError* e) {
    CHECK(e->message == "integer addition overflow");
  }
}

TEST_CASE("ovf_sub at the limits", "[arith]") {
  CHECK(rt::ovf_sub(1, 2) == -1);
  CHECK(rt::ovf_sub(-1, INT64_MIN) == INT64_MAX);
  CHECK(rt::ovf_sub(INT64_MIN, -1) == INT64_MIN + 1);
  CHECK(rt::ovf_sub(INT64_MAX, INT64_MAX) == 0);
  CHECK(rt::ovf_sub(INT64_MIN, INT64_MIN) == 0);
  CHECK_THROWS_AS(rt::ovf_sub(INT64_MIN, 1), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_sub(0, INT64_MIN), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_sub(INT64_MAX, -1), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_sub(INT64_MAX, INT64_MIN), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_sub(INT64_MIN, INT64_MAX), rt::OverflowError*);
}

TEST_CASE("ovf_mul at the limits", "[arith]") {
  CHECK(rt::ovf_mul(6, -7) == -42);
  CHECK(rt::ovf_mul(INT64_MIN, 1) == INT64_MIN);
  CHECK(rt::ovf_mul(INT64_MAX, -1) == INT64_MIN + 1);
  CHECK(rt::ovf_mul(INT64_MIN, 0) == 0);
  CHECK(rt::ovf_mul(0, INT64_MIN) == 0);
  CHECK(rt::ovf_mul(-(int64_t{1} << 32), int64_t{1} << 31) == INT64_MIN);
  CHECK(rt::ovf_mul(3037000499, 3037000499) == 9223372030926249001LL);
  CHECK_THROWS_AS(rt::ovf_mul(INT64_MIN, -1), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_mul(-1, INT64_MIN), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_mul(int64_t{1} << 32, int64_t{1} << 31), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_mul(3037000500, 3037000500), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_mul(-3037000500, 3037000500), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_mul(INT64_MAX, 2), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_mul(INT64_MIN, INT64_MIN), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_mul(INT64_MIN, 2), rt::OverflowError*);
}

TEST_CASE("ovf_neg at the limits", "[arith]") {
  CHECK(rt::ovf_neg(0) == 0);
  CHECK(rt::ovf_neg(5) == -5);
  CHECK(rt::ovf_neg(INT64_MAX) == INT64_MIN + 1);
  CHECK(rt::ovf_neg(INT64_MIN + 1) == INT64_MAX);
  CHECK_THROWS_AS(rt::ovf_neg(INT64_MIN), rt::OverflowError*);
}

TEST_CASE("Division and modulo, C and floor, every sign combination", "[arith][div]") {
  for (const DivCase& c : kDivCases) {
    INFO(c.a << " and " << c.b);
    CHECK(rt::div_c(c.a, c.b) == c.div_c);
    CHECK(rt::mod_c(c.a, c.b) == c.mod_c);
    CHECK(rt::div_floor(c.a, c.b) == c.div_floor);
    CHECK(rt::mod_floor(c.a, c.b) == c.mod_floor);
    // The identities that define the pairs.
    CHECK(c.div_c * c.b + c.mod_c == c.a);
    CHECK(c.div_floor * c.b + c.mod_floor == c.a);
    if (c.a == INT64_MIN && c.b == -1)
      CHECK_THROWS_AS(rt::ovf_div_floor(c.a, c.b), rt::OverflowError*);
    else
      CHECK(rt::ovf_div_floor(c.a, c.b) == c.div_floor);
  }
}

TEST_CASE("INT64_MIN / -1 and zero divisors", "[arith][div]") {
  CHECK(rt::div_c(INT64_MIN, -1) == INT64_MIN);
  CHECK(rt::mod_c(INT64_MIN, -1) == 0);
  CHECK(rt::div_floor(INT64_MIN, -1) == INT64_MIN);
  CHECK(rt::mod_floor(INT64_MIN, -1) == 0);
  CHECK_THROWS_AS(rt::ovf_div_floor(INT64_MIN, -1), rt::OverflowError*);
  for (int64_t a : {int64_t{0}, int64_t{1}, int64_t{-1}, INT64_MIN, INT64_MAX}) {
    CHECK_THROWS_AS(rt::div_c(a, 0), rt::ZeroDivisionError*);
    CHECK_THROWS_AS(rt::mod_c(a, 0), rt::ZeroDivisionError*);
    CHECK_THROWS_AS(rt::div_floor(a, 0), rt::ZeroDivisionError*);
    CHECK_THROWS_AS(rt::mod_floor(a, 0), rt::ZeroDivisionError*);
    CHECK_THROWS_AS(rt::ovf_div_floor(a, 0), rt::ZeroDivisionError*);
  }
  try {
    rt::div_floor(1, 0);
    FAIL("no ZeroDivisionError");
  } catch (rt::ZeroDivisionError* e) {
    CHECK(e->message == "integer division by zero");
    CHECK(e->type_name() == "ZeroDivisionError");
  }
  try {
    rt::mod_floor(1, 0);
    FAIL("no ZeroDivisionError");
  } catch (rt::ZeroDivisionError* e) {
    CHECK(e->message == "integer modulo by zero");
  }
}

TEST_CASE("Shifts by 0, 63, 64, huge and negative counts", "[arith][shift]") {
  CHECK(rt::shl(1, 0) == 1);
  CHECK(rt::shl(-5, 0) == -5);
  CHECK(rt::shl(1, 1) == 2);
  CHECK(rt::shl(1, 62) == int64_t{1} << 62);
  CHECK(rt::shl(1, 63) == INT64_MIN);
  CHECK(rt::shl(3, 63) == INT64_MIN);
  CHECK(rt::shl(-1, 63) == INT64_MIN);
  CHECK(rt::shl(INT64_MAX, 1) == -2);  // wraps
  CHECK(rt::shl(1, 64) == 0);
  CHECK(rt::shl(-1, 64) == 0);
  CHECK(rt::shl(1, INT64_MAX) == 0);

  CHECK(rt::shr(16, 0) == 16);
  CHECK(rt::shr(16, 4) == 1);
  CHECK(rt::shr(-16, 4) == -1);
  CHECK(rt::shr(-17, 4) == -2);  // arithmetic: rounds toward negative infinity
  CHECK(rt::shr(INT64_MIN, 63) == -1);
  CHECK(rt::shr(INT64_MAX, 63) == 0);
  CHECK(rt::shr(INT64_MAX, 62) == 1);
  CHECK(rt::shr(5, 64) == 0);
  CHECK(rt::shr(-5, 64) == -1);
  CHECK(rt::shr(-5, INT64_MAX) == -1);
  CHECK(rt::shr(5, INT64_MAX) == 0);

  CHECK(rt::shr_unsigned(-1, 0) == -1);
  CHECK(rt::shr_unsigned(-1, 1) == INT64_MAX);
  CHECK(rt::shr_unsigned(-1, 63) == 1);
  CHECK(rt::shr_unsigned(INT64_MIN, 63) == 1);
  CHECK(rt::shr_unsigned(-1, 64) == 0);
  CHECK(rt::shr_unsigned(-1, INT64_MAX) == 0);

  for (int64_t bad : {int64_t{-1}, int64_t{-64}, INT64_MIN}) {
    CHECK_THROWS_AS(rt::shl(1, bad), rt::ValueError*);
    CHECK_THROWS_AS(rt::shr(1, bad), rt::ValueError*);
    CHECK_THROWS_AS(rt::shr_unsigned(1, bad), rt::ValueError*);
    CHECK_THROWS_AS(rt::ovf_shl(1, bad), rt::ValueError*);
    CHECK_THROWS_AS(rt::ovf_shl(0, bad), rt::ValueError*);
  }
}

TEST_CASE("ovf_shl raises exactly when bits or the sign would be lost", "[arith][shift]") {
  CHECK(rt::ovf_shl(1, 0) == 1);
  CHECK(rt::ovf_shl(INT64_MIN, 0) == INT64_MIN);
  CHECK(rt::ovf_shl(1, 62) == int64_t{1} << 62);
  CHECK(rt::ovf_shl(-1, 62) == -(int64_t{1} << 62));
  CHECK(rt::ovf_shl(-1, 63) == INT64_MIN);  // -2^63 fits
  CHECK(rt::ovf_shl(-2, 62) == INT64_MIN);
  CHECK(rt::ovf_shl(0, 63) == 0);
  CHECK(rt::ovf_shl(0, 64) == 0);
  CHECK(rt::ovf_shl(0, INT64_MAX) == 0);
  CHECK(rt::ovf_shl(INT64_MAX >> 1, 1) == INT64_MAX - 1);
  CHECK_THROWS_AS(rt::ovf_shl(1, 63), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_shl(2, 62), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_shl(-2, 63), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_shl(-3, 62), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_shl(1, 64), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_shl(-1, 64), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_shl(1, INT64_MAX), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_shl(INT64_MAX, 1), rt::OverflowError*);
  CHECK_THROWS_AS(rt::ovf_shl(INT64_MIN, 1), rt::OverflowError*);
  // Against the definition: a << n fits iff a * 2^n is within int64, for every count.
  for (int64_t a : {int64_t{1}, int64_t{-1}, int64_t{3}, int64_t{-3}, int64_t{12345}, INT64_MAX,
                    INT64_MIN, int64_t{1} << 40, -(int64_t{1} << 40)}) {
    for (int64_t n = 0; n < 70; ++n) {
      INFO(a << " << " << n);
      long double exact = static_cast<long double>(a) * std::ldexp(1.0L, static_cast<int>(n));
      bool fits = exact >= -9223372036854775808.0L && exact <= 9223372036854775807.0L;
      if (fits)
        CHECK(rt::ovf_shl(a, n) == rt::shl(a, n));
      else
        CHECK_THROWS_AS(rt::ovf_shl(a, n), rt::OverflowError*);
    }
  }
}

TEST_CASE("float_to_int at the edges", "[arith][float]") {
  CHECK(rt::float_to_int(0.0) == 0);
  CHECK(rt::float_to_int(-0.0) == 0);
  CHECK(rt::float_to_int(0.9999) == 0);
  CHECK(rt::float_to_int(-0.9999) == 0);
  CHECK(rt::float_to_int(1.5) == 1);
  CHECK(rt::float_to_int(-1.5) == -1);
  CHECK(rt::float_to_int(5e-324) == 0);
  CHECK(rt::float_to_int(-kTwo63) == INT64_MIN);
  CHECK(rt::float_to_int(std::nextafter(kTwo63, 0.0)) == 9223372036854774784LL);
  CHECK(rt::float_to_int(std::nextafter(-kTwo63, 0.0)) == -9223372036854774784LL);
  CHECK(rt::float_to_int(9007199254740993.0) == 9007199254740992LL);
  CHECK_THROWS_AS(rt::float_to_int(kTwo63), rt::OverflowError*);
  CHECK_THROWS_AS(rt::float_to_int(std::nextafter(-kTwo63, -kInf)), rt::OverflowError*);
  CHECK_THROWS_AS(rt::float_to_int(1e300), rt::OverflowError*);
  CHECK_THROWS_AS(rt::float_to_int(kInf), rt::OverflowError*);
  CHECK_THROWS_AS(rt::float_to_int(-kInf), rt::OverflowError*);
  CHECK_THROWS_AS(rt::float_to_int(kNaN), rt::ValueError*);
  CHECK_THROWS_AS(rt::float_to_int(-kNaN), rt::ValueError*);

  CHECK(rt::float_fits_int(-kTwo63));
  CHECK(rt::float_fits_int(0.9999));
  CHECK(rt::float_fits_int(-0.0));
  CHECK_FALSE(rt::float_fits_int(kTwo63));
  CHECK_FALSE(rt::float_fits_int(kInf));
  CHECK_FALSE(rt::float_fits_int(-kInf));
  CHECK_FALSE(rt::float_fits_int(kNaN));
}
