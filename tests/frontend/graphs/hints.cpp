// JIT hints become their operations: the driver (greens, reds), merge point, can_enter_jit,
// promote, we_are_jitted; function hints become function flags.
#include "rt/rt.h"

constinit rt::jit::JitDriver<rt::jit::Greens<int64_t>, rt::jit::Reds<int64_t, int64_t>> driver{"loop"};

RT_JIT_ELIDABLE int64_t square(int64_t x) { return x * x; }

int64_t run(int64_t n) {
  int64_t pc = 0;
  int64_t acc = 0;
  while (pc < n) {
    driver.jit_merge_point(pc, acc, n);
    acc = rt::jit::promote(acc) + (rt::jit::we_are_jitted() ? 0 : square(pc));
    pc += 1;
    driver.can_enter_jit(pc, acc, n);
  }
  return acc;
}

int64_t rt_main(rt::List<rt::Str>* argv) { return run(argv->size()); }

// The golden IR (rtoolchain graphs), checked by FileCheck.
// CHECK-LABEL: jitdriver loop greens(i64) reds(i64, i64)
// CHECK-LABEL: function run(n: i64) -> i64 {
// CHECK-NEXT: block0(v0: i64):
// CHECK-NEXT:   goto block1(v0, 0:i64, 0:i64)
// CHECK-NEXT: block1(v1: i64, v2: i64, v3: i64):
// CHECK-NEXT:   v4: bool = int_lt v2, v1
// CHECK-NEXT:   switch v4
// CHECK-NEXT:     false -> return(v3)
// CHECK-NEXT:     true -> block2(v1, v2, v3)
// CHECK-NEXT: block2(v5: i64, v6: i64, v7: i64):
// CHECK-NEXT:   jit_merge_point driver loop, v6, v7, v5
// CHECK-NEXT:   v8: i64 = jit_promote v7
// CHECK-NEXT:   v9: bool = jit_we_are_jitted
// CHECK-NEXT:   switch v9
// CHECK-NEXT:     false -> block3(v5, v6, v8)
// CHECK-NEXT:     true -> block4(v5, v6, v8)
// CHECK-NEXT: block3(v10: i64, v11: i64, v12: i64):
// CHECK-NEXT:   v13: i64 = direct_call @square, v11
// CHECK-NEXT:   goto block5(v10, v11, v12, v13)
// CHECK-NEXT: block4(v14: i64, v15: i64, v16: i64):
// CHECK-NEXT:   goto block5(v14, v15, v16, 0:i64)
// CHECK-NEXT: block5(v17: i64, v18: i64, v19: i64, v20: i64):
// CHECK-NEXT:   v21: i64 = int_add v19, v20
// CHECK-NEXT:   v22: i64 = int_add v18, 1:i64
// CHECK-NEXT:   can_enter_jit driver loop, v22, v21, v17
// CHECK-NEXT:   goto block1(v17, v22, v21)
// CHECK-NEXT: }
// CHECK-LABEL: function square(x: i64) -> i64 elidable {
// CHECK-NEXT: block0(v0: i64):
// CHECK-NEXT:   v1: i64 = int_mul v0, v0
// CHECK-NEXT:   goto return(v1)
// CHECK-NEXT: }
