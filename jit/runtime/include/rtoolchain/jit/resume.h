// Resume data (docs/jit.md, "Resume data"): for each guard, how to rebuild the interpreter's
// frames when it fails. RPython's resume.py/resumecode.py, frames only (virtuals are issue 7).
//
// A guard's resume data is a chain of frames, outermost first, each a (jitcode index, pc) and
// the registers live at that pc, per kind, in the jitcode's liveness order. Each register value
// is tagged:
//   int      an int constant inline (|v| < 2^60)
//   const    a constant of the storage's pool (larger ints, floats, refs: refs are GC-visible)
//   box      the value of the guard's fail-arg i (read from the dead frame)
//   virtual  an allocation the optimizer removed, to be rebuilt (placeholder until issue 7)
//
// Encoding (varints: unsigned LEB128; a tagged value is (payload << 2) | tag, the int payload
// zigzag-encoded): [num_fail_args, num_frames, then per frame: jitcode, pc, and for int, ref,
// float: count, values...]. The resume position of a guard is the offset of its record in the
// storage's byte string.
//
// Sharing: a guard with no side effect between it and the previous guard (ResumeBuilder sees
// every recorded operation) reuses the previous guard's resume position and fail-args: failing
// there resumes at the earlier point and re-runs only pure operations. RPython's
// ResumeGuardCopiedDescr.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "rtoolchain/jit/kinds.h"
#include "rtoolchain/jit/trace.h"

namespace rtoolchain::jit {

class DeadFrame;

struct ResumeValue {
  enum class Tag : uint8_t { kInt, kConst, kBox, kVirtual };
  Tag tag = Tag::kInt;
  int64_t payload = 0;  // the int, the pool index, the fail-arg index, the virtual's index

  static ResumeValue int_const(int64_t v) { return {Tag::kInt, v}; }
  static ResumeValue pool_const(uint32_t index) { return {Tag::kConst, index}; }
  static ResumeValue box(uint32_t fail_arg) { return {Tag::kBox, fail_arg}; }
  static ResumeValue virtual_object(uint32_t index) { return {Tag::kVirtual, index}; }
  friend bool operator==(const ResumeValue&, const ResumeValue&) = default;
};

struct ResumeFrame {
  uint32_t jitcode = 0;
  uint32_t pc = 0;
  std::vector<ResumeValue> registers[kNumValueKinds];  // int, ref, float
  friend bool operator==(const ResumeFrame&, const ResumeFrame&) = default;
};

struct ResumeRecord {
  uint32_t num_fail_args = 0;
  std::vector<ResumeFrame> frames;  // outermost first
};

// The encoded resume data of many guards (one per compiled loop, or per JIT driver), with the
// constants they refer to.
class ResumeStorage {
 public:
  explicit ResumeStorage(JitHeap* heap) : constants_(heap) {}

  // Encodes a record; returns its resume position.
  uint32_t encode(const ResumeRecord& record);
  ResumeRecord decode(uint32_t position) const;
  // A constant for ResumeValue::pool_const (deduplicated).
  uint32_t add_constant(Kind kind, AnyValue value) { return constants_.add(kind, value).index(); }
  AnyValue constant(uint32_t index) const { return constants_.value(index); }
  // An int register's value: inline when it fits, else a pool constant.
  ResumeValue int_value(int64_t v);

  size_t bytes() const { return code_.size(); }

 private:
  std::vector<uint8_t> code_;
  ConstantPool constants_;
};

// Where decoded registers go (the blackhole interpreter's frames, in time): refs are handed
// over one at a time so they never sit in memory the collector does not see.
class ResumeRegisterSink {
 public:
  virtual ~ResumeRegisterSink() = default;
  virtual void begin_frame(uint32_t jitcode, uint32_t pc) = 0;
  virtual void set_int(size_t index, int64_t value) = 0;
  virtual void set_ref(size_t index, GcRef value) = 0;
  virtual void set_float(size_t index, double value) = 0;
};

// Rebuilds the frames of the guard whose dead frame this is, outermost first. The dead frame's
// fail-args are the guard's (a virtual is a fatal error until issue 7 brings them).
void read_resume_frames(const ResumeStorage& storage, uint32_t position, const DeadFrame& frame,
                        ResumeRegisterSink& sink);

// The register state the tracer hands over at a guard: per frame, the live registers' trace
// values by kind.
struct SnapshotFrame {
  uint32_t jitcode = 0;
  uint32_t pc = 0;
  std::vector<TraceValue> registers[kNumValueKinds];
};

struct CapturedResume {
  uint32_t position = kNoIndex;
  std::vector<TraceValue> fail_args;  // the guard's fail-args: each non-constant value once
  bool shared = false;                // the previous guard's data, reused
};

// Used by the tracer while it records one trace: numbers each guard's live values into
// fail-args and encodes its frames, sharing with the previous guard when nothing with a side
// effect was recorded in between.
class ResumeBuilder {
 public:
  explicit ResumeBuilder(ResumeStorage& storage) : storage_(storage) {}

  // Every recorded operation that is not a guard goes through here.
  void note_operation(TraceOpcode opcode);
  CapturedResume capture(const Trace& trace, std::span<const SnapshotFrame> frames);

  size_t guards_shared() const { return shared_; }

 private:
  ResumeStorage& storage_;
  CapturedResume last_;
  bool have_last_ = false;
  bool side_effect_since_last_ = true;
  size_t shared_ = 0;
};

}  // namespace rtoolchain::jit
