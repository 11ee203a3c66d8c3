// Short-circuit && and ||, ?:, compound assignment, ++/-- on locals and fields.
#include "rt/rt.h"

class Counter : public rt::Object {
 public:
  int64_t hits = 0;
};

bool in_range(int64_t x, int64_t lo, int64_t hi) { return x >= lo && x < hi; }
bool outside(int64_t x, int64_t lo, int64_t hi) { return x < lo || x >= hi; }
int64_t pick(bool c, int64_t a, int64_t b) { return c ? a : b; }

int64_t bump(Counter* counter, int64_t by) {
  counter->hits += by;
  int64_t old = counter->hits++;
  return old;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  Counter* counter = rt::make<Counter>();
  int64_t n = argv->size();
  return pick(in_range(n, 0, 3) && !outside(n, 1, 2), bump(counter, 2), 0);
}

// The golden IR (rtoolchain graphs), checked by FileCheck.
// CHECK-LABEL: function pick(c: bool, a: i64, b: i64) -> i64 {
// CHECK-NEXT: block0(v0: bool, v1: i64, v2: i64):
// CHECK-NEXT:   switch v0
// CHECK-NEXT:     false -> return(v2)
// CHECK-NEXT:     true -> return(v1)
// CHECK-NEXT: }
// CHECK-LABEL: function in_range(x: i64, lo: i64, hi: i64) -> bool {
// CHECK-NEXT: block0(v0: i64, v1: i64, v2: i64):
// CHECK-NEXT:   v3: bool = int_ge v0, v1
// CHECK-NEXT:   switch v3
// CHECK-NEXT:     false -> block1()
// CHECK-NEXT:     true -> block2(v0, v2)
// CHECK-NEXT: block1():
// CHECK-NEXT:   goto return(false)
// CHECK-NEXT: block2(v4: i64, v5: i64):
// CHECK-NEXT:   v6: bool = int_lt v4, v5
// CHECK-NEXT:   goto return(v6)
// CHECK-NEXT: }
// CHECK-LABEL: function outside(x: i64, lo: i64, hi: i64) -> bool {
// CHECK-NEXT: block0(v0: i64, v1: i64, v2: i64):
// CHECK-NEXT:   v3: bool = int_lt v0, v1
// CHECK-NEXT:   switch v3
// CHECK-NEXT:     false -> block1(v0, v2)
// CHECK-NEXT:     true -> block2()
// CHECK-NEXT: block1(v4: i64, v5: i64):
// CHECK-NEXT:   v6: bool = int_ge v4, v5
// CHECK-NEXT:   goto return(v6)
// CHECK-NEXT: block2():
// CHECK-NEXT:   goto return(true)
// CHECK-NEXT: }
// CHECK-LABEL: function bump(counter: Counter*, by: i64) -> i64 {
// CHECK-NEXT: block0(v0: Counter*, v1: i64):
// CHECK-NEXT:   v2: i64 = getfield v0, field Counter.hits
// CHECK-NEXT:   v3: i64 = int_add v2, v1
// CHECK-NEXT:   setfield v0, field Counter.hits, v3
// CHECK-NEXT:   v4: i64 = getfield v0, field Counter.hits
// CHECK-NEXT:   v5: i64 = int_add v4, 1:i64
// CHECK-NEXT:   setfield v0, field Counter.hits, v5
// CHECK-NEXT:   goto return(v4)
// CHECK-NEXT: }
