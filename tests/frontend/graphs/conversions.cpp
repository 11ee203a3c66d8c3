// Every C++ conversion is an explicit operation: integer promotions, usual arithmetic
// conversions, char (i8), bool, unsigned, int to double, casts.
#include "rt/rt.h"

int32_t add_small(int8_t a, int16_t b) { return a + b; }
uint64_t mix(uint32_t a, int64_t b) { return a + static_cast<uint64_t>(b); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
int64_t count_true(bool a, bool b) { return a + b; }
double half(int64_t x) { return static_cast<double>(x) / 2.0; }
char narrow(int64_t x) { return static_cast<char>(x); }
int64_t shifts(int64_t x, uint32_t y) { return (x << 3) + (y >> 1); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  int64_t n = argv->size();
  double h = half(n);
  return add_small(1, 2) + static_cast<int64_t>(mix(3, n)) + is_digit(narrow(n)) + count_true(true, n > 1) +
         rt::float_to_int(h) + shifts(n, 5);
}

// The golden IR (rtoolchain graphs), checked by FileCheck.
// CHECK-LABEL: function half(x: i64) -> f64 {
// CHECK-NEXT: block0(v0: i64):
// CHECK-NEXT:   v1: f64 = cast_int_to_float v0
// CHECK-NEXT:   v2: f64 = float_truediv v1, 2.0:f64
// CHECK-NEXT:   goto return(v2)
// CHECK-NEXT: }
// CHECK-LABEL: function add_small(a: i8, b: i16) -> i32 {
// CHECK-NEXT: block0(v0: i8, v1: i16):
// CHECK-NEXT:   v2: i32 = cast_int v0
// CHECK-NEXT:   v3: i32 = cast_int v1
// CHECK-NEXT:   v4: i32 = int_add v2, v3
// CHECK-NEXT:   goto return(v4)
// CHECK-NEXT: }
// CHECK-LABEL: function mix(a: u32, b: i64) -> u64 {
// CHECK-NEXT: block0(v0: u32, v1: i64):
// CHECK-NEXT:   v2: u64 = cast_int v0
// CHECK-NEXT:   v3: u64 = cast_int v1
// CHECK-NEXT:   v4: u64 = int_add v2, v3
// CHECK-NEXT:   goto return(v4)
// CHECK-NEXT: }
// CHECK-LABEL: function is_digit(c: i8) -> bool {
// CHECK-NEXT: block0(v0: i8):
// CHECK-NEXT:   v1: i32 = cast_int v0
// CHECK-NEXT:   v2: bool = int_ge v1, 48:i32
// CHECK-NEXT:   switch v2
// CHECK-NEXT:     false -> block1()
// CHECK-NEXT:     true -> block2(v0)
// CHECK-NEXT: block1():
// CHECK-NEXT:   goto return(false)
// CHECK-NEXT: block2(v3: i8):
// CHECK-NEXT:   v4: i32 = cast_int v3
// CHECK-NEXT:   v5: bool = int_le v4, 57:i32
// CHECK-NEXT:   goto return(v5)
// CHECK-NEXT: }
// CHECK-LABEL: function narrow(x: i64) -> i8 {
// CHECK-NEXT: block0(v0: i64):
// CHECK-NEXT:   v1: i8 = cast_int v0
// CHECK-NEXT:   goto return(v1)
// CHECK-NEXT: }
// CHECK-LABEL: function count_true(a: bool, b: bool) -> i64 {
// CHECK-NEXT: block0(v0: bool, v1: bool):
// CHECK-NEXT:   v2: i32 = cast_bool_to_int v0
// CHECK-NEXT:   v3: i32 = cast_bool_to_int v1
// CHECK-NEXT:   v4: i32 = int_add v2, v3
// CHECK-NEXT:   v5: i64 = cast_int v4
// CHECK-NEXT:   goto return(v5)
// CHECK-NEXT: }
// CHECK-LABEL: function shifts(x: i64, y: u32) -> i64 {
// CHECK-NEXT: block0(v0: i64, v1: u32):
// CHECK-NEXT:   v2: i64 = int_lshift v0, 3:i32
// CHECK-NEXT:   v3: u32 = uint_rshift v1, 1:i32
// CHECK-NEXT:   v4: i64 = cast_int v3
// CHECK-NEXT:   v5: i64 = int_add v2, v4
// CHECK-NEXT:   goto return(v5)
// CHECK-NEXT: }
