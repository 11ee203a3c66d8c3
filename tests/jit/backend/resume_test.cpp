// Resume data: encoding round trips, compactness, sharing between adjacent guards, and reading
// frames back from a dead frame.
#include "backend_fixture.h"
#include "rtoolchain/jit/resume.h"

using namespace rtoolchain::jit;
using namespace rtoolchain::jit::testing;

namespace {

struct RecordingSink final : ResumeRegisterSink {
  struct Frame {
    uint32_t jitcode, pc;
    std::vector<int64_t> ints;
    std::vector<GcRef> refs;
    std::vector<double> floats;
  };
  std::vector<Frame> frames;
  void begin_frame(uint32_t jitcode, uint32_t pc) override { frames.push_back({jitcode, pc, {}, {}, {}}); }
  void set_int(size_t i, int64_t v) override { put(frames.back().ints, i, v); }
  void set_ref(size_t i, GcRef v) override { put(frames.back().refs, i, v); }
  void set_float(size_t i, double v) override { put(frames.back().floats, i, v); }
  template <class T>
  static void put(std::vector<T>& regs, size_t i, T v) {
    if (regs.size() <= i) regs.resize(i + 1);
    regs[i] = v;
  }
};

}  // namespace

TEST_CASE("resume records round-trip through their varint encoding", "[jit-resume]") {
  BackendFixture f;
  ResumeStorage storage(&f.heap());
  ResumeRecord record;
  record.num_fail_args = 3;
  ResumeFrame outer;
  outer.jitcode = 0;
  outer.pc = 1234;
  outer.registers[0] = {ResumeValue::box(0), ResumeValue::int_const(-5), storage.int_value(INT64_MIN),
                        ResumeValue::int_const((int64_t{1} << 60) - 1)};
  outer.registers[1] = {ResumeValue::box(1), ResumeValue::pool_const(storage.add_constant(Kind::kRef, AnyValue::of_ref(kNullRef)))};
  ResumeFrame inner;
  inner.jitcode = 300;
  inner.pc = 7;
  inner.registers[2] = {ResumeValue::box(2), ResumeValue::pool_const(storage.add_constant(Kind::kFloat, AnyValue::of_float(2.5))),
                        ResumeValue::virtual_object(4)};
  record.frames = {outer, inner};
  uint32_t first = storage.encode(record);
  uint32_t second = storage.encode(record);
  CHECK(first == 0);
  CHECK(second == storage.bytes() / 2);
  for (uint32_t position : {first, second}) {
    ResumeRecord back = storage.decode(position);
    CHECK(back.num_fail_args == 3);
    REQUIRE(back.frames.size() == 2);
    CHECK(back.frames[0] == outer);
    CHECK(back.frames[1] == inner);
  }
  CHECK(storage.int_value(INT64_MIN).tag == ResumeValue::Tag::kConst);
  // Small numbers take one byte each: header 2, frame 0: 1 + 2 (pc 1234) + counts 3 + values.
  CHECK(storage.bytes() / 2 < 40);
}

TEST_CASE("a dead frame's values come back per frame and per kind", "[jit-resume]") {
  BackendFixture f;
  ResumeStorage storage(&f.heap());
  GcRef node = make_ref(fn_make_node(9));
  uint32_t node_const = storage.add_constant(Kind::kRef, AnyValue::of_ref(node));
  ResumeRecord record;
  record.num_fail_args = 3;
  ResumeFrame a;
  a.jitcode = 1;
  a.pc = 10;
  a.registers[0] = {ResumeValue::box(1), ResumeValue::int_const(77)};
  a.registers[1] = {ResumeValue::pool_const(node_const), ResumeValue::box(0)};
  ResumeFrame b;
  b.jitcode = 2;
  b.pc = 20;
  b.registers[0] = {ResumeValue::box(1)};
  b.registers[2] = {ResumeValue::box(2)};
  record.frames = {a, b};
  uint32_t position = storage.encode(record);

  std::vector<Kind> kinds = {Kind::kRef, Kind::kInt, Kind::kFloat};
  DeadFrame dead(f.heap(), nullptr, kinds);
  GcRef other = make_ref(fn_make_node(10));
  dead.set(0, AnyValue::of_ref(other));
  dead.set(1, AnyValue::of_int(-3));
  dead.set(2, AnyValue::of_float(0.25));
  rt::gc::collect();  // the storage's constant and the dead frame's ref are roots

  RecordingSink sink;
  read_resume_frames(storage, position, dead, sink);
  REQUIRE(sink.frames.size() == 2);
  CHECK(sink.frames[0].jitcode == 1);
  CHECK(sink.frames[0].pc == 10);
  CHECK(sink.frames[0].ints == std::vector<int64_t>{-3, 77});
  CHECK(sink.frames[0].refs == std::vector<GcRef>{node, other});
  CHECK(sink.frames[1].ints == std::vector<int64_t>{-3});
  CHECK(sink.frames[1].floats == std::vector<double>{0.25});
  CHECK(f.heap().get_int_field(sink.frames[0].refs[0], f.descrs().fields[0]) == 9);
}

TEST_CASE("the builder numbers fail-args and shares data between adjacent guards", "[jit-resume]") {
  BackendFixture f;
  ResumeStorage storage(&f.heap());
  ResumeBuilder builder(storage);
  TraceParseResult parsed = parse_trace(R"([i0, p1, f2]
i3 = int_add(i0, 1)
i4 = int_lt(i3, 10)
guard_true(i4) []
i5 = int_mul(i3, 2)
guard_true(i5) []
setfield_gc(p1, i5, descr=Node.value)
guard_true(i5) []
finish()
)", f.descrs(), &f.heap());
  REQUIRE(parsed.trace);
  Trace& trace = *parsed.trace;
  auto op = [](uint32_t i) { return TraceValue::op(i); };
  auto snapshot = [&](std::vector<TraceValue> ints) {
    SnapshotFrame frame;
    frame.jitcode = 5;
    frame.pc = 40;
    frame.registers[0] = ints;
    frame.registers[0].push_back(trace.constants.add_int(1000));
    frame.registers[1] = {TraceValue::input(1)};
    frame.registers[2] = {TraceValue::input(2), TraceValue::input(2)};
    return std::vector<SnapshotFrame>{frame};
  };

  std::vector<CapturedResume> captured;
  for (size_t i = 0; i < trace.ops.size(); ++i) {
    const TraceOp& o = trace.ops[i];
    if (!o.info().is_guard()) {
      builder.note_operation(o.opcode);
      continue;
    }
    captured.push_back(builder.capture(trace, snapshot({TraceValue::input(0), op(static_cast<uint32_t>(i - 1))})));
  }
  REQUIRE(captured.size() == 3);
  CHECK_FALSE(captured[0].shared);
  CHECK(captured[0].fail_args == std::vector<TraceValue>{TraceValue::input(0), op(1), TraceValue::input(1),
                                                         TraceValue::input(2)});
  // Only a pure operation between the first two guards: the second resumes at the first's point.
  CHECK(captured[1].shared);
  CHECK(captured[1].position == captured[0].position);
  CHECK(captured[1].fail_args == captured[0].fail_args);
  // A setfield in between: the third has its own data.
  CHECK_FALSE(captured[2].shared);
  CHECK(captured[2].position != captured[0].position);
  CHECK(builder.guards_shared() == 1);

  ResumeRecord record = storage.decode(captured[2].position);
  CHECK(record.num_fail_args == 4);
  REQUIRE(record.frames.size() == 1);
  CHECK(record.frames[0].registers[0] ==
        std::vector<ResumeValue>{ResumeValue::box(0), ResumeValue::box(1), ResumeValue::int_const(1000)});
  CHECK(record.frames[0].registers[2] == std::vector<ResumeValue>{ResumeValue::box(3), ResumeValue::box(3)});
}
