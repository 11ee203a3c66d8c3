// The fixpoint (docs/annotator.md, "Fixpoint"): a worklist of blocks from the entry point. A
// block is re-flowed when one of its input arguments generalises, or when something it read —
// a field, a global, a container site's items, a callee's return or exceptions, the set of
// instantiated classes — does.
#include <algorithm>

#include "engine.h"

namespace rtoolchain::annotator {

using namespace ir;

std::vector<uint8_t> loop_headers(const Graph& g, llvm::function_ref<bool(BlockId)> follow) {
  // Iterative depth-first colouring: an exit to a block still on the stack is a back edge.
  std::vector<uint8_t> header(g.num_blocks(), 0);
  std::vector<uint8_t> colour(g.num_blocks(), 0);
  std::vector<std::pair<BlockId, size_t>> stack{{g.start_block(), 0}};
  colour[g.start_block().index()] = 1;
  while (!stack.empty()) {
    auto& [b, next] = stack.back();
    const Block& block = g.block(b);
    if (next == block.exits.size()) {
      colour[b.index()] = 2;
      stack.pop_back();
      continue;
    }
    BlockId t = g.link(block.exits[next++]).target;
    if (!follow(t)) continue;
    if (colour[t.index()] == 1) header[t.index()] = 1;
    if (colour[t.index()] == 0) {
      colour[t.index()] = 1;
      stack.push_back({t, 0});
    }
  }
  return header;
}

Engine::Engine(Annotation::Impl& impl) : impl_(impl), program_(*impl.program), constructor_init_(impl) {}

bool Engine::grow(uint64_t counter, Fact& into, const Fact& from, bool widening_point) {
  uint8_t& growths = growths_[counter];
  if (!join_into(into, from, widening_point && growths >= kWideningDelay)) return false;
  if (growths < kWideningDelay) ++growths;
  return true;
}

void Engine::read(uint64_t k) {
  uint64_t block = (uint64_t(current_.function.index()) << 32) | current_.block.index();
  if (registered_.insert({k, block}).second) readers_[k].push_back(current_);
}

void Engine::changed(uint64_t k) {
  auto it = readers_.find(k);
  if (it == readers_.end()) return;
  for (const BlockRef& ref : it->second) queue(ref.function, ref.block);
}

void Engine::queue(FunctionId function, BlockId block) {
  FunctionState& fs = impl_.functions[function.index()];
  fs.block_reached[block.index()] = 1;
  if (fs.queued[block.index()]) return;
  fs.queued[block.index()] = 1;
  worklist_.push_back({function, block});
}

void Engine::reach_function(FunctionId function) {
  FunctionState& fs = impl_.functions[function.index()];
  if (fs.reached) return;
  fs.reached = true;
  const Graph& g = *program_.function_info(function).graph;
  fs.vars.assign(g.num_variables(), Fact());
  fs.block_reached.assign(g.num_blocks(), 0);
  fs.queued.assign(g.num_blocks(), 0);
  // Loop headers: every cycle goes through the target of a back edge of a depth-first walk, so
  // widening there (and at parameters, returns and the heap) is enough to terminate, and the
  // other blocks keep exact joins (a refined loop index stays refined in the loop body).
  fs.loop_header = loop_headers(g, [](BlockId) { return true; });
}

void Engine::instantiate(ClassId cls) {
  if (impl_.instantiated[cls.index()]) return;
  impl_.instantiated[cls.index()] = 1;
  changed(key(kInstantiatedKey, 0));
}

Fact Engine::constant_fact(ConstId id) const {
  const Constant& c = program_.constant(id);
  Fact fact;
  fact.reached = true;
  switch (c.kind) {
    case ConstKind::kBool: fact.lo = fact.hi = c.int_value; break;
    case ConstKind::kInt: fact.lo = fact.hi = c.int_value; break;
    case ConstKind::kNull: fact.may_be_null = true; fact.constant = id; break;
    case ConstKind::kFunction: add_member(fact, c.entity); fact.constant = id; break;
    case ConstKind::kClass: add_member(fact, c.entity); fact.constant = id; break;
    case ConstKind::kPrebuilt: {
      const PrebuiltInfo& info = program_.prebuilt_info(c.prebuilt());
      if (program_.types().kind(info.type) == TypeKind::kPointer)
        add_member(fact, program_.types().get(info.type).class_id.index());
      else
        add_member(fact, impl_.prebuilt_sites[c.prebuilt().index()].index());
      fact.constant = id;
      break;
    }
    default: fact.constant = id; break;
  }
  return fact;
}

Fact Engine::value_fact(Value value) const {
  if (value.is_constant()) return constant_fact(value.constant());
  if (value.is_variable()) return impl_.functions[current_.function.index()].vars[value.variable().index()];
  return bottom();
}

void Engine::initialise() {
  const Program& p = program_;
  impl_.functions.resize(p.num_functions());
  impl_.fields.resize(p.num_fields());
  impl_.globals.resize(p.num_globals());
  impl_.instantiated.assign(p.num_classes(), 0);
  impl_.prebuilt_sites.resize(p.num_prebuilts());
  find_constructors(impl_);
  // Prebuilt lists and arrays are sites; prebuilt instances write their fields (zero for the
  // fields they do not list).
  for (uint32_t i = 0; i < p.num_prebuilts(); ++i) {
    const PrebuiltInfo& info = p.prebuilt_info(PrebuiltId(i));
    if (p.types().kind(info.type) == TypeKind::kPointer) continue;
    SiteInfo site;
    site.prebuilt = PrebuiltId(i);
    site.type = info.type;
    impl_.prebuilt_sites[i] = SiteId(static_cast<uint32_t>(impl_.sites.size()));
    impl_.sites.push_back(site);
  }
  for (uint32_t i = 0; i < p.num_prebuilts(); ++i) {
    const PrebuiltInfo& info = p.prebuilt_info(PrebuiltId(i));
    if (p.types().kind(info.type) == TypeKind::kPointer) {
      ClassId cls = p.types().get(info.type).class_id;
      instantiate(cls);
      for (FieldId f : p.all_fields(cls)) {
        auto given = std::find_if(info.field_values.begin(), info.field_values.end(),
                                  [&](const auto& fv) { return fv.first == f; });
        FieldFacts& ff = impl_.fields[f.index()];
        if (given != info.field_values.end()) {
          join_into(ff.fact, constant_fact(given->second), false);
        } else {
          join_into(ff.fact, zero_fact(p, p.field_info(f).type), false);
          ff.zero_possible = true;
        }
      }
    } else {
      SiteInfo& site = impl_.sites[impl_.prebuilt_sites[i].index()];
      for (ConstId item : info.items) join_into(site.items, constant_fact(item), false);
    }
  }
  for (uint32_t i = 0; i < p.num_globals(); ++i) {
    const GlobalInfo& info = p.global_info(GlobalId(i));
    impl_.globals[i] = info.initial.valid() ? constant_fact(info.initial) : zero_fact(p, info.type);
  }
  // The entry point's argument list comes from outside: a site of its own.
  FunctionId entry = p.entry_point();
  if (!entry.valid() || !p.function_info(entry).graph) return;
  SiteInfo argv;
  argv.type = p.function_info(entry).params[0].type;
  argv.items = top_fact(p, p.types().get(argv.type).item);
  argv_site_ = SiteId(static_cast<uint32_t>(impl_.sites.size()));
  impl_.sites.push_back(argv);
  reach_function(entry);
  const Graph& g = *p.function_info(entry).graph;
  Fact args;
  args.reached = true;
  add_member(args, argv_site_.index());
  impl_.functions[entry.index()].vars[g.block(g.start_block()).inputargs[0].index()] = args;
  queue(entry, g.start_block());
}

void Engine::run() {
  initialise();
  while (!worklist_.empty()) {
    BlockRef ref = worklist_.front();
    worklist_.pop_front();
    impl_.functions[ref.function.index()].queued[ref.block.index()] = 0;
    process_block(ref.function, ref.block);
  }
}

void Engine::process_block(FunctionId function, BlockId block_id) {
  current_ = {function, block_id};
  const Graph& g = graph();
  if (g.is_final(block_id)) return;
  const Block& block = g.block(block_id);
  refinements_.clear();
  for (size_t i = 0; i < block.operations.size(); ++i) {
    OpId op_id = block.operations[i];
    const Operation& op = g.op(op_id);
    Fact result, raised;
    ClassId resource;
    current_op_ = op_id;
    bool completes = transfer(op_id, result, raised, resource);
    bool is_last = i + 1 == block.operations.size();
    if (raised.reached || resource.valid()) raise_from_op(block, is_last, raised, resource);
    if (!completes) return;
    if (op.result.valid()) {
      if (!result.reached) return;  // no value yet (a callee that has not returned so far)
      var(op.result) = std::move(result);
      record_refinements(op);
    }
  }
  follow_exits(block);
}

// --- Exits. ------------------------------------------------------------------------------------------

void Engine::follow_exits(const Block& block) {
  const Graph& g = graph();
  const ExitSwitch& sw = block.exitswitch;
  if (sw.is_none() || sw.is_last_exception()) {
    follow_link(block.exits.front(), {});
    return;
  }
  const Fact& selector = var(sw.variable());
  bool bool_switch = program_.types().kind(g.variable(sw.variable()).type) == TypeKind::kBool;
  auto found = refinements_.find(sw.variable().index());
  bool some_case_matches = false;
  for (LinkId id : block.exits) {
    const ExitCase& c = g.link(id).exitcase;
    if (c.kind() == ExitCase::Kind::kDefault) continue;
    int64_t value = c.kind() == ExitCase::Kind::kBool ? (c.bool_value() ? 1 : 0) : c.int_value();
    if (value < selector.lo || value > selector.hi) continue;
    if (selector.lo == selector.hi) some_case_matches = true;
    llvm::SmallVector<std::pair<VarId, Fact>, 4> overrides;
    Fact exact = selector;
    exact.lo = exact.hi = value;
    overrides.push_back({sw.variable(), exact});
    if (bool_switch && found != refinements_.end())
      for (const Refinement& r : found->second) overrides.push_back({r.var, value ? r.if_true : r.if_false});
    follow_link(id, overrides);
  }
  if (!some_case_matches)
    for (LinkId id : block.exits)
      if (g.link(id).exitcase.kind() == ExitCase::Kind::kDefault) follow_link(id, {});
}

void Engine::follow_link(LinkId link_id, llvm::ArrayRef<std::pair<VarId, Fact>> overrides) {
  const Graph& g = graph();
  const Link& link = g.link(link_id);
  const Block& target = g.block(link.target);
  llvm::SmallVector<Fact, 4> facts;
  for (Value arg : link.args) {
    Fact fact = value_fact(arg);
    if (arg.is_variable())
      for (const auto& [v, refined] : overrides)
        if (v == arg.variable()) fact = refined;
    // A refinement that leaves no value (an empty interval, no class and no null) proves the
    // exit is never taken.
    if (!fact.reached || fact.lo > fact.hi) return;
    facts.push_back(std::move(fact));
  }
  FunctionState& fs = state();
  bool grew = false;
  bool widen = g.is_final(link.target) || fs.loop_header[link.target.index()] || link.target == g.start_block();
  for (size_t i = 0; i < facts.size(); ++i)
    grew |= grow(var_counter(current_.function, target.inputargs[i]), fs.vars[target.inputargs[i].index()],
                 facts[i], widen);
  if (link.target == g.return_block()) {
    fs.block_reached[link.target.index()] = 1;
    if (grew) changed(key(kReturnKey, current_.function.index()));
  } else if (link.target == g.except_block()) {
    fs.block_reached[link.target.index()] = 1;
    if (grew) changed(key(kRaiseKey, current_.function.index()));
  } else if (grew || !fs.block_reached[link.target.index()]) {
    queue(current_.function, link.target);
  }
}

// --- Exceptions. ---------------------------------------------------------------------------------------

void Engine::join_into_except(const Fact& raised) {
  const Graph& g = graph();
  const Block& except = g.block(g.except_block());
  FunctionState& fs = state();
  Fact value = raised;
  value.may_be_null = false;
  Fact cls = value;
  bool grew = grow(var_counter(current_.function, except.inputargs[1]), fs.vars[except.inputargs[1].index()], value);
  grew |= grow(var_counter(current_.function, except.inputargs[0]), fs.vars[except.inputargs[0].index()], cls);
  fs.block_reached[g.except_block().index()] = 1;
  if (grew) changed(key(kRaiseKey, current_.function.index()));
}

void Engine::raise_from_op(const Block& block, bool is_last, const Fact& raised, ClassId resource) {
  if (!is_last || !block.exitswitch.is_last_exception()) {
    // Propagates to the caller. Resource exceptions are left out of escape sets: any call may
    // raise rt::RecursionError (docs/annotator.md, "Exceptions").
    if (raised.reached) join_into_except(raised);
    return;
  }
  const Graph& g = graph();
  // The classes still uncaught after the clauses before; the first matching clause wins.
  Fact pending = raised;
  if (!pending.reached) pending.reached = true;
  bool resource_pending = resource.valid();
  for (size_t e = 1; e < block.exits.size(); ++e) {
    const Link& link = g.link(block.exits[e]);
    ClassId caught = link.exitcase.exception_class();
    Fact taken;
    taken.reached = true;
    Fact rest = pending;
    rest.members.clear();
    for (uint32_t m : pending.members)
      add_member(program_.is_subclass(ClassId(m), caught) ? taken : rest, m);
    if (pending.unknown_members) {
      // An exception of an unknown class: any subclass of the caught class.
      taken.unknown_members = true;
    }
    // A resource exception goes where a clause catches it, but never into the except block.
    if (resource_pending && program_.is_subclass(resource, caught)) {
      resource_pending = false;
      if (link.target != g.except_block()) add_member(taken, resource.index());
    }
    pending = std::move(rest);
    if (taken.members.empty() && !taken.unknown_members) continue;
    Fact value = taken;
    value.may_be_null = false;
    llvm::SmallVector<std::pair<VarId, Fact>, 2> overrides;
    if (link.last_exception.valid()) {
      var(link.last_exception) = value;
      overrides.push_back({link.last_exception, value});
    }
    if (link.last_exc_value.valid()) {
      var(link.last_exc_value) = value;
      overrides.push_back({link.last_exc_value, value});
    }
    follow_link(block.exits[e], overrides);
  }
  if (!pending.members.empty() || pending.unknown_members) join_into_except(pending);
}

// --- Refinements on branches (RPython's knowntypedata). -----------------------------------------------

void Engine::record_refinements(const Operation& op) {
  if (!op.result.valid()) return;
  const Graph& g = graph();
  auto add = [&](VarId target, Fact if_true, Fact if_false) {
    refinements_[op.result.index()].push_back({target, std::move(if_true), std::move(if_false)});
  };
  auto var_arg = [&](unsigned i) { return op.args[i].is_variable() ? op.args[i].variable() : VarId(); };
  auto is_null_const = [&](Value v) {
    return v.is_constant() && program_.constant(v.constant()).kind == ConstKind::kNull;
  };
  switch (op.opcode) {
    case Opcode::ptr_nonzero:
    case Opcode::ptr_iszero:
    case Opcode::ptr_ne:
    case Opcode::ptr_eq: {
      VarId p = var_arg(0);
      if (op.opcode == Opcode::ptr_ne || op.opcode == Opcode::ptr_eq) {
        if (is_null_const(op.args[0])) p = var_arg(1);
        else if (!is_null_const(op.args[1])) return;
      }
      if (!p.valid()) return;
      Fact nonnull = var(p), null = var(p);
      nonnull.may_be_null = false;
      null.members.clear();
      null.unknown_members = false;
      if (!null.may_be_null) null.lo = 1, null.hi = 0;  // no value: the exit is never taken
      null.may_be_null = true;
      bool true_is_nonnull = op.opcode == Opcode::ptr_nonzero || op.opcode == Opcode::ptr_ne;
      if (true_is_nonnull) add(p, nonnull, null);
      else add(p, null, nonnull);
      return;
    }
    case Opcode::instanceof: {
      VarId p = var_arg(0);
      if (!p.valid()) return;
      ClassId cls = program_.constant(op.args[1].constant()).class_id();
      Fact yes = var(p), no = var(p);
      yes.may_be_null = false;
      yes.members.clear();
      no.members.clear();
      for (uint32_t m : var(p).members) add_member(program_.is_subclass(ClassId(m), cls) ? yes : no, m);
      if (yes.members.empty() && !yes.unknown_members) yes.lo = 1, yes.hi = 0;
      if (no.members.empty() && !no.unknown_members && !no.may_be_null) no.lo = 1, no.hi = 0;
      add(p, yes, no);
      return;
    }
    case Opcode::int_is_true: {
      VarId x = var_arg(0);
      if (!x.valid()) return;
      Fact yes = var(x), no = var(x);
      if (yes.lo == 0) yes.lo = 1;
      if (yes.hi == 0) yes.hi = -1;
      no.lo = std::max<int64_t>(no.lo, 0);
      no.hi = std::min<int64_t>(no.hi, 0);
      add(x, yes, no);
      return;
    }
    case Opcode::bool_not: {
      VarId b = var_arg(0);
      if (!b.valid()) return;
      auto found = refinements_.find(b.index());
      if (found == refinements_.end()) return;
      std::vector<Refinement> swapped = found->second;
      for (Refinement& r : swapped) std::swap(r.if_true, r.if_false);
      for (Refinement& r : swapped) add(r.var, r.if_true, r.if_false);
      return;
    }
    case Opcode::int_lt:
    case Opcode::int_le:
    case Opcode::int_gt:
    case Opcode::int_ge:
    case Opcode::int_eq:
    case Opcode::int_ne: {
      if (!g.variable(op.result).type.valid()) return;
      Fact a = value_fact(op.args[0]), b = value_fact(op.args[1]);
      // Each comparison as a < b, a <= b or a == b on (left, right), true and false sides.
      auto lt = [](Fact x, Fact y, Fact& xt, Fact& yt) {  // x < y
        xt = x, yt = y;
        if (y.hi != Fact::kMin) xt.hi = std::min(x.hi, y.hi - 1); else xt.lo = 1, xt.hi = 0;
        if (x.lo != Fact::kMax) yt.lo = std::max(y.lo, x.lo + 1); else yt.lo = 1, yt.hi = 0;
      };
      auto le = [](Fact x, Fact y, Fact& xt, Fact& yt) {  // x <= y
        xt = x, yt = y;
        xt.hi = std::min(x.hi, y.hi);
        yt.lo = std::max(y.lo, x.lo);
      };
      Fact at, bt, af, bf;
      switch (op.opcode) {
        case Opcode::int_lt: lt(a, b, at, bt); le(b, a, bf, af); break;
        case Opcode::int_le: le(a, b, at, bt); lt(b, a, bf, af); break;
        case Opcode::int_gt: lt(b, a, bt, at); le(a, b, af, bf); break;
        case Opcode::int_ge: le(b, a, bt, at); lt(a, b, af, bf); break;
        case Opcode::int_eq:
        case Opcode::int_ne: {
          Fact eq_a = a, eq_b = b;
          eq_a.lo = eq_b.lo = std::max(a.lo, b.lo);
          eq_a.hi = eq_b.hi = std::min(a.hi, b.hi);
          if (op.opcode == Opcode::int_eq) at = eq_a, bt = eq_b, af = a, bf = b;
          else af = eq_a, bf = eq_b, at = a, bt = b;
          break;
        }
        default: return;
      }
      if (VarId x = var_arg(0); x.valid()) add(x, at, af);
      if (VarId y = var_arg(1); y.valid() && y != var_arg(0)) add(y, bt, bf);
      return;
    }
    default: return;
  }
}

}  // namespace rtoolchain::annotator
