// Loops: while, do/while, for, break, continue, early return; locals reach blocks as block
// arguments, only where they are live.
#include "rt/rt.h"

int64_t first_multiple(int64_t n, int64_t k) {
  int64_t i = 1;
  while (true) {
    if (i % 7 == 0) {
      i += 1;
      continue;
    }
    if (i * k >= n) return i;
    if (i > 1000) break;
    ++i;
  }
  return -1;
}

int64_t count_down(int64_t n) {
  int64_t steps = 0;
  do {
    n -= 2;
    steps++;
  } while (n > 0);
  return steps;
}

int64_t sum_to(int64_t n) {
  int64_t total = 0;
  for (int64_t i = 0; i < n; ++i) total += i;
  return total;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  return first_multiple(argv->size(), 3) + count_down(5) + sum_to(4);
}

// The golden IR (rtoolchain graphs), checked by FileCheck.
// CHECK-LABEL: function first_multiple(n: i64, k: i64) -> i64 {
// CHECK-NEXT: block0(v0: i64, v1: i64):
// CHECK-NEXT:   goto block1(v0, v1, 1:i64)
// CHECK-NEXT: block1(v2: i64, v3: i64, v4: i64):
// CHECK-NEXT:   v5: i64 = int_mod_c v4, 7:i64
// CHECK-NEXT:   v6: bool = int_eq v5, 0:i64
// CHECK-NEXT:   switch v6
// CHECK-NEXT:     false -> block2(v2, v3, v4)
// CHECK-NEXT:     true -> block6(v2, v3, v4)
// CHECK-NEXT: block2(v7: i64, v8: i64, v9: i64):
// CHECK-NEXT:   v10: i64 = int_mul v9, v8
// CHECK-NEXT:   v11: bool = int_ge v10, v7
// CHECK-NEXT:   switch v11
// CHECK-NEXT:     false -> block3(v7, v8, v9)
// CHECK-NEXT:     true -> return(v9)
// CHECK-NEXT: block3(v12: i64, v13: i64, v14: i64):
// CHECK-NEXT:   v15: bool = int_gt v14, 1000:i64
// CHECK-NEXT:   switch v15
// CHECK-NEXT:     false -> block4(v12, v13, v14)
// CHECK-NEXT:     true -> block5()
// CHECK-NEXT: block4(v16: i64, v17: i64, v18: i64):
// CHECK-NEXT:   v19: i64 = int_add v18, 1:i64
// CHECK-NEXT:   goto block1(v16, v17, v19)
// CHECK-NEXT: block5():
// CHECK-NEXT:   goto return(-1:i64)
// CHECK-NEXT: block6(v20: i64, v21: i64, v22: i64):
// CHECK-NEXT:   v23: i64 = int_add v22, 1:i64
// CHECK-NEXT:   goto block1(v20, v21, v23)
// CHECK-NEXT: }
// CHECK-LABEL: function count_down(n: i64) -> i64 {
// CHECK-NEXT: block0(v0: i64):
// CHECK-NEXT:   goto block1(v0, 0:i64)
// CHECK-NEXT: block1(v1: i64, v2: i64):
// CHECK-NEXT:   v3: i64 = int_sub v1, 2:i64
// CHECK-NEXT:   v4: i64 = int_add v2, 1:i64
// CHECK-NEXT:   goto block2(v3, v4)
// CHECK-NEXT: block2(v5: i64, v6: i64):
// CHECK-NEXT:   v7: bool = int_gt v5, 0:i64
// CHECK-NEXT:   switch v7
// CHECK-NEXT:     false -> return(v6)
// CHECK-NEXT:     true -> block1(v5, v6)
// CHECK-NEXT: }
// CHECK-LABEL: function sum_to(n: i64) -> i64 {
// CHECK-NEXT: block0(v0: i64):
// CHECK-NEXT:   goto block1(v0, 0:i64, 0:i64)
// CHECK-NEXT: block1(v1: i64, v2: i64, v3: i64):
// CHECK-NEXT:   v4: bool = int_lt v3, v1
// CHECK-NEXT:   switch v4
// CHECK-NEXT:     false -> return(v2)
// CHECK-NEXT:     true -> block2(v1, v2, v3)
// CHECK-NEXT: block2(v5: i64, v6: i64, v7: i64):
// CHECK-NEXT:   v8: i64 = int_add v6, v7
// CHECK-NEXT:   goto block3(v5, v8, v7)
// CHECK-NEXT: block3(v9: i64, v10: i64, v11: i64):
// CHECK-NEXT:   v12: i64 = int_add v11, 1:i64
// CHECK-NEXT:   goto block1(v9, v10, v12)
// CHECK-NEXT: }
