// The meta-interpreter (metainterp.h): warm-up at can_enter_jit, tracing at the armed merge
// point, compiled code, guard failures (bridges or the blackhole) and the summary and trace log.
#include "rtoolchain/jit/metainterp.h"

#include <string>

#include "tracer.h"

namespace rtoolchain::jit {

namespace {

struct Flag {
  bool& flag;
  explicit Flag(bool& f) : flag(f) { flag = true; }
  ~Flag() { flag = false; }
};

void copy_values(const MergePointValues& from, MergePointValues& to) {
  to.ints = from.ints;
  to.refs.resize(from.refs.size());
  for (size_t i = 0; i < from.refs.size(); ++i) to.refs[i] = from.refs[i];
  to.floats = from.floats;
  for (int k = 0; k < kNumValueKinds; ++k) to.num_greens[k] = from.num_greens[k];
}

struct LogContext {
  const JitProgram* program;
};

// "tiny: pc=4, code=ConstPtr(0x...)": the interpreter's greens at a debug_merge_point.
std::string describe_merge_point(const TraceOp& op, const Trace& trace, void* context) {
  const JitProgram& program = *static_cast<LogContext*>(context)->program;
  std::string text = program.portal.driver + " depth " + std::to_string(trace.constants.value(op.args[1].index()).i);
  for (size_t i = 2; i < op.args.size(); ++i) {
    size_t g = i - 2;
    text += g == 0 ? ": " : ", ";
    if (g < program.portal.green_names.size()) text += program.portal.green_names[g] + "=";
    TraceValue v = op.args[i];
    if (!v.is_const()) {
      text += "?";
      continue;
    }
    AnyValue c = trace.constants.value(v.index());
    switch (trace.constants.kind(v.index())) {
      case Kind::kInt: text += std::to_string(c.i); break;
      case Kind::kFloat: text += std::to_string(c.f); break;
      default: text += c.r ? "<ref>" : "null"; break;
    }
  }
  return text;
}

}  // namespace

MetaInterp::MetaInterp(const JitProgram& program, JitHeap& heap, Backend& backend, const GcRef* ref_constants,
                       const JitParams& params, const LogParams& log)
    : program_(program), heap_(heap), backend_(backend), ref_constants_(ref_constants), params_(params), log_(log),
      warm_(params_), resume_(&heap) {
  // The raiser: `-live- %i0, %r0; raise %i0, %r0`, pushed above a frame whose call raised.
  Liveness live;
  live.regs[0] = {0};
  live.regs[1] = {0};
  auto index = static_cast<uint16_t>(program_.liveness.size());
  program_.liveness.push_back(live);
  JitCode raiser;
  raiser.name = "<raise pending exception>";
  raiser.num_regs[0] = 1;
  raiser.num_regs[1] = 1;
  raiser.code = {static_cast<uint8_t>(JitOpcode::live), static_cast<uint8_t>(index & 0xff),
                 static_cast<uint8_t>(index >> 8), static_cast<uint8_t>(JitOpcode::raise), 0, 0};
  raiser_jitcode_ = static_cast<uint32_t>(program_.jitcodes.size());
  program_.jitcodes.push_back(std::move(raiser));
  dont_inline_.assign(program_.jitcodes.size(), false);
  if (!log_.jit_log_file.empty()) {
    std::error_code ec;
    jit_log_ = std::make_unique<llvm::raw_fd_ostream>(log_.jit_log_file, ec);
    if (ec) jit_fatal("RTLOG: cannot write " + log_.jit_log_file + ": " + ec.message());
  }
}

MetaInterp::~MetaInterp() = default;

uint64_t MetaInterp::green_hash(const MergePointValues& values) const {
  std::vector<GcRef> refs(values.num_greens[1]);
  for (size_t i = 0; i < refs.size(); ++i) refs[i] = values.refs[i];
  return hash_greens(std::span(values.ints.data(), values.num_greens[0]), refs,
                     std::span(values.floats.data(), values.num_greens[2]));
}

const LoopEntry* MetaInterp::find_loop(uint64_t hash, const MergePointValues& values) const {
  auto it = loops_.find(hash);
  if (it == loops_.end()) return nullptr;
  const LoopEntry& e = it->second;
  for (size_t i = 0; i < e.green_ints.size(); ++i)
    if (e.green_ints[i] != values.ints[i]) return nullptr;
  for (size_t i = 0; i < e.green_refs.size(); ++i)
    if (e.green_refs[i] != values.refs[i]) return nullptr;
  for (size_t i = 0; i < e.green_floats.size(); ++i)
    if (e.green_floats[i] != values.floats[i]) return nullptr;
  return &e;
}

void MetaInterp::set_dont_inline(uint32_t jitcode) {
  if (jitcode < dont_inline_.size()) dont_inline_[jitcode] = true;
}

void MetaInterp::log_trace(const Trace& trace, const char* what, uint32_t number) {
  if (!jit_log_) return;
  LogContext context{&program_};
  TracePrintOptions options;
  options.describe_merge_point = describe_merge_point;
  options.context = &context;
  *jit_log_ << "# " << what << " " << number << "\n" << print_trace(trace, program_.descrs, options) << "\n";
  jit_log_->flush();
}

void MetaInterp::log_text(const std::string& text) {
  if (!jit_log_) return;
  *jit_log_ << text;
  jit_log_->flush();
}

namespace {

void check_trace(const Trace& trace, const DescrTable& descrs) {
  TraceVerifyOptions options;
  options.require_resume_positions = true;
  std::vector<std::string> errors = verify_trace(trace, descrs, options);
  if (errors.empty()) return;
  std::string text = "the tracer recorded an invalid trace:";
  for (const std::string& e : errors) text += "\n  " + e;
  text += "\n" + print_trace(trace, descrs);
  jit_fatal(text);
}

}  // namespace

const LoopEntry& MetaInterp::compile_loop(std::unique_ptr<Trace> trace, const MergePointValues& values,
                                          TargetToken* start) {
  check_trace(*trace, program_.descrs);
  auto token = std::make_unique<LoopToken>();
  log_trace(*trace, "Loop", token->number);
  {
    ScopedTimer timer(summary_, &JitSummary::add_compile_time);
    backend_.compile_loop(std::move(trace), *token);
  }
  summary_.note_loop();
  uint64_t hash = green_hash(values);
  LoopEntry& entry = loops_[hash];
  entry.green_ints.assign(values.ints.begin(), values.ints.begin() + values.num_greens[0]);
  entry.green_refs.clear();
  for (uint32_t i = 0; i < values.num_greens[1]; ++i) entry.green_refs.push_back(values.refs[i]);
  entry.green_floats.assign(values.floats.begin(), values.floats.begin() + values.num_greens[2]);
  entry.token = token.get();
  entry.target = start;
  warm_.finish_tracing(hash, token.get());
  tokens_.push_back(std::move(token));
  return entry;
}

void MetaInterp::compile_bridge(std::unique_ptr<Trace> trace, FailDescr& guard) {
  check_trace(*trace, program_.descrs);
  log_trace(*trace, "Bridge out of guard", guard.number);
  {
    ScopedTimer timer(summary_, &JitSummary::add_compile_time);
    backend_.compile_bridge(std::move(trace), guard);
  }
  summary_.note_bridge(guard);
}

bool MetaInterp::is_bridgeable(const FailDescr& guard) const {
  for (uint32_t n : not_bridgeable_)
    if (n == guard.number) return false;
  return true;
}

void MetaInterp::at_can_enter_jit(const MergePointValues& values) {
  if (!params_.enabled) return;
  uint64_t hash = green_hash(values);
  if (find_loop(hash, values)) {
    // Also while a trace is recorded: a residual call of the portal runs compiled loops (but
    // never starts a second trace).
    armed_ = Armed::kEnter;
    armed_hash_ = hash;
  } else if (!tracing_ && warm_.tick_loop(hash)) {
    armed_ = Armed::kTrace;
    armed_hash_ = hash;
  }
}

PortalAction MetaInterp::at_merge_point(MergePointValues& values) {
  PortalAction action(&heap_);
  if (armed_ == Armed::kNone) return action;
  Armed armed = armed_;
  armed_ = Armed::kNone;
  uint64_t hash = green_hash(values);
  if (hash != armed_hash_) return action;
  if (armed == Armed::kTrace) {
    if (tracing_) return action;
    return trace_loop(values, hash);
  }
  const LoopEntry* entry = find_loop(hash, values);
  if (!entry) return action;
  return run_loop(*entry, values);
}

PortalAction MetaInterp::trace_loop(MergePointValues& values, uint64_t hash) {
  PortalAction action(&heap_);
  warm_.start_tracing(hash);
  TraceEnd end;
  BlackholeInterpreter bh(program_, heap_, ref_constants_);
  {
    Flag tracing(tracing_);
    ScopedTimer timer(summary_, &JitSummary::add_tracing_time);
    Tracer tracer(*this, values, hash);
    try {
      end = tracer.run(values, action);
    } catch (...) {
      warm_.abort_tracing(hash);
      throw;
    }
    if (end.type != TraceEnd::Type::kEnterLoop) {
      summary_.note_abort(tracer.abort_reason());
      if (warm_.abort_tracing(hash)) summary_.note_abort(AbortReason::blacklisted);
    }
    if (end.type == TraceEnd::Type::kBlackhole) {
      for (const SnapshotFrame& frame : end.frames) {
        bh.begin_frame(frame.jitcode, frame.pc);
        for (int k = 0; k < kNumValueKinds; ++k)
          for (size_t j = 0; j < frame.registers[k].size(); ++j) {
            AnyValue v = tracer.concrete(frame.registers[k][j]);
            if (k == 0) bh.set_int(j, v.i);
            else if (k == 1) bh.set_ref(j, v.ref());
            else bh.set_float(j, v.f);
          }
      }
    }
  }
  switch (end.type) {
    case TraceEnd::Type::kEnterLoop: return run_loop(*end.loop, values);
    case TraceEnd::Type::kBlackhole: return finish_in_blackhole(bh, values);
    case TraceEnd::Type::kReturn:
    case TraceEnd::Type::kRaise: return action;
  }
  return action;
}

PortalAction MetaInterp::run_loop(const LoopEntry& entry, MergePointValues& values) {
  std::vector<AnyValue> args;
  for (size_t i = values.num_greens[0]; i < values.ints.size(); ++i) args.push_back(AnyValue::of_int(values.ints[i]));
  for (size_t i = values.num_greens[1]; i < values.refs.size(); ++i) args.push_back(AnyValue::of_ref(values.refs[i]));
  for (size_t i = values.num_greens[2]; i < values.floats.size(); ++i)
    args.push_back(AnyValue::of_float(values.floats[i]));
  std::unique_ptr<DeadFrame> frame = backend_.execute_token(*entry.token, args);
  return handle_exit(std::move(frame), values);
}

PortalAction MetaInterp::handle_exit(std::unique_ptr<DeadFrame> frame, MergePointValues& values) {
  for (;;) {
    FailDescr& guard = *frame->latest_descr();
    if (guard.type == FailDescr::Type::kFinish) jit_fatal("a loop finished: v1 traces end in jumps");
    summary_.note_guard_failure(guard);
    bool bridge = params_.enabled && !tracing_ && !frame->has_exception() && is_bridgeable(guard) &&
                  static_cast<int64_t>(guard.failures) >= params_.trace_eagerness;
    if (!bridge) {
      BlackholeInterpreter bh(program_, heap_, ref_constants_);
      read_resume_frames(resume_, guard.resume_position, *frame, bh);
      if (frame->has_exception()) {
        bh.begin_frame(raiser_jitcode_, 0);
        bh.set_int(0, frame->exception_type());
        bh.set_ref(0, frame->exception_value());
      }
      frame.reset();
      return finish_in_blackhole(bh, values);
    }
    // Trace a bridge from the guard, running the interpreter's jitcodes from its resume point.
    PortalAction action(&heap_);
    TraceEnd end;
    BlackholeInterpreter bh(program_, heap_, ref_constants_);
    {
      Flag tracing(tracing_);
      ScopedTimer timer(summary_, &JitSummary::add_tracing_time);
      Tracer tracer(*this, guard, *frame);
      frame.reset();
      end = tracer.run(values, action);
      if (end.type != TraceEnd::Type::kEnterLoop) {
        summary_.note_abort(tracer.abort_reason());
        guard.failures = 0;  // try again after trace_eagerness more failures
        if (++bridge_aborts_[guard.number] >= params_.max_aborts) {
          mark_not_bridgeable(&guard);
          summary_.note_abort(AbortReason::blacklisted);
        }
      }
      if (end.type == TraceEnd::Type::kBlackhole) {
        for (const SnapshotFrame& f : end.frames) {
          bh.begin_frame(f.jitcode, f.pc);
          for (int k = 0; k < kNumValueKinds; ++k)
            for (size_t j = 0; j < f.registers[k].size(); ++j) {
              AnyValue v = tracer.concrete(f.registers[k][j]);
              if (k == 0) bh.set_int(j, v.i);
              else if (k == 1) bh.set_ref(j, v.ref());
              else bh.set_float(j, v.f);
            }
        }
      }
    }
    switch (end.type) {
      case TraceEnd::Type::kEnterLoop: {
        std::vector<AnyValue> args;
        for (size_t i = values.num_greens[0]; i < values.ints.size(); ++i)
          args.push_back(AnyValue::of_int(values.ints[i]));
        for (size_t i = values.num_greens[1]; i < values.refs.size(); ++i)
          args.push_back(AnyValue::of_ref(values.refs[i]));
        for (size_t i = values.num_greens[2]; i < values.floats.size(); ++i)
          args.push_back(AnyValue::of_float(values.floats[i]));
        frame = backend_.execute_token(*end.loop->token, args);
        continue;
      }
      case TraceEnd::Type::kBlackhole: return finish_in_blackhole(bh, values);
      case TraceEnd::Type::kReturn:
      case TraceEnd::Type::kRaise: return action;
    }
  }
}

PortalAction MetaInterp::finish_in_blackhole(BlackholeInterpreter& bh, MergePointValues& values) {
  PortalAction action(&heap_);
  BlackholeExit exit = bh.run();
  switch (exit.reason) {
    case BlackholeExit::Reason::kContinueRunningNormally:
      copy_values(bh.merge_point_values(), values);
      action.type = PortalAction::Type::kRestart;
      break;
    case BlackholeExit::Reason::kDoneWithThisFrame:
      action.type = PortalAction::Type::kReturn;
      action.result_kind = exit.result_kind;
      action.result = exit.result;
      if (exit.result_kind == Kind::kRef) action.set_ref(exit.result.ref());
      break;
    case BlackholeExit::Reason::kExitFrameWithException:
      action.type = PortalAction::Type::kRaise;
      action.exc_type = exit.exc_type;
      action.set_ref(exit.exc_value);
      break;
  }
  return action;
}

void MetaInterp::report(llvm::raw_ostream& out) const {
  if (log_.summary) out << summary_.format();
}

}  // namespace rtoolchain::jit
