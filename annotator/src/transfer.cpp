// What each operation makes of its operands' facts (docs/annotator.md, "Rules"): objects,
// calls, integers. Containers are in transfer_containers.cpp.
#include <algorithm>

#include "engine.h"

namespace rtoolchain::annotator {

using namespace ir;

namespace {

// Interval arithmetic in 128 bits; the result is the type's full range when it may wrap.
Fact int_result(const Program& program, TypeId type, __int128 lo, __int128 hi) {
  Fact fact = top_fact(program, type);
  if (lo >= fact.lo && hi <= fact.hi) {
    fact.lo = static_cast<int64_t>(lo);
    fact.hi = static_cast<int64_t>(hi);
  }
  return fact;
}

// The result of an overflow-checked operation: the values that do not raise.
Fact clamped_result(const Program& program, TypeId type, __int128 lo, __int128 hi) {
  Fact fact = top_fact(program, type);
  fact.lo = static_cast<int64_t>(std::max<__int128>(lo, fact.lo));
  fact.hi = static_cast<int64_t>(std::min<__int128>(hi, fact.hi));
  if (fact.lo > fact.hi) fact.reached = false;  // always raises
  return fact;
}

Fact none_fact() {
  Fact fact;
  fact.reached = true;
  return fact;
}

Fact bool_fact(bool can_be_false, bool can_be_true) {
  Fact fact;
  fact.reached = true;
  fact.lo = can_be_false ? 0 : 1;
  fact.hi = can_be_true ? 1 : 0;
  return fact;
}

}  // namespace

void Engine::raise_rt(RaiseSet bits, Fact& raised) {
  for (unsigned i = 0; i < kNumRtExceptions; ++i) {
    if (!(bits & (RaiseSet(1) << i))) continue;
    ClassId cls = program_.rt_exception_class(static_cast<RtException>(i));
    if (static_cast<RtException>(i) == RtException::kMemoryError ||
        static_cast<RtException>(i) == RtException::kRecursionError)
      continue;
    instantiate(cls);
    raised.reached = true;
    add_member(raised, cls.index());
  }
}

// An external function may raise any rt exception (they are rt library code); the program's own
// classes it cannot create.
Fact Engine::external_raises() {
  Fact raised;
  raise_rt(~RaiseSet(0), raised);
  instantiate(program_.exception_class());
  add_member(raised, program_.exception_class().index());
  return raised;
}

bool Engine::transfer_int(const Operation& op, Fact& result) {
  const Graph& g = graph();
  TypeId type = g.variable(op.result).type;
  Fact a = op.args.size() > 0 ? value_fact(op.args[0]) : Fact();
  Fact b = op.args.size() > 1 ? value_fact(op.args[1]) : Fact();
  __int128 alo = a.lo, ahi = a.hi, blo = b.lo, bhi = b.hi;
  auto mul = [&](bool checked) {
    __int128 c[4] = {alo * blo, alo * bhi, ahi * blo, ahi * bhi};
    __int128 lo = *std::min_element(c, c + 4), hi = *std::max_element(c, c + 4);
    return checked ? clamped_result(program_, type, lo, hi) : int_result(program_, type, lo, hi);
  };
  switch (op.opcode) {
    case Opcode::int_add: result = int_result(program_, type, alo + blo, ahi + bhi); return true;
    case Opcode::int_sub: result = int_result(program_, type, alo - bhi, ahi - blo); return true;
    case Opcode::int_mul: result = mul(false); return true;
    case Opcode::int_add_ovf: result = clamped_result(program_, type, alo + blo, ahi + bhi); return true;
    case Opcode::int_sub_ovf: result = clamped_result(program_, type, alo - bhi, ahi - blo); return true;
    case Opcode::int_mul_ovf: result = mul(true); return true;
    case Opcode::int_neg: result = int_result(program_, type, -ahi, -alo); return true;
    case Opcode::int_neg_ovf: result = clamped_result(program_, type, -ahi, -alo); return true;
    case Opcode::int_and:
      result = top_fact(program_, type);
      if (a.is_int_constant() && b.is_int_constant()) result.lo = result.hi = a.lo & b.lo;
      else if (a.lo >= 0 || b.lo >= 0) result.lo = 0, result.hi = std::min(a.lo >= 0 ? a.hi : Fact::kMax, b.lo >= 0 ? b.hi : Fact::kMax);
      return true;
    case Opcode::int_or:
    case Opcode::int_xor:
      result = top_fact(program_, type);
      if (a.is_int_constant() && b.is_int_constant())
        result.lo = result.hi = op.opcode == Opcode::int_or ? (a.lo | b.lo) : (a.lo ^ b.lo);
      return true;
    case Opcode::int_rshift:
      result = top_fact(program_, type);
      if (a.lo >= 0 && b.is_int_constant()) result.lo = a.lo >> b.lo, result.hi = a.hi >> b.lo;
      return true;
    case Opcode::int_mod_floor:
    case Opcode::int_div_floor:
    case Opcode::int_mod_c:
    case Opcode::int_div_c:
      result = top_fact(program_, type);
      if (b.is_int_constant() && b.lo > 0) {
        if (op.opcode == Opcode::int_mod_floor) result.lo = 0, result.hi = b.lo - 1;
        else if (op.opcode == Opcode::int_mod_c && a.lo >= 0) result.lo = 0, result.hi = b.lo - 1;
        else if (a.lo >= 0) result.lo = a.lo / b.lo, result.hi = a.hi / b.lo;
      }
      return true;
    case Opcode::cast_int: {
      result = top_fact(program_, type);
      // A value the target type holds unchanged (same bits after normalisation) keeps its
      // interval; unsigned 64-bit sources are bit patterns, so only their non-negative part.
      if (a.lo >= result.lo && a.hi <= result.hi) result.lo = a.lo, result.hi = a.hi;
      return true;
    }
    case Opcode::cast_bool_to_int:
      result = top_fact(program_, type);
      result.lo = a.lo, result.hi = a.hi;
      return true;
    case Opcode::int_eq: result = bool_fact(!(a.is_int_constant() && b.is_int_constant() && a.lo == b.lo), ahi >= blo && bhi >= alo); return true;
    case Opcode::int_ne: result = bool_fact(ahi >= blo && bhi >= alo, !(a.is_int_constant() && b.is_int_constant() && a.lo == b.lo)); return true;
    case Opcode::int_lt: result = bool_fact(ahi >= blo, alo < bhi); return true;
    case Opcode::int_le: result = bool_fact(ahi > blo, alo <= bhi); return true;
    case Opcode::int_gt: result = bool_fact(alo <= bhi, ahi > blo); return true;
    case Opcode::int_ge: result = bool_fact(alo < bhi, ahi >= blo); return true;
    case Opcode::int_is_true: result = bool_fact(alo <= 0 && ahi >= 0, !(alo == 0 && ahi == 0)); return true;
    case Opcode::bool_not: result = bool_fact(a.hi >= 1, a.lo <= 0); return true;
    default: return false;
  }
}

bool Engine::transfer(OpId op_id, Fact& result, Fact& raised, ClassId& resource) {
  const Graph& g = graph();
  const Operation& op = g.op(op_id);
  const OpInfo& info = op_info(op.opcode);
  TypeId type = op.result.valid() ? g.variable(op.result).type : TypeId();
  if (!info.has_effect(kCall)) raise_rt(info.raises, raised);
  auto arg = [&](unsigned i) { return value_fact(op.args[i]); };
  auto class_arg = [&](unsigned i) { return program_.constant(op.args[i].constant()).class_id(); };
  switch (op.opcode) {
    case Opcode::direct_call:
    case Opcode::indirect_call:
    case Opcode::virtual_call:
    case Opcode::jit_conditional_call:
    case Opcode::jit_conditional_call_elidable:
      return transfer_call(op_id, op, result, raised, resource);
    case Opcode::same_as:
    case Opcode::jit_promote:
    case Opcode::jit_promote_string:
    case Opcode::jit_access_directly:
    case Opcode::jit_fresh_virtualizable:
      result = arg(0);
      return true;
    case Opcode::new_object: {
      ClassId cls = class_arg(0);
      instantiate(cls);
      result.reached = true;
      add_member(result, cls.index());
      // The fields start at zero unless the constructor called right after certainly writes
      // them before anything can read them (construction.cpp).
      const Block& block = g.block(current_.block);
      auto pos = std::find(block.operations.begin(), block.operations.end(), op_id);
      const llvm::DenseSet<FieldId>* initialised = nullptr;
      for (auto it = pos + 1; it != block.operations.end(); ++it) {
        const Operation& next = g.op(*it);
        bool uses = std::find(next.args.begin(), next.args.end(), Value(op.result)) != next.args.end();
        if (!uses) continue;
        if (next.opcode == Opcode::direct_call && next.args.size() > 1 && next.args[1] == Value(op.result)) {
          FunctionId ctor = program_.constant(next.args[0].constant()).function();
          if (impl_.functions[ctor.index()].constructs == cls) initialised = &constructor_init_.fields_written(ctor);
        }
        break;
      }
      for (FieldId f : program_.all_fields(cls)) {
        if (initialised && initialised->contains(f)) continue;
        FieldFacts& ff = impl_.fields[f.index()];
        ff.zero_possible = true;
        if (grow(key(kFieldKey, f.index()), ff.fact, zero_fact(program_, program_.field_info(f).type)))
          changed(key(kFieldKey, f.index()));
      }
      return true;
    }
    case Opcode::getfield: {
      FieldId f = program_.constant(op.args[1].constant()).field();
      read(key(kFieldKey, f.index()));
      result = impl_.fields[f.index()].fact;
      return true;
    }
    case Opcode::setfield: {
      FieldId f = program_.constant(op.args[1].constant()).field();
      FieldFacts& ff = impl_.fields[f.index()];
      ff.written = true;
      if (grow(key(kFieldKey, f.index()), ff.fact, arg(2))) changed(key(kFieldKey, f.index()));
      return true;
    }
    case Opcode::getglobal: {
      GlobalId gl = program_.constant(op.args[0].constant()).global();
      read(key(kGlobalKey, gl.index()));
      result = impl_.globals[gl.index()];
      return true;
    }
    case Opcode::setglobal: {
      GlobalId gl = program_.constant(op.args[0].constant()).global();
      if (grow(key(kGlobalKey, gl.index()), impl_.globals[gl.index()], arg(1))) changed(key(kGlobalKey, gl.index()));
      return true;
    }
    case Opcode::instanceof:
    case Opcode::class_issubclass: {
      Fact p = arg(0);
      ClassId cls = class_arg(1);
      bool some_yes = p.unknown_members, some_no = p.unknown_members || (p.may_be_null && op.opcode == Opcode::instanceof);
      for (uint32_t m : p.members) (program_.is_subclass(ClassId(m), cls) ? some_yes : some_no) = true;
      result = bool_fact(some_no, some_yes);
      return true;
    }
    case Opcode::classof:
      result = arg(0);
      result.may_be_null = false;
      result.constant = ConstId();
      return true;
    case Opcode::cast_pointer:
    case Opcode::cast_dynamic: {
      Fact p = arg(0);
      ClassId cls = op.opcode == Opcode::cast_dynamic ? class_arg(1) : program_.types().get(type).class_id;
      result = p;
      result.members.clear();
      result.constant = ConstId();
      bool dropped = false;
      for (uint32_t m : p.members) {
        if (program_.is_subclass(ClassId(m), cls)) add_member(result, m);
        else dropped = true;
      }
      // A static_cast downcast is the program's promise; a dynamic_cast gives null instead.
      if (op.opcode == Opcode::cast_dynamic) result.may_be_null |= dropped || p.unknown_members;
      else if (p.constant.valid() && !dropped) result.constant = p.constant;
      return true;
    }
    case Opcode::ptr_iszero:
    case Opcode::ptr_nonzero: {
      Fact p = arg(0);
      bool can_be_null = p.may_be_null, can_be_nonnull = p.unknown_members || !p.members.empty();
      result = op.opcode == Opcode::ptr_nonzero ? bool_fact(can_be_null, can_be_nonnull) : bool_fact(can_be_nonnull, can_be_null);
      return true;
    }
    case Opcode::jit_we_are_jitted:
    case Opcode::jit_isconstant:
    case Opcode::jit_isvirtual:
      result = bool_fact(true, true);
      return true;
    default: break;
  }
  if (transfer_container(op, op_id, result, raised)) return true;
  if (op.result.valid() && is_integer_like(program_, type) && transfer_int(op, result)) return true;
  if (!op.result.valid()) return true;
  result = top_fact(program_, type);
  switch (op.opcode) {
    case Opcode::str_len:
    case Opcode::strbuilder_len: result.lo = 0; break;
    case Opcode::str_byte_at: result.lo = 0, result.hi = 255; break;
    case Opcode::str_find:
    case Opcode::str_rfind: result.lo = -1; break;
    case Opcode::str_count: result.lo = 0; break;
    case Opcode::strbuilder_new:
      result.may_be_null = false;
      break;
    default: break;
  }
  return true;
}

bool Engine::transfer_call(OpId op_id, const Operation& op, Fact& result, Fact& raised, ClassId& resource) {
  llvm::SmallVector<FunctionId, 4> targets;
  llvm::SmallVector<Fact, 6> args;
  unsigned first = 1;
  switch (op.opcode) {
    case Opcode::direct_call: targets.push_back(program_.constant(op.args[0].constant()).function()); break;
    case Opcode::jit_conditional_call:
    case Opcode::jit_conditional_call_elidable: {
      first = 2;
      Fact cond = value_fact(op.args[0]);
      bool may_call = cond.hi != 0;
      if (op.opcode == Opcode::jit_conditional_call_elidable) {
        // The value when it is non-zero, else the call's result.
        bool is_ref = program_.types().is_reference(graph().variable(op.result).type);
        may_call = is_ref ? cond.may_be_null : cond.lo <= 0 && cond.hi >= 0;
        result = cond;
        if (is_ref) {
          result.may_be_null = false;
          if (!result.unknown_members && result.members.empty()) result = Fact();
        } else {
          if (result.lo == 0) result.lo = 1;
          if (result.hi == 0) result.hi = -1;
          if (result.lo > result.hi) result = Fact();
        }
      }
      if (may_call) targets.push_back(program_.constant(op.args[1].constant()).function());
      break;
    }
    case Opcode::indirect_call: {
      first = 2;
      Fact callee = value_fact(op.args[0]);
      if (callee.unknown_members) {
        // A function pointer from outside: any function of the type whose address is taken.
        // Graphs only take addresses as constants, which the fixpoint sees; an unknown one can
        // come only from an external, and externals do not return function pointers.
        TypeId fn_type = graph().variable(op.args[0].variable()).type;
        for (uint32_t f = 0; f < program_.num_functions(); ++f)
          if (program_.function_info(FunctionId(f)).type == fn_type) targets.push_back(FunctionId(f));
      }
      for (uint32_t m : callee.members) targets.push_back(FunctionId(m));
      break;
    }
    case Opcode::virtual_call: {
      const Constant& method = program_.constant(op.args[0].constant());
      Fact receiver = value_fact(op.args[1]);
      llvm::SmallVector<uint32_t, 8> classes(receiver.members.begin(), receiver.members.end());
      if (receiver.unknown_members) {
        read(key(kInstantiatedKey, 0));
        for (uint32_t c = 0; c < program_.num_classes(); ++c)
          if (impl_.instantiated[c] && program_.is_subclass(ClassId(c), method.class_id())) classes.push_back(c);
      }
      // Each target gets the receivers that resolve to it (class-hierarchy analysis restricted
      // to the receiver's possible classes).
      std::map<uint32_t, Fact> receivers;
      for (uint32_t c : classes) {
        const MethodDecl* decl = program_.resolve_method(ClassId(c), method.text);
        if (!decl || !decl->implementation.valid()) continue;  // an abstract call: a graph-mode error
        Fact& r = receivers[decl->implementation.index()];
        r.reached = true;
        add_member(r, c);
      }
      Fact ignored_result, ignored_raised;
      bool completes = false;
      for (auto& [impl, r] : receivers) {
        llvm::SmallVector<Fact, 6> call_args{r};
        for (size_t i = 2; i < op.args.size(); ++i) call_args.push_back(value_fact(op.args[i]));
        Fact one_result, one_raised;
        ClassId one_resource;
        completes |= call_targets(op_id, {FunctionId(impl)}, call_args, one_result, one_raised, one_resource);
        result = join(result, one_result);
        raised = join(raised, one_raised);
        if (one_resource.valid()) resource = one_resource;
      }
      return completes;
    }
    default: break;
  }
  for (size_t i = first; i < op.args.size(); ++i) args.push_back(value_fact(op.args[i]));
  Fact call_result;
  bool completes = call_targets(op_id, targets, args, call_result, raised, resource);
  if (op.opcode == Opcode::jit_conditional_call) return true;  // may also not call
  if (op.opcode == Opcode::jit_conditional_call_elidable) {
    result = join(result, call_result);
    return result.reached;
  }
  result = call_result;
  return completes;
}

bool Engine::call_targets(OpId op_id, llvm::ArrayRef<FunctionId> targets, llvm::ArrayRef<Fact> args, Fact& result,
                          Fact& raised, ClassId& resource) {
  std::vector<FunctionId>& recorded = state().call_targets[op_id.index()];
  bool completes = false;
  for (FunctionId target : targets) {
    auto pos = std::lower_bound(recorded.begin(), recorded.end(), target);
    if (pos == recorded.end() || *pos != target) recorded.insert(pos, target);
    const FunctionInfo& info = program_.function_info(target);
    if (info.is_external || !info.graph) {
      if (!program_.types().is_void(info.result)) result = join(result, top_fact(program_, info.result));
      else result = join(result, none_fact());
      if (!(info.flags & kNoThrow)) raised = join(raised, external_raises());
      completes = true;
      continue;
    }
    resource = program_.rt_exception_class(RtException::kRecursionError);
    reach_function(target);
    const Graph& g = *info.graph;
    FunctionState& fs = impl_.functions[target.index()];
    const Block& start = g.block(g.start_block());
    bool grew = false;
    for (size_t i = 0; i < args.size() && i < start.inputargs.size(); ++i)
      grew |= grow(var_counter(target, start.inputargs[i]), fs.vars[start.inputargs[i].index()], args[i]);
    if (grew || !fs.block_reached[g.start_block().index()]) queue(target, g.start_block());
    read(key(kReturnKey, target.index()));
    read(key(kRaiseKey, target.index()));
    const Fact& returned = fs.vars[g.block(g.return_block()).inputargs[0].index()];
    if (returned.reached) {
      result = join(result, returned);
      completes = true;
    }
    const Fact& escaping = fs.vars[g.block(g.except_block()).inputargs[1].index()];
    if (escaping.reached) raised = join(raised, escaping);
  }
  return completes;
}

}  // namespace rtoolchain::annotator
