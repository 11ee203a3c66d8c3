// The tracer's instructions (tracer.h): each jitcode instruction run concretely and recorded.
// Greens and promoted values are constants; operations on constants fold; a branch records the
// guard of the path taken; checked operations guard their preconditions (or, when they would
// raise, hand the trace over to the blackhole at the `-live-` before them).
#include <cstring>
#include <string_view>

#include "rtoolchain/jit/backend.h"
#include "rtoolchain/jit/executor.h"
#include "tracer.h"

namespace rtoolchain::jit {

namespace {

using Op = TraceOpcode;
using J = JitOpcode;

Kind kind_of_code(char code) {
  switch (code) {
    case 'i': case 'I': return Kind::kInt;
    case 'r': case 'R': return Kind::kRef;
    case 'f': case 'F': return Kind::kFloat;
    default: return Kind::kVoid;
  }
}

// The trace operation computing a jitcode instruction of the same name, when it is a plain
// scalar operation (no precondition to guard).
std::optional<TraceOpcode> scalar_twin(JitOpcode opcode) {
  switch (opcode) {
    case J::bool_not: return Op::op_int_is_zero;
    case J::int_div_c: case J::int_mod_c: case J::int_div_floor: case J::int_mod_floor:
    case J::int_div_floor_ovf: case J::uint_div: case J::uint_mod: case J::int_lshift_var:
    case J::int_rshift_var: case J::uint_rshift_var: case J::int_lshift_ovf: case J::cast_float_to_int:
    case J::int_add_ovf: case J::int_sub_ovf: case J::int_mul_ovf: case J::int_neg_ovf:
    case J::gc_typeid: case J::gc_identityhash: case J::arraylen_gc:
      return std::nullopt;
    default: break;
  }
  for (const char* c = jit_insn_info(opcode).argcodes; *c; ++c)
    if (*c != 'i' && *c != 'f' && *c != 'r' && *c != '>') return std::nullopt;
  std::optional<TraceOpcode> op = trace_opcode_named(jit_insn_info(opcode).name);
  if (!op || !trace_op_info(*op).has(kTraceOpPure)) return std::nullopt;
  return op;
}

}  // namespace

TraceEnd Tracer::run(MergePointValues& values, PortalAction& action) {
  TraceEnd end;
  while (step(end, values, action) == Step::kNext) {
  }
  return end;
}

Tracer::Step Tracer::step(TraceEnd& end, MergePointValues& values, PortalAction& action) {
  TracerFrame& f = top();
  const JitCode& code = program_.jitcodes[f.jitcode];
  JitInsn insn;
  std::string error;
  if (!decode_insn(code, f.pc, insn, &error)) jit_fatal("tracer: " + code.name + ": " + error);
  const uint32_t next = insn.offset + insn.length;
  auto in = [&](size_t i) {
    const JitOperand& o = insn.operands[i];
    return reg(kind_of_code(o.code), o.value);
  };
  auto val = [&](size_t i) { return concrete(in(i)); };
  auto out = [&](TraceValue v) {
    const JitOperand& o = insn.operands.back();
    set_reg(kind_of_code(o.code), o.value, v);
  };
  auto goto_ = [&](uint32_t pc) {
    top().pc = pc;
    return Step::kNext;
  };
  auto descr = [&](size_t i) { return insn.operands[i].value; };
  const DescrTable& descrs = program_.descrs;

  if (std::optional<TraceOpcode> twin = scalar_twin(insn.opcode)) {
    std::vector<TraceValue> args;
    for (const JitOperand& o : insn.operands)
      if (!o.is_result) args.push_back(reg(kind_of_code(o.code), o.value));
    out(pure(*twin, std::move(args)));
    return goto_(next);
  }

  switch (insn.opcode) {
    // --- Liveness and control. ---
    case J::live:
      take_snapshot(insn.offset);
      if (abort_requested_) return abort_now(end, *abort_requested_);
      if (static_cast<int64_t>(trace_->ops.size()) > mi_.params().trace_limit)
        return abort_now(end, AbortReason::too_long);
      return goto_(next);
    case J::goto_: return goto_(insn.operands[0].value);
    case J::goto_if_not: {
      TraceValue v = in(0);
      bool taken = concrete(v).i != 0;
      if (!v.is_const()) guard(taken ? Op::op_guard_true : Op::op_guard_false, {v});
      return goto_(taken ? next : insn.operands[1].value);
    }
    case J::switch_: {
      TraceValue v = promote(in(0));
      int64_t c = concrete(v).i;
      for (auto [value, target] : program_.switches[descr(1)].cases)
        if (value == c) return goto_(target);
      return goto_(next);
    }
    case J::unreachable: jit_fatal("tracer: reached `unreachable` in " + code.name);
    case J::int_return: return do_return(Kind::kInt, in(0), end, action);
    case J::ref_return: return do_return(Kind::kRef, in(0), end, action);
    case J::float_return: return do_return(Kind::kFloat, in(0), end, action);
    case J::void_return: return do_return(Kind::kVoid, TraceValue(), end, action);
    case J::int_copy: case J::ref_copy: case J::float_copy: out(in(0)); return goto_(next);

    // --- Exceptions. ---
    case J::catch_exception: return goto_(next);
    case J::goto_if_exception_mismatch: {
      int64_t lo = val(0).i, hi = val(1).i;
      bool matches = exc_type_ >= lo && exc_type_ <= hi;
      return goto_(matches ? next : insn.operands[2].value);
    }
    case J::last_exception: out(const_int(exc_type_)); return goto_(next);
    case J::last_exc_value: out(exc_value_); return goto_(next);
    case J::raise: {
      TraceValue type = promote(in(0));
      exc_type_ = concrete(type).i;
      exc_value_ = in(1);
      return unwind(next, /*leave_frame=*/true, end, action);
    }
    case J::reraise: return unwind(next, /*leave_frame=*/true, end, action);

    // --- Checked arithmetic: guard the precondition, or hand over when it would raise. ---
    case J::int_add_ovf: case J::int_sub_ovf: case J::int_mul_ovf: case J::int_neg_ovf: {
      Op op = insn.opcode == J::int_add_ovf ? Op::op_int_add_ovf
              : insn.opcode == J::int_mul_ovf ? Op::op_int_mul_ovf
                                              : Op::op_int_sub_ovf;
      TraceValue a = insn.opcode == J::int_neg_ovf ? const_int(0) : in(0);
      TraceValue b = insn.opcode == J::int_neg_ovf ? in(0) : in(1);
      int64_t r;
      if (eval_ovf(op, concrete(a).i, concrete(b).i, r)) return abort_now(end, AbortReason::bad_loop);
      if (a.is_const() && b.is_const()) {
        out(const_int(r));
      } else {
        TraceValue v = record(op, {a, b}, kNoIndex, AnyValue::of_int(r));
        guard(Op::op_guard_no_overflow, {});
        out(v);
      }
      return goto_(next);
    }
    case J::int_div_c: case J::int_mod_c: case J::int_div_floor: case J::int_mod_floor:
    case J::int_div_floor_ovf: case J::uint_div: case J::uint_mod: {
      TraceValue a = in(0), b = in(1);
      int64_t x = concrete(a).i, y = concrete(b).i;
      bool ovf = insn.opcode == J::int_div_floor_ovf && x == INT64_MIN && y == -1;
      if (y == 0 || ovf) return abort_now(end, AbortReason::bad_loop);
      if (!b.is_const()) guard(Op::op_guard_true, {pure(Op::op_int_is_true, {b})});
      if (insn.opcode == J::int_div_floor_ovf && !(a.is_const() && b.is_const())) {
        TraceValue bad = pure(Op::op_int_and, {pure(Op::op_int_eq, {a, const_int(INT64_MIN)}),
                                               pure(Op::op_int_eq, {b, const_int(-1)})});
        if (!bad.is_const()) guard(Op::op_guard_false, {bad});
      }
      Op op = insn.opcode == J::int_div_c ? Op::op_int_div_c
              : insn.opcode == J::int_mod_c ? Op::op_int_mod_c
              : insn.opcode == J::int_mod_floor ? Op::op_int_mod_floor
              : insn.opcode == J::uint_div ? Op::op_uint_div
              : insn.opcode == J::uint_mod ? Op::op_uint_mod
                                           : Op::op_int_div_floor;
      out(pure(op, {a, b}));
      return goto_(next);
    }
    case J::int_lshift_var: case J::int_rshift_var: case J::uint_rshift_var: case J::int_lshift_ovf: {
      TraceValue a = in(0), n = in(1);
      int64_t x = concrete(a).i, count = concrete(n).i;
      bool raises = count < 0;
      if (insn.opcode == J::int_lshift_ovf && !raises)
        raises = count >= 64 ? x != 0 : ((static_cast<int64_t>(static_cast<uint64_t>(x) << count) >> count) != x);
      if (raises) return abort_now(end, AbortReason::bad_loop);
      if (!n.is_const()) guard(Op::op_guard_true, {pure(Op::op_int_ge, {n, const_int(0)})});
      Op op = insn.opcode == J::int_rshift_var ? Op::op_int_rshift
              : insn.opcode == J::uint_rshift_var ? Op::op_uint_rshift
                                                  : Op::op_int_lshift;
      TraceValue r = pure(op, {a, n});
      if (insn.opcode == J::int_lshift_ovf) {
        TraceValue same = pure(Op::op_int_eq, {pure(Op::op_int_rshift, {r, n}), a});
        if (!same.is_const()) guard(Op::op_guard_true, {same});
      }
      out(r);
      return goto_(next);
    }
    case J::cast_float_to_int: {
      TraceValue x = in(0);
      double d = concrete(x).f;
      if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return abort_now(end, AbortReason::bad_loop);
      if (!x.is_const()) guard(Op::op_guard_true, {pure(Op::op_float_fits_int, {x})});
      out(pure(Op::op_cast_float_to_int, {x}));
      return goto_(next);
    }

    // --- References and classes. ---
    case J::ptr_iszero: case J::ptr_nonzero:
      out(pure(insn.opcode == J::ptr_iszero ? Op::op_ptr_eq : Op::op_ptr_ne,
               {in(0), constant(Kind::kRef, AnyValue::of_ref(kNullRef))}));
      return goto_(next);
    case J::gc_typeid: case J::gc_identityhash: {
      TraceValue r = in(0);
      GcRef object = concrete(r).ref();
      if (object == kNullRef) jit_fatal("tracer: gc_typeid of null");
      int64_t v = insn.opcode == J::gc_typeid ? heap_.type_id_of(object) : heap_.identity_hash(object);
      out(r.is_const() ? const_int(v)
                       : record(insn.opcode == J::gc_typeid ? Op::op_gc_typeid : Op::op_gc_identityhash, {r}, kNoIndex,
                                AnyValue::of_int(v)));
      return goto_(next);
    }
    case J::instanceof: case J::cast_dynamic: {
      TraceValue r = in(0), lo = in(1), hi = in(2);
      GcRef object = concrete(r).ref();
      bool is_instance = false;
      if (object != kNullRef) {
        int64_t tid = heap_.type_id_of(object);
        is_instance = tid >= concrete(lo).i && tid <= concrete(hi).i;
      }
      TraceValue null_ref = constant(Kind::kRef, AnyValue::of_ref(kNullRef));
      TraceValue test = const_int(is_instance);
      if (!r.is_const()) {
        guard(object == kNullRef ? Op::op_guard_isnull : Op::op_guard_nonnull, {r});
        if (object != kNullRef) {
          TraceValue t = record(Op::op_gc_typeid, {r}, kNoIndex, AnyValue::of_int(heap_.type_id_of(object)));
          test = pure(Op::op_int_and, {pure(Op::op_int_le, {lo, t}), pure(Op::op_int_le, {t, hi})});
        }
      }
      if (insn.opcode == J::instanceof) {
        out(test);
      } else {
        if (!test.is_const()) guard(is_instance ? Op::op_guard_true : Op::op_guard_false, {test});
        out(is_instance ? r : null_ref);
      }
      return goto_(next);
    }
    case J::int_between:  // x, min, max: min <= x <= max
      out(pure(Op::op_int_and, {pure(Op::op_int_le, {in(1), in(0)}), pure(Op::op_int_le, {in(0), in(2)})}));
      return goto_(next);

    // --- Memory. ---
    case J::getfield_gc_i: case J::getfield_gc_r: case J::getfield_gc_f:
    case J::getfield_gc_i_pure: case J::getfield_gc_r_pure: case J::getfield_gc_f_pure: {
      TraceValue object = in(0);
      const FieldDescr& field = descrs.fields[descr(1)];
      GcRef o = concrete(object).ref();
      Kind kind = kind_of_code(insn.operands.back().code);
      AnyValue v = kind == Kind::kInt ? AnyValue::of_int(heap_.get_int_field(o, field))
                   : kind == Kind::kRef ? AnyValue::of_ref(heap_.get_ref_field(o, field))
                                        : AnyValue::of_float(heap_.get_float_field(o, field));
      bool is_pure = insn.opcode == J::getfield_gc_i_pure || insn.opcode == J::getfield_gc_r_pure ||
                     insn.opcode == J::getfield_gc_f_pure;
      if (is_pure && object.is_const() && !quasi_immutable_read_) {
        out(constant(kind, v));
      } else {
        Op op = kind == Kind::kInt ? Op::op_getfield_gc_i : kind == Kind::kRef ? Op::op_getfield_gc_r : Op::op_getfield_gc_f;
        out(record(op, {object}, descr(1), v));
      }
      quasi_immutable_read_ = false;
      return goto_(next);
    }
    case J::setfield_gc_i: case J::setfield_gc_r: case J::setfield_gc_f: {
      TraceValue object = in(0), value = in(1);
      const FieldDescr& field = descrs.fields[descr(2)];
      GcRef o = concrete(object).ref();
      AnyValue v = concrete(value);
      if (insn.opcode == J::setfield_gc_i) heap_.set_int_field(o, field, v.i);
      else if (insn.opcode == J::setfield_gc_r) heap_.set_ref_field(o, field, v.ref());
      else heap_.set_float_field(o, field, v.f);
      record(Op::op_setfield_gc, {object, value}, descr(2), AnyValue::of_int(0));
      return goto_(next);
    }
    case J::record_quasiimmut_field: quasi_immutable_read_ = true; return goto_(next);
    case J::jit_force_quasi_immutable: return goto_(next);
    case J::getarrayitem_gc_i: case J::getarrayitem_gc_r: case J::getarrayitem_gc_f:
    case J::getarrayitem_gc_i_pure: case J::getarrayitem_gc_r_pure: case J::getarrayitem_gc_f_pure: {
      TraceValue array = in(0), index = in(1);
      const ArrayDescr& ad = descrs.arrays[descr(2)];
      GcRef a = concrete(array).ref();
      int64_t i = concrete(index).i;
      Kind kind = kind_of_code(insn.operands.back().code);
      AnyValue v = kind == Kind::kInt ? AnyValue::of_int(heap_.get_int_item(a, ad, i))
                   : kind == Kind::kRef ? AnyValue::of_ref(heap_.get_ref_item(a, ad, i))
                                        : AnyValue::of_float(heap_.get_float_item(a, ad, i));
      bool is_pure = insn.opcode == J::getarrayitem_gc_i_pure || insn.opcode == J::getarrayitem_gc_r_pure ||
                     insn.opcode == J::getarrayitem_gc_f_pure;
      if (is_pure && array.is_const() && index.is_const()) {
        out(constant(kind, v));
      } else {
        Op op = kind == Kind::kInt ? Op::op_getarrayitem_gc_i
                : kind == Kind::kRef ? Op::op_getarrayitem_gc_r
                                     : Op::op_getarrayitem_gc_f;
        out(record(op, {array, index}, descr(2), v));
      }
      return goto_(next);
    }
    case J::setarrayitem_gc_i: case J::setarrayitem_gc_r: case J::setarrayitem_gc_f: {
      TraceValue array = in(0), index = in(1), value = in(2);
      const ArrayDescr& ad = descrs.arrays[descr(3)];
      GcRef a = concrete(array).ref();
      int64_t i = concrete(index).i;
      AnyValue v = concrete(value);
      if (insn.opcode == J::setarrayitem_gc_i) heap_.set_int_item(a, ad, i, v.i);
      else if (insn.opcode == J::setarrayitem_gc_r) heap_.set_ref_item(a, ad, i, v.ref());
      else heap_.set_float_item(a, ad, i, v.f);
      record(Op::op_setarrayitem_gc, {array, index, value}, descr(3), AnyValue::of_int(0));
      return goto_(next);
    }
    case J::arraylen_gc: {
      TraceValue array = in(0);
      int64_t n = heap_.array_length(concrete(array).ref(), descrs.arrays[descr(1)]);
      out(array.is_const() ? const_int(n) : record(Op::op_arraylen_gc, {array}, descr(1), AnyValue::of_int(n)));
      return goto_(next);
    }
    case J::new_: {
      GcRef object = heap_.new_object(descrs.sizes[descr(0)]);
      out(record(Op::op_new, {}, descr(0), AnyValue::of_ref(object)));
      return goto_(next);
    }
    case J::new_array: {
      TraceValue length = in(0);
      GcRef array = heap_.new_array(descrs.arrays[descr(1)], concrete(length).i);
      out(record(Op::op_new_array, {length}, descr(1), AnyValue::of_ref(array)));
      return goto_(next);
    }
    // Globals have no trace operation: v1 reads them as constants of the trace, which holds
    // while the program never writes a global during a trace's life; a write aborts the trace
    // (docs/jit.md, "The tracer").
    case J::getglobal_i: out(const_int(heap_.get_int_global(descrs.globals[descr(0)]))); return goto_(next);
    case J::getglobal_r:
      out(constant(Kind::kRef, AnyValue::of_ref(heap_.get_ref_global(descrs.globals[descr(0)]))));
      return goto_(next);
    case J::getglobal_f:
      out(constant(Kind::kFloat, AnyValue::of_float(heap_.get_float_global(descrs.globals[descr(0)]))));
      return goto_(next);
    case J::setglobal_i: case J::setglobal_r: case J::setglobal_f: {
      const GlobalDescr& g = descrs.globals[descr(1)];
      AnyValue v = val(0);
      if (insn.opcode == J::setglobal_i) heap_.set_int_global(g, v.i);
      else if (insn.opcode == J::setglobal_r) heap_.set_ref_global(g, v.ref());
      else heap_.set_float_global(g, v.f);
      side_effect();
      request_abort(AbortReason::bad_loop);
      return goto_(next);
    }

    // --- Hints. ---
    case J::int_guard_value: case J::ref_guard_value: case J::float_guard_value:
      promote(in(0));
      return goto_(next);
    case J::jit_merge_point: return merge_point(insn, end, values);
    case J::loop_header: return goto_(next);
    case J::int_isconstant: case J::ref_isconstant: case J::float_isconstant:
      out(const_int(in(0).is_const() ? 1 : 0));
      return goto_(next);
    case J::ref_isvirtual: out(const_int(0)); return goto_(next);
    case J::record_exact_class: case J::int_assert_green: case J::ref_assert_green: case J::float_assert_green:
    case J::jit_debug: case J::enter_portal_frame: case J::leave_portal_frame:
      return goto_(next);
    case J::current_trace_length: out(const_int(static_cast<int64_t>(trace_->ops.size()))); return goto_(next);

    default: break;
  }
  std::string_view name = jit_insn_info(insn.opcode).name;
  if (name.find("call") != std::string_view::npos) return do_call(insn, end, action);
  jit_fatal("tracer: instruction " + std::string(name) + " is not implemented");
}

}  // namespace rtoolchain::jit
