// The blackhole interpreter on the codewriter's jitcodes over graph mode's heap (jit/llgraph):
// each helper of program.h runs in the blackhole and in graph mode with the same arguments, and
// the results must agree; plus the merge-point exit record, the portal runner and the resume
// entry (registers by liveness, the outer frame receiving its callee's result).
#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>

#include "program.h"
#include "rtoolchain/graphinterp/graphinterp.h"
#include "rtoolchain/ir/ir.h"
#include "rtoolchain/jit/blackhole.h"
#include "rtoolchain/jit/codewriter.h"
#include "rtoolchain/jit/llgraph.h"
#include "rtoolchain/rtyper/rtyper.h"

using namespace rtoolchain;
using namespace rtoolchain::jit;
using graphinterp::Outcome;
using graphinterp::Value;

namespace {

// The low-level program, its jitcodes, and a blackhole over a graph-mode heap.
struct Fixture {
  ir::Program program;
  std::unique_ptr<JitProgram> jit;
  std::unique_ptr<graphinterp::Interpreter> interp;
  std::unique_ptr<llgraph::GraphHeap> heap;
  std::unique_ptr<RootedRefs> constants;
  std::unique_ptr<BlackholeInterpreter> bh;

  Fixture() {
    auto high = ir::parse_program(kBlackholeTestProgram, "blackhole.rtir");
    if (!high) FAIL(llvm::toString(high.takeError()));
    for (const auto& error : ir::verify_program(*high)) FAIL(error.to_string());
    auto low = rtyper::rtype_program(*high);
    if (!low) FAIL(llvm::toString(low.takeError()));
    program = std::move(*low);
    for (const auto& error : ir::verify_program(program)) FAIL(error.to_string());
    codewriter::CodewriterResult written = codewriter::write_jitcodes(program);
    for (const auto& error : written.errors) FAIL(error.to_string());
    jit = std::move(written.program);
    interp = std::make_unique<graphinterp::Interpreter>(program);
    heap = std::make_unique<llgraph::GraphHeap>(program, *jit, *interp);
    constants = std::make_unique<RootedRefs>(heap.get());
    make_ref_constants(*jit, *heap, *constants,
                       [&](uint32_t c) { return make_ref(interp->constant(ir::ConstId(c)).bits); });
    bh = std::make_unique<BlackholeInterpreter>(*jit, *heap, &(*constants)[0]);
  }

  uint32_t jitcode(const std::string& name) const {
    for (size_t i = 0; i < jit->jitcodes.size(); ++i)
      if (jit->jitcodes[i].name == name) return uint32_t(i);
    FAIL("no jitcode for " << name);
    return 0;
  }
  ir::FunctionId function(const std::string& name) const { return program.find_function(name); }

  // Runs `name` in the blackhole with int arguments (and floats), from its start.
  BlackholeExit run(const std::string& name, std::vector<int64_t> ints, std::vector<double> floats = {}) {
    bh->push_frame_at_start(jitcode(name), {ints.data(), ints.size(), nullptr, 0, floats.data(), floats.size()});
    return bh->run();
  }
  Outcome graph(const std::string& name, std::vector<Value> args) { return interp->call(function(name), args); }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

int64_t as_int(const Value& v) { return v.as_int(); }

}  // namespace

TEST_CASE("blackhole: integer arithmetic wraps as graph mode's, narrow types stay normalised") {
  Fixture& f = fixture();
  for (int64_t a : {0, 1, 100, 127, -128, -1}) {
    for (int64_t b : {0, 5, 127, -128}) {
      BlackholeExit e = f.run("wrap8", {a, b});
      REQUIRE(e.reason == BlackholeExit::Reason::kDoneWithThisFrame);
      Outcome g = f.graph("wrap8", {Value::integer(a), Value::integer(b)});
      CHECK(e.result.i == as_int(g.value));
      CHECK(e.result.i >= -128);
      CHECK(e.result.i <= 127);
    }
  }
  BlackholeExit e = f.run("wrap_u16", {3, 7});
  CHECK(e.result.i == 65532);
  for (int64_t a : {int64_t(0), int64_t(3), INT64_MAX, INT64_MIN, int64_t(-77)}) {
    BlackholeExit r = f.run("arith", {a, 12345});
    CHECK(r.result.i == as_int(f.graph("arith", {Value::integer(a), Value::integer(12345)}).value));
  }
}

TEST_CASE("blackhole: floats and conversions") {
  Fixture& f = fixture();
  BlackholeExit e = f.run("floats", {6}, {2.5});
  REQUIRE(e.result_kind == Kind::kFloat);
  CHECK(e.result.f == -3.75);
}

TEST_CASE("blackhole: switch tables, the default and bool branches") {
  Fixture& f = fixture();
  for (int64_t x : {1, 2, 7, 3, -5, 0}) {
    BlackholeExit e = f.run("classify", {x});
    CHECK(e.result.i == as_int(f.graph("classify", {Value::integer(x)}).value));
  }
  CHECK(f.run("classify", {7}).result.i == 70);
  CHECK(f.run("classify", {-5}).result.i == -1);
}

TEST_CASE("blackhole: exceptions caught in the frame and escaping it") {
  Fixture& f = fixture();
  // Caught: an inlined callee raises; catch_exception and the class range pick the handler.
  CHECK(f.run("catcher", {2}).result.i == 2);
  CHECK(f.run("catcher", {9}).result.i == 100);
  // Escaping: the bottom frame exits with the exception (the class as raised, the object).
  BlackholeExit e = f.run("raiser", {9});
  REQUIRE(e.reason == BlackholeExit::Reason::kExitFrameWithException);
  ir::ClassId oops = f.program.find_class("Oops");
  CHECK(e.exc_type == f.program.class_layout(oops).min_type_id);
  CHECK(graphinterp::class_of(Value::ref(graphinterp::Tag::kObject, reinterpret_cast<void*>(ref_bits(e.exc_value)))) ==
        oops);
  // Raised by the blackhole itself (checked arithmetic), with rt's class and message.
  BlackholeExit o = f.run("overflow", {INT64_MAX, 1});
  REQUIRE(o.reason == BlackholeExit::Reason::kExitFrameWithException);
  Outcome g = f.graph("overflow", {Value::integer(INT64_MAX), Value::integer(1)});
  REQUIRE(g.kind == Outcome::kRaised);
  CHECK(f.heap->class_of_type_id(o.exc_type) == g.exc_class);
  Value message = f.interp->field(graphinterp::Interpreter::reference(ref_bits(o.exc_value)), "rt::Exception", "message");
  std::string text;
  for (int64_t i = 0; i < f.interp->length(message); ++i) text += char(f.interp->item(message, i).as_int());
  CHECK(text == g.message);
  CHECK(f.run("overflow", {1, 2}).result.i == 3);
  // A ZeroDivisionError from the blackhole, caught by its link.
  CHECK(f.run("divide", {7, 0}).result.i == -7);
  CHECK(f.run("divide", {-7, 2}).result.i == -4);
}

TEST_CASE("blackhole: fields of every width, allocation, globals") {
  Fixture& f = fixture();
  for (int64_t a : {1, 40000, -3}) {
    BlackholeExit e = f.run("boxes", {a});
    // Graph mode runs after the blackhole: the global counter moved once between the two.
    Outcome g = f.graph("boxes", {Value::integer(a)});
    CHECK(e.result.i + 1 == as_int(g.value));
  }
}

TEST_CASE("blackhole: the portal's merge point exits with the greens and reds and the runner restarts there") {
  Fixture& f = fixture();
  std::vector<int64_t> args{0, 3, 0};
  f.bh->push_frame_at_start(f.jitcode("run"), {args.data(), args.size(), nullptr, 0, nullptr, 0});
  BlackholeExit e = f.bh->run();
  REQUIRE(e.reason == BlackholeExit::Reason::kContinueRunningNormally);
  const MergePointValues& values = f.bh->merge_point_values();
  CHECK(values.num_greens[0] == 1);
  REQUIRE(values.ints.size() == 3);
  CHECK(values.ints == std::vector<int64_t>{0, 3, 0});
  CHECK(f.bh->depth() == 0);
  // Restarted at the merge point, the next exit is one iteration later.
  f.bh->push_portal_frame_at_merge_point(values);
  e = f.bh->run();
  REQUIRE(e.reason == BlackholeExit::Reason::kContinueRunningNormally);
  CHECK(f.bh->merge_point_values().ints[0] == 1);
  CHECK(f.bh->merge_point_values().ints[1] == 2);
  // The whole call, restarted at every merge point, agrees with graph mode (globals move:
  // compare two graph runs' difference with the blackhole's).
  BlackholeExit whole = run_portal_in_blackhole(*f.bh, *f.jit, {args.data(), args.size(), nullptr, 0, nullptr, 0});
  REQUIRE(whole.reason == BlackholeExit::Reason::kDoneWithThisFrame);
  Outcome g1 = f.graph("run", {Value::integer(0), Value::integer(3), Value::integer(0)});
  Outcome g2 = f.graph("run", {Value::integer(0), Value::integer(3), Value::integer(0)});
  int64_t step = as_int(g2.value) - as_int(g1.value);
  CHECK(whole.result.i == as_int(g1.value) - step);
}

TEST_CASE("blackhole: resuming frames from a liveness point and the outer frame gets its callee's result") {
  Fixture& f = fixture();
  const JitCode& run = f.jit->jitcodes[f.jitcode("run")];
  // The -live- right after the portal's inline call of `classify`.
  uint32_t after_call = kNoIndex;
  for (uint32_t pc = 0; pc < run.code.size(); pc += insn_length(run.code.data(), pc)) {
    JitInsn insn;
    REQUIRE(decode_insn(run, pc, insn));
    if (insn.opcode == JitOpcode::inline_call_ir_i &&
        f.jit->descrs.functions[insn.operands[0].value].name == "classify")
      after_call = pc + insn.length;
  }
  REQUIRE(after_call != kNoIndex);
  REQUIRE(run.code[after_call] == uint8_t(JitOpcode::live));
  // The portal frame (outer), then classify's frame at its first -live- (its switch).
  f.bh->begin_frame(f.jitcode("run"), after_call);
  const Liveness& outer = f.jit->liveness[run.code[after_call + 1] | run.code[after_call + 2] << 8];
  // Every live int register of the portal is the loop's counter values: set them all to 1,
  // the remaining iterations to 1 (n is among them).
  for (size_t i = 0; i < outer.regs[0].size(); ++i) f.bh->set_int(i, 1);
  const JitCode& classify = f.jit->jitcodes[f.jitcode("classify")];
  uint32_t live = 0;
  while (classify.code[live] != uint8_t(JitOpcode::live)) live += insn_length(classify.code.data(), live);
  int64_t counter = 0;
  for (uint32_t g = 0; g < f.program.num_globals(); ++g)
    if (f.program.global_info(ir::GlobalId(g)).name == "counter") counter = f.interp->get_global(ir::GlobalId(g)).as_int();
  f.bh->begin_frame(f.jitcode("classify"), live);
  f.bh->set_int(0, 7);
  REQUIRE(f.bh->depth() == 2);
  BlackholeExit e = f.bh->run();
  // classify(7) returned 70 into the portal's register; the portal went on to its next merge
  // point, which exits.
  REQUIRE(e.reason == BlackholeExit::Reason::kContinueRunningNormally);
  CHECK(f.bh->depth() == 0);
  // pc 1 -> 2, n 1 -> 0, acc = 1 + wrap8's 1 + classify's 70 + catcher(1) + boxes(1).
  const MergePointValues& values = f.bh->merge_point_values();
  REQUIRE(values.ints.size() == 3);
  CHECK(values.ints[0] == 2);
  CHECK(values.ints[1] == 0);
  CHECK(values.ints[2] == 1 + 1 + 70 + 1 + (1 + 1 + counter + 1));
}
