// rt::math: the mathematical functions of RC++ (<cmath> is not RC++, docs/rcpp.md P2/P4).
//
// Every function is defined for every input, NaN and infinities included, and never raises: the
// results are those of IEEE 754 and C99 Annex F (C++ inherits them), listed below for the special
// cases. errno is never looked at. NaN results have no specified sign or payload (rcpp.md A7).
//
// sqrt, floor, ceil, trunc, fabs, fmod and copysign are exact (correctly rounded), so they give
// the same bits everywhere. exp, log, pow, sin, cos and atan2 are computed by the C library
// (glibc's libm) in every mode, host and translated alike; they are accurate to about 1 ulp but
// not guaranteed correctly rounded, so a result may differ in the last bit from another libm.
#pragma once

#include <cmath>

#include "rt/library_ops.h"

namespace rt::math {

inline constexpr double kPi = 3.141592653589793;   // the double nearest to pi
inline constexpr double kE = 2.718281828459045;    // the double nearest to e

// Classification.
RT_OP(math_isnan) inline bool isnan(double x) { return std::isnan(x); }
RT_OP(math_isinf) inline bool isinf(double x) { return std::isinf(x); }     // +inf or -inf
RT_OP(math_isfinite) inline bool isfinite(double x) { return std::isfinite(x); }  // neither NaN nor infinite

// sqrt(x): sqrt(-0) = -0, sqrt(+inf) = +inf, sqrt(x < 0) = NaN (including -inf), sqrt(NaN) = NaN.
RT_OP(math_sqrt) inline double sqrt(double x) { return std::sqrt(x); }

// Rounding to an integral value, keeping the sign of zero; ±inf and NaN are returned unchanged.
// floor(-0.5) = -0.0, ceil(-0.5) = -0.0, trunc(-0.5) = -0.0.
RT_OP(math_floor) inline double floor(double x) { return std::floor(x); }
RT_OP(math_ceil) inline double ceil(double x) { return std::ceil(x); }
RT_OP(math_trunc) inline double trunc(double x) { return std::trunc(x); }

// fabs(x): |x| with the sign bit cleared (fabs(-0.0) = +0.0, fabs(-inf) = +inf, fabs(NaN) is NaN).
RT_OP(float_abs) inline double fabs(double x) { return std::fabs(x); }

// copysign(x, y): |x| with the sign bit of y (y may be ±0 or NaN).
RT_OP(math_copysign) inline double copysign(double x, double y) { return std::copysign(x, y); }

// fmod(x, y): x - n*y with n = trunc(x/y) computed exactly; the result has the sign of x and
// |result| < |y|. fmod(±0, y) = ±0 for y != 0; fmod(x, ±0) = NaN; fmod(±inf, y) = NaN;
// fmod(x, ±inf) = x for finite x; NaN in either argument gives NaN.
// (Python's float % is floor-style: take r = fmod(x, y), then add y when r != 0 and the signs of r
// and y differ.)
RT_OP(math_fmod) inline double fmod(double x, double y) { return std::fmod(x, y); }

// exp(x): exp(±0) = 1, exp(-inf) = +0, exp(+inf) = +inf; overflow (x > ~709.78) gives +inf,
// underflow gives +0 or a subnormal.
RT_OP(math_exp) inline double exp(double x) { return std::exp(x); }

// log(x) (natural): log(±0) = -inf, log(1) = +0, log(x < 0) = NaN (including -inf),
// log(+inf) = +inf.
RT_OP(math_log) inline double log(double x) { return std::log(x); }

// pow(x, y), as C99 F.9.4.4:
//   pow(x, ±0) = 1 for every x, NaN included;      pow(1, y) = 1 for every y, NaN included;
//   pow(-1, ±inf) = 1;
//   pow(±0, y) = ±inf for y a negative odd integer, +inf for other negative y (-inf included);
//   pow(±0, y) = ±0 for y a positive odd integer, +0 for other positive y;
//   pow(x, -inf) = +inf for |x| < 1, +0 for |x| > 1;  pow(x, +inf) = +0 for |x| < 1, +inf for |x| > 1;
//   pow(-inf, y) = -0 for y a negative odd integer, +0 for other negative y;
//   pow(-inf, y) = -inf for y a positive odd integer, +inf for other positive y;
//   pow(+inf, y) = +0 for y < 0, +inf for y > 0;
//   pow(x, y) = NaN for finite x < 0 and finite non-integer y;
//   otherwise NaN in either argument gives NaN; overflow gives ±inf, underflow ±0.
RT_OP(math_pow) inline double pow(double x, double y) { return std::pow(x, y); }

// sin(x), cos(x) (radians): sin(±0) = ±0, cos(±0) = 1, sin(±inf) = cos(±inf) = NaN,
// NaN gives NaN. Arguments of any size are reduced exactly (sin(1e22) is accurate).
RT_OP(math_sin) inline double sin(double x) { return std::sin(x); }
RT_OP(math_cos) inline double cos(double x) { return std::cos(x); }

// atan2(y, x): the angle of (x, y) in [-pi, pi], as C99 F.9.1.4:
//   atan2(±0, -0) = ±pi, atan2(±0, +0) = ±0, atan2(±0, x < 0) = ±pi, atan2(±0, x > 0) = ±0,
//   atan2(y < 0, ±0) = -pi/2, atan2(y > 0, ±0) = +pi/2,
//   atan2(±y, -inf) = ±pi and atan2(±y, +inf) = ±0 for finite y > 0,
//   atan2(±inf, x) = ±pi/2 for finite x, atan2(±inf, -inf) = ±3pi/4, atan2(±inf, +inf) = ±pi/4;
//   NaN in either argument gives NaN.
RT_OP(math_atan2) inline double atan2(double y, double x) { return std::atan2(y, x); }

}  // namespace rt::math
