// Resume data: encoding, decoding, reading frames back from a dead frame, and the builder that
// shares data between adjacent guards (resume.h).
#include "rtoolchain/jit/resume.h"

#include "rtoolchain/jit/backend.h"

namespace rtoolchain::jit {
namespace {

constexpr int64_t kInlineIntLimit = int64_t{1} << 60;

void put_varint(std::vector<uint8_t>& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<uint8_t>(v));
}

uint64_t get_varint(const std::vector<uint8_t>& in, size_t& pos) {
  uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    if (pos >= in.size()) jit_fatal("resume data ends in the middle of a number");
    uint8_t byte = in[pos++];
    v |= uint64_t{byte & 0x7fu} << shift;
    if (!(byte & 0x80)) return v;
  }
}

uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

void put_value(std::vector<uint8_t>& out, ResumeValue value) {
  uint64_t payload = value.tag == ResumeValue::Tag::kInt ? zigzag(value.payload)
                                                         : static_cast<uint64_t>(value.payload);
  put_varint(out, (payload << 2) | static_cast<uint64_t>(value.tag));
}

ResumeValue get_value(const std::vector<uint8_t>& in, size_t& pos) {
  uint64_t word = get_varint(in, pos);
  auto tag = static_cast<ResumeValue::Tag>(word & 3);
  uint64_t payload = word >> 2;
  if (tag == ResumeValue::Tag::kInt) return ResumeValue::int_const(unzigzag(payload));
  return {tag, static_cast<int64_t>(payload)};
}

}  // namespace

ResumeValue ResumeStorage::int_value(int64_t v) {
  if (v > -kInlineIntLimit && v < kInlineIntLimit) return ResumeValue::int_const(v);
  return ResumeValue::pool_const(add_constant(Kind::kInt, AnyValue::of_int(v)));
}

uint32_t ResumeStorage::encode(const ResumeRecord& record) {
  for (const ResumeFrame& frame : record.frames)
    for (const auto& registers : frame.registers)
      for (ResumeValue v : registers)
        if (v.tag == ResumeValue::Tag::kInt && (v.payload <= -kInlineIntLimit || v.payload >= kInlineIntLimit))
          jit_fatal("resume data: an inline int constant out of range (use ResumeStorage::int_value)");
  auto position = static_cast<uint32_t>(code_.size());
  put_varint(code_, record.num_fail_args);
  put_varint(code_, record.frames.size());
  for (const ResumeFrame& frame : record.frames) {
    put_varint(code_, frame.jitcode);
    put_varint(code_, frame.pc);
    for (const auto& registers : frame.registers) {
      put_varint(code_, registers.size());
      for (ResumeValue v : registers) put_value(code_, v);
    }
  }
  return position;
}

ResumeRecord ResumeStorage::decode(uint32_t position) const {
  size_t pos = position;
  ResumeRecord record;
  record.num_fail_args = static_cast<uint32_t>(get_varint(code_, pos));
  record.frames.resize(get_varint(code_, pos));
  for (ResumeFrame& frame : record.frames) {
    frame.jitcode = static_cast<uint32_t>(get_varint(code_, pos));
    frame.pc = static_cast<uint32_t>(get_varint(code_, pos));
    for (auto& registers : frame.registers) {
      registers.resize(get_varint(code_, pos));
      for (ResumeValue& v : registers) v = get_value(code_, pos);
    }
  }
  return record;
}

void read_resume_frames(const ResumeStorage& storage, uint32_t position, const DeadFrame& frame,
                        ResumeRegisterSink& sink) {
  ResumeRecord record = storage.decode(position);
  if (record.num_fail_args != frame.size())
    jit_fatal("resume data for " + std::to_string(record.num_fail_args) + " fail-args, dead frame with " +
              std::to_string(frame.size()));
  for (const ResumeFrame& f : record.frames) {
    sink.begin_frame(f.jitcode, f.pc);
    for (int k = 0; k < kNumValueKinds; ++k) {
      auto kind = static_cast<Kind>(k);
      for (size_t i = 0; i < f.registers[k].size(); ++i) {
        ResumeValue v = f.registers[k][i];
        AnyValue value;
        switch (v.tag) {
          case ResumeValue::Tag::kInt: value = AnyValue::of_int(v.payload); break;
          case ResumeValue::Tag::kConst: value = storage.constant(static_cast<uint32_t>(v.payload)); break;
          case ResumeValue::Tag::kBox:
            if (static_cast<uint64_t>(v.payload) >= frame.size() || frame.kind(v.payload) != kind)
              jit_fatal("resume data: a fail-arg out of range or of the wrong kind");
            value = frame.get(v.payload);
            break;
          case ResumeValue::Tag::kVirtual: jit_fatal("resume data: virtuals are not supported yet");
        }
        switch (kind) {
          case Kind::kInt: sink.set_int(i, value.i); break;
          case Kind::kRef: sink.set_ref(i, value.ref()); break;
          case Kind::kFloat: sink.set_float(i, value.f); break;
          case Kind::kVoid: break;
        }
      }
    }
  }
}

void ResumeBuilder::note_operation(TraceOpcode opcode) {
  const TraceOpInfo& info = trace_op_info(opcode);
  if (info.has(kTraceOpSideEffect) || info.has(kTraceOpCall) || info.has(kTraceOpAllocates) ||
      info.has(kTraceOpControl))
    side_effect_since_last_ = true;
}

CapturedResume ResumeBuilder::capture(const Trace& trace, std::span<const SnapshotFrame> frames) {
  if (have_last_ && !side_effect_since_last_) {
    ++shared_;
    CapturedResume shared = last_;
    shared.shared = true;
    return shared;
  }
  CapturedResume result;
  ResumeRecord record;
  for (const SnapshotFrame& snapshot : frames) {
    ResumeFrame& frame = record.frames.emplace_back();
    frame.jitcode = snapshot.jitcode;
    frame.pc = snapshot.pc;
    for (int k = 0; k < kNumValueKinds; ++k) {
      for (TraceValue v : snapshot.registers[k]) {
        if (v.is_const()) {
          AnyValue c = trace.constants.value(v.index());
          frame.registers[k].push_back(k == static_cast<int>(Kind::kInt)
                                           ? storage_.int_value(c.i)
                                           : ResumeValue::pool_const(storage_.add_constant(static_cast<Kind>(k), c)));
          continue;
        }
        size_t index = 0;
        while (index < result.fail_args.size() && !(result.fail_args[index] == v)) ++index;
        if (index == result.fail_args.size()) result.fail_args.push_back(v);
        frame.registers[k].push_back(ResumeValue::box(static_cast<uint32_t>(index)));
      }
    }
  }
  record.num_fail_args = static_cast<uint32_t>(result.fail_args.size());
  result.position = storage_.encode(record);
  last_ = result;
  have_last_ = true;
  side_effect_since_last_ = false;
  return result;
}

}  // namespace rtoolchain::jit
