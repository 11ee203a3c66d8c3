// The tracer's state: frames, values, recording, guards and snapshots (tracer.h). The
// instructions are in tracer_insns.cpp.
#include "tracer.h"

#include <algorithm>
#include <map>

#include "rtoolchain/jit/backend.h"
#include "rtoolchain/jit/executor.h"

namespace rtoolchain::jit {

namespace {

// The merge point instruction of the portal: greens then reds, each as I R F lists.
JitInsn decode_at(const JitCode& code, uint32_t pc) {
  JitInsn insn;
  std::string error;
  if (!decode_insn(code, pc, insn, &error)) jit_fatal("tracer: jitcode " + code.name + ": " + error);
  return insn;
}

}  // namespace

Tracer::Tracer(MetaInterp& mi, const MergePointValues& start, uint64_t start_hash)
    : mi_(mi), program_(mi.program()), heap_(mi.heap()), trace_(std::make_unique<Trace>(&mi.heap())),
      resume_builder_(mi.resume_storage()), input_refs_(&mi.heap()), op_refs_(&mi.heap()), start_hash_(start_hash) {
  const PortalInfo& portal = program_.portal;
  start_values_ = std::make_unique<MergePointValues>(&heap_);
  start_values_->ints = start.ints;
  start_values_->refs.resize(start.refs.size());
  for (size_t i = 0; i < start.refs.size(); ++i) start_values_->refs[i] = start.refs[i];
  start_values_->floats = start.floats;
  std::copy(std::begin(start.num_greens), std::end(start.num_greens), std::begin(start_values_->num_greens));

  TracerFrame& frame = push_frame(portal.jitcode, portal.merge_point_pc);
  JitInsn insn = decode_at(program_.jitcodes[portal.jitcode], portal.merge_point_pc);
  std::vector<TraceValue> reds;
  std::vector<Kind> red_kinds;
  for (int k = 0; k < kNumValueKinds; ++k) {
    Kind kind = static_cast<Kind>(k);
    const std::vector<uint8_t>& greens = insn.operands[k].list;
    const std::vector<uint8_t>& red_regs = insn.operands[3 + k].list;
    for (size_t j = 0; j < greens.size(); ++j) {
      AnyValue v = kind == Kind::kInt ? AnyValue::of_int(start.ints[j])
                   : kind == Kind::kRef ? AnyValue::of_ref(start.refs[j])
                                        : AnyValue::of_float(start.floats[j]);
      frame.regs[k][greens[j]] = constant(kind, v);
    }
    for (size_t j = 0; j < red_regs.size(); ++j) {
      size_t at = start.num_greens[k] + j;
      AnyValue v = kind == Kind::kInt ? AnyValue::of_int(start.ints[at])
                   : kind == Kind::kRef ? AnyValue::of_ref(start.refs[at])
                                        : AnyValue::of_float(start.floats[at]);
      TraceValue input = add_input(kind, v);
      frames_.back().regs[k][red_regs[j]] = input;
      reds.push_back(input);
      red_kinds.push_back(kind);
    }
  }
  start_label_ = trace_->new_target_token(TargetToken::next_number());
  start_label_->arg_kinds = red_kinds;
  record(TraceOpcode::op_label, reds, kNoIndex, AnyValue::of_int(0));
  trace_->ops.back().target = start_label_;
}

Tracer::Tracer(MetaInterp& mi, FailDescr& guard, const DeadFrame& dead)
    : mi_(mi), program_(mi.program()), heap_(mi.heap()), trace_(std::make_unique<Trace>(&mi.heap())),
      resume_builder_(mi.resume_storage()), input_refs_(&mi.heap()), op_refs_(&mi.heap()), guard_(&guard) {
  for (size_t i = 0; i < dead.size(); ++i) add_input(dead.kind(i), dead.get(i));
  ResumeRecord record = mi.resume_storage().decode(guard.resume_position);
  for (size_t f = 0; f < record.frames.size(); ++f) {
    const ResumeFrame& rf = record.frames[f];
    if (f > 0) {
      // The caller's call instruction ends at its pc: the callee's result goes to its result.
      const JitCode& caller = program_.jitcodes[frames_.back().jitcode];
      uint32_t caller_pc = frames_.back().pc, at = 0, call_pc = 0;
      while (at < caller_pc) {
        call_pc = at;
        at += insn_length(caller.code.data(), at);
      }
      JitInsn call = decode_at(caller, call_pc);
      TracerFrame& callee = push_frame(rf.jitcode, rf.pc);
      if (!call.operands.empty() && call.operands.back().is_result) {
        char code = call.operands.back().code;
        callee.result_kind = code == 'i' ? Kind::kInt : code == 'r' ? Kind::kRef : Kind::kFloat;
        callee.result_reg = static_cast<uint8_t>(call.operands.back().value);
      }
    } else {
      push_frame(rf.jitcode, rf.pc);
    }
    TracerFrame& frame = frames_.back();
    JitInsn live = decode_at(program_.jitcodes[rf.jitcode], rf.pc);
    if (live.opcode != JitOpcode::live) jit_fatal("tracer: a resume position is not a -live-");
    const Liveness& liveness = program_.liveness[live.operands[0].value];
    for (int k = 0; k < kNumValueKinds; ++k) {
      for (size_t j = 0; j < liveness.regs[k].size(); ++j) {
        const ResumeValue& v = rf.registers[k][j];
        TraceValue tv;
        switch (v.tag) {
          case ResumeValue::Tag::kInt: tv = const_int(v.payload); break;
          case ResumeValue::Tag::kConst:
            tv = constant(static_cast<Kind>(k), mi.resume_storage().constant(static_cast<uint32_t>(v.payload)));
            break;
          case ResumeValue::Tag::kBox: tv = TraceValue::input(static_cast<uint32_t>(v.payload)); break;
          case ResumeValue::Tag::kVirtual: jit_fatal("tracer: virtuals in resume data (issue 7)");
        }
        frame.regs[k][liveness.regs[k][j]] = tv;
      }
    }
  }
  for (TracerFrame& f : frames_) f.is_portal = f.jitcode == program_.portal.jitcode;
}

Tracer::~Tracer() = default;

TraceValue Tracer::add_input(Kind kind, AnyValue v) {
  TraceValue input = trace_->add_input(kind);
  input_values_.push_back(v);
  input_refs_.push_back(kind == Kind::kRef ? v.ref() : kNullRef);
  return input;
}

AnyValue Tracer::concrete(TraceValue v) const {
  switch (v.tag()) {
    case TraceValue::Tag::kInput:
      return trace_->inputs[v.index()] == Kind::kRef ? AnyValue::of_ref(input_refs_[v.index()])
                                                     : input_values_[v.index()];
    case TraceValue::Tag::kOp:
      return trace_->result_kind(trace_->ops[v.index()]) == Kind::kRef ? AnyValue::of_ref(op_refs_[v.index()])
                                                                       : op_values_[v.index()];
    case TraceValue::Tag::kConst: return trace_->constants.value(v.index());
  }
  return AnyValue::of_int(0);
}

TraceValue Tracer::record(TraceOpcode opcode, std::vector<TraceValue> args, uint32_t descr, AnyValue value) {
  TraceOp op;
  op.opcode = opcode;
  op.args = std::move(args);
  op.descr = descr;
  const TraceOpInfo& info = op.info();
  TraceValue result = trace_->record(std::move(op));
  resume_builder_.note_operation(opcode);
  op_values_.push_back(value);
  op_refs_.push_back(info.result == Kind::kRef ? value.ref() : kNullRef);
  if (info.has(kTraceOpSideEffect) || info.has(kTraceOpCall) || info.has(kTraceOpAllocates)) side_effect();
  return result;
}

TraceValue Tracer::pure(TraceOpcode opcode, std::vector<TraceValue> args, uint32_t descr) {
  AnyValue a = args.empty() ? AnyValue::of_int(0) : concrete(args[0]);
  AnyValue b = args.size() < 2 ? AnyValue::of_int(0) : concrete(args[1]);
  bool handled = false;
  AnyValue v;
  if (opcode == TraceOpcode::op_ptr_eq || opcode == TraceOpcode::op_ptr_ne) {
    v = AnyValue::of_int((a.r == b.r) == (opcode == TraceOpcode::op_ptr_eq) ? 1 : 0);
    handled = true;
  } else {
    v = eval_scalar(opcode, a, b, handled);
  }
  if (!handled) jit_fatal("tracer: not a scalar operation: " + std::string(trace_op_info(opcode).name));
  bool all_const = std::all_of(args.begin(), args.end(), [](TraceValue x) { return x.is_const(); });
  Kind kind = trace_op_info(opcode).result;
  if (all_const) return constant(kind, v);
  return record(opcode, std::move(args), descr, v);
}

void Tracer::guard(TraceOpcode opcode, std::vector<TraceValue> args) {
  if (!have_snapshot_ || !clean_) {
    // Nowhere to resume: the trace cannot take this guard. It is abandoned at the next -live-.
    request_abort(AbortReason::bad_loop);
    return;
  }
  CapturedResume captured = resume_builder_.capture(*trace_, last_snapshot_);
  TraceOp op;
  op.opcode = opcode;
  op.args = std::move(args);
  op.fail = trace_->new_fail_descr(FailDescr::Type::kGuard, FailDescr::next_number());
  op.fail->resume_position = captured.position;
  op.fail_args = captured.fail_args;
  Kind result = op.info().result;
  AnyValue value = result == Kind::kRef ? AnyValue::of_ref(exc_pending_value_) : AnyValue::of_int(0);
  trace_->record(std::move(op));
  op_values_.push_back(value);
  op_refs_.push_back(result == Kind::kRef ? value.ref() : kNullRef);
  if (opcode == TraceOpcode::op_guard_no_exception || opcode == TraceOpcode::op_guard_exception ||
      opcode == TraceOpcode::op_guard_not_forced)
    mi_.mark_not_bridgeable(trace_->ops.back().fail);
}

TraceValue Tracer::promote(TraceValue v) {
  if (v.is_const()) return v;
  Kind kind = kind_of(v);
  TraceValue c = constant(kind, concrete(v));
  guard(TraceOpcode::op_guard_value, {v, c});
  replace_everywhere(v, c);
  return c;
}

void Tracer::replace_everywhere(TraceValue from, TraceValue to) {
  for (TracerFrame& f : frames_)
    for (auto& regs : f.regs) std::replace(regs.begin(), regs.end(), from, to);
  for (SnapshotFrame& f : last_snapshot_)
    for (auto& regs : f.registers) std::replace(regs.begin(), regs.end(), from, to);
}

TracerFrame& Tracer::push_frame(uint32_t jitcode, uint32_t pc) {
  const JitCode& code = program_.jitcodes[jitcode];
  TracerFrame& f = frames_.emplace_back();
  f.jitcode = jitcode;
  f.pc = pc;
  f.ops_at_entry = trace_->ops.size();
  f.is_portal = jitcode == program_.portal.jitcode;
  TraceValue dead[kNumValueKinds] = {const_int(0), constant(Kind::kRef, AnyValue::of_ref(kNullRef)),
                                     constant(Kind::kFloat, AnyValue::of_float(0.0))};
  for (int k = 0; k < kNumValueKinds; ++k) f.regs[k].assign(code.num_regs[k], dead[k]);
  for (int64_t c : code.constants_i) f.regs[0].push_back(const_int(c));
  for (uint32_t c : code.constants_r) f.regs[1].push_back(constant(Kind::kRef, AnyValue::of_ref(mi_.ref_constants()[c])));
  for (double c : code.constants_f) f.regs[2].push_back(constant(Kind::kFloat, AnyValue::of_float(c)));
  return f;
}

void Tracer::pop_frame() {
  TracerFrame& f = frames_.back();
  inlined_sizes_.push_back({f.jitcode, trace_->ops.size() - f.ops_at_entry});
  frames_.pop_back();
}

std::vector<SnapshotFrame> Tracer::snapshot(uint32_t top_pc) {
  std::vector<SnapshotFrame> chain;
  chain.reserve(frames_.size());
  for (size_t i = 0; i < frames_.size(); ++i) {
    const TracerFrame& f = frames_[i];
    SnapshotFrame& s = chain.emplace_back();
    s.jitcode = f.jitcode;
    s.pc = i + 1 == frames_.size() ? top_pc : f.pc;
    const JitCode& code = program_.jitcodes[f.jitcode];
    if (code.code[s.pc] != static_cast<uint8_t>(JitOpcode::live))
      jit_fatal("tracer: no -live- at " + code.name + " offset " + std::to_string(s.pc));
    uint32_t index = code.code[s.pc + 1] | (uint32_t(code.code[s.pc + 2]) << 8);
    const Liveness& liveness = program_.liveness[index];
    for (int k = 0; k < kNumValueKinds; ++k)
      for (uint8_t r : liveness.regs[k]) s.registers[k].push_back(f.regs[k][r]);
  }
  return chain;
}

void Tracer::take_snapshot(uint32_t live_pc) {
  last_snapshot_ = snapshot(live_pc);
  have_snapshot_ = true;
  clean_ = true;
}

void Tracer::request_abort(AbortReason reason) {
  if (!abort_requested_) abort_requested_ = reason;
}

Tracer::Step Tracer::abort_now(TraceEnd& end, AbortReason reason) {
  if (!have_snapshot_ || !clean_) jit_fatal("tracer: an abort without a place to resume");
  abort_reason_ = reason;
  mi_.log_text("# abort (" + std::string(abort_reason_name(reason)) + ") at " + program_.jitcodes[top().jitcode].name +
               " offset " + std::to_string(top().pc) + " after " + std::to_string(trace_->ops.size()) + " operations\n");
  if (reason == AbortReason::too_long) blame_biggest_function();
  end.type = TraceEnd::Type::kBlackhole;
  end.frames = last_snapshot_;
  return Step::kEnd;
}

void Tracer::blame_biggest_function() {
  std::map<uint32_t, size_t> sizes;
  for (auto [jitcode, ops] : inlined_sizes_) sizes[jitcode] += ops;
  for (size_t i = 1; i < frames_.size(); ++i) sizes[frames_[i].jitcode] += trace_->ops.size() - frames_[i].ops_at_entry;
  uint32_t biggest = kNoIndex;
  size_t most = 0;
  for (auto [jitcode, ops] : sizes) {
    if (jitcode == program_.portal.jitcode || mi_.dont_inline(jitcode)) continue;
    if (ops > most) most = ops, biggest = jitcode;
  }
  if (biggest != kNoIndex) mi_.set_dont_inline(biggest);
}

}  // namespace rtoolchain::jit
