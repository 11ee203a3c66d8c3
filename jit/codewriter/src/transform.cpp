// Operations to jitcode instructions (RPython's jtransform): fields by kind and purity,
// quasi-immutable reads, promotion, the call policy at each call site, class tests as type-id
// range checks, hints. An operation that may raise gets `-live-` before it (checked arithmetic:
// the tracer's guard re-executes it) or after it (calls).
#include "flattener.h"

namespace rtoolchain::jit::codewriter {

namespace {

// Wrapping integer operations whose result must be normalised to a narrower type.
bool wraps(Opcode op) {
  switch (op) {
    case Opcode::int_add: case Opcode::int_sub: case Opcode::int_mul: case Opcode::int_neg:
    case Opcode::int_invert: case Opcode::int_lshift: case Opcode::int_div_c: case Opcode::int_mod_c:
    case Opcode::int_div_floor: case Opcode::int_mod_floor: case Opcode::uint_div: case Opcode::uint_mod:
      return true;
    default: return false;
  }
}

const char* kind_word(Kind k) { return k == Kind::kInt ? "int" : k == Kind::kRef ? "ref" : "float"; }

}  // namespace

bool Flattener::emit_call(OpId id, const Operation& op) {
  bool indirect = op.opcode == Opcode::indirect_call;
  std::vector<Reg> lists[kNumValueKinds];
  for (size_t i = indirect ? 2 : 1; i < op.args.size(); ++i) {
    Kind k = kind_of_value(op.args[i]);
    if (k == Kind::kVoid) {
      fail(id, "an argument without JIT kind");
      return false;
    }
    lists[int(k)].push_back(reg(op.args[i]));
  }
  Kind result = op.result.valid() ? kinds_[op.result.index()] : Kind::kVoid;
  std::string variant = !lists[2].empty() ? "irf" : !lists[0].empty() ? "ir" : "r";
  std::vector<Arg> args;
  std::string family;
  if (indirect) {
    const Constant& targets = p_.constant(op.args[1].constant());
    if (targets.kind != ConstKind::kTargets || targets.items.empty()) {
      // Unknown callees (a function pointer from a table the program fills): a residual call
      // with random effects.
      family = "residual_call";
      args = {a(reg(op.args[0])), des(calldescr_for_unknown(cx_, p_.type_of(g_, op.args[0])))};
      goto arguments;
    }
    std::vector<uint32_t> functions;
    for (uint32_t t : targets.items) functions.push_back(Context::function_index(FunctionId(t)));
    Reg callee = reg(op.args[0]);
    live();
    emit(JitOpcode::int_guard_value, {a(callee)});
    family = "indirect_call";
    args = {a(callee), des(calldescr_for_targets(cx_, functions)), des(uint32_t(cx_.out.indirect_targets.size()))};
    cx_.out.indirect_targets.push_back(functions);
  } else {
    FunctionId callee = p_.constant(op.args[0].constant()).function();
    uint32_t index = Context::function_index(callee);
    switch (classify_call(cx_, callee)) {
      case CallKind::kRegular: family = "inline_call"; args = {des(index)}; break;
      case CallKind::kRecursive: family = "recursive_call"; args = {des(index)}; break;
      case CallKind::kResidual:
      case CallKind::kElidable:
        family = "residual_call";
        args = {a(pools_.int_const(index)), des(calldescr_for_targets(cx_, {index}))};
        break;
    }
  }
arguments:
  args.push_back(list('I', lists[0]));
  args.push_back(list('R', lists[1]));
  if (variant == "irf") args.push_back(list('F', lists[2]));
  else if (variant == "r") args.erase(args.end() - 2);
  if (result != Kind::kVoid) args.push_back(res(var_reg(op.result)));
  emit(family + "_" + variant + "_" + letter(result == Kind::kVoid ? Kind::kVoid : result), std::move(args));
  live();
  return true;
}

bool Flattener::emit_op(BlockId block, OpId id, bool catches) {
  (void)block;
  (void)catches;
  const Operation& op = g_.op(id);
  const OpInfo& info = op_info(op.opcode);
  auto arg = [&](unsigned i) { return reg(op.args[i]); };
  auto cst = [&](unsigned i) -> const Constant& { return p_.constant(op.args[i].constant()); };
  Kind rk = op.result.valid() ? kinds_[op.result.index()] : Kind::kVoid;
  auto out = [&] { return res(var_reg(op.result)); };
  auto range_of = [&](ClassId cls, std::vector<Arg>& args) {
    const ClassLayout& l = p_.class_layout(cls);
    args.push_back(a(pools_.int_const(l.min_type_id)));
    args.push_back(a(pools_.int_const(l.max_type_id)));
  };
  auto array_descr = [&](TypeId array_type) -> uint32_t {
    auto it = cx_.array_descr_of_type.find(array_type.index());
    if (it == cx_.array_descr_of_type.end()) {
      fail(id, "array type " + p_.type_name(array_type) + " has no type id");
      return 0;
    }
    return it->second;
  };
  switch (op.opcode) {
    case Opcode::same_as: case Opcode::cast_pointer: case Opcode::cast_bool_to_int:
    case Opcode::jit_access_directly: case Opcode::jit_fresh_virtualizable:
      copy(arg(0), var_reg(op.result));
      return true;
    case Opcode::cast_int:
      copy(arg(0), var_reg(op.result));
      normalize(var_reg(op.result), g_.variable(op.result).type);
      return true;
    case Opcode::cast_int_to_float: {
      std::optional<IntegerLayout> l = p_.integer_layout(p_.type_of(g_, op.args[0]));
      bool unsigned64 = l && !l->is_signed && l->bits == 64;
      emit(unsigned64 ? JitOpcode::cast_uint_to_float : JitOpcode::cast_int_to_float, {a(arg(0)), out()});
      return true;
    }
    case Opcode::classof: emit(JitOpcode::gc_typeid, {a(arg(0)), out()}); return true;
    case Opcode::instanceof: case Opcode::cast_dynamic: {
      std::vector<Arg> args{a(arg(0))};
      range_of(cst(1).class_id(), args);
      args.push_back(out());
      live();  // the tracer guards the object's nullness and class here
      emit(op.opcode == Opcode::instanceof ? JitOpcode::instanceof : JitOpcode::cast_dynamic, std::move(args));
      return true;
    }
    case Opcode::class_issubclass: {
      std::vector<Arg> args{a(arg(0))};
      range_of(cst(1).class_id(), args);
      args.push_back(out());
      emit(JitOpcode::int_between, std::move(args));
      return true;
    }
    case Opcode::getfield: {
      FieldId field = cst(1).field();
      const FieldInfo& fi = p_.field_info(field);
      if (!fi.owner_class.valid()) {
        fail(id, "a struct field");
        return false;
      }
      bool quasi = fi.flags & kQuasiImmutableField;
      bool pure = quasi || (fi.flags & kImmutableField) || (p_.class_info(fi.owner_class).flags & kImmutableClass);
      if (quasi) {
        live();
        emit(JitOpcode::record_quasiimmut_field, {a(arg(0)), des(field.index())});
      }
      emit(std::string("getfield_gc_") + letter(rk) + (pure ? "_pure" : ""), {a(arg(0)), des(field.index()), out()});
      return true;
    }
    case Opcode::setfield: {
      Kind k = kind_of_value(op.args[2]);
      emit(std::string("setfield_gc_") + letter(k), {a(arg(0)), a(arg(2)), des(cst(1).field().index())});
      return true;
    }
    case Opcode::jit_force_quasi_immutable:
      emit(JitOpcode::jit_force_quasi_immutable, {a(arg(0)), des(cst(1).field().index())});
      return true;
    case Opcode::getglobal:
      emit(std::string("getglobal_") + letter(rk), {des(cst(0).global().index()), out()});
      return true;
    case Opcode::setglobal:
      emit(std::string("setglobal_") + letter(kind_of_value(op.args[1])), {a(arg(1)), des(cst(0).global().index())});
      return true;
    case Opcode::new_object: emit(JitOpcode::new_, {des(cst(0).class_id().index()), out()}); return true;
    case Opcode::malloc_varsize:
      emit(JitOpcode::new_array, {a(arg(0)), des(array_descr(g_.variable(op.result).type)), out()});
      return true;
    case Opcode::getarraysize:
      emit(JitOpcode::arraylen_gc, {a(arg(0)), des(array_descr(p_.type_of(g_, op.args[0])))});
      insns_.back().args.push_back(out());
      return true;
    case Opcode::getarrayitem: {
      // Items of an immutable prebuilt (dispatch arrays) never change: the read is pure.
      bool pure = op.args[0].is_constant() && cst(0).kind == ConstKind::kPrebuilt &&
                  (p_.prebuilt_info(cst(0).prebuilt()).flags & kImmutablePrebuilt);
      emit(std::string("getarrayitem_gc_") + letter(rk) + (pure ? "_pure" : ""),
           {a(arg(0)), a(arg(1)), des(array_descr(p_.type_of(g_, op.args[0]))), out()});
      return true;
    }
    case Opcode::setarrayitem:
      emit(std::string("setarrayitem_gc_") + letter(kind_of_value(op.args[2])),
           {a(arg(0)), a(arg(1)), a(arg(2)), des(array_descr(p_.type_of(g_, op.args[0])))});
      return true;
    case Opcode::direct_call: case Opcode::indirect_call: return emit_call(id, op);
    case Opcode::jit_merge_point: {
      const JitDriverInfo& driver = p_.jit_driver_info(cst(0).jit_driver());
      std::vector<Reg> lists[2][kNumValueKinds];
      for (size_t i = 1; i < op.args.size(); ++i) {
        Kind k = kind_of_value(op.args[i]);
        lists[i - 1 < driver.greens.size() ? 0 : 1][int(k)].push_back(reg(op.args[i]));
      }
      live();
      if (fn_ == cx_.portal) label(pools_.merge_point_label = new_label());
      emit(JitOpcode::jit_merge_point, {list('I', lists[0][0]), list('R', lists[0][1]), list('F', lists[0][2]),
                                        list('I', lists[1][0]), list('R', lists[1][1]), list('F', lists[1][2])});
      return true;
    }
    case Opcode::can_enter_jit: case Opcode::jit_loop_header: emit(JitOpcode::loop_header, {}); return true;
    case Opcode::jit_promote: {
      Kind k = kind_of_value(op.args[0]);
      live();
      emit(std::string(kind_word(k)) + "_guard_value", {a(arg(0))});
      copy(arg(0), var_reg(op.result));
      return true;
    }
    case Opcode::jit_we_are_jitted: copy(pools_.int_const(1), var_reg(op.result)); return true;
    case Opcode::jit_isconstant:
      emit(std::string(kind_word(kind_of_value(op.args[0]))) + "_isconstant", {a(arg(0)), out()});
      return true;
    case Opcode::jit_isvirtual:
      if (kind_of_value(op.args[0]) == Kind::kRef) emit(JitOpcode::ref_isvirtual, {a(arg(0)), out()});
      else copy(pools_.int_const(0), var_reg(op.result));
      return true;
    case Opcode::jit_record_exact_class:
      emit(JitOpcode::record_exact_class, {a(arg(0)), a(pools_.int_const(p_.class_layout(cst(1).class_id()).min_type_id))});
      return true;
    case Opcode::jit_assert_green:
      emit(std::string(kind_word(kind_of_value(op.args[0]))) + "_assert_green", {a(arg(0))});
      return true;
    case Opcode::jit_current_trace_length: emit(JitOpcode::current_trace_length, {out()}); return true;
    case Opcode::jit_debug: emit(JitOpcode::jit_debug, {a(arg(0))}); return true;
    case Opcode::jit_enter_portal_frame: emit(JitOpcode::enter_portal_frame, {a(arg(0))}); return true;
    case Opcode::jit_leave_portal_frame: emit(JitOpcode::leave_portal_frame, {}); return true;
    // Promises the blackhole has no use for, and hints v1 does not exploit.
    case Opcode::jit_record_exact_value: case Opcode::jit_record_known_result: case Opcode::jit_force_virtualizable:
    case Opcode::jit_set_param: case Opcode::debug_assert:
      return true;
    case Opcode::jit_conditional_call: {
      std::vector<Reg> ints, refs;
      for (size_t i = 2; i < op.args.size(); ++i) {
        Kind k = kind_of_value(op.args[i]);
        if (k == Kind::kFloat) {
          fail(id, "conditional_call with a float argument (not supported yet)");
          return false;
        }
        (k == Kind::kInt ? ints : refs).push_back(reg(op.args[i]));
      }
      uint32_t index = Context::function_index(cst(1).function());
      emit(JitOpcode::conditional_call_ir_v, {a(arg(0)), a(pools_.int_const(index)), list('I', ints), list('R', refs),
                                              des(calldescr_for_targets(cx_, {index}))});
      live();
      return true;
    }
    default: break;
  }
  // The scalar operations of the same name.
  std::string name(op_name(op.opcode));
  JitOpcode jop;
  if (!find_jit_opcode(name, jop)) {
    fail(id, "operation " + name + " is not supported by the codewriter");
    return false;
  }
  if (info.can_raise()) {
    std::optional<IntegerLayout> l = op.result.valid() ? p_.integer_layout(g_.variable(op.result).type) : std::nullopt;
    if (l && l->bits < 64 && !wraps(op.opcode)) {
      fail(id, "checked arithmetic on a type narrower than 64 bits (not supported yet)");
      return false;
    }
    live();
  }
  std::vector<Arg> args;
  for (size_t i = 0; i < op.args.size(); ++i) args.push_back(a(arg(i)));
  if (op.result.valid()) args.push_back(out());
  emit(jop, std::move(args));
  if (wraps(op.opcode)) normalize(var_reg(op.result), g_.variable(op.result).type);
  return true;
}

}  // namespace rtoolchain::jit::codewriter
