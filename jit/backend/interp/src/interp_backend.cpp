// The interpreting backend (interp_backend.h). A compiled loop or bridge is its trace; running
// it walks the operations with one register per value (inputs first, then one per operation),
// refs kept in GC-visible registers (JitHeap::allocate_roots).
#include "rtoolchain/jit/interp_backend.h"

#include <algorithm>

#include "rtoolchain/jit/executor.h"

namespace rtoolchain::jit {
namespace {

struct InterpCode final : CompiledCode {
  std::unique_ptr<Trace> trace;
  LoopToken* owner = nullptr;

  size_t num_registers() const { return trace->inputs.size() + trace->ops.size(); }
  size_t register_of(TraceValue v) const {
    return v.tag() == TraceValue::Tag::kInput ? v.index() : trace->inputs.size() + v.index();
  }
};

// Registers the trace's descrs and labels with their loop and builds its code.
InterpCode* adopt(std::unique_ptr<Trace> trace, LoopToken& owner) {
  auto code = std::make_unique<InterpCode>();
  code->owner = &owner;
  for (auto& descr : trace->fail_descrs) {
    descr->owner = &owner;
    owner.fail_descrs.push_back(descr);
  }
  for (size_t i = 0; i < trace->ops.size(); ++i) {
    const TraceOp& op = trace->ops[i];
    if (op.opcode != TraceOpcode::op_label) continue;
    op.target->owner = &owner;
    op.target->code = code.get();
    op.target->op_index = static_cast<uint32_t>(i);
  }
  for (auto& token : trace->target_tokens) owner.target_tokens.push_back(token);
  trace->fail_descrs.clear();
  trace->target_tokens.clear();
  code->trace = std::move(trace);
  InterpCode* raw = code.get();
  owner.code.push_back(std::move(code));
  return raw;
}

}  // namespace

struct InterpBackend::Frame {
  Frame(JitHeap& heap, int64_t id) : heap(heap), refs(&heap), id(id) {}

  JitHeap& heap;
  InterpCode* code = nullptr;
  std::vector<AnyValue> values;  // int and float registers
  RootedRefs refs;               // ref registers, then the pending exception's object
  int64_t exc_type = 0;
  bool overflow = false;
  bool forced = false;
  int64_t id;

  size_t exception_slot() const { return refs.size() - 1; }
  bool exception_pending() const { return refs[exception_slot()] != kNullRef; }
  void set_exception(int64_t type, GcRef value) {
    exc_type = type;
    refs[exception_slot()] = value;
  }

  void enter(InterpCode* next) {
    code = next;
    values.assign(next->num_registers(), AnyValue::of_int(0));
    GcRef exception = refs.size() ? refs[exception_slot()] : kNullRef;
    refs.resize(next->num_registers() + 1);
    for (size_t i = 0; i < refs.size(); ++i) refs[i] = kNullRef;
    refs[exception_slot()] = exception;
  }

  AnyValue get(TraceValue v) const {
    const Trace& trace = *code->trace;
    if (v.is_const()) return trace.constants.value(v.index());
    size_t r = code->register_of(v);
    return trace.kind_of(v) == Kind::kRef ? AnyValue::of_ref(refs[r]) : values[r];
  }
  int64_t get_int(TraceValue v) const { return get(v).i; }
  GcRef get_ref(TraceValue v) const { return get(v).ref(); }

  void set(TraceValue v, Kind kind, AnyValue value) {
    size_t r = code->register_of(v);
    if (kind == Kind::kRef)
      refs[r] = value.ref();
    else
      values[r] = value;
  }
};

namespace {

// Values moving from one piece of code to another (a jump, a bridge): read out before the
// registers are reused, kept GC-visible meanwhile.
class Transfer {
 public:
  Transfer(JitHeap& heap, const InterpBackend::Frame& frame, const std::vector<TraceValue>& from)
      : refs_(&heap) {
    refs_.resize(from.size());
    for (size_t i = 0; i < from.size(); ++i) {
      kinds_.push_back(frame.code->trace->kind_of(from[i]));
      AnyValue v = frame.get(from[i]);
      values_.push_back(v);
      if (kinds_[i] == Kind::kRef) refs_[i] = v.ref();
    }
  }
  size_t size() const { return kinds_.size(); }
  Kind kind(size_t i) const { return kinds_[i]; }
  AnyValue value(size_t i) const { return kinds_[i] == Kind::kRef ? AnyValue::of_ref(refs_[i]) : values_[i]; }

 private:
  std::vector<Kind> kinds_;
  std::vector<AnyValue> values_;
  RootedRefs refs_;
};

std::unique_ptr<DeadFrame> make_dead_frame(JitHeap& heap, InterpBackend::Frame& frame, FailDescr* descr,
                                           const std::vector<TraceValue>& values) {
  std::vector<Kind> kinds;
  for (TraceValue v : values) kinds.push_back(frame.code->trace->kind_of(v));
  auto dead = std::make_unique<DeadFrame>(heap, descr, kinds);
  for (size_t i = 0; i < values.size(); ++i) dead->set(i, frame.get(values[i]));
  if (frame.exception_pending()) dead->set_exception(frame.exc_type, frame.refs[frame.exception_slot()]);
  return dead;
}

}  // namespace

void InterpBackend::compile_loop(std::unique_ptr<Trace> trace, LoopToken& token) {
  token.input_kinds = trace->inputs;
  adopt(std::move(trace), token);
  token.compiled = true;
}

void InterpBackend::compile_bridge(std::unique_ptr<Trace> bridge, FailDescr& guard) {
  if (!guard.owner) jit_fatal("compile_bridge on a guard of no compiled loop");
  guard.bridge = adopt(std::move(bridge), *guard.owner);
}

void InterpBackend::invalidate_loop(LoopToken& token) { token.invalidated = true; }

void InterpBackend::free_loop(LoopToken& token) {
  for (auto& descr : token.fail_descrs) descr->bridge = nullptr;
  for (auto& target : token.target_tokens) {
    target->code = nullptr;
    target->op_index = kNoIndex;
  }
  token.code.clear();
  token.compiled = false;
}

void InterpBackend::force(int64_t token) {
  for (Frame* frame : active_frames_)
    if (frame->id == token) frame->forced = true;
}

std::unique_ptr<DeadFrame> InterpBackend::execute_token(LoopToken& token, std::span<const AnyValue> args) {
  if (!token.compiled || token.code.empty()) jit_fatal("execute_token of a loop that is not compiled");
  if (args.size() != token.input_kinds.size()) jit_fatal("execute_token with the wrong number of arguments");
  static int64_t next_frame_id = 1;
  Frame frame(heap(), next_frame_id++);
  frame.enter(static_cast<InterpCode*>(token.code.front().get()));
  for (size_t i = 0; i < args.size(); ++i)
    frame.set(TraceValue::input(static_cast<uint32_t>(i)), token.input_kinds[i], args[i]);
  active_frames_.push_back(&frame);
  struct Pop {
    std::vector<Frame*>& frames;
    ~Pop() { frames.pop_back(); }
  } pop{active_frames_};

  JitHeap& heap = this->heap();
  const DescrTable& descrs = heap.descrs();
  size_t pc = 0;
  while (true) {
    const Trace& trace = *frame.code->trace;
    if (pc >= trace.ops.size()) jit_fatal("ran past the end of a trace");
    const TraceOp& op = trace.ops[pc];
    const TraceValue result = TraceValue::op(static_cast<uint32_t>(pc));
    const Kind result_kind = op.info().result;
    auto arg = [&](size_t i) { return frame.get(op.args[i]); };
    auto set_result = [&](AnyValue v) { frame.set(result, result_kind, v); };
    bool guard_passes = true;
    ++pc;

    switch (op.opcode) {
      // ---- control ----
      case TraceOpcode::op_label: break;
      case TraceOpcode::op_jump: {
        TargetToken* target = op.target;
        if (!target->code) jit_fatal("jump to a label whose loop was freed");
        Transfer values(heap, frame, op.args);
        auto* next = static_cast<InterpCode*>(target->code);
        if (next != frame.code) frame.enter(next);
        const TraceOp& label = next->trace->ops[target->op_index];
        for (size_t i = 0; i < values.size(); ++i) frame.set(label.args[i], values.kind(i), values.value(i));
        pc = target->op_index + 1;
        break;
      }
      case TraceOpcode::op_finish: return make_dead_frame(heap, frame, op.fail, op.args);

      // ---- guards ----
      case TraceOpcode::op_guard_true: guard_passes = arg(0).i != 0; break;
      case TraceOpcode::op_guard_false: guard_passes = arg(0).i == 0; break;
      case TraceOpcode::op_guard_value: guard_passes = arg(0).r == arg(1).r; break;
      case TraceOpcode::op_guard_class: guard_passes = heap.type_id_of(arg(0).ref()) == arg(1).i; break;
      case TraceOpcode::op_guard_nonnull: guard_passes = arg(0).ref() != kNullRef; break;
      case TraceOpcode::op_guard_isnull: guard_passes = arg(0).ref() == kNullRef; break;
      case TraceOpcode::op_guard_nonnull_class:
        guard_passes = arg(0).ref() != kNullRef && heap.type_id_of(arg(0).ref()) == arg(1).i;
        break;
      case TraceOpcode::op_guard_no_exception: guard_passes = !frame.exception_pending(); break;
      case TraceOpcode::op_guard_exception:
        guard_passes = frame.exception_pending() && frame.exc_type == arg(0).i;
        if (guard_passes) {
          set_result(AnyValue::of_ref(frame.refs[frame.exception_slot()]));
          frame.set_exception(0, kNullRef);
        }
        break;
      case TraceOpcode::op_guard_no_overflow: guard_passes = !frame.overflow; break;
      case TraceOpcode::op_guard_overflow: guard_passes = frame.overflow; break;
      case TraceOpcode::op_guard_not_invalidated: guard_passes = !frame.code->owner->invalidated; break;
      case TraceOpcode::op_guard_not_forced: guard_passes = !frame.forced; break;
      case TraceOpcode::op_guard_always_fails: guard_passes = false; break;

      // ---- overflow-checked arithmetic ----
      case TraceOpcode::op_int_add_ovf:
      case TraceOpcode::op_int_sub_ovf:
      case TraceOpcode::op_int_mul_ovf: {
        int64_t r = 0;
        frame.overflow = eval_ovf(op.opcode, arg(0).i, arg(1).i, r);
        set_result(AnyValue::of_int(r));
        break;
      }

      // ---- references ----
      case TraceOpcode::op_ptr_eq: set_result(AnyValue::of_int(arg(0).r == arg(1).r)); break;
      case TraceOpcode::op_ptr_ne: set_result(AnyValue::of_int(arg(0).r != arg(1).r)); break;

      // ---- heap ----
      case TraceOpcode::op_getfield_gc_i:
        set_result(AnyValue::of_int(heap.get_int_field(arg(0).ref(), descrs.fields[op.descr])));
        break;
      case TraceOpcode::op_getfield_gc_r:
        set_result(AnyValue::of_ref(heap.get_ref_field(arg(0).ref(), descrs.fields[op.descr])));
        break;
      case TraceOpcode::op_getfield_gc_f:
        set_result(AnyValue::of_float(heap.get_float_field(arg(0).ref(), descrs.fields[op.descr])));
        break;
      case TraceOpcode::op_setfield_gc: {
        const FieldDescr& field = descrs.fields[op.descr];
        switch (field.type.kind) {
          case Kind::kInt: heap.set_int_field(arg(0).ref(), field, arg(1).i); break;
          case Kind::kRef: heap.set_ref_field(arg(0).ref(), field, arg(1).ref()); break;
          case Kind::kFloat: heap.set_float_field(arg(0).ref(), field, arg(1).f); break;
          case Kind::kVoid: break;
        }
        break;
      }
      case TraceOpcode::op_getarrayitem_gc_i:
        set_result(AnyValue::of_int(heap.get_int_item(arg(0).ref(), descrs.arrays[op.descr], arg(1).i)));
        break;
      case TraceOpcode::op_getarrayitem_gc_r:
        set_result(AnyValue::of_ref(heap.get_ref_item(arg(0).ref(), descrs.arrays[op.descr], arg(1).i)));
        break;
      case TraceOpcode::op_getarrayitem_gc_f:
        set_result(AnyValue::of_float(heap.get_float_item(arg(0).ref(), descrs.arrays[op.descr], arg(1).i)));
        break;
      case TraceOpcode::op_setarrayitem_gc: {
        const ArrayDescr& array = descrs.arrays[op.descr];
        switch (array.item.kind) {
          case Kind::kInt: heap.set_int_item(arg(0).ref(), array, arg(1).i, arg(2).i); break;
          case Kind::kRef: heap.set_ref_item(arg(0).ref(), array, arg(1).i, arg(2).ref()); break;
          case Kind::kFloat: heap.set_float_item(arg(0).ref(), array, arg(1).i, arg(2).f); break;
          case Kind::kVoid: break;
        }
        break;
      }
      case TraceOpcode::op_arraylen_gc:
        set_result(AnyValue::of_int(heap.array_length(arg(0).ref(), descrs.arrays[op.descr])));
        break;
      case TraceOpcode::op_gc_typeid: set_result(AnyValue::of_int(heap.type_id_of(arg(0).ref()))); break;
      case TraceOpcode::op_gc_identityhash:
        set_result(AnyValue::of_int(arg(0).ref() == kNullRef ? 0 : heap.identity_hash(arg(0).ref())));
        break;

      // ---- allocation ----
      case TraceOpcode::op_new:
      case TraceOpcode::op_new_with_vtable:
        set_result(AnyValue::of_ref(heap.new_object(descrs.sizes[op.descr])));
        break;
      case TraceOpcode::op_new_array:
        set_result(AnyValue::of_ref(heap.new_array(descrs.arrays[op.descr], arg(0).i)));
        break;

      // ---- calls ----
      case TraceOpcode::op_call_assembler_i:
      case TraceOpcode::op_call_assembler_r:
      case TraceOpcode::op_call_assembler_f:
      case TraceOpcode::op_call_assembler_n: {
        Transfer values(heap, frame, op.args);
        std::vector<AnyValue> args;
        for (size_t i = 0; i < values.size(); ++i) args.push_back(values.value(i));
        std::unique_ptr<DeadFrame> callee = execute_token(*op.loop, args);
        CallResult outcome;
        if (callee->latest_descr()->type == FailDescr::Type::kFinish && !callee->has_exception()) {
          if (callee->size() > 0) outcome.value = callee->get(0);
        } else if (call_assembler_handler()) {
          outcome = call_assembler_handler()(*op.loop, *callee);
        } else {
          jit_fatal("call_assembler left its loop by a guard, and no handler is set");
        }
        if (outcome.raised)
          frame.set_exception(outcome.exc_type, outcome.exc_value);
        else if (result_kind != Kind::kVoid)
          set_result(outcome.value);
        break;
      }
      case TraceOpcode::op_force_token: set_result(AnyValue::of_int(frame.id)); break;

      // ---- no run-time effect ----
      case TraceOpcode::op_quasiimmut_field:
      case TraceOpcode::op_record_exact_class:
      case TraceOpcode::op_debug_merge_point:
      case TraceOpcode::op_keepalive: break;

      default: {
        if (op.info().descr == TraceDescrKind::kCall) {
          const CallDescr& descr = descrs.calls[op.descr];
          std::vector<int64_t> ints;
          std::vector<GcRef> refs;  // also held by registers or constants: GC-visible meanwhile
          std::vector<double> floats;
          for (size_t i = 1; i < op.args.size(); ++i) {
            AnyValue v = arg(i);
            switch (descr.arg_kinds[i - 1]) {
              case Kind::kInt: ints.push_back(v.i); break;
              case Kind::kRef: refs.push_back(v.ref()); break;
              case Kind::kFloat: floats.push_back(v.f); break;
              case Kind::kVoid: break;
            }
          }
          CallArgs call_args{ints.data(), ints.size(), refs.data(), refs.size(), floats.data(), floats.size()};
          CallResult outcome = heap.call(descr, arg(0).i, call_args);
          if (outcome.raised)
            frame.set_exception(outcome.exc_type, outcome.exc_value);
          else if (result_kind != Kind::kVoid)
            set_result(outcome.value);
          break;
        }
        bool handled = false;
        AnyValue a = op.args.size() > 0 ? arg(0) : AnyValue::of_int(0);
        AnyValue b = op.args.size() > 1 ? arg(1) : AnyValue::of_int(0);
        AnyValue v = eval_scalar(op.opcode, a, b, handled);
        if (!handled) jit_fatal("the interpreting backend cannot run " + std::string(op.info().name));
        set_result(v);
        break;
      }
    }

    if (guard_passes) continue;
    FailDescr* fail = op.fail;
    if (fail->bridge) {
      Transfer values(heap, frame, op.fail_args);
      frame.enter(static_cast<InterpCode*>(fail->bridge));
      for (size_t i = 0; i < values.size(); ++i)
        frame.set(TraceValue::input(static_cast<uint32_t>(i)), values.kind(i), values.value(i));
      pc = 0;
      continue;
    }
    return make_dead_frame(heap, frame, fail, op.fail_args);
  }
}

}  // namespace rtoolchain::jit
