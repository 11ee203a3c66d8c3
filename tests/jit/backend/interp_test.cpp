// The interpreting backend: loops, guards, bridges, jumps between loops, invalidation, freeing
// and call_assembler, on hand-written traces.
#include "backend_fixture.h"

using namespace rtoolchain::jit;
using namespace rtoolchain::jit::testing;

namespace {

const char* kSumLoop = R"([i0, i1]
label(i0, i1, descr=TargetToken(100))
i2 = int_add(i0, 1)
i3 = int_add(i1, i0)
i4 = int_lt(i2, 10)
guard_true(i4, descr=<Done>) [i2, i3]
jump(i2, i3, descr=TargetToken(100))
)";

}  // namespace

TEST_CASE("a loop runs until its guard fails at the given iteration", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(kSumLoop);
  auto dead = f.run(loop, {I(0), I(0)});
  CHECK(dead->latest_descr() == &f.descr("Done"));
  REQUIRE(dead->size() == 2);
  CHECK(dead->get_int(0) == 10);
  CHECK(dead->get_int(1) == 45);
  CHECK_FALSE(dead->has_exception());
  // Entering later: the guard fails at once.
  dead = f.run(loop, {I(50), I(7)});
  CHECK(dead->get_int(0) == 51);
  CHECK(dead->get_int(1) == 57);
}

TEST_CASE("a bridge replaces its guard's exit and jumps back into the loop", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(R"([i0, i1]
label(i0, i1, descr=TargetToken(200))
i2 = int_add(i0, 1)
i3 = int_lt(i2, 100)
guard_true(i3, descr=<Done>) [i2, i1]
i4 = int_and(i2, 1)
guard_false(i4, descr=<Odd>) [i2, i1]
i5 = int_add(i1, i2)
jump(i2, i5, descr=TargetToken(200))
)");
  auto dead = f.run(loop, {I(0), I(0)});
  CHECK(dead->latest_descr() == &f.descr("Odd"));
  CHECK(dead->get_int(0) == 1);

  f.compile_bridge(f.descr("Odd"), R"([i0, i1]
i2 = int_sub(i1, i0)
jump(i0, i2, descr=TargetToken(200))
)", jumping_to(f.target(200)));
  dead = f.run(loop, {I(0), I(0)});
  int64_t expected = 0;
  for (int64_t i = 1; i < 100; ++i) expected += i % 2 ? -i : i;
  CHECK(dead->latest_descr() == &f.descr("Done"));
  CHECK(dead->get_int(0) == 100);
  CHECK(dead->get_int(1) == expected);
}

TEST_CASE("a bridge may end with a finish, and a guard of a bridge can get its own bridge", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(kSumLoop);
  f.compile_bridge(f.descr("Done"), R"([i0, i1]
i2 = int_gt(i1, 100)
guard_true(i2, descr=<Small>) [i1]
finish(i1, 1, descr=<Big>)
)");
  auto dead = f.run(loop, {I(0), I(0)});
  CHECK(dead->latest_descr() == &f.descr("Small"));
  CHECK(dead->get_int(0) == 45);
  f.compile_bridge(f.descr("Small"), "[i0]\ni1 = int_neg(i0)\nfinish(i1, descr=<Negated>)\n");
  dead = f.run(loop, {I(0), I(0)});
  CHECK(dead->latest_descr() == &f.descr("Negated"));
  CHECK(dead->get_int(0) == -45);
  dead = f.run(loop, {I(0), I(200)});
  CHECK(dead->latest_descr() == &f.descr("Big"));
  CHECK(dead->get_int(0) == 245);
  CHECK(dead->get_int(1) == 1);
}

TEST_CASE("a bridge may jump to a label of another loop", "[jit-backend]") {
  BackendFixture f;
  LoopToken& sum = f.compile_loop(kSumLoop);
  LoopToken& other = f.compile_loop(R"([i0]
label(i0, descr=TargetToken(300))
i1 = int_lt(i0, 3)
guard_true(i1, descr=<Leave>) [i0]
i2 = int_add(i0, 1)
jump(i2, descr=TargetToken(300))
)");
  f.compile_bridge(f.descr("Leave"), "[i0]\njump(i0, i0, descr=TargetToken(100))\n",
                   jumping_to(f.target(100)));
  auto dead = f.run(other, {I(0)});
  // From 3 on the sum loop runs: i0 = 3..9 added to 3.
  CHECK(dead->latest_descr() == &f.descr("Done"));
  CHECK(dead->get_int(0) == 10);
  CHECK(dead->get_int(1) == 3 + (3 + 4 + 5 + 6 + 7 + 8 + 9));
  (void)sum;
}

TEST_CASE("invalidating a loop makes its guard_not_invalidated fail", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(R"([i0]
label(i0, descr=TargetToken(400))
guard_not_invalidated(descr=<Invalid>) [i0]
i1 = int_add(i0, 1)
i2 = int_lt(i1, 5)
guard_true(i2, descr=<Done>) [i1]
jump(i1, descr=TargetToken(400))
)");
  CHECK(f.run(loop, {I(0)})->latest_descr() == &f.descr("Done"));
  f.backend().invalidate_loop(loop);
  auto dead = f.run(loop, {I(2)});
  CHECK(dead->latest_descr() == &f.descr("Invalid"));
  CHECK(dead->get_int(0) == 2);
}

TEST_CASE("freeing a loop releases its code and its bridges", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(kSumLoop);
  f.compile_bridge(f.descr("Done"), "[i0, i1]\nfinish(i1)\n");
  CHECK(loop.code.size() == 2);
  f.backend().free_loop(loop);
  CHECK_FALSE(loop.compiled);
  CHECK(loop.code.empty());
  CHECK(f.descr("Done").bridge == nullptr);
  CHECK(f.target(100).code == nullptr);
}

TEST_CASE("call_assembler runs another loop; a guard exit goes through the handler", "[jit-backend]") {
  BackendFixture f;
  LoopToken& callee = f.compile_loop(R"([i0]
i1 = int_lt(i0, 0)
guard_false(i1, descr=<Negative>) [i0]
i2 = int_mul(i0, 2)
finish(i2, descr=<Doubled>)
)");
  TraceParseContext context;
  context.loops.push_back(&callee);
  LoopToken& caller = f.compile_loop("[i0]\ni1 = call_assembler_i(i0, descr=Loop(" + std::to_string(callee.number) +
                                         "))\nguard_not_forced() []\nguard_no_exception(descr=<Raised>) [i0]\n"
                                         "finish(i1, descr=<Result>)\n",
                                     context);
  auto dead = f.run(caller, {I(21)});
  CHECK(dead->latest_descr() == &f.descr("Result"));
  CHECK(dead->get_int(0) == 42);

  f.backend().set_call_assembler_handler([&](LoopToken& token, DeadFrame& frame) {
    CHECK(&token == &callee);
    CHECK(frame.latest_descr() == &f.descr("Negative"));
    CallResult result;
    result.value = AnyValue::of_int(-frame.get_int(0));
    return result;
  });
  dead = f.run(caller, {I(-5)});
  CHECK(dead->latest_descr() == &f.descr("Result"));
  CHECK(dead->get_int(0) == 5);
}

TEST_CASE("guard_not_forced fails once the frame was forced during a call", "[jit-backend]") {
  BackendFixture f;
  LoopToken& loop = f.compile_loop(R"([i0]
i1 = force_token()
i2 = call_may_force_i(@add2, i0, i1, descr=add2)
guard_not_forced(descr=<Forced>) [i0]
finish(i2, descr=<NotForced>)
)");
  CHECK(f.run(loop, {I(0)})->latest_descr() == &f.descr("NotForced"));
  LoopToken& forcing = f.compile_loop(R"([i0]
i1 = force_token()
i2 = call_may_force_i(@force_frame, i1, descr=force_frame)
guard_not_forced(descr=<WasForced>) [i0, i2]
guard_no_exception() []
finish(i2)
)");
  auto dead = f.run(forcing, {I(3)});
  CHECK(dead->latest_descr() == &f.descr("WasForced"));
  CHECK(dead->get_int(0) == 3);
}
