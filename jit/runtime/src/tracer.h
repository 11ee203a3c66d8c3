// The tracer (docs/jit.md, "The tracer"; private to the run time): RPython's pyjitpl MIFrame and
// MetaInterp._interpret. It runs jitcodes concretely through the JitHeap and records what it does
// as trace operations: every register holds a TraceValue (an input, an operation's result or a
// constant) whose concrete value the tracer knows.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rtoolchain/jit/jitcode.h"
#include "rtoolchain/jit/log.h"
#include "rtoolchain/jit/metainterp.h"
#include "rtoolchain/jit/resume.h"
#include "rtoolchain/jit/trace.h"

namespace rtoolchain::jit {

// One jitcode activation of the tracer. Registers are followed by the jitcode's constants, so an
// operand byte indexes the register file directly.
struct TracerFrame {
  uint32_t jitcode = 0;
  uint32_t pc = 0;
  std::vector<TraceValue> regs[kNumValueKinds];
  // Where the caller's call instruction wants the result (when this frame returns).
  Kind result_kind = Kind::kVoid;
  uint8_t result_reg = 0;
  bool is_portal = false;
  size_t ops_at_entry = 0;  // trace length when the frame was pushed (the blame of long traces)
};

// How a trace ended.
struct TraceEnd {
  enum class Type : uint8_t {
    kEnterLoop,   // compiled (a loop, or a bridge into one); run `loop` from `values`' reds
    kBlackhole,   // aborted: `frames` (a snapshot) go to the blackhole
    kReturn,      // the bottom portal frame returned (the trace is dropped)
    kRaise,       // the bottom portal frame raised
  };
  Type type = Type::kBlackhole;
  const LoopEntry* loop = nullptr;
  std::vector<SnapshotFrame> frames;  // kBlackhole; values read with Tracer::concrete
};

class Tracer {
 public:
  // A loop trace from the portal's merge point with these greens and reds.
  Tracer(MetaInterp& mi, const MergePointValues& start, uint64_t start_hash);
  // A bridge from a failed guard: frames from its resume data, inputs its fail-args.
  Tracer(MetaInterp& mi, FailDescr& guard, const DeadFrame& frame);
  ~Tracer();

  // Runs until the trace ends. `values` receives the merge point's greens and reds
  // (kEnterLoop), or the portal's result or exception via `action`.
  TraceEnd run(MergePointValues& values, PortalAction& action);

  AnyValue concrete(TraceValue v) const;
  Kind kind_of(TraceValue v) const { return trace_->kind_of(v); }
  AbortReason abort_reason() const { return abort_reason_; }
  bool is_bridge() const { return guard_ != nullptr; }

 private:
  // --- Values. ------------------------------------------------------------------------------------
  TraceValue constant(Kind kind, AnyValue v) { return trace_->constants.add(kind, v); }
  TraceValue const_int(int64_t v) { return trace_->constants.add_int(v); }
  TraceValue add_input(Kind kind, AnyValue v);
  // Records an operation whose concrete result is `value` (ignored for a void operation).
  TraceValue record(TraceOpcode opcode, std::vector<TraceValue> args, uint32_t descr, AnyValue value);
  // A pure scalar operation: folded when its arguments are constants, else recorded.
  TraceValue pure(TraceOpcode opcode, std::vector<TraceValue> args, uint32_t descr = kNoIndex);
  // Records a guard resuming at the last `-live-` (the snapshot taken there).
  void guard(TraceOpcode opcode, std::vector<TraceValue> args);
  // Guards `v` to its concrete value and makes it a constant in every register.
  TraceValue promote(TraceValue v);
  void replace_everywhere(TraceValue from, TraceValue to);

  // --- Frames and snapshots. -----------------------------------------------------------------------
  TracerFrame& top() { return frames_.back(); }
  TracerFrame& push_frame(uint32_t jitcode, uint32_t pc);
  void pop_frame();
  // The chain of live registers: outer frames at the `-live-` after their call, the top frame at
  // the `-live-` at `top_pc`.
  std::vector<SnapshotFrame> snapshot(uint32_t top_pc);
  void take_snapshot(uint32_t live_pc);
  void side_effect() { clean_ = false; }
  // Asks for an abort: the trace is abandoned at the next `-live-` of the top frame.
  void request_abort(AbortReason reason);

  // --- Execution (tracer_insns.cpp). -----------------------------------------------------------
  enum class Step : uint8_t { kNext, kEnd };
  Step step(TraceEnd& end, MergePointValues& values, PortalAction& action);
  TraceValue reg(Kind kind, uint32_t n) { return top().regs[static_cast<int>(kind)][n]; }
  void set_reg(Kind kind, uint32_t n, TraceValue v) { top().regs[static_cast<int>(kind)][n] = v; }
  Step do_call(const JitInsn& insn, TraceEnd& end, PortalAction& action);
  Step residual_call(std::vector<TraceValue> (&lists)[kNumValueKinds], Kind result_kind, uint8_t result_reg,
                     uint32_t next, uint32_t function, uint32_t calldescr, TraceValue fn_value, TraceEnd& end,
                     PortalAction& action);
  Step merge_point(const JitInsn& insn, TraceEnd& end, MergePointValues& values);
  // A returned value leaves the top frame; kEnd when it was the bottom frame.
  Step do_return(Kind kind, TraceValue value, TraceEnd& end, PortalAction& action);
  // The pending exception looks for its handler from `pc` (just after the raising instruction),
  // popping frames; kEnd when it leaves the bottom frame.
  Step unwind(uint32_t pc, bool leave_frame, TraceEnd& end, PortalAction& action);
  // Ends the trace at the last clean snapshot (kBlackhole).
  Step abort_now(TraceEnd& end, AbortReason reason);
  void blame_biggest_function();

  MetaInterp& mi_;
  const JitProgram& program_;
  JitHeap& heap_;
  std::unique_ptr<Trace> trace_;
  ResumeBuilder resume_builder_;
  std::vector<TracerFrame> frames_;
  // Concrete values of inputs and operation results; refs rooted.
  std::vector<AnyValue> input_values_, op_values_;
  RootedRefs input_refs_, op_refs_;
  // The last `-live-` of the top frame and whether nothing with an effect ran since.
  std::vector<SnapshotFrame> last_snapshot_;
  bool clean_ = false;
  bool have_snapshot_ = false;
  // The pending exception (a raise in the trace): its type id and object.
  int64_t exc_type_ = 0;
  TraceValue exc_value_;
  // The object guard_exception's result gets (set just before recording it).
  GcRef exc_pending_value_ = kNullRef;
  // Set by record_quasiimmut_field: the next pure field read must stay a read.
  bool quasi_immutable_read_ = false;
  std::optional<AbortReason> abort_requested_;
  AbortReason abort_reason_ = AbortReason::bad_loop;
  // Loop traces: the start.
  uint64_t start_hash_ = 0;
  TargetToken* start_label_ = nullptr;
  std::unique_ptr<MergePointValues> start_values_;
  // Bridges: the guard.
  FailDescr* guard_ = nullptr;
  std::vector<std::pair<uint32_t, size_t>> inlined_sizes_;
  // Green keys of the bottom frame's merge points passed so far (a second visit is an inner loop).
  std::vector<uint64_t> seen_keys_;
  bool first_merge_point_ = true;  // (jitcode, ops) of finished frames
};

}  // namespace rtoolchain::jit
