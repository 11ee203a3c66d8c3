// The blackhole interpreter (docs/jit.md, "The blackhole interpreter"): runs a chain of jitcode
// frames as fast as a plain interpreter can, over a JitHeap, with no tracing. RPython's
// blackhole.py. It is what takes a failed guard (or an aborted trace) back to the interpreter:
// frames are rebuilt from resume data, run until the bottom portal frame reaches its
// jit_merge_point, and the portal runner continues from there with the greens and reds. It also
// runs whole portal calls from their start (the differential test of jit/llgraph).
//
//   BlackholeInterpreter bh(program, heap, ref_constants);
//   bh.push_frame_at_start(program.portal.jitcode, args);
//   BlackholeExit exit = bh.run();
//
// How a run ends is an explicit record, never a C++ exception (RPython's JitExceptions):
// the bottom frame returned, raised, or reached the portal's merge point. A JitHeap may still
// unwind through run() with its own C++ exception for what ends the whole program (a fatal
// error, a process exit): the interpreter is exception-neutral and stays usable afterwards.
//
// Registers: per frame and kind, the jitcode's registers followed by its constants (so an
// operand byte indexes one array); ref registers live in JitHeap::allocate_roots storage, so the
// collector sees them.
#pragma once

#include <cstdint>
#include <vector>

#include "rtoolchain/jit/heap.h"
#include "rtoolchain/jit/jitcode.h"
#include "rtoolchain/jit/resume.h"
#include "rtoolchain/jit/trace.h"

namespace rt {
class Exception;
}

namespace rtoolchain::jit {

struct BlackholeExit {
  enum class Reason : uint8_t {
    kDoneWithThisFrame,        // the bottom frame returned: `result` of `result_kind`
    kExitFrameWithException,   // the bottom frame raised: `exc_type`, `exc_value`
    kContinueRunningNormally,  // the bottom portal frame reached jit_merge_point: greens and reds
                               // are in merge_point_values()
  };
  Reason reason = Reason::kDoneWithThisFrame;
  Kind result_kind = Kind::kVoid;
  AnyValue result = AnyValue::of_int(0);
  int64_t exc_type = 0;  // the class as raised (its type id)
  GcRef exc_value = kNullRef;
};

// The greens and reds of a merge point, each kind in the order of jit_merge_point's operand
// lists: the greens' values first, then the reds'. Refs are rooted.
struct MergePointValues {
  explicit MergePointValues(JitHeap* heap) : refs(heap) {}
  std::vector<int64_t> ints;
  RootedRefs refs;
  std::vector<double> floats;
  uint32_t num_greens[kNumValueKinds] = {0, 0, 0};
};

class BlackholeInterpreter : public ResumeRegisterSink {
 public:
  // `ref_constants` is indexed like program.ref_constants: the host's values for them (rooted
  // storage that outlives the interpreter; make_ref_constants builds it).
  BlackholeInterpreter(const JitProgram& program, JitHeap& heap, const GcRef* ref_constants);
  ~BlackholeInterpreter() override;
  BlackholeInterpreter(const BlackholeInterpreter&) = delete;
  BlackholeInterpreter& operator=(const BlackholeInterpreter&) = delete;

  // --- Building the frame chain, outermost first; run() runs the last one pushed. -------------
  // A frame at the start of `jitcode`, its parameters from `args` (each kind in order).
  void push_frame_at_start(uint32_t jitcode, const CallArgs& args);
  // The bottom portal frame at its merge point with these greens and reds (what
  // kContinueRunningNormally handed out); that first jit_merge_point does not exit again.
  void push_portal_frame_at_merge_point(const MergePointValues& values);
  // From resume data (ResumeRegisterSink): begin_frame(jitcode, pc) pushes a frame at `pc`,
  // which must be a `-live-`; set_int/set_ref/set_float(i, v) then set the i-th register of
  // that kind in the liveness there. An outer frame's pc is the `-live-` right after its call:
  // the callee's result goes to that call's result register, its exception looks for the
  // call's catch_exception.
  void begin_frame(uint32_t jitcode, uint32_t pc) override;
  void set_int(size_t index, int64_t value) override;
  void set_ref(size_t index, GcRef value) override;
  void set_float(size_t index, double value) override;

  // Runs the chain until the bottom frame returns, raises or reaches the portal's merge point.
  // The chain is empty afterwards.
  BlackholeExit run();
  // Valid after a kContinueRunningNormally exit, until the next run().
  const MergePointValues& merge_point_values() const { return exit_values_; }

  size_t depth() const { return frames_.size(); }
  // Instructions run since construction (for figures and tests).
  uint64_t instructions_run() const { return instructions_; }

 private:
  struct Frame {
    uint32_t jitcode;
    uint32_t pc;
    uint32_t base[kNumValueKinds];  // offsets of the register files in the arenas
    // The call this frame is in (when a callee frame runs above it): where the result goes.
    Kind call_result = Kind::kVoid;
    uint8_t call_result_reg = 0;
  };

  Frame& push_frame(uint32_t jitcode, uint32_t pc);
  BlackholeExit run_frames();  // the dispatch loop
  void raise_from_rt(rt::Exception* error);
  // A call instruction at the top frame's pc: runs it (a callee frame pushed, or a residual
  // call done); false when it raised (the pending exception set).
  bool do_call(uint32_t pc, uint32_t& next_pc);
  void pop_frame();
  // The liveness of the `-live-` at the top frame's pc, for the resume sink.
  const Liveness& resumed_liveness() const;
  // Makes a pending exception of the rt exception `name` (OverflowError, ...) with `message`.
  void raise_rt(const char* name, const char* message);
  GcRef make_text(const char* text);
  // Finds the handler for the pending exception: after the raising instruction ending at `pc`
  // (one `-live-` skipped), a catch_exception, else the callers'. False when it leaves the chain.
  bool unwind(uint32_t pc);

  const JitProgram& program_;
  JitHeap& heap_;
  const GcRef* ref_constants_;
  std::vector<Frame> frames_;
  std::vector<int64_t> ints_;
  RootedRefs refs_;
  std::vector<double> floats_;
  uint32_t top_[kNumValueKinds] = {0, 0, 0};  // arena tops
  // The pending (or last caught) exception.
  int64_t exc_type_ = 0;
  RootedRefs exc_value_;  // one slot
  RootedRefs call_refs_;  // a residual call's ref arguments
  MergePointValues exit_values_;
  uint64_t instructions_ = 0;
};

// The values of program.ref_constants in rooted storage: resolve(i) gives the host's value of a
// graph constant (the other kinds are handled here: null, and text built as a string array).
template <class Resolve>
void make_ref_constants(const JitProgram& program, JitHeap& heap, RootedRefs& out, Resolve resolve);

// A byte string as the program's string representation (an array<i8> by program.string_array).
GcRef make_program_text(const JitProgram& program, JitHeap& heap, llvm::StringRef text);

// Runs a portal call in the blackhole from the portal's start: each time the bottom frame
// reaches the merge point it is restarted there with the greens and reds, so the whole call
// runs in the blackhole (what RPython's portal runner does when no compiled code exists).
BlackholeExit run_portal_in_blackhole(BlackholeInterpreter& bh, const JitProgram& program, const CallArgs& args);

template <class Resolve>
void make_ref_constants(const JitProgram& program, JitHeap& heap, RootedRefs& out, Resolve resolve) {
  out.resize(program.ref_constants.size());
  for (size_t i = 0; i < program.ref_constants.size(); ++i) {
    const RefConstant& rc = program.ref_constants[i];
    switch (rc.kind) {
      case RefConstant::Kind::kNull: out[i] = kNullRef; break;
      case RefConstant::Kind::kGraphConstant: out[i] = resolve(rc.graph_const); break;
      case RefConstant::Kind::kText: out[i] = make_program_text(program, heap, rc.text); break;
    }
  }
}

}  // namespace rtoolchain::jit
