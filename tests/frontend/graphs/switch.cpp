// switch with fall-through, a default in the middle, break.
#include "rt/rt.h"

enum class Color : int64_t { red, green, blue, black };

int64_t weight(Color c) {
  int64_t w = 0;
  switch (c) {
    case Color::red:
      w += 1;
      [[fallthrough]];
    case Color::green:
      w += 10;
      break;
    default:
      w = 100;
      break;
    case Color::blue:
      return 7;
  }
  return w;
}

int64_t rt_main(rt::List<rt::Str>* argv) { return weight(argv->size() > 1 ? Color::red : Color::black); }

// The golden IR (rtoolchain graphs), checked by FileCheck.
// CHECK-LABEL: function weight(c: enum Color) -> i64 {
// CHECK-NEXT: block0(v0: enum Color):
// CHECK-NEXT:   switch v0
// CHECK-NEXT:     0 -> block1(0:i64)
// CHECK-NEXT:     1 -> block2(0:i64)
// CHECK-NEXT:     2 -> block3()
// CHECK-NEXT:     default -> block4()
// CHECK-NEXT: block1(v1: i64):
// CHECK-NEXT:   v2: i64 = int_add v1, 1:i64
// CHECK-NEXT:   goto block2(v2)
// CHECK-NEXT: block2(v3: i64):
// CHECK-NEXT:   v4: i64 = int_add v3, 10:i64
// CHECK-NEXT:   goto return(v4)
// CHECK-NEXT: block3():
// CHECK-NEXT:   goto return(7:i64)
// CHECK-NEXT: block4():
// CHECK-NEXT:   goto return(100:i64)
// CHECK-NEXT: }
