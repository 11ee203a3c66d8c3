// The trace verifier (trace.h, verify_trace): collects every broken invariant.
#include "rtoolchain/jit/backend.h"
#include "rtoolchain/jit/trace.h"
#include "trace_text.h"

namespace rtoolchain::jit {
namespace {

class Verifier {
 public:
  Verifier(const Trace& trace, const DescrTable& descrs, const TraceVerifyOptions& options)
      : trace_(trace), descrs_(descrs), options_(options),
        input_live_(trace.inputs.size(), true), op_live_(trace.ops.size(), false) {}

  std::vector<std::string> run() {
    if (trace_.ops.empty()) {
      errors_.push_back("the trace has no operations");
      return errors_;
    }
    for (size_t i = 0; i < trace_.ops.size(); ++i) check_op(i);
    const TraceOp& last = trace_.ops.back();
    if (!last.info().has(kTraceOpFinal))
      errors_.push_back("the trace does not end with a jump or a finish");
    return errors_;
  }

 private:
  void error(size_t index, const std::string& message) {
    errors_.push_back("op " + std::to_string(index) + ": " + print_op(trace_, descrs_, index) + ": " +
                      message);
  }

  // Defined, and not hidden by a later label.
  bool is_live(TraceValue v) const {
    switch (v.tag()) {
      case TraceValue::Tag::kInput: return v.index() < input_live_.size() && input_live_[v.index()];
      case TraceValue::Tag::kOp: return v.index() < op_live_.size() && op_live_[v.index()];
      case TraceValue::Tag::kConst: return v.index() < trace_.constants.size();
    }
    return false;
  }

  bool check_value(size_t index, TraceValue v, const char* what) {
    if (is_live(v)) return true;
    error(index, std::string(what) + " uses a value not defined before it (or before the last label)");
    return false;
  }

  Kind descr_kind(const TraceOp& op) const {
    switch (op.info().descr) {
      case TraceDescrKind::kField: return descrs_.fields[op.descr].type.kind;
      case TraceDescrKind::kArray: return descrs_.arrays[op.descr].item.kind;
      case TraceDescrKind::kCall: return descrs_.calls[op.descr].result.kind;
      default: return Kind::kVoid;
    }
  }

  void check_op(size_t index) {
    const TraceOp& op = trace_.ops[index];
    const TraceOpInfo& info = op.info();
    if (index + 1 < trace_.ops.size() && info.has(kTraceOpFinal))
      error(index, "a jump or finish must be the last operation");

    bool args_ok = true;
    for (TraceValue v : op.args) args_ok &= check_value(index, v, "an argument");
    if (args_ok) check_arg_kinds(index, op);
    if (!info.is_guard() && !op.fail_args.empty()) error(index, "only guards have fail-args");
    for (TraceValue v : op.fail_args) check_value(index, v, "a fail-arg");
    check_descr(index, op);
    if (info.is_guard() && options_.require_resume_positions && op.fail &&
        op.fail->resume_position == kNoIndex)
      error(index, "a guard without resume data");
    check_followers(index, op);

    if (op.opcode == TraceOpcode::op_label) {
      // A label starts a new scope: only its arguments are live after it.
      std::fill(input_live_.begin(), input_live_.end(), false);
      std::fill(op_live_.begin(), op_live_.end(), false);
      for (TraceValue v : op.args) {
        if (v.is_const()) {
          error(index, "a label's arguments are not constants");
        } else if (v.tag() == TraceValue::Tag::kInput && v.index() < input_live_.size()) {
          input_live_[v.index()] = true;
        } else if (v.tag() == TraceValue::Tag::kOp && v.index() < op_live_.size()) {
          op_live_[v.index()] = true;
        }
      }
    }
    if (info.result != Kind::kVoid) op_live_[index] = true;
  }

  void check_arg_kinds(size_t index, const TraceOp& op) {
    const TraceOpInfo& info = op.info();
    size_t fixed = info.num_fixed_args();
    if (info.is_variadic() ? op.args.size() < fixed : op.args.size() != fixed) {
      error(index, "takes " + std::string(info.is_variadic() ? "at least " : "") + std::to_string(fixed) +
                       " arguments, has " + std::to_string(op.args.size()));
      return;
    }
    for (size_t a = 0; a < fixed; ++a) {
      char want = info.args[a];
      Kind have = trace_.kind_of(op.args[a]);
      if (want != '.' && kind_letter(have) != want)
        error(index, "argument " + std::to_string(a) + " is of kind " + kind_letter(have) + ", not " + want);
    }
    if (op.opcode == TraceOpcode::op_guard_value &&
        trace_.kind_of(op.args[0]) != trace_.kind_of(op.args[1]))
      error(index, "guard_value compares values of two kinds");
  }

  void check_descr(size_t index, const TraceOp& op) {
    const TraceOpInfo& info = op.info();
    switch (info.descr) {
      case TraceDescrKind::kNone: return;
      case TraceDescrKind::kFail:
        if (!op.fail) error(index, "no fail descr");
        return;
      case TraceDescrKind::kTarget:
        if (!op.target) {
          error(index, "no TargetToken");
          return;
        }
        if (op.opcode == TraceOpcode::op_jump) check_jump(index, op);
        return;
      case TraceDescrKind::kLoop:
        if (!op.loop) {
          error(index, "no LoopToken");
          return;
        }
        check_kinds(index, op.args, 0, op.loop->input_kinds, "the loop's inputs");
        return;
      case TraceDescrKind::kField:
      case TraceDescrKind::kArray:
      case TraceDescrKind::kSize:
      case TraceDescrKind::kCall: break;
    }
    if (op.descr >= descr_count(descrs_, info.descr)) {
      error(index, "no descr, or a descr index out of range");
      return;
    }
    Kind kind = descr_kind(op);
    switch (op.opcode) {
      case TraceOpcode::op_setfield_gc:
      case TraceOpcode::op_setarrayitem_gc:
        if (op.args.size() == info.num_fixed_args() && trace_.kind_of(op.args.back()) != kind)
          error(index, std::string("stores a value of kind ") + kind_letter(trace_.kind_of(op.args.back())) +
                           " into a slot of kind " + kind_letter(kind));
        return;
      default: break;
    }
    if (info.descr == TraceDescrKind::kCall) {
      const CallDescr& call = descrs_.calls[op.descr];
      if (!op.args.empty()) check_kinds(index, op.args, 1, call.arg_kinds, "the call descr's arguments");
      if (info.result != call.result.kind)
        error(index, std::string("the call descr returns kind ") + kind_letter(call.result.kind));
      return;
    }
    if ((info.descr == TraceDescrKind::kField || info.descr == TraceDescrKind::kArray) &&
        info.result != Kind::kVoid && op.opcode != TraceOpcode::op_arraylen_gc &&
        op.opcode != TraceOpcode::op_new_array && info.result != kind)
      error(index, std::string("the descr holds values of kind ") + kind_letter(kind));
  }

  void check_kinds(size_t index, const std::vector<TraceValue>& args, size_t first,
                   const std::vector<Kind>& kinds, const char* what) {
    if (args.size() - first != kinds.size()) {
      error(index, "passes " + std::to_string(args.size() - first) + " values for " + what + " (" +
                       std::to_string(kinds.size()) + ")");
      return;
    }
    for (size_t a = 0; a < kinds.size(); ++a)
      if (trace_.kind_of(args[first + a]) != kinds[a])
        error(index, "argument " + std::to_string(first + a) + " does not match the kind of " + what);
  }

  void check_jump(size_t index, const TraceOp& op) {
    check_kinds(index, op.args, 0, op.target->arg_kinds, "the label's arguments");
  }

  // The operations that must follow at once: an overflow guard after *_ovf, guard_not_forced
  // after call_may_force and call_assembler, an exception guard after a call that can raise.
  void check_followers(size_t index, const TraceOp& op) {
    const TraceOpInfo& info = op.info();
    auto opcode_at = [&](size_t i) {
      return i < trace_.ops.size() ? std::optional(trace_.ops[i].opcode) : std::nullopt;
    };
    size_t next = index + 1;
    if (info.has(kTraceOpOvf)) {
      auto o = opcode_at(next);
      if (o != TraceOpcode::op_guard_no_overflow && o != TraceOpcode::op_guard_overflow)
        error(index, "must be followed by guard_no_overflow or guard_overflow");
    }
    bool may_force = info.descr == TraceDescrKind::kLoop ||
                     (op.opcode >= TraceOpcode::op_call_may_force_i &&
                      op.opcode <= TraceOpcode::op_call_may_force_n);
    if (may_force) {
      if (opcode_at(next) != TraceOpcode::op_guard_not_forced)
        error(index, "must be followed by guard_not_forced");
      else
        ++next;
    }
    bool can_raise = info.has(kTraceOpCanRaise) &&
                     (info.descr != TraceDescrKind::kCall ||
                      (op.descr < descrs_.calls.size() && descrs_.calls[op.descr].effects.can_raise()));
    if (can_raise) {
      auto o = opcode_at(next);
      if (o != TraceOpcode::op_guard_no_exception && o != TraceOpcode::op_guard_exception)
        error(index, "can raise: must be followed by guard_no_exception or guard_exception");
    }
  }

  const Trace& trace_;
  const DescrTable& descrs_;
  const TraceVerifyOptions& options_;
  std::vector<bool> input_live_, op_live_;
  std::vector<std::string> errors_;
};

}  // namespace

std::vector<std::string> verify_trace(const Trace& trace, const DescrTable& descrs,
                                      const TraceVerifyOptions& options) {
  return Verifier(trace, descrs, options).run();
}

}  // namespace rtoolchain::jit
