// The meta-interpreter (docs/jit.md, "The portal runner" and "The tracer"): what the interpreter
// calls at its merge points. It warms up green keys, traces loops and bridges through the
// interpreter's jitcodes (src/tracer.*), compiles them on a backend, runs compiled code and takes
// guard failures back to the interpreter through the blackhole. RPython's warmspot's portal
// runner, warmstate's maybe_compile_and_run, pyjitpl and compile.py, for one JIT driver.
//
// The host (graph mode's JitPortal, a translated VM's glue) converts its values to
// MergePointValues and acts on the PortalAction it gets back; nothing else crosses.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/jit/backend.h"
#include "rtoolchain/jit/blackhole.h"
#include "rtoolchain/jit/jitcode.h"
#include "rtoolchain/jit/log.h"
#include "rtoolchain/jit/params.h"
#include "rtoolchain/jit/resume.h"
#include "rtoolchain/jit/warmstate.h"

namespace rtoolchain::jit {

class Tracer;

// What the interpreter does after a merge point (docs/jit.md, "The portal runner").
struct PortalAction {
  enum class Type : uint8_t {
    kContinue,  // go on interpreting
    kRestart,   // set the merge point's greens and reds to the new values, go on after it
    kReturn,    // the portal frame returns `result` (of the portal's result kind)
    kRaise,     // the portal frame raises (exc_type: a type id, exc_value)
  };
  Type type = Type::kContinue;
  Kind result_kind = Kind::kVoid;
  AnyValue result = AnyValue::of_int(0);
  int64_t exc_type = 0;
  // kReturn of a ref and kRaise: the object, held where the collector sees it.
  GcRef ref() const { return (*held)[0]; }
  void set_ref(GcRef r) { (*held)[0] = r; }

  explicit PortalAction(JitHeap* heap) : held(std::make_unique<RootedRefs>(heap)) { held->resize(1); }
  std::unique_ptr<RootedRefs> held;
};

// One compiled loop's entry: the green key it starts at.
struct LoopEntry {
  std::vector<int64_t> green_ints;
  std::vector<GcRef> green_refs;  // also held as constants of the loop's trace
  std::vector<double> green_floats;
  LoopToken* token = nullptr;
  TargetToken* target = nullptr;  // the label at the loop's start
};

class MetaInterp {
 public:
  // `ref_constants` as the blackhole takes them (make_ref_constants); all references are kept.
  MetaInterp(const JitProgram& program, JitHeap& heap, Backend& backend, const GcRef* ref_constants,
             const JitParams& params, const LogParams& log);
  ~MetaInterp();
  MetaInterp(const MetaInterp&) = delete;
  MetaInterp& operator=(const MetaInterp&) = delete;

  // can_enter_jit: ticks the key's counter; may arm the next merge point of the key.
  void at_can_enter_jit(const MergePointValues& values);
  // False when the next merge point has nothing to do (the host's fast path: no conversion).
  bool merge_point_armed() const { return armed_ != Armed::kNone; }
  bool enabled() const { return params_.enabled; }
  // jit_merge_point of a portal frame. On kRestart `values` holds the new greens and reds.
  PortalAction at_merge_point(MergePointValues& values);

  JitSummary& summary() { return summary_; }
  // Prints the summary to `out` when RTLOG asked for it (the host calls it at exit).
  void report(llvm::raw_ostream& out) const;

  // --- For the tracer (src/tracer.cpp). -----------------------------------------------------------
  const JitProgram& program() const { return program_; }
  JitHeap& heap() { return heap_; }
  const JitParams& params() const { return params_; }
  const GcRef* ref_constants() const { return ref_constants_; }
  ResumeStorage& resume_storage() { return resume_; }
  uint64_t green_hash(const MergePointValues& values) const;
  // The compiled loop starting at this key (values' greens), or null.
  const LoopEntry* find_loop(uint64_t hash, const MergePointValues& values) const;
  // Compiles a loop trace starting at `values`' key; returns its entry.
  const LoopEntry& compile_loop(std::unique_ptr<Trace> trace, const MergePointValues& values, TargetToken* start);
  void compile_bridge(std::unique_ptr<Trace> trace, FailDescr& guard);
  // Guards that must never get a bridge (they fail with an exception pending).
  void mark_not_bridgeable(const FailDescr* guard) { not_bridgeable_.push_back(guard->number); }
  // Inlined functions the tracer must call residually from now on (blamed for long traces).
  bool dont_inline(uint32_t jitcode) const { return jitcode < dont_inline_.size() && dont_inline_[jitcode]; }
  void set_dont_inline(uint32_t jitcode);
  void log_trace(const Trace& trace, const char* what, uint32_t number);
  void log_text(const std::string& text);

  // Runs a compiled loop from a merge point's reds until the JIT hands back (blackhole, bridge).
  PortalAction run_loop(const LoopEntry& entry, MergePointValues& values);
  // The blackhole run of a chain of frames (tracer aborts, guard failures) to a portal action.
  PortalAction finish_in_blackhole(BlackholeInterpreter& bh, MergePointValues& values);
  // The jitcode that raises its two registers (%i0, %r0): how a frame chain is resumed with an
  // exception pending (pushed above the frame whose call raised).
  uint32_t raiser_jitcode() const { return raiser_jitcode_; }

 private:
  PortalAction trace_loop(MergePointValues& values, uint64_t hash);
  PortalAction handle_exit(std::unique_ptr<DeadFrame> frame, MergePointValues& values);
  bool is_bridgeable(const FailDescr& guard) const;

  JitProgram program_;  // a copy with the raiser jitcode added
  JitHeap& heap_;
  Backend& backend_;
  const GcRef* ref_constants_;
  JitParams params_;
  LogParams log_;
  WarmState warm_;
  JitSummary summary_;
  ResumeStorage resume_;
  std::unordered_map<uint64_t, LoopEntry> loops_;
  std::vector<std::unique_ptr<LoopToken>> tokens_;
  std::vector<uint32_t> not_bridgeable_;  // FailDescr numbers
  std::unordered_map<uint32_t, int64_t> bridge_aborts_;  // by FailDescr number
  std::vector<bool> dont_inline_;
  uint32_t raiser_jitcode_ = 0;
  // can_enter_jit's request for the next merge point of this key.
  enum class Armed : uint8_t { kNone, kEnter, kTrace } armed_ = Armed::kNone;
  uint64_t armed_hash_ = 0;
  bool tracing_ = false;
  std::unique_ptr<llvm::raw_fd_ostream> jit_log_;
};

}  // namespace rtoolchain::jit
