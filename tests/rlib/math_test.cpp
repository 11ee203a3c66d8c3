// rt/math.h: the special cases of IEEE 754 / C99 Annex F, and ordinary values.
#include "test_util.h"

#include <bit>
#include <cstdint>
#include <limits>

#include "rt/rt.h"

namespace {

const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kMinSub = std::numeric_limits<double>::denorm_min();

// Same double, the sign of zero included.
bool same(double a, double b) { return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b); }
bool is_nan(double a) { return a != a; }

}  // namespace

TEST_CASE("math: classification", "[math]") {
  CHECK(rt::math::isnan(kNaN));
  CHECK_FALSE(rt::math::isnan(kInf));
  CHECK_FALSE(rt::math::isnan(0.0));
  CHECK(rt::math::isinf(kInf));
  CHECK(rt::math::isinf(-kInf));
  CHECK_FALSE(rt::math::isinf(kNaN));
  CHECK_FALSE(rt::math::isinf(1e308));
  CHECK(rt::math::isfinite(0.0));
  CHECK(rt::math::isfinite(kMinSub));
  CHECK(rt::math::isfinite(-1.7976931348623157e308));
  CHECK_FALSE(rt::math::isfinite(kInf));
  CHECK_FALSE(rt::math::isfinite(kNaN));
  CHECK(rt::math::kPi == 3.141592653589793);
  CHECK(rt::math::kE == 2.718281828459045);
}

TEST_CASE("math: sqrt, fabs, copysign", "[math]") {
  CHECK(rt::math::sqrt(4.0) == 2.0);
  CHECK(rt::math::sqrt(2.0) == 1.4142135623730951);
  CHECK(same(rt::math::sqrt(-0.0), -0.0));
  CHECK(same(rt::math::sqrt(0.0), 0.0));
  CHECK(rt::math::sqrt(kInf) == kInf);
  CHECK(is_nan(rt::math::sqrt(-1.0)));
  CHECK(is_nan(rt::math::sqrt(-kInf)));
  CHECK(is_nan(rt::math::sqrt(kNaN)));
  CHECK(rt::math::sqrt(kMinSub) == 2.2227587494850775e-162);
  CHECK(same(rt::math::fabs(-0.0), 0.0));
  CHECK(rt::math::fabs(-kInf) == kInf);
  CHECK(rt::math::fabs(-2.5) == 2.5);
  CHECK(is_nan(rt::math::fabs(kNaN)));
  CHECK(same(rt::math::copysign(0.0, -1.0), -0.0));
  CHECK(same(rt::math::copysign(-3.0, 0.0), 3.0));
  CHECK(same(rt::math::copysign(3.0, -0.0), -3.0));
}

TEST_CASE("math: floor, ceil, trunc keep the sign of zero", "[math]") {
  CHECK(rt::math::floor(2.7) == 2.0);
  CHECK(rt::math::floor(-2.2) == -3.0);
  CHECK(same(rt::math::floor(-0.0), -0.0));
  CHECK(same(rt::math::floor(0.5), 0.0));
  CHECK(rt::math::ceil(2.2) == 3.0);
  CHECK(rt::math::ceil(-2.7) == -2.0);
  CHECK(same(rt::math::ceil(-0.5), -0.0));
  CHECK(rt::math::trunc(2.7) == 2.0);
  CHECK(rt::math::trunc(-2.7) == -2.0);
  CHECK(same(rt::math::trunc(-0.5), -0.0));
  for (double big : {4503599627370497.0, 1e300, -1e300}) {
    CHECK(rt::math::floor(big) == big);
    CHECK(rt::math::ceil(big) == big);
    CHECK(rt::math::trunc(big) == big);
  }
  CHECK(rt::math::floor(kInf) == kInf);
  CHECK(rt::math::ceil(-kInf) == -kInf);
  CHECK(is_nan(rt::math::trunc(kNaN)));
}

TEST_CASE("math: fmod", "[math]") {
  CHECK(rt::math::fmod(7.0, 3.0) == 1.0);
  CHECK(rt::math::fmod(-7.0, 3.0) == -1.0);
  CHECK(rt::math::fmod(7.0, -3.0) == 1.0);
  CHECK(rt::math::fmod(5.5, 2.0) == 1.5);
  CHECK(rt::math::fmod(0.3, 0.1) == 0.09999999999999998);  // exact: 0.1 is not 1/10
  CHECK(same(rt::math::fmod(-0.0, 3.0), -0.0));
  CHECK(same(rt::math::fmod(-6.0, 3.0), -0.0));
  CHECK(is_nan(rt::math::fmod(1.0, 0.0)));
  CHECK(is_nan(rt::math::fmod(1.0, -0.0)));
  CHECK(is_nan(rt::math::fmod(kInf, 1.0)));
  CHECK(rt::math::fmod(1.5, kInf) == 1.5);
  CHECK(rt::math::fmod(-1.5, -kInf) == -1.5);
  CHECK(is_nan(rt::math::fmod(kNaN, 1.0)));
  CHECK(is_nan(rt::math::fmod(1.0, kNaN)));
  CHECK(rt::math::fmod(1e300, 3.0) == 0.0);  // 1e300 is an integer divisible by 3
}

TEST_CASE("math: exp and log", "[math]") {
  CHECK(rt::math::exp(0.0) == 1.0);
  CHECK(rt::math::exp(-0.0) == 1.0);
  CHECK(rt::math::exp(1.0) == 2.718281828459045);
  CHECK(same(rt::math::exp(-kInf), 0.0));
  CHECK(rt::math::exp(kInf) == kInf);
  CHECK(rt::math::exp(710.0) == kInf);
  CHECK(same(rt::math::exp(-1000.0), 0.0));
  CHECK(is_nan(rt::math::exp(kNaN)));
  CHECK(rt::math::log(1.0) == 0.0);
  CHECK(same(rt::math::log(1.0), 0.0));
  CHECK(rt::math::log(rt::math::kE) == 1.0);
  CHECK(rt::math::log(0.0) == -kInf);
  CHECK(rt::math::log(-0.0) == -kInf);
  CHECK(rt::math::log(kInf) == kInf);
  CHECK(is_nan(rt::math::log(-1.0)));
  CHECK(is_nan(rt::math::log(-kInf)));
  CHECK(is_nan(rt::math::log(kNaN)));
  CHECK(rt::math::log(kMinSub) == -744.4400719213812);
}

TEST_CASE("math: pow special cases", "[math]") {
  CHECK(rt::math::pow(2.0, 10.0) == 1024.0);
  CHECK(rt::math::pow(2.0, -1.0) == 0.5);
  CHECK(rt::math::pow(9.0, 0.5) == 3.0);
  CHECK(rt::math::pow(kNaN, 0.0) == 1.0);
  CHECK(rt::math::pow(kNaN, -0.0) == 1.0);
  CHECK(rt::math::pow(1.0, kNaN) == 1.0);
  CHECK(rt::math::pow(1.0, kInf) == 1.0);
  CHECK(rt::math::pow(-1.0, kInf) == 1.0);
  CHECK(rt::math::pow(-1.0, -kInf) == 1.0);
  CHECK(rt::math::pow(0.0, -3.0) == kInf);
  CHECK(rt::math::pow(-0.0, -3.0) == -kInf);
  CHECK(rt::math::pow(-0.0, -2.0) == kInf);
  CHECK(rt::math::pow(-0.0, -kInf) == kInf);
  CHECK(same(rt::math::pow(-0.0, 3.0), -0.0));
  CHECK(same(rt::math::pow(-0.0, 2.0), 0.0));
  CHECK(rt::math::pow(0.5, -kInf) == kInf);
  CHECK(same(rt::math::pow(2.0, -kInf), 0.0));
  CHECK(same(rt::math::pow(0.5, kInf), 0.0));
  CHECK(rt::math::pow(2.0, kInf) == kInf);
  CHECK(same(rt::math::pow(-kInf, -3.0), -0.0));
  CHECK(same(rt::math::pow(-kInf, -2.0), 0.0));
  CHECK(rt::math::pow(-kInf, 3.0) == -kInf);
  CHECK(rt::math::pow(-kInf, 2.0) == kInf);
  CHECK(same(rt::math::pow(kInf, -1.0), 0.0));
  CHECK(rt::math::pow(kInf, 0.5) == kInf);
  CHECK(is_nan(rt::math::pow(-8.0, 1.0 / 3.0)));
  CHECK(is_nan(rt::math::pow(kNaN, 1.0)));
  CHECK(is_nan(rt::math::pow(2.0, kNaN)));
  CHECK(rt::math::pow(10.0, 400.0) == kInf);
  CHECK(rt::math::pow(-10.0, 401.0) == -kInf);
  CHECK(same(rt::math::pow(10.0, -400.0), 0.0));
}

TEST_CASE("math: sin, cos, atan2", "[math]") {
  CHECK(same(rt::math::sin(0.0), 0.0));
  CHECK(same(rt::math::sin(-0.0), -0.0));
  CHECK(rt::math::cos(0.0) == 1.0);
  CHECK(rt::math::cos(-0.0) == 1.0);
  CHECK(rt::math::sin(rt::math::kPi / 2) == 1.0);
  CHECK(rt::math::sin(rt::math::kPi) == 1.2246467991473532e-16);
  CHECK(rt::math::cos(rt::math::kPi) == -1.0);
  CHECK(rt::math::sin(1e22) == -0.8522008497671888);  // exact argument reduction
  CHECK(is_nan(rt::math::sin(kInf)));
  CHECK(is_nan(rt::math::cos(-kInf)));
  CHECK(is_nan(rt::math::sin(kNaN)));
  const double pi = rt::math::kPi;
  CHECK(rt::math::atan2(1.0, 1.0) == pi / 4);
  CHECK(rt::math::atan2(0.0, -0.0) == pi);
  CHECK(rt::math::atan2(-0.0, -0.0) == -pi);
  CHECK(same(rt::math::atan2(0.0, 0.0), 0.0));
  CHECK(same(rt::math::atan2(-0.0, 0.0), -0.0));
  CHECK(rt::math::atan2(0.0, -1.0) == pi);
  CHECK(rt::math::atan2(-0.0, -1.0) == -pi);
  CHECK(same(rt::math::atan2(-0.0, 1.0), -0.0));
  CHECK(rt::math::atan2(-1.0, 0.0) == -pi / 2);
  CHECK(rt::math::atan2(1.0, -0.0) == pi / 2);
  CHECK(rt::math::atan2(1.0, -kInf) == pi);
  CHECK(rt::math::atan2(-1.0, -kInf) == -pi);
  CHECK(same(rt::math::atan2(1.0, kInf), 0.0));
  CHECK(same(rt::math::atan2(-1.0, kInf), -0.0));
  CHECK(rt::math::atan2(kInf, 5.0) == pi / 2);
  CHECK(rt::math::atan2(-kInf, -5.0) == -pi / 2);
  CHECK(rt::math::atan2(kInf, -kInf) == 3 * pi / 4);
  CHECK(rt::math::atan2(-kInf, kInf) == -pi / 4);
  CHECK(is_nan(rt::math::atan2(kNaN, 1.0)));
  CHECK(is_nan(rt::math::atan2(1.0, kNaN)));
}
