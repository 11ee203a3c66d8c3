// The tracer's calls, returns, exceptions and merge points (tracer.h): inline calls push a
// frame; residual calls run through the JitHeap and record call / call_pure / call_may_force
// with the exception guard after; recursive portal calls are inlined up to max_unroll_recursion,
// then residual; a merge point of the bottom portal frame closes the loop (same green key) or
// jumps to a compiled loop.
#include <algorithm>
#include <string_view>

#include "rtoolchain/jit/backend.h"
#include "tracer.h"

namespace rtoolchain::jit {

namespace {

using Op = TraceOpcode;

Kind kind_of_letter(char c) {
  return c == 'i' ? Kind::kInt : c == 'r' ? Kind::kRef : c == 'f' ? Kind::kFloat : Kind::kVoid;
}

Op call_opcode(const CallDescr& descr) {
  using E = EffectInfo::Extra;
  int base = 0;  // call, call_pure, call_may_force, call_loopinvariant
  if (descr.effects.is_elidable()) base = 1;
  else if (descr.effects.extra == E::kLoopInvariant) base = 3;
  else if (descr.effects.extra == E::kForcesVirtual) base = 2;
  static const Op table[4][4] = {
      {Op::op_call_i, Op::op_call_r, Op::op_call_f, Op::op_call_n},
      {Op::op_call_pure_i, Op::op_call_pure_r, Op::op_call_pure_f, Op::op_call_pure_n},
      {Op::op_call_may_force_i, Op::op_call_may_force_r, Op::op_call_may_force_f, Op::op_call_may_force_n},
      {Op::op_call_loopinvariant_i, Op::op_call_loopinvariant_r, Op::op_call_loopinvariant_f,
       Op::op_call_loopinvariant_n},
  };
  return table[base][static_cast<int>(descr.result.kind)];
}

}  // namespace

Tracer::Step Tracer::do_call(const JitInsn& insn, TraceEnd& end, PortalAction& action) {
  (void)end;
  (void)action;
  std::string_view name = jit_insn_info(insn.opcode).name;
  const uint32_t next = insn.offset + insn.length;
  // The argument lists and the result register.
  std::vector<TraceValue> lists[kNumValueKinds];
  for (const JitOperand& o : insn.operands) {
    if (o.is_result) continue;
    int k = o.code == 'I' ? 0 : o.code == 'R' ? 1 : o.code == 'F' ? 2 : -1;
    if (k < 0) continue;
    for (uint8_t r : o.list) lists[k].push_back(top().regs[k][r]);
  }
  Kind result_kind = Kind::kVoid;
  uint8_t result_reg = 0;
  if (!insn.operands.empty() && insn.operands.back().is_result) {
    result_kind = kind_of_letter(insn.operands.back().code);
    result_reg = static_cast<uint8_t>(insn.operands.back().value);
  }
  const DescrTable& descrs = program_.descrs;

  auto inline_into = [&](uint32_t jitcode) {
    top().pc = next;  // the caller resumes at the -live- after the call
    TracerFrame& callee = push_frame(jitcode, 0);
    callee.result_kind = result_kind;
    callee.result_reg = result_reg;
    for (int k = 0; k < kNumValueKinds; ++k)
      for (size_t j = 0; j < lists[k].size(); ++j) callee.regs[k][j] = lists[k][j];
    return Step::kNext;
  };
  auto residual = [&](uint32_t function, uint32_t calldescr, TraceValue fn_value) {
    return residual_call(lists, result_kind, result_reg, next, function, calldescr, fn_value, end, action);
  };

  if (name.starts_with("inline_call")) {
    uint32_t function = insn.operands[0].value;
    uint32_t jitcode = descrs.functions[function].jitcode;
    if (mi_.dont_inline(jitcode)) return residual(function, descrs.functions[function].calldescr, const_int(function));
    return inline_into(jitcode);
  }
  if (name.starts_with("recursive_call")) {
    uint32_t function = insn.operands[0].value;
    int64_t portal_frames = std::count_if(frames_.begin(), frames_.end(), [](const TracerFrame& f) { return f.is_portal; });
    if (portal_frames <= mi_.params().max_unroll_recursion)
      return inline_into(descrs.functions[function].jitcode);
    return residual(function, descrs.functions[function].calldescr, const_int(function));
  }
  if (name.starts_with("residual_call")) {
    TraceValue fn = promote(reg(Kind::kInt, insn.operands[0].value));
    return residual(static_cast<uint32_t>(concrete(fn).i), insn.operands[1].value, fn);
  }
  if (name.starts_with("indirect_call")) {
    TraceValue fn = promote(reg(Kind::kInt, insn.operands[0].value));
    uint32_t function = static_cast<uint32_t>(concrete(fn).i);
    const FunctionEntry& entry = descrs.functions[function];
    if (entry.jitcode != kNoIndex && !mi_.dont_inline(entry.jitcode)) return inline_into(entry.jitcode);
    return residual(function, insn.operands[1].value, fn);
  }
  if (insn.opcode == JitOpcode::conditional_call_ir_v) {
    TraceValue cond = reg(Kind::kInt, insn.operands[0].value);
    bool taken = concrete(cond).i != 0;
    if (!cond.is_const()) guard(taken ? Op::op_guard_true : Op::op_guard_false, {cond});
    if (!taken) {
      top().pc = next;
      return Step::kNext;
    }
    TraceValue fn = promote(reg(Kind::kInt, insn.operands[1].value));
    return residual(static_cast<uint32_t>(concrete(fn).i), insn.operands[4].value, fn);
  }
  jit_fatal("tracer: instruction " + std::string(name) + " is not implemented");
}

Tracer::Step Tracer::residual_call(std::vector<TraceValue> (&lists)[kNumValueKinds], Kind result_kind,
                                   uint8_t result_reg, uint32_t next, uint32_t function, uint32_t calldescr,
                                   TraceValue fn_value, TraceEnd& end, PortalAction& action) {
  const CallDescr& descr = program_.descrs.calls[calldescr];
  // Concrete arguments by kind (refs rooted), and the trace's in parameter order.
  std::vector<int64_t> ints;
  RootedRefs refs(&heap_);
  std::vector<double> floats;
  for (TraceValue v : lists[0]) ints.push_back(concrete(v).i);
  for (TraceValue v : lists[1]) refs.push_back(concrete(v).ref());
  for (TraceValue v : lists[2]) floats.push_back(concrete(v).f);
  std::vector<TraceValue> args{fn_value};
  size_t taken[kNumValueKinds] = {0, 0, 0};
  for (Kind k : descr.arg_kinds) {
    int ki = static_cast<int>(k);
    args.push_back(lists[ki][taken[ki]++]);
  }
  std::vector<GcRef> ref_args(refs.size());
  for (size_t i = 0; i < refs.size(); ++i) ref_args[i] = refs[i];
  CallArgs call_args{ints.data(), ints.size(), ref_args.data(), ref_args.size(), floats.data(), floats.size()};
  CallResult result = heap_.call(descr, function, call_args);
  side_effect();

  Op op = call_opcode(descr);
  bool all_const = std::all_of(args.begin(), args.end(), [](TraceValue v) { return v.is_const(); });
  TraceValue value;
  AnyValue concrete_result = result.raised ? AnyValue::of_int(0) : result.value;
  if (descr.effects.is_elidable() && all_const && !result.raised) {
    // An elidable call of constants is a constant (RPython records it and lets the optimizer
    // fold it; folding here keeps the trace short without an optimizer).
    if (descr.result.kind != Kind::kVoid) value = constant(descr.result.kind, concrete_result);
  } else {
    value = record(op, std::move(args), calldescr, concrete_result);
  }
  if (result_kind != Kind::kVoid) {
    if (value == TraceValue() && descr.result.kind == Kind::kVoid) value = const_int(0);
    set_reg(result_kind, result_reg, value);
  }
  top().pc = next;
  // The guards after the call resume at the -live- after it.
  take_snapshot(next);
  if (op == Op::op_call_may_force_i || op == Op::op_call_may_force_r || op == Op::op_call_may_force_f ||
      op == Op::op_call_may_force_n)
    guard(Op::op_guard_not_forced, {});
  if (!descr.effects.can_raise() || (value.is_const() && !result.raised)) return Step::kNext;
  if (!result.raised) {
    guard(Op::op_guard_no_exception, {});
    return Step::kNext;
  }
  exc_pending_value_ = result.exc_value;
  guard(Op::op_guard_exception, {const_int(result.exc_type)});
  exc_pending_value_ = kNullRef;
  exc_type_ = result.exc_type;
  exc_value_ = TraceValue::op(static_cast<uint32_t>(trace_->ops.size() - 1));
  if (trace_->ops.back().opcode != Op::op_guard_exception) {
    // The guard could not be recorded (the trace is being abandoned): keep the object as a
    // constant so the rest of this doomed trace still runs concretely.
    exc_value_ = constant(Kind::kRef, AnyValue::of_ref(result.exc_value));
  }
  return unwind(next, /*leave_frame=*/false, end, action);
}

Tracer::Step Tracer::do_return(Kind kind, TraceValue value, TraceEnd& end, PortalAction& action) {
  if (frames_.size() == 1) {
    // The portal returned before the loop closed: the trace is dropped, the value returned.
    abort_reason_ = AbortReason::bad_loop;
    end.type = TraceEnd::Type::kReturn;
    action.type = PortalAction::Type::kReturn;
    action.result_kind = kind;
    if (kind != Kind::kVoid) {
      action.result = concrete(value);
      if (kind == Kind::kRef) action.set_ref(action.result.ref());
    }
    return Step::kEnd;
  }
  Kind result_kind = top().result_kind;
  uint8_t result_reg = top().result_reg;
  pop_frame();
  if (result_kind != Kind::kVoid && kind != Kind::kVoid) set_reg(result_kind, result_reg, value);
  return Step::kNext;
}

Tracer::Step Tracer::unwind(uint32_t pc, bool leave_frame, TraceEnd& end, PortalAction& action) {
  for (;;) {
    if (!leave_frame) {
      const JitCode& code = program_.jitcodes[top().jitcode];
      uint32_t at = pc;
      if (at < code.code.size() && code.code[at] == static_cast<uint8_t>(JitOpcode::live))
        at += insn_length(code.code.data(), at);
      if (at < code.code.size() && code.code[at] == static_cast<uint8_t>(JitOpcode::catch_exception)) {
        top().pc = code.code[at + 1] | (uint32_t(code.code[at + 2]) << 8);
        return Step::kNext;
      }
    }
    leave_frame = false;
    if (frames_.size() == 1) {
      abort_reason_ = AbortReason::bad_loop;
      end.type = TraceEnd::Type::kRaise;
      action.type = PortalAction::Type::kRaise;
      action.exc_type = exc_type_;
      action.set_ref(concrete(exc_value_).ref());
      return Step::kEnd;
    }
    pop_frame();
    pc = top().pc;  // the -live- after the caller's call
  }
}

Tracer::Step Tracer::merge_point(const JitInsn& insn, TraceEnd& end, MergePointValues& values) {
  const uint32_t next = insn.offset + insn.length;
  TracerFrame& f = top();
  bool bottom = frames_.size() == 1 && f.is_portal;
  // Greens are constants of the trace: promote any that is not (a guard at the -live- before).
  std::vector<TraceValue> greens;
  for (int k = 0; k < kNumValueKinds; ++k)
    for (uint8_t r : insn.operands[k].list) {
      TraceValue g = promote(top().regs[k][r]);
      greens.push_back(g);
    }
  std::vector<TraceValue> dmp_args{const_int(0), const_int(static_cast<int64_t>(frames_.size() - 1))};
  dmp_args.insert(dmp_args.end(), greens.begin(), greens.end());
  record(Op::op_debug_merge_point, dmp_args, kNoIndex, AnyValue::of_int(0));
  if (!bottom || (first_merge_point_ && !is_bridge())) {
    first_merge_point_ = false;
    top().pc = next;
    return Step::kNext;
  }
  // The merge point's values, concretely.
  std::vector<TraceValue> reds;
  values.ints.clear();
  values.floats.clear();
  values.refs.resize(0);
  for (int part = 0; part < 2; ++part)
    for (int k = 0; k < kNumValueKinds; ++k) {
      if (part == 0) values.num_greens[k] = static_cast<uint32_t>(insn.operands[k].list.size());
      for (uint8_t r : insn.operands[part * 3 + k].list) {
        TraceValue v = top().regs[k][r];
        if (part == 1) reds.push_back(v);
        AnyValue c = concrete(v);
        if (k == 0) values.ints.push_back(c.i);
        else if (k == 1) values.refs.push_back(c.ref());
        else values.floats.push_back(c.f);
      }
    }
  uint64_t hash = mi_.green_hash(values);
  auto jump_to = [&](TargetToken* target) {
    record(Op::op_jump, reds, kNoIndex, AnyValue::of_int(0));
    trace_->ops.back().target = target;
  };
  if (!is_bridge() && hash == start_hash_) {
    jump_to(start_label_);
    end.loop = &mi_.compile_loop(std::move(trace_), *start_values_, start_label_);
    end.type = TraceEnd::Type::kEnterLoop;
    return Step::kEnd;
  }
  if (const LoopEntry* entry = mi_.find_loop(hash, values)) {
    jump_to(entry->target);
    if (is_bridge()) mi_.compile_bridge(std::move(trace_), *guard_);
    else mi_.compile_loop(std::move(trace_), *start_values_, start_label_);
    end.loop = entry;
    end.type = TraceEnd::Type::kEnterLoop;
    return Step::kEnd;
  }
  if (std::find(seen_keys_.begin(), seen_keys_.end(), hash) != seen_keys_.end()) {
    // An inner loop without compiled code: it gets hot on its own; this trace gives up.
    return abort_now(end, AbortReason::bad_loop);
  }
  seen_keys_.push_back(hash);
  top().pc = next;
  return Step::kNext;
}

}  // namespace rtoolchain::jit
