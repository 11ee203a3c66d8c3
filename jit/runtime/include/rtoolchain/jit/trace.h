// The trace IR (docs/jit.md, "Trace IR"): what the tracer records, the optimizer rewrites and a
// backend compiles. RPython's ResOperation/history.py, kept as plain vectors (RPython's compact
// opencoder encoding is a later memory optimisation).
//
// A Trace has typed input arguments and a list of operations. An operation's arguments are
// TraceValues: an input argument, the result of an earlier operation, or a constant of the
// trace's ConstantPool. Descriptors are DescrTable indices (fields, arrays, sizes, calls) or
// run-time objects: a guard's or a finish's FailDescr, a label's or a jump's TargetToken, a
// call_assembler's LoopToken. Ref constants live in GC-visible storage (JitHeap::allocate_roots).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rtoolchain/jit/descr.h"
#include "rtoolchain/jit/kinds.h"

namespace rtoolchain::jit {

class JitHeap;
class LoopToken;
struct CompiledCode;

// ---- The operation table (trace_ops.def) ------------------------------------------------------

enum TraceOpEffect : uint32_t {
  kTraceOpNone = 0,
  kTraceOpPure = 1 << 0,        // result depends on the arguments only: foldable, CSE-able
  kTraceOpGuard = 1 << 1,       // may leave the trace (carries a FailDescr and fail-args)
  kTraceOpSideEffect = 1 << 2,  // writes memory or calls out: resume data is not shared across
  kTraceOpCanRaise = 1 << 3,    // may leave an exception pending (calls; see the CallDescr)
  kTraceOpCall = 1 << 4,
  kTraceOpAllocates = 1 << 5,   // allocates (so may run the GC); no other visible effect
  kTraceOpOvf = 1 << 6,         // sets the overflow flag for the guard that follows
  kTraceOpReadsHeap = 1 << 7,   // reads mutable memory: not pure, no side effect
  kTraceOpControl = 1 << 8,     // label, jump, finish
  kTraceOpFinal = 1 << 9,       // ends a trace: jump, finish
};

enum class TraceDescrKind : uint8_t { kNone, kField, kArray, kSize, kCall, kTarget, kFail, kLoop };

enum class TraceOpcode : uint16_t {
#define RT_TRACE_OP(name, args, result, descr, effects) op_##name,
#include "rtoolchain/jit/trace_ops.def"
};

inline constexpr int kNumTraceOpcodes = 0
#define RT_TRACE_OP(name, args, result, descr, effects) +1
#include "rtoolchain/jit/trace_ops.def"
    ;

struct TraceOpInfo {
  std::string_view name;
  std::string_view args;  // argument kind letters; '.' any kind; a trailing '*' any number more
  Kind result;
  TraceDescrKind descr;
  uint32_t effects;

  bool has(TraceOpEffect bit) const { return (effects & bit) != 0; }
  bool is_guard() const { return has(kTraceOpGuard); }
  bool is_variadic() const { return !args.empty() && args.back() == '*'; }
  size_t num_fixed_args() const { return is_variadic() ? args.size() - 1 : args.size(); }
};

const TraceOpInfo& trace_op_info(TraceOpcode opcode);
std::optional<TraceOpcode> trace_opcode_named(std::string_view name);

// ---- Values -----------------------------------------------------------------------------------

// An input argument, an operation's result (by operation index) or a constant (by pool index).
class TraceValue {
 public:
  enum class Tag : uint8_t { kInput, kOp, kConst };

  TraceValue() = default;
  static TraceValue input(uint32_t index) { return TraceValue(Tag::kInput, index); }
  static TraceValue op(uint32_t index) { return TraceValue(Tag::kOp, index); }
  static TraceValue constant(uint32_t index) { return TraceValue(Tag::kConst, index); }

  Tag tag() const { return tag_; }
  uint32_t index() const { return index_; }
  bool is_const() const { return tag_ == Tag::kConst; }
  friend bool operator==(TraceValue a, TraceValue b) = default;

 private:
  TraceValue(Tag tag, uint32_t index) : tag_(tag), index_(index) {}
  Tag tag_ = Tag::kInput;
  uint32_t index_ = 0;
};

// A growable array of GcRefs the collector sees (JitHeap::allocate_roots). Without a heap (tests
// that only print and parse) it is plain memory, and must then hold no live references.
class RootedRefs {
 public:
  explicit RootedRefs(JitHeap* heap) : heap_(heap) {}
  RootedRefs(const RootedRefs&) = delete;
  RootedRefs& operator=(const RootedRefs&) = delete;
  ~RootedRefs();

  void resize(size_t count);  // new slots are null
  size_t size() const { return size_; }
  GcRef& operator[](size_t i) { return slots_[i]; }
  GcRef operator[](size_t i) const { return slots_[i]; }
  size_t push_back(GcRef ref);

 private:
  GcRef* allocate(size_t count);
  void release(GcRef* slots);

  JitHeap* heap_;
  GcRef* slots_ = nullptr;
  size_t size_ = 0, capacity_ = 0;
};

// The constants of one trace, deduplicated by kind and bits.
class ConstantPool {
 public:
  explicit ConstantPool(JitHeap* heap) : refs_(heap) {}

  TraceValue add(Kind kind, AnyValue value);
  TraceValue add_int(int64_t v) { return add(Kind::kInt, AnyValue::of_int(v)); }
  TraceValue add_ref(GcRef v) { return add(Kind::kRef, AnyValue::of_ref(v)); }
  TraceValue add_float(double v) { return add(Kind::kFloat, AnyValue::of_float(v)); }

  size_t size() const { return entries_.size(); }
  Kind kind(uint32_t index) const { return entries_[index].kind; }
  AnyValue value(uint32_t index) const;  // a ref constant is read from its rooted slot

 private:
  struct Entry {
    Kind kind;
    uint64_t bits;  // int or float bits; for a ref, the index into refs_
  };
  std::vector<Entry> entries_;
  // (kind, bits) -> index. A moving GC would rehash the refs here when it moves them.
  std::map<std::pair<uint8_t, uint64_t>, uint32_t> index_;
  RootedRefs refs_;
};

// ---- Run-time descriptors: exits, labels, loops ----------------------------------------------

// The descr of a guard or a finish: where a dead frame says execution left the compiled code.
// RPython's ResumeGuardDescr / DoneWithThisFrameDescr.
struct FailDescr {
  enum class Type : uint8_t { kGuard, kFinish };
  Type type = Type::kGuard;
  uint32_t number = 0;                  // printed <Guard7>, <Finish2>
  uint32_t resume_position = kNoIndex;  // the guard's resume data (resume.h); opaque to backends
  uint64_t failures = 0;                // times this guard failed (the run time counts them)
  // The backend's business: the interpreting backend keeps the attached bridge here.
  CompiledCode* bridge = nullptr;
  LoopToken* owner = nullptr;           // the loop whose code holds this exit (set at compile)

  static uint32_t next_number();        // fresh numbers for descrs made by the tracer
};

// A label: where jumps go. RPython's TargetToken.
struct TargetToken {
  uint32_t number = 0;             // printed TargetToken(3)
  std::vector<Kind> arg_kinds;     // the label's arguments (what a jump must pass)
  LoopToken* owner = nullptr;      // set when the loop holding the label is compiled
  CompiledCode* code = nullptr;    // the backend's code holding the label
  uint32_t op_index = kNoIndex;    // the label's index in that code's trace

  static uint32_t next_number();
};

// ---- Operations and traces --------------------------------------------------------------------

struct TraceOp {
  TraceOpcode opcode{};
  std::vector<TraceValue> args;
  uint32_t descr = kNoIndex;  // a DescrTable index, by trace_op_info(opcode).descr
  FailDescr* fail = nullptr;  // guards, finish
  TargetToken* target = nullptr;  // label, jump
  LoopToken* loop = nullptr;      // call_assembler
  std::vector<TraceValue> fail_args;  // guards: the values the dead frame holds, in order

  const TraceOpInfo& info() const { return trace_op_info(opcode); }
};

class Trace {
 public:
  explicit Trace(JitHeap* heap = nullptr) : constants(heap) {}
  Trace(const Trace&) = delete;
  Trace& operator=(const Trace&) = delete;

  TraceValue add_input(Kind kind);
  // Appends an operation; returns its result value (meaningless for a void operation).
  TraceValue record(TraceOp op);
  FailDescr* new_fail_descr(FailDescr::Type type, uint32_t number);
  TargetToken* new_target_token(uint32_t number);

  Kind kind_of(TraceValue value) const;
  Kind result_kind(const TraceOp& op) const { return op.info().result; }

  std::vector<Kind> inputs;
  std::vector<TraceOp> ops;
  ConstantPool constants;
  // Created with this trace; the loop token takes them over when the trace is compiled.
  std::vector<std::shared_ptr<FailDescr>> fail_descrs;
  std::vector<std::shared_ptr<TargetToken>> target_tokens;
};

// ---- Text form (PyPy's log syntax) --------------------------------------------------------------

struct TracePrintOptions {
  // The interpreter's source position for a debug_merge_point's arguments, printed as a comment.
  std::string (*describe_merge_point)(const TraceOp& op, const Trace& trace, void* context) =
      nullptr;
  void* context = nullptr;
};

// Prints the trace: "[i0, p1]" (the inputs), then one operation a line.
std::string print_trace(const Trace& trace, const DescrTable& descrs,
                        const TracePrintOptions& options = {});
std::string print_op(const Trace& trace, const DescrTable& descrs, size_t op_index);

// What the text may refer to beyond itself: labels of other traces (jump targets), compiled
// loops (call_assembler) and named ref constants (ConstPtr(name)).
struct TraceParseContext {
  std::vector<TargetToken*> targets;
  std::vector<LoopToken*> loops;
  std::vector<std::pair<std::string, GcRef>> named_refs;
};

struct TraceParseResult {
  std::unique_ptr<Trace> trace;  // null on error
  std::string error;             // "line:col: message"
  // The text's descr names: "Guard3" -> its FailDescr; "TargetToken(1)" is found through
  // Trace::target_tokens by number.
  std::vector<std::pair<std::string, FailDescr*>> fail_descrs;
  FailDescr* fail_descr(std::string_view name) const;
  TargetToken* target(uint32_t number) const;
};

TraceParseResult parse_trace(std::string_view text, const DescrTable& descrs, JitHeap* heap,
                             const TraceParseContext& context = {});

// ---- Verifier -----------------------------------------------------------------------------------

struct TraceVerifyOptions {
  bool require_resume_positions = false;  // traces from the tracer: every guard has resume data
};

// Every invariant broken, one message each ("op 4: i5 = int_add(...): message"); empty when the
// trace is well formed. Checked: argument counts and kinds against the table and the descrs;
// descrs present and in range; every value defined before use and after the last label (a label
// ends the scope of earlier values); fail-args only on guards; *_ovf followed by an overflow
// guard; a call that can raise followed by an exception guard (after guard_not_forced for
// call_may_force / call_assembler, which need it); the trace ends with its only jump or finish;
// jumps match their label's kinds.
std::vector<std::string> verify_trace(const Trace& trace, const DescrTable& descrs,
                                      const TraceVerifyOptions& options = {});

}  // namespace rtoolchain::jit
