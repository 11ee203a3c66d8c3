// The trace verifier: a well-formed trace passes; each broken invariant is reported.
#include <catch2/catch.hpp>

#include "rtoolchain/jit/trace.h"
#include "support/test_descrs.h"

using namespace rtoolchain::jit;

namespace {

const DescrTable& descrs() {
  static const DescrTable table = testing::make_test_descrs();
  return table;
}

std::vector<std::string> verify(std::string_view text, TraceVerifyOptions options = {}) {
  TraceParseResult parsed = parse_trace(text, descrs(), nullptr);
  INFO(parsed.error);
  REQUIRE(parsed.trace);
  return verify_trace(*parsed.trace, descrs(), options);
}

std::string only_error(std::string_view text) {
  auto errors = verify(text);
  REQUIRE(errors.size() == 1);
  return errors[0];
}

}  // namespace

TEST_CASE("a well-formed loop verifies", "[trace]") {
  CHECK(verify(R"([i0, p1]
label(i0, p1, descr=TargetToken(1))
i2 = int_add_ovf(i0, 1)
guard_no_overflow() [i0, p1]
i3 = call_i(@check_positive, i2, descr=check_positive)
guard_no_exception() [i2]
p4 = call_may_force_r(@make_node, i3, descr=make_node)
guard_not_forced() []
guard_no_exception() []
call_n(@record, i3, descr=record)
jump(i3, p4, descr=TargetToken(1))
)")
            .empty());
}

TEST_CASE("the verifier reports kinds, arity and descr mismatches", "[trace]") {
  CHECK(only_error("[i0, f1]\ni2 = int_add(i0, f1)\nfinish(i2)\n") ==
        "op 0: i2 = int_add(i0, f1): argument 1 is of kind f, not i");
  CHECK(only_error("[i0]\ni1 = int_neg(i0, i0)\nfinish(i1)\n") ==
        "op 0: i1 = int_neg(i0, i0): takes 1 arguments, has 2");
  CHECK(only_error("[p0, i1]\nsetfield_gc(p0, i1, descr=Node.next)\nfinish()\n") ==
        "op 0: setfield_gc(p0, i1, descr=Node.next): stores a value of kind i into a slot of kind r");
  CHECK(only_error("[p0]\ni1 = getfield_gc_i(p0, descr=Node.weight)\nfinish(i1)\n") ==
        "op 0: i1 = getfield_gc_i(p0, descr=Node.weight): the descr holds values of kind f");
  CHECK(only_error("[i0]\ni1 = call_i(@add2, i0, descr=add2)\nfinish(i1)\n") ==
        "op 0: i1 = call_i(@add2, i0, descr=add2): passes 1 values for the call descr's arguments (2)");
  CHECK(only_error("[i0, f1]\nguard_value(i0, f1) []\nfinish()\n").ends_with(
        "guard_value compares values of two kinds"));
}

TEST_CASE("the verifier checks scopes: labels hide earlier values", "[trace]") {
  CHECK(only_error(R"([i0, i1]
label(i0, descr=TargetToken(1))
i2 = int_add(i0, i1)
jump(i2, descr=TargetToken(1))
)") == "op 1: i2 = int_add(i0, i1): an argument uses a value not defined before it (or before the last label)");
}

TEST_CASE("the verifier checks the operations that must follow", "[trace]") {
  CHECK(only_error("[i0]\ni1 = int_add_ovf(i0, 1)\nfinish(i1)\n").ends_with(
        "must be followed by guard_no_overflow or guard_overflow"));
  CHECK(only_error("[i0]\ni1 = call_i(@check_positive, i0, descr=check_positive)\nfinish(i1)\n")
            .ends_with("can raise: must be followed by guard_no_exception or guard_exception"));
  // A call whose descr cannot raise needs no exception guard.
  CHECK(verify("[i0]\ni1 = call_i(@add2, i0, i0, descr=add2)\nfinish(i1)\n").empty());
  CHECK(only_error("[i0]\np1 = call_may_force_r(@make_node, i0, descr=make_node)\n"
                   "guard_no_exception() []\nfinish(p1)\n")
            .ends_with("must be followed by guard_not_forced"));
}

TEST_CASE("the verifier checks the end of the trace and jumps against labels", "[trace]") {
  CHECK(verify("[i0]\ni1 = int_add(i0, 1)\n") ==
        std::vector<std::string>{"the trace does not end with a jump or a finish"});
  CHECK(only_error("[i0]\nfinish(i0)\ni1 = int_add(i0, 1)\nfinish(i1)\n").ends_with(
        "a jump or finish must be the last operation"));
  CHECK(only_error("[i0, f1]\nlabel(i0, f1, descr=TargetToken(1))\njump(i0, i0, descr=TargetToken(1))\n") ==
        "op 1: jump(i0, i0, descr=TargetToken(1)): argument 1 does not match the kind of the label's "
        "arguments");
}

TEST_CASE("traces from the tracer must give every guard resume data", "[trace]") {
  TraceVerifyOptions options;
  options.require_resume_positions = true;
  auto errors = verify("[i0]\nguard_true(i0, descr=<Guard1>) []\nfinish()\n", options);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].ends_with("a guard without resume data"));
}
