// The trace operation table (trace_ops.def) and its lookups.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "rtoolchain/jit/trace.h"

using namespace rtoolchain::jit;

TEST_CASE("every trace operation has a unique name found again by lookup", "[trace]") {
  std::set<std::string> names;
  for (int i = 0; i < kNumTraceOpcodes; ++i) {
    auto opcode = static_cast<TraceOpcode>(i);
    const TraceOpInfo& info = trace_op_info(opcode);
    CHECK(names.insert(std::string(info.name)).second);
    CHECK(trace_opcode_named(info.name) == opcode);
  }
  CHECK_FALSE(trace_opcode_named("int_frobnicate").has_value());
}

TEST_CASE("the operation table's effect bits are consistent", "[trace]") {
  for (int i = 0; i < kNumTraceOpcodes; ++i) {
    const TraceOpInfo& info = trace_op_info(static_cast<TraceOpcode>(i));
    INFO(info.name);
    // Guards and only guards (and finish) carry a fail descr.
    CHECK((info.descr == TraceDescrKind::kFail) ==
          (info.is_guard() || info.name == std::string_view("finish")));
    CHECK_FALSE((info.has(kTraceOpPure) && info.has(kTraceOpSideEffect)));
    if (info.name.starts_with("guard_")) CHECK(info.is_guard());
    if (info.has(kTraceOpCall)) CHECK(info.has(kTraceOpCanRaise));
    if (info.has(kTraceOpFinal)) CHECK(info.has(kTraceOpControl));
    for (size_t a = 0; a < info.num_fixed_args(); ++a)
      CHECK(std::string_view("irf.").find(info.args[a]) != std::string_view::npos);
  }
  CHECK(trace_op_info(TraceOpcode::op_int_add_ovf).has(kTraceOpOvf));
  CHECK(trace_op_info(TraceOpcode::op_call_r).result == Kind::kRef);
  CHECK(trace_op_info(TraceOpcode::op_call_n).result == Kind::kVoid);
  CHECK(trace_op_info(TraceOpcode::op_getfield_gc_f).descr == TraceDescrKind::kField);
  CHECK(trace_op_info(TraceOpcode::op_jump).is_variadic());
  CHECK(trace_op_info(TraceOpcode::op_new_with_vtable).has(kTraceOpAllocates));
}

TEST_CASE("the constant pool deduplicates by kind and bits", "[trace]") {
  Trace trace;
  TraceValue a = trace.constants.add_int(7);
  TraceValue b = trace.constants.add_int(7);
  TraceValue c = trace.constants.add_float(0.0);
  TraceValue d = trace.constants.add_ref(kNullRef);  // same bits as int 0 and float 0.0
  TraceValue e = trace.constants.add_int(0);
  CHECK(a == b);
  CHECK(c != d);
  CHECK(d != e);
  CHECK(trace.kind_of(c) == Kind::kFloat);
  CHECK(trace.kind_of(d) == Kind::kRef);
  CHECK(trace.constants.value(a.index()).i == 7);
  for (int i = 0; i < 100; ++i) trace.constants.add_ref(make_ref(static_cast<uint64_t>(0x1000 + 16 * i)));
  CHECK(trace.constants.value(trace.constants.add_ref(make_ref(uint64_t{0x1000 + 16 * 42})).index()).r ==
        0x1000 + 16 * 42);
}
