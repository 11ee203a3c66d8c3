// The trace text form: printing, parsing, round trips and located parse errors.
#include <catch2/catch.hpp>

#include "rtoolchain/jit/backend.h"
#include "rtoolchain/jit/trace.h"
#include "support/test_descrs.h"

using namespace rtoolchain::jit;

namespace {

const DescrTable& descrs() {
  static const DescrTable table = testing::make_test_descrs();
  return table;
}

std::string reprint(std::string_view text, const TraceParseContext& context = {}) {
  TraceParseResult parsed = parse_trace(text, descrs(), nullptr, context);
  INFO(parsed.error);
  REQUIRE(parsed.trace);
  return print_trace(*parsed.trace, descrs());
}

}  // namespace

TEST_CASE("a loop prints in PyPy's log syntax and parses back to the same text", "[trace]") {
  const char* text = R"([i0, p1, f2]
label(i0, p1, f2, descr=TargetToken(1))
i3 = int_add(i0, 1)
i4 = int_lt(i3, 100)
guard_true(i4, descr=<Guard7>) [i3, p1]
i5 = getfield_gc_i(p1, descr=Node.value)
setfield_gc(p1, i5, descr=Node.value)
p6 = getfield_gc_r(p1, descr=Node.next)
f7 = float_add(f2, 1.5)
i8 = call_i(@add2, i3, -2, descr=add2)
i9 = int_mul_ovf(i8, i8)
guard_no_overflow(descr=<Guard8>) [i9, ConstPtr(null)]
p10 = new_with_vtable(descr=Node)
p11 = new_array(3, descr=array_ref)
setarrayitem_gc(p11, 0, p10, descr=array_ref)
jump(i3, p6, f7, descr=TargetToken(1))
)";
  std::string once = reprint(text);
  CHECK(once == text);
  CHECK(reprint(once) == once);
}

TEST_CASE("the parser accepts comments, free names, missing descrs and constant spellings", "[trace]") {
  const char* text = R"(
# a comment line
[i_counter, p_obj]   # inputs
i_next = int_sub(i_counter, ConstInt(1))
guard_true(i_next) [i_counter]
f_x = cast_int_to_float(i_next)
f_y = float_mul(f_x, ConstFloat(inf))
guard_value(p_obj, ConstPtr(the_node), descr=<Named>) []
finish(f_y)
)";
  TraceParseContext context;
  context.named_refs.emplace_back("the_node", make_ref(uint64_t{0x1230}));
  TraceParseResult parsed = parse_trace(text, descrs(), nullptr, context);
  INFO(parsed.error);
  REQUIRE(parsed.trace);
  CHECK(parsed.fail_descr("Named") != nullptr);
  CHECK(parsed.fail_descr("Nope") == nullptr);
  std::string printed = print_trace(*parsed.trace, descrs());
  CHECK_THAT(printed, Catch::Contains("i2 = int_sub(i0, 1)"));
  CHECK_THAT(printed, Catch::Contains("f4 = float_mul(f3, ConstFloat(inf))"));
  CHECK_THAT(printed, Catch::Contains("guard_value(p1, ConstPtr(0x1230), descr=<Guard"));
  CHECK_THAT(printed, Catch::Contains("finish(f4, descr=<Finish"));
  CHECK(verify_trace(*parsed.trace, descrs()).empty());
}

TEST_CASE("non-plain descr names print as their index", "[trace]") {
  DescrTable table = testing::make_test_descrs();
  table.calls[0].name = "(i i) -> i";
  table.functions[0].name = "add two";
  TraceParseResult parsed = parse_trace("[i0]\ni1 = call_i(0, i0, i0, descr=#0)\nfinish(i1, descr=<Finish1>)\n",
                                        table, nullptr);
  INFO(parsed.error);
  REQUIRE(parsed.trace);
  CHECK(print_trace(*parsed.trace, table) ==
        "[i0]\ni1 = call_i(0, i0, i0, descr=#0)\nfinish(i1, descr=<Finish1>)\n");
}

TEST_CASE("a jump may target a label of another trace; call_assembler names a loop", "[trace]") {
  TargetToken other;
  other.number = 40;
  other.arg_kinds = {Kind::kInt};
  LoopToken loop;
  loop.input_kinds = {Kind::kInt};
  TraceParseContext context;
  context.targets.push_back(&other);
  context.loops.push_back(&loop);
  std::string text = "[i0]\ni1 = call_assembler_i(i0, descr=Loop(" + std::to_string(loop.number) +
                     "))\nguard_not_forced(descr=<Guard1>) []\nguard_no_exception(descr=<Guard2>) []\n"
                     "jump(i1, descr=TargetToken(40))\n";
  TraceParseResult parsed = parse_trace(text, descrs(), nullptr, context);
  INFO(parsed.error);
  REQUIRE(parsed.trace);
  CHECK(parsed.trace->ops.back().target == &other);
  CHECK(print_trace(*parsed.trace, descrs()) == text);
  CHECK(verify_trace(*parsed.trace, descrs()).empty());
}

TEST_CASE("parse errors are located and say what is wrong", "[trace]") {
  auto error = [](std::string_view text) {
    TraceParseResult parsed = parse_trace(text, descrs(), nullptr);
    CHECK(parsed.trace == nullptr);
    return parsed.error;
  };
  CHECK(error("[i0]\ni1 = int_frob(i0)\n") == "2:6: unknown operation 'int_frob'");
  CHECK(error("[i0]\ni1 = int_add(i0, i9)\n") == "2:18: unknown value 'i9'");
  CHECK(error("[i0]\np1 = int_add(i0, i0)\n") == "2:1: 'p1' names a value of kind i");
  CHECK(error("[i0]\ni0 = int_add(i0, i0)\n") == "2:1: 'i0' is defined twice");
  CHECK(error("[i0]\nint_add(i0, i0)\n") == "2:1: 'int_add' has a result: write NAME = int_add(...)");
  CHECK(error("[p0]\ni1 = getfield_gc_i(p0, descr=Node.nothing)\n") ==
        "2:30: unknown descr 'Node.nothing'");
  CHECK(error("[i0]\njump(i0, descr=TargetToken(3))\n") == "2:16: unknown TargetToken(3)");
  CHECK(error("[i0]\ni1 = int_add(i0, 1) [i0]\n") == "2:21: only guards have fail-args");
  CHECK(error("[x0]\n") == "1:2: 'x0' is no value name (i…, p…, f…)");
}
