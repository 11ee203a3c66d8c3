// The scalar operations' semantics in the interpreting backend (trace_ops.def): wrapping,
// division rounding, shifts past the width, casts.
#include <cmath>

#include "backend_fixture.h"

using namespace rtoolchain::jit;
using namespace rtoolchain::jit::testing;

namespace {

int64_t int_op(BackendFixture& f, const std::string& op, int64_t a, int64_t b) {
  LoopToken& loop = f.compile_loop("[i0, i1]\ni2 = " + op + "(i0, i1)\nfinish(i2)\n");
  return f.run(loop, {I(a), I(b)})->get_int(0);
}

}  // namespace

TEST_CASE("integer operations wrap and round as documented", "[jit-backend]") {
  BackendFixture f;
  CHECK(int_op(f, "int_add", INT64_MAX, 1) == INT64_MIN);
  CHECK(int_op(f, "int_mul", INT64_MIN, -1) == INT64_MIN);
  CHECK(int_op(f, "int_div_c", -7, 2) == -3);
  CHECK(int_op(f, "int_mod_c", -7, 2) == -1);
  CHECK(int_op(f, "int_div_floor", -7, 2) == -4);
  CHECK(int_op(f, "int_mod_floor", -7, 2) == 1);
  CHECK(int_op(f, "int_mod_floor", 7, -2) == -1);
  CHECK(int_op(f, "int_div_c", INT64_MIN, -1) == INT64_MIN);
  CHECK(int_op(f, "int_mod_c", INT64_MIN, -1) == 0);
  CHECK(int_op(f, "uint_div", -1, 2) == INT64_MAX);
  CHECK(int_op(f, "uint_mod", -1, 10) == 5);  // 18446744073709551615 % 10
  CHECK(int_op(f, "int_lshift", 1, 63) == INT64_MIN);
  CHECK(int_op(f, "int_lshift", 1, 64) == 0);
  CHECK(int_op(f, "int_rshift", -8, 1) == -4);
  CHECK(int_op(f, "int_rshift", -8, 70) == -1);
  CHECK(int_op(f, "uint_rshift", -8, 60) == 15);
  CHECK(int_op(f, "uint_lt", -1, 1) == 0);
  CHECK(int_op(f, "int_lt", -1, 1) == 1);
  CHECK(int_op(f, "int_signext", 0xFFFF, 2) == -1);
  CHECK(int_op(f, "int_signext", 0x17FFF, 2) == 0x7FFF);
}

TEST_CASE("float operations and casts", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(R"([f0, i1]
f2 = float_truediv(f0, 0.0)
i3 = float_fits_int(f2)
i4 = float_fits_int(f0)
i5 = cast_float_to_int(f0)
f6 = cast_uint_to_float(i1)
f7 = float_abs(-2.5)
i8 = float_ne(f7, f7)
finish(f2, i3, i4, i5, f6, f7, i8)
)");
  auto dead = f.run(loop, {F(-3.75), I(-1)});
  CHECK(std::isinf(dead->get_float(0)));
  CHECK(dead->get_int(1) == 0);
  CHECK(dead->get_int(2) == 1);
  CHECK(dead->get_int(3) == -3);
  CHECK(dead->get_float(4) == 18446744073709551616.0);
  CHECK(dead->get_float(5) == 2.5);
  CHECK(dead->get_int(6) == 0);
}
