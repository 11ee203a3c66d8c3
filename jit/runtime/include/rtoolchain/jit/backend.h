// The backend interface (docs/jit.md, "Backend interface"): RPython's AbstractCPU, kept narrow so
// that the interpreting backend (jit/backend/interp, the reference), an LLVM ORC backend and a
// direct x86-64 backend all fit. A backend compiles a loop or a bridge, runs a loop token, and
// reports where execution left the code as a DeadFrame.
//
// Ownership: a LoopToken owns everything compiled for one loop: the loop's code, the code of
// every bridge attached to one of its guards, and the FailDescrs and TargetTokens those traces
// created. compile_loop/compile_bridge take the traces over (the interpreting backend keeps them
// as its code; a machine-code backend may drop them after compiling).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "rtoolchain/jit/heap.h"
#include "rtoolchain/jit/kinds.h"
#include "rtoolchain/jit/trace.h"

namespace rtoolchain::jit {

// A backend's compiled form of one trace (a loop or a bridge).
struct CompiledCode {
  virtual ~CompiledCode() = default;
};

// One compiled loop and its bridges. RPython's JitCellToken.
class LoopToken {
 public:
  LoopToken() : number(next_number()) {}
  LoopToken(const LoopToken&) = delete;
  LoopToken& operator=(const LoopToken&) = delete;

  uint32_t number;                 // printed Loop(3)
  std::vector<Kind> input_kinds;   // what execute_token takes (set by compile_loop)
  bool invalidated = false;        // guard_not_invalidated fails once set (invalidate_loop)
  bool compiled = false;
  std::vector<std::shared_ptr<FailDescr>> fail_descrs;
  std::vector<std::shared_ptr<TargetToken>> target_tokens;
  std::vector<std::unique_ptr<CompiledCode>> code;  // the loop's first, then its bridges'

  static uint32_t next_number();
};

// Where compiled code was left: the FailDescr of the guard that failed or of the finish reached,
// the values of its fail-args (a finish's arguments) and, after guard_no_exception or
// guard_exception failed, the pending exception. Refs are held in GC-visible storage.
class DeadFrame {
 public:
  DeadFrame(JitHeap& heap, FailDescr* descr, std::span<const Kind> kinds);
  DeadFrame(const DeadFrame&) = delete;
  DeadFrame& operator=(const DeadFrame&) = delete;
  ~DeadFrame();

  FailDescr* latest_descr() const { return descr_; }
  size_t size() const { return kinds_.size(); }
  Kind kind(size_t i) const { return kinds_[i]; }
  int64_t get_int(size_t i) const { return values_[i].i; }
  GcRef get_ref(size_t i) const { return refs_[i]; }
  double get_float(size_t i) const { return values_[i].f; }
  AnyValue get(size_t i) const;
  void set(size_t i, AnyValue value);  // by kind(i)

  bool has_exception() const { return refs_[kinds_.size()] != kNullRef; }
  int64_t exception_type() const { return exc_type_; }
  GcRef exception_value() const { return refs_[kinds_.size()]; }
  void set_exception(int64_t type, GcRef value);

 private:
  JitHeap& heap_;
  FailDescr* descr_;
  std::vector<Kind> kinds_;
  std::vector<AnyValue> values_;  // int and float values (ref slots unused)
  GcRef* refs_;                   // one slot per value, then the exception object
  int64_t exc_type_ = 0;
};

class Backend {
 public:
  virtual ~Backend() = default;

  JitHeap& heap() const { return heap_; }

  // Compiles a loop (the trace's inputs are the token's inputs; it ends with a jump or a finish)
  // into `token`, which takes over the trace's FailDescrs and TargetTokens.
  virtual void compile_loop(std::unique_ptr<Trace> trace, LoopToken& token) = 0;
  // Compiles a bridge from a guard of a compiled loop: the bridge's inputs are the guard's
  // fail-args, in order; from now on the guard's failure runs the bridge instead of exiting.
  virtual void compile_bridge(std::unique_ptr<Trace> bridge, FailDescr& guard) = 0;
  // Runs the loop with `args` (one per input, by the token's input kinds) until a finish or a
  // guard failure without a bridge.
  virtual std::unique_ptr<DeadFrame> execute_token(LoopToken& token, std::span<const AnyValue> args) = 0;
  // Makes every guard_not_invalidated of the loop and its bridges fail from now on (a
  // quasi-immutable field the loop depends on was written).
  virtual void invalidate_loop(LoopToken& token) = 0;
  // Releases the loop's code; nothing may run or jump into it any more.
  virtual void free_loop(LoopToken& token) = 0;

  // call_assembler_*: when the called loop leaves by a guard rather than a finish, the run time
  // finishes the call (blackhole) and gives the result or the exception. RPython's
  // assembler_helper. Without a handler such an exit is a fatal error.
  using CallAssemblerHandler = std::function<CallResult(LoopToken&, DeadFrame&)>;
  void set_call_assembler_handler(CallAssemblerHandler handler) { call_assembler_ = std::move(handler); }

 protected:
  explicit Backend(JitHeap& heap) : heap_(heap) {}
  const CallAssemblerHandler& call_assembler_handler() const { return call_assembler_; }

 private:
  JitHeap& heap_;
  CallAssemblerHandler call_assembler_;
};

// A JIT invariant broken at run time (a toolchain bug): prints "fatal JIT error: MESSAGE" and
// aborts.
[[noreturn]] void jit_fatal(const std::string& message);

}  // namespace rtoolchain::jit
