// Integer, float and conversion operations against the rt helpers host mode uses.
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "rt/arith.h"
#include "test_util.h"

namespace {

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
const std::vector<int64_t> kEdges = {0, 1, -1, 2, -2, 3, -7, 7, 10, -10, 63, 64, 65, 1 << 20,
                                     kMax, kMin, kMax - 1, kMin + 1, 4611686018427387904};

// What the rt helper does: its value, or the name of the exception it raises.
template <class F>
std::string host(F f) {
  try {
    return std::to_string(f());
  } catch (rt::Exception* e) {
    return std::string(e->type_name().view()) + ": " + std::string(e->message.view());
  }
}
std::string graph(const gi::Outcome& o) {
  if (o.kind == gi::Outcome::kReturned) return std::to_string(o.value.as_int());
  return o.type_name + ": " + o.message;
}

void check_binary(const char* op, int64_t (*helper)(int64_t, int64_t)) {
  Run run(op_function(op, {"i64", "i64"}, "i64"));
  for (int64_t a : kEdges)
    for (int64_t b : kEdges) {
      INFO(op << " " << a << ", " << b);
      CHECK(graph(run.call("f", {I(a), I(b)})) == host([&] { return helper(a, b); }));
    }
}

}  // namespace

TEST_CASE("i64 arithmetic wraps and checked arithmetic raises as rt's helpers do") {
  check_binary("int_add", [](int64_t a, int64_t b) { return a + b; });
  check_binary("int_sub", [](int64_t a, int64_t b) { return a - b; });
  check_binary("int_mul", [](int64_t a, int64_t b) { return a * b; });
  check_binary("int_add_ovf", rt::ovf_add);
  check_binary("int_sub_ovf", rt::ovf_sub);
  check_binary("int_mul_ovf", rt::ovf_mul);
}

TEST_CASE("division and modulo match rt::div_c, mod_c, div_floor, mod_floor, ovf_div_floor") {
  check_binary("int_div_c", rt::div_c);
  check_binary("int_mod_c", rt::mod_c);
  check_binary("int_div_floor", rt::div_floor);
  check_binary("int_mod_floor", rt::mod_floor);
  check_binary("int_div_floor_ovf", rt::ovf_div_floor);
}

TEST_CASE("shifts by a variable count match rt::shl, shr, shr_unsigned, ovf_shl") {
  check_binary("int_lshift_var", rt::shl);
  check_binary("int_rshift_var", rt::shr);
  check_binary("uint_rshift_var", rt::shr_unsigned);
  check_binary("int_lshift_ovf", rt::ovf_shl);
}

TEST_CASE("narrow integer types wrap to their width") {
  Run run(op_function("int_add", {"i8", "i8"}, "i8") + "\n" +
          "function g(v0: u8, v1: u8) -> u8 {\nblock0(v0: u8, v1: u8):\n  v9: u8 = int_sub v0, v1\n  goto return(v9)\n}\n"
          "function h(v0: i32) -> i32 {\nblock0(v0: i32):\n  v9: i32 = int_neg v0\n  goto return(v9)\n}\n"
          "function m(v0: u16, v1: u16) -> u16 {\nblock0(v0: u16, v1: u16):\n  v9: u16 = int_mul v0, v1\n  goto return(v9)\n}\n"
          "function ovf(v0: i32, v1: i32) -> i32 {\nblock0(v0: i32, v1: i32):\n  v9: i32 = int_add_ovf v0, v1\n  goto return(v9)\n}\n"
          "function div(v0: i32, v1: i32) -> i32 {\nblock0(v0: i32, v1: i32):\n  v9: i32 = int_div_c v0, v1\n  goto return(v9)\n}\n");
  CHECK(run.value("f", {I(127), I(1)}).as_int() == -128);
  CHECK(run.value("g", {I(0), I(1)}).as_int() == 255);
  CHECK(run.value("h", {I(INT32_MIN)}).as_int() == INT32_MIN);
  CHECK(run.value("m", {I(65535), I(65535)}).as_int() == 1);
  CHECK(run.value("ovf", {I(INT32_MAX - 1), I(1)}).as_int() == INT32_MAX);
  gi::Outcome o = run.call("ovf", {I(INT32_MAX), I(1)});
  CHECK(o.kind == gi::Outcome::kRaised);
  CHECK(o.type_name == "OverflowError");
  CHECK(o.message == "integer addition overflow");
  CHECK(run.value("div", {I(INT32_MIN), I(-1)}).as_int() == INT32_MIN);  // wraps
  CHECK(run.call("div", {I(1), I(0)}).type_name == "ZeroDivisionError");
}

TEST_CASE("unsigned operations use the bit pattern") {
  Run run(op_function("uint_div", {"u64", "u64"}, "u64") + rename(op_function("uint_lt", {"u64", "u64"}, "bool")
                                                                , "lt") +
          rename(op_function("uint_rshift", {"u32"}, "u32", "4:i32"), "shr") +
          rename(op_function("int_rshift", {"i32"}, "i32", "4:i32"), "sar") +
          rename(op_function("int_lshift", {"i8"}, "i8", "7:i32"), "shl"));
  CHECK(static_cast<uint64_t>(run.value("f", {I(-1), I(2)}).as_int()) == UINT64_MAX / 2);
  CHECK(run.value("lt", {I(1), I(-1)}).as_bool());
  CHECK_FALSE(run.value("lt", {I(-1), I(1)}).as_bool());
  CHECK(run.value("shr", {I(0xFFFFFFFF)}).as_int() == 0x0FFFFFFF);
  CHECK(run.value("sar", {I(-256)}).as_int() == -16);
  CHECK(run.value("shl", {I(1)}).as_int() == -128);
  CHECK(run.call("f", {I(5), I(0)}).message == "integer division by zero");
}

TEST_CASE("cast_int truncates and extends by the source's signedness") {
  Run run(op_function("cast_int", {"i64"}, "i8") + rename(op_function("cast_int", {"u32"}, "i64"), "g") +
          rename(op_function("cast_int", {"i8"}, "u64"), "h") +
          rename(op_function("cast_int", {"i64"}, "i32"), "k"));
  CHECK(run.value("f", {I(200)}).as_int() == -56);
  CHECK(run.value("g", {I(4294967295)}).as_int() == 4294967295);
  CHECK(static_cast<uint64_t>(run.value("h", {I(-1)}).as_int()) == UINT64_MAX);
  CHECK(run.value("k", {I(int64_t{1} << 40)}).as_int() == 0);
}

TEST_CASE("floats are IEEE doubles; float to int is rt::float_to_int") {
  Run run(op_function("float_truediv", {"f64", "f64"}, "f64") +
          rename(op_function("cast_float_to_int", {"f64"}, "i64"), "toint") +
          rename(op_function("float_fits_int", {"f64"}, "bool"), "fits") +
          rename(op_function("float_eq", {"f64", "f64"}, "bool"), "eq") +
          rename(op_function("float_abs", {"f64"}, "f64"), "abs") +
          rename(op_function("cast_int_to_float", {"u64"}, "f64"), "ufl"));
  CHECK(run.value("f", {F(1.0), F(0.0)}).as_float() == INFINITY);
  CHECK(std::isnan(run.value("f", {F(0.0), F(0.0)}).as_float()));
  CHECK_FALSE(run.value("eq", {F(NAN), F(NAN)}).as_bool());
  CHECK(run.value("eq", {F(-0.0), F(0.0)}).as_bool());
  CHECK_FALSE(std::signbit(run.value("abs", {F(-0.0)}).as_float()));
  CHECK(run.value("toint", {F(-2.9)}).as_int() == -2);
  gi::Outcome nan = run.call("toint", {F(NAN)});
  CHECK(nan.type_name == "ValueError");
  CHECK(nan.message == "cannot convert NaN to integer");
  CHECK(run.call("toint", {F(9223372036854775808.0)}).type_name == "OverflowError");
  CHECK(run.value("toint", {F(-9223372036854775808.0)}).as_int() == kMin);
  CHECK_FALSE(run.value("fits", {F(INFINITY)}).as_bool());
  CHECK(run.value("ufl", {I(-1)}).as_float() == 18446744073709551616.0);
}
