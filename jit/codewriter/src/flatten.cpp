// One low-level graph to the flat form of its jitcode (docs/jit.md, "The codewriter"): kinds,
// per-kind register allocation by graph colouring over block-local liveness (block-argument
// SSA keeps liveness inside blocks), then the operations rewritten to jitcode instructions, the
// exits to labels and gotos, links to parallel copies.
#include <algorithm>
#include <set>

#include "flattener.h"

namespace rtoolchain::jit::codewriter {

using namespace ir;

Reg ConstPools::int_const(int64_t v) {
  auto [it, fresh] = int_index.try_emplace(v, ints.size());
  if (fresh) ints.push_back(v);
  return {'i', true, it->second};
}
Reg ConstPools::ref_const(uint32_t rc) {
  auto [it, fresh] = ref_index.try_emplace(rc, refs.size());
  if (fresh) refs.push_back(rc);
  return {'r', true, it->second};
}
Reg ConstPools::float_const(double v) {
  auto [it, fresh] = float_index.try_emplace(std::bit_cast<uint64_t>(v), floats.size());
  if (fresh) floats.push_back(v);
  return {'f', true, it->second};
}

uint32_t Context::ref_constant(ConstId c) {
  auto it = ref_constant_of_const.find(c.index());
  if (it != ref_constant_of_const.end()) return it->second;
  RefConstant rc;
  rc.kind = RefConstant::Kind::kGraphConstant;
  rc.graph_const = c.index();
  rc.description = constant_to_string(program, c);
  out.ref_constants.push_back(rc);
  return ref_constant_of_const[c.index()] = out.ref_constants.size() - 1;
}

uint32_t Context::text_constant(const std::string& text) {
  auto it = ref_constant_of_text.find(text);
  if (it != ref_constant_of_text.end()) return it->second;
  RefConstant rc;
  rc.kind = RefConstant::Kind::kText;
  rc.text = text;
  rc.description = "\"" + text + "\"";
  out.ref_constants.push_back(rc);
  return ref_constant_of_text[text] = out.ref_constants.size() - 1;
}

bool Flattener::assign_kinds() {
  kinds_.assign(g_.num_variables(), Kind::kVoid);
  for (size_t v = 0; v < g_.num_variables(); ++v)
    if (!kind_of(p_, g_.variable(VarId(v)).type, kinds_[v])) {
      cx_.error(fn_, "", "variable " + names_.var(VarId(v)) + " of type " + p_.type_name(g_.variable(VarId(v)).type) +
                             " has no JIT kind (value structs are not supported yet)");
      ok_ = false;
    }
  return ok_;
}

void Flattener::allocate_registers() {
  size_t n = g_.num_variables();
  std::vector<std::vector<uint32_t>> adj(n), partners(n);
  auto interfere = [&](uint32_t x, uint32_t y) {
    if (x == y || kinds_[x] != kinds_[y] || kinds_[x] == Kind::kVoid) return;
    adj[x].push_back(y);
    adj[y].push_back(x);
  };
  for (BlockId b : order_) {
    const Block& block = g_.block(b);
    std::set<uint32_t> live;
    std::vector<uint32_t> link_defined;
    for (LinkId l : block.exits) {
      const Link& link = g_.link(l);
      if (link.last_exception.valid()) link_defined.push_back(link.last_exception.index());
      if (link.last_exc_value.valid()) link_defined.push_back(link.last_exc_value.index());
      if (!g_.is_final(link.target)) {
        const Block& target = g_.block(link.target);
        for (size_t i = 0; i < link.args.size(); ++i)
          if (link.args[i].is_variable()) {
            partners[link.args[i].variable().index()].push_back(target.inputargs[i].index());
            partners[target.inputargs[i].index()].push_back(link.args[i].variable().index());
          }
      }
      for (Value v : link.args)
        if (v.is_variable() && v.variable() != link.last_exception && v.variable() != link.last_exc_value)
          live.insert(v.variable().index());
    }
    if (block.exitswitch.is_variable()) live.insert(block.exitswitch.variable().index());
    for (uint32_t d : link_defined) {
      for (uint32_t v : live) interfere(d, v);
      for (uint32_t e : link_defined) interfere(d, e);
    }
    for (size_t i = block.operations.size(); i-- > 0;) {
      const Operation& op = g_.op(block.operations[i]);
      if (op.result.valid()) {
        for (uint32_t v : live) interfere(op.result.index(), v);
        live.erase(op.result.index());
      }
      for (Value v : op.args)
        if (v.is_variable()) live.insert(v.variable().index());
    }
    for (VarId x : block.inputargs) {
      for (VarId y : block.inputargs) interfere(x.index(), y.index());
      for (uint32_t v : live) interfere(x.index(), v);
    }
  }
  colour_.assign(n, -1);
  // Parameters first, in order per kind: a caller passes each kind's arguments in order.
  uint16_t next[kNumValueKinds] = {0, 0, 0};
  for (VarId v : g_.block(g_.start_block()).inputargs)
    if (kinds_[v.index()] != Kind::kVoid) colour_[v.index()] = next[int(kinds_[v.index()])]++;
  for (int k = 0; k < kNumValueKinds; ++k) regs_[k] = next[k];
  std::vector<uint8_t> used;
  for (size_t v = 0; v < n; ++v) {
    if (colour_[v] >= 0 || kinds_[v] == Kind::kVoid) continue;
    used.assign(kMaxRegisters + 64, 0);
    for (uint32_t w : adj[v])
      if (colour_[w] >= 0 && size_t(colour_[w]) < used.size()) used[colour_[w]] = 1;
    int chosen = -1;
    for (uint32_t w : partners[v])
      if (colour_[w] >= 0 && kinds_[w] == kinds_[v] && !used[colour_[w]]) {
        chosen = colour_[w];
        break;
      }
    if (chosen < 0)
      for (chosen = 0; used[chosen]; ++chosen) {
      }
    colour_[v] = chosen;
    int k = int(kinds_[v]);
    regs_[k] = std::max<uint16_t>(regs_[k], uint16_t(chosen + 1));
  }
}

Reg Flattener::const_reg(ConstId id) {
  const Constant& c = p_.constant(id);
  switch (c.kind) {
    case ConstKind::kBool: case ConstKind::kInt: return pools_.int_const(c.int_value);
    case ConstKind::kFloat: return pools_.float_const(c.float_value());
    case ConstKind::kFunction: return pools_.int_const(Context::function_index(c.function()));
    case ConstKind::kClass: return pools_.int_const(p_.class_layout(c.class_id()).min_type_id);
    case ConstKind::kNull: {
      Kind k = Kind::kRef;
      kind_of(p_, c.type, k);
      return k == Kind::kInt ? pools_.int_const(0) : pools_.ref_const(0);
    }
    case ConstKind::kPrebuilt: return pools_.ref_const(cx_.ref_constant(id));
    default:
      cx_.error(fn_, "", "constant " + constant_to_string(p_, id) + " has no JIT kind");
      ok_ = false;
      return pools_.int_const(0);
  }
}

Reg Flattener::reg(Value v) { return v.is_variable() ? var_reg(v.variable()) : const_reg(v.constant()); }

void Flattener::copy(Reg src, Reg dst) {
  if (!src.is_const && src.index == dst.index) return;
  emit(dst.kind == 'i' ? JitOpcode::int_copy : dst.kind == 'r' ? JitOpcode::ref_copy : JitOpcode::float_copy,
       {a(src), res(dst)});
}

void Flattener::normalize(Reg r, TypeId type) {
  std::optional<IntegerLayout> l = p_.integer_layout(type);
  if (!l || l->bits >= 64) return;
  if (l->is_signed) emit(JitOpcode::int_signext, {a(r), a(pools_.int_const(l->bits / 8)), res(r)});
  else emit(JitOpcode::int_and, {a(r), a(pools_.int_const((int64_t(1) << l->bits) - 1)), res(r)});
}

void Flattener::parallel_moves(std::vector<std::pair<Reg, Reg>> moves) {
  std::erase_if(moves, [](const auto& m) { return !m.first.is_const && m.first.index == m.second.index; });
  auto is_source = [&](size_t except, Reg r) {
    for (size_t j = 0; j < moves.size(); ++j)
      if (j != except && !moves[j].first.is_const && moves[j].first.index == r.index) return true;
    return false;
  };
  while (!moves.empty()) {
    size_t i = 0;
    while (i < moves.size() && is_source(i, moves[i].second)) ++i;
    if (i < moves.size()) {
      copy(moves[i].first, moves[i].second);
      moves.erase(moves.begin() + i);
      continue;
    }
    // A cycle: park the first destination's value in the kind's scratch register.
    Reg blocked = moves[0].second;
    int k = blocked.kind == 'i' ? 0 : blocked.kind == 'r' ? 1 : 2;
    if (temp_[k] < 0) temp_[k] = regs_[k]++;
    Reg temp{blocked.kind, false, uint32_t(temp_[k])};
    copy(blocked, temp);
    for (auto& m : moves)
      if (!m.first.is_const && m.first.index == blocked.index) m.first = temp;
  }
}

void Flattener::emit_link(LinkId id) {
  const Link& link = g_.link(id);
  if (link.target == g_.return_block()) {
    Kind k = Kind::kVoid;
    kind_of(p_, p_.function_info(fn_).result, k);
    if (k == Kind::kVoid) emit(JitOpcode::void_return, {});
    else emit(std::string(k == Kind::kInt ? "int" : k == Kind::kRef ? "ref" : "float") + "_return", {a(reg(link.args[0]))});
    return;
  }
  if (link.target == g_.except_block()) {
    emit(JitOpcode::raise, {a(reg(link.args[0])), a(reg(link.args[1]))});
    return;
  }
  const Block& target = g_.block(link.target);
  std::vector<std::pair<Reg, Reg>> moves[kNumValueKinds];
  for (size_t i = 0; i < link.args.size(); ++i) {
    Kind k = kinds_[target.inputargs[i].index()];
    if (k == Kind::kVoid) continue;
    moves[int(k)].push_back({reg(link.args[i]), var_reg(target.inputargs[i])});
  }
  for (auto& m : moves) parallel_moves(std::move(m));
  emit(JitOpcode::goto_, {lab(link.target.index())});
}

void Flattener::emit_block(BlockId b) {
  const Block& block = g_.block(b);
  label(b.index());
  bool catches = block.exitswitch.is_last_exception();
  for (size_t i = 0; i < block.operations.size(); ++i)
    if (!emit_op(b, block.operations[i], catches && i + 1 == block.operations.size())) return;
  if (block.exitswitch.is_none()) {
    emit_link(block.exits[0]);
    return;
  }
  if (catches) {
    uint32_t handler = new_label();
    emit(JitOpcode::catch_exception, {lab(handler)});
    emit_link(block.exits[0]);
    label(handler);
    for (size_t i = 1; i < block.exits.size(); ++i) {
      const Link& link = g_.link(block.exits[i]);
      const ClassLayout& range = p_.class_layout(link.exitcase.exception_class());
      uint32_t next = new_label();
      emit(JitOpcode::goto_if_exception_mismatch, {a(pools_.int_const(range.min_type_id)),
                                                   a(pools_.int_const(range.max_type_id)), lab(next)});
      if (link.last_exception.valid()) emit(JitOpcode::last_exception, {res(var_reg(link.last_exception))});
      if (link.last_exc_value.valid()) emit(JitOpcode::last_exc_value, {res(var_reg(link.last_exc_value))});
      emit_link(block.exits[i]);
      label(next);
    }
    emit(JitOpcode::reraise, {});
    return;
  }
  VarId cond = block.exitswitch.variable();
  if (g_.link(block.exits[0]).exitcase.kind() == ExitCase::Kind::kBool && block.exits.size() == 2) {
    LinkId if_false = block.exits[0], if_true = block.exits[1];
    if (g_.link(if_false).exitcase.bool_value()) std::swap(if_false, if_true);
    uint32_t false_label = new_label();
    live();
    emit(JitOpcode::goto_if_not, {a(var_reg(cond)), lab(false_label)});
    emit_link(if_true);
    label(false_label);
    emit_link(if_false);
    return;
  }
  // An integer switch: a table from values to the links' code; the default falls through.
  std::vector<std::pair<int64_t, uint32_t>> cases;
  LinkId default_link;
  std::vector<std::pair<uint32_t, LinkId>> stubs;
  for (LinkId l : block.exits) {
    const ExitCase& c = g_.link(l).exitcase;
    if (c.kind() == ExitCase::Kind::kDefault) {
      default_link = l;
      continue;
    }
    uint32_t stub = new_label();
    cases.push_back({c.kind() == ExitCase::Kind::kBool ? int64_t(c.bool_value()) : c.int_value(), stub});
    stubs.push_back({stub, l});
  }
  std::sort(cases.begin(), cases.end());
  uint32_t table = cx_.out.switches.size();
  cx_.out.switches.emplace_back();
  pools_.switches.push_back({table, cases});
  live();
  emit(JitOpcode::switch_, {a(var_reg(cond)), des(table)});
  if (default_link.valid()) emit_link(default_link);
  else emit(JitOpcode::unreachable, {});
  for (auto [stub, l] : stubs) {
    label(stub);
    emit_link(l);
  }
}

bool Flattener::run(uint16_t num_regs[kNumValueKinds]) {
  order_ = g_.reachable_blocks();
  if (!assign_kinds()) return false;
  allocate_registers();
  next_label_ = g_.num_blocks();
  for (BlockId b : order_) emit_block(b);
  for (int k = 0; k < kNumValueKinds; ++k) num_regs[k] = regs_[k];
  return ok_;
}

bool flatten_graph(Context& cx, FunctionId fn, std::vector<Insn>& insns, ConstPools& pools,
                   uint16_t num_regs[kNumValueKinds]) {
  Flattener f(cx, fn, insns, pools);
  return f.run(num_regs);
}

}  // namespace rtoolchain::jit::codewriter
