// The interpreting backend over the raw-memory heap: fields of every kind and width,
// allocation, arrays, calls through thunks, exceptions and overflow.
#include "backend_fixture.h"

using namespace rtoolchain::jit;
using namespace rtoolchain::jit::testing;

TEST_CASE("a loop allocates a linked list that survives collections", "[jit-backend]") {
  BackendFixture f;
  // Builds n nodes, each pointing at the previous one; record() collects every iteration.
  LoopToken& loop = f.compile_loop(R"([i0, p1]
label(i0, p1, descr=TargetToken(1))
p2 = new_with_vtable(descr=Node)
setfield_gc(p2, i0, descr=Node.value)
setfield_gc(p2, p1, descr=Node.next)
f3 = cast_int_to_float(i0)
setfield_gc(p2, f3, descr=Node.weight)
call_n(@record, i0, descr=record)
i4 = int_sub(i0, 1)
i5 = int_gt(i4, 0)
guard_true(i5, descr=<Built>) [p2, i4]
jump(i4, p2, descr=TargetToken(1))
)");
  auto dead = f.run(loop, {I(50), R(kNullRef)});
  CHECK(dead->latest_descr() == &f.descr("Built"));
  CHECK(recorded.size() == 50);
  rt::gc::collect();
  GcRef node = dead->get_ref(0);
  const DescrTable& d = f.descrs();
  for (int64_t expected = 1; expected <= 50; ++expected) {
    REQUIRE(node != kNullRef);
    CHECK(f.heap().type_id_of(node) == 1);
    CHECK(f.heap().get_int_field(node, d.fields[0]) == expected);
    CHECK(f.heap().get_float_field(node, d.fields[2]) == static_cast<double>(expected));
    node = f.heap().get_ref_field(node, d.fields[1]);
  }
  CHECK(node == kNullRef);
}

TEST_CASE("narrow fields are stored truncated and loaded extended by their type", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(R"([i0]
p1 = new(descr=Node)
setfield_gc(p1, i0, descr=Node.small)
setfield_gc(p1, i0, descr=Node.flag)
i2 = getfield_gc_i(p1, descr=Node.small)
i3 = getfield_gc_i(p1, descr=Node.flag)
i4 = int_signext(i0, 1)
finish(i2, i3, i4)
)");
  auto dead = f.run(loop, {I(70000 + 0x80)});  // 0x111F0: i16 0x11F0, u8 0xF0, i8 -16
  CHECK(dead->get_int(0) == 0x11F0);
  CHECK(dead->get_int(1) == 0xF0);
  CHECK(dead->get_int(2) == -16);
  dead = f.run(loop, {I(-1)});
  CHECK(dead->get_int(0) == -1);
  CHECK(dead->get_int(1) == 255);
}

TEST_CASE("arrays: allocation, items, length, type ids", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(R"([i0]
p1 = new_array(i0, descr=array_i64)
p2 = new_array(i0, descr=array_ref)
p3 = new_array(2, descr=array_u8)
label(i0, p1, p2, p3, descr=TargetToken(7))
i4 = int_sub(i0, 1)
i5 = int_mul(i4, i4)
setarrayitem_gc(p1, i4, i5, descr=array_i64)
setarrayitem_gc(p2, i4, p1, descr=array_ref)
setarrayitem_gc(p3, 1, 511, descr=array_u8)
i6 = int_gt(i4, 0)
guard_true(i6, descr=<Filled>) [p1, p2, p3]
jump(i4, p1, p2, p3, descr=TargetToken(7))
)");
  auto dead = f.run(loop, {I(5)});
  CHECK(dead->latest_descr() == &f.descr("Filled"));
  GcRef ints = dead->get_ref(0), refs = dead->get_ref(1), bytes = dead->get_ref(2);
  const DescrTable& d = f.descrs();
  CHECK(f.heap().array_length(ints, d.arrays[0]) == 5);
  CHECK(f.heap().type_id_of(ints) == 10);
  CHECK(f.heap().type_id_of(refs) == 11);
  for (int64_t i = 0; i < 5; ++i) {
    CHECK(f.heap().get_int_item(ints, d.arrays[0], i) == i * i);
    CHECK(f.heap().get_ref_item(refs, d.arrays[1], i) == ints);
  }
  CHECK(f.heap().get_int_item(bytes, d.arrays[3], 0) == 0);
  CHECK(f.heap().get_int_item(bytes, d.arrays[3], 1) == 255);

  LoopToken& reader = f.compile_loop(R"([p0]
i1 = arraylen_gc(p0, descr=array_i64)
i2 = getarrayitem_gc_i(p0, 3, descr=array_i64)
i3 = gc_typeid(p0)
guard_class(p0, 10, descr=<IsIntArray>) []
guard_nonnull_class(p0, 11, descr=<IsRefArray>) [i1]
finish(i1, i2, i3)
)");
  dead = f.run(reader, {R(ints)});
  CHECK(dead->latest_descr() == &f.descr("IsRefArray"));
  CHECK(dead->get_int(0) == 5);
}

TEST_CASE("calls go through the function table and the signature's thunk", "[jit-backend]") {
  BackendFixture f;
  CHECK(call_signature(f.descrs().calls[2]) == "f,i8s,r->f");
  LoopToken& loop = f.compile_loop(R"([i0, p1, f2]
i3 = call_i(@add2, i0, 40, descr=add2)
f4 = call_f(@scale, f2, i3, p1, descr=scale)
f5 = call_f(@scale, f2, i3, ConstPtr(null), descr=scale)
i6 = call_pure_i(@elidable_sq, i3, descr=elidable_sq)
finish(i3, f4, f5, i6)
)");
  GcRef node = make_ref(fn_make_node(1));
  auto dead = f.run(loop, {I(2), R(node), F(0.5)});
  CHECK(dead->get_int(0) == 42);
  CHECK(dead->get_float(1) == 21.0);
  CHECK(dead->get_float(2) == -1.0);
  CHECK(dead->get_int(3) == 42 * 42);
}

TEST_CASE("a call that raises fails guard_no_exception with the exception in the dead frame", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(R"([i0]
label(i0, descr=TargetToken(1))
i1 = call_i(@check_positive, i0, descr=check_positive)
guard_no_exception(descr=<Raised>) [i0]
i2 = int_sub(i1, 1)
jump(i2, descr=TargetToken(1))
)");
  auto dead = f.run(loop, {I(3)});
  CHECK(dead->latest_descr() == &f.descr("Raised"));
  CHECK(dead->get_int(0) == -1);
  REQUIRE(dead->has_exception());
  CHECK(dead->exception_type() == kErrorTypeId);
  CHECK(f.heap().type_id_of(dead->exception_value()) == kErrorTypeId);
  CHECK(pending_value == nullptr);  // the JIT took the exception over
}

TEST_CASE("guard_exception catches the expected class and clears the exception", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(R"([i0]
p1 = call_r(@make_node, i0, descr=make_node)
p2 = guard_exception(7, descr=<NotRaised>) [p1]
i3 = gc_typeid(p2)
guard_no_exception(descr=<StillPending>) []
finish(i3, descr=<Caught>)
)");
  auto dead = f.run(loop, {I(-1)});
  CHECK(dead->latest_descr() == &f.descr("Caught"));
  CHECK(dead->get_int(0) == kErrorTypeId);
  CHECK_FALSE(dead->has_exception());
  dead = f.run(loop, {I(4)});
  CHECK(dead->latest_descr() == &f.descr("NotRaised"));
  CHECK(f.heap().get_int_field(dead->get_ref(0), f.descrs().fields[0]) == 4);
}

TEST_CASE("overflow: guard_no_overflow fails when int_mul_ovf overflows", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(R"([i0, i1]
label(i0, i1, descr=TargetToken(1))
i2 = int_mul_ovf(i0, i0)
guard_no_overflow(descr=<Overflow>) [i0, i1]
i3 = int_add(i1, 1)
jump(i2, i3, descr=TargetToken(1))
)");
  auto dead = f.run(loop, {I(3), I(0)});
  CHECK(dead->latest_descr() == &f.descr("Overflow"));
  // 3, 9, 81, 6561, 43046721, 43046721^2 = 1.85e15, whose square overflows.
  CHECK(dead->get_int(0) == 1853020188851841);
  CHECK(dead->get_int(1) == 5);

  LoopToken& checked = f.compile_loop(R"([i0]
i1 = int_add_ovf(i0, 1)
guard_overflow(descr=<NoOverflow>) [i1]
finish(i1, descr=<Wrapped>)
)");
  CHECK(f.run(checked, {I(1)})->latest_descr() == &f.descr("NoOverflow"));
  dead = f.run(checked, {I(INT64_MAX)});
  CHECK(dead->latest_descr() == &f.descr("Wrapped"));
  CHECK(dead->get_int(0) == INT64_MIN);
}

TEST_CASE("guards on references: null, class, value", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(R"([p0, p1]
guard_nonnull(p0, descr=<Null>) []
guard_class(p0, 1, descr=<NotNode>) []
guard_value(p0, p1, descr=<Other>) []
guard_isnull(p1, descr=<Same>) [p1]
finish()
)");
  GcRef a = make_ref(fn_make_node(1)), b = make_ref(fn_make_node(2));
  CHECK(f.run(loop, {R(kNullRef), R(a)})->latest_descr() == &f.descr("Null"));
  CHECK(f.run(loop, {R(a), R(b)})->latest_descr() == &f.descr("Other"));
  auto dead = f.run(loop, {R(a), R(a)});
  CHECK(dead->latest_descr() == &f.descr("Same"));
  CHECK(dead->get_ref(0) == a);
}
