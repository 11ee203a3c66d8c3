// Static constexpr data members (rule C8) read as constants, scalars and structs alike;
// delegating constructors call their target on the same object; `&f` is a function pointer; the
// comma operator of a for increment; braces around a scalar; the right operand of an assignment
// runs before the left one is evaluated (rule E1).
#include "rt/rt.h"

struct Limits {
  int64_t low = 0;
  int64_t high = 0;
};

class Counter : public rt::Object {
 public:
  static constexpr int64_t kStart = 5;
  static constexpr Limits kRange{1, 10};
  Counter() : Counter(kStart) {}
  explicit Counter(int64_t n) : count(n) {}
  int64_t count;
  Counter* next = nullptr;
};

int64_t bump(Counter* c) {
  c->next = rt::make<Counter>(c->count + 1);
  return Counter::kStart;
}

int64_t apply(int64_t (*f)(Counter*), Counter* c) { return f(c); }

int64_t rt_main(rt::List<rt::Str>* argv) {
  Counter* c = rt::make<Counter>();
  c->next = c;
  c->next->count = bump(c);
  int64_t total = int64_t{argv->size() > 1} + Counter::kRange.high;
  for (int64_t i = 0, j = 2; i < j; ++i, --j) total = total + apply(&bump, c);
  Limits range = Counter::kRange;
  return total + range.low;
}

// The golden IR (rtoolchain graphs), checked by FileCheck.
// CHECK-LABEL: struct Limits {
// CHECK-NEXT:   field low: i64
// CHECK-NEXT:   field high: i64
// CHECK-NEXT: }
// CHECK-LABEL: class Counter : rt::Object {
// CHECK-NEXT:   field count: i64
// CHECK-NEXT:   field next: Counter*
// CHECK-NEXT: }
// CHECK-LABEL: function rt_main(argv: list<str>) -> i64 {
// CHECK-NEXT: block0(v0: list<str>):
// CHECK-NEXT:   v1: Counter* = new_object class Counter
// CHECK-NEXT:   direct_call @Counter::Counter, v1
// CHECK-NEXT:   setfield v1, field Counter.next, v1
// CHECK-NEXT:   v2: i64 = direct_call @bump, v1
// CHECK-NEXT:   v3: Counter* = getfield v1, field Counter.next
// CHECK-NEXT:   setfield v3, field Counter.count, v2
// CHECK-NEXT:   v4: i64 = list_len v0
// CHECK-NEXT:   v5: bool = int_gt v4, 1:i64
// CHECK-NEXT:   v6: i64 = cast_bool_to_int v5
// CHECK-NEXT:   v7: i64 = int_add v6, 10:i64
// CHECK-NEXT:   goto block1(v1, v7, 0:i64, 2:i64)
// CHECK-NEXT: block1(v8: Counter*, v9: i64, v10: i64, v11: i64):
// CHECK-NEXT:   v12: bool = int_lt v10, v11
// CHECK-NEXT:   switch v12
// CHECK-NEXT:     false -> block2(v9)
// CHECK-NEXT:     true -> block3(v8, v9, v10, v11)
// CHECK-NEXT: block2(v13: i64):
// CHECK-NEXT:   v14: i64 = struct_getfield struct Limits {1:i64, 10:i64}, field Limits.low
// CHECK-NEXT:   v15: i64 = int_add v13, v14
// CHECK-NEXT:   goto return(v15)
// CHECK-NEXT: block3(v16: Counter*, v17: i64, v18: i64, v19: i64):
// CHECK-NEXT:   v20: i64 = direct_call @apply, @bump, v16
// CHECK-NEXT:   v21: i64 = int_add v17, v20
// CHECK-NEXT:   goto block4(v16, v21, v18, v19)
// CHECK-NEXT: block4(v22: Counter*, v23: i64, v24: i64, v25: i64):
// CHECK-NEXT:   v26: i64 = int_add v24, 1:i64
// CHECK-NEXT:   v27: i64 = int_sub v25, 1:i64
// CHECK-NEXT:   goto block1(v22, v23, v26, v27)
// CHECK-NEXT: }
// CHECK-LABEL: function Counter::Counter(this: Counter*) -> void {
// CHECK-NEXT: block0(v0: Counter*):
// CHECK-NEXT:   direct_call @"Counter::Counter(int64_t)", v0, 5:i64
// CHECK-NEXT:   goto return(none)
// CHECK-NEXT: }
// CHECK-LABEL: function bump(c: Counter*) -> i64 {
// CHECK-NEXT: block0(v0: Counter*):
// CHECK-NEXT:   v1: Counter* = new_object class Counter
// CHECK-NEXT:   v2: i64 = getfield v0, field Counter.count
// CHECK-NEXT:   v3: i64 = int_add v2, 1:i64
// CHECK-NEXT:   direct_call @"Counter::Counter(int64_t)", v1, v3
// CHECK-NEXT:   setfield v0, field Counter.next, v1
// CHECK-NEXT:   goto return(5:i64)
// CHECK-NEXT: }
// CHECK-LABEL: function apply(f: fn(Counter*) -> i64, c: Counter*) -> i64 {
// CHECK-NEXT: block0(v0: fn(Counter*) -> i64, v1: Counter*):
// CHECK-NEXT:   v2: i64 = indirect_call v0, unknown_targets, v1
// CHECK-NEXT:   goto return(v2)
// CHECK-NEXT: }
// CHECK-LABEL: function "Counter::Counter(int64_t)"(this: Counter*, n: i64) -> void {
// CHECK-NEXT: block0(v0: Counter*, v1: i64):
// CHECK-NEXT:   setfield v0, field Counter.count, v1
// CHECK-NEXT:   setfield v0, field Counter.next, null:Counter*
// CHECK-NEXT:   goto return(none)
// CHECK-NEXT: }
