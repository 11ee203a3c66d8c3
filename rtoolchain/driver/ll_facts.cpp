// translate_facts: the annotator's facts about the high-level program as checks on the rtyper's
// low-level program (docs/annotator.md, "Checking the facts at the low level").
#include "ll_facts.h"

#include <algorithm>

namespace rtoolchain::driver {

using namespace ir;
using annotator::Fact;

namespace {

bool is_function_call(Opcode opcode) { return opcode == Opcode::direct_call || opcode == Opcode::indirect_call; }

// The check of a value whose high-level type is `type`; kNone's claim empty when nothing is to
// be checked (every value of the type satisfies the fact).
ValueCheck value_check(const annotator::Annotation& a, TypeId type, const Fact& fact,
                       const std::vector<FunctionId>& function_map) {
  const Program& high = a.program();
  ValueCheck check;
  check.claim = annotator::fact_to_string(high, type, fact);
  if (!fact.reached) return check;
  TypeKind kind = high.types().kind(type);
  auto no_check = [] {
    ValueCheck none;
    none.kind = ValueCheck::Kind::kNone;
    return none;
  };
  switch (kind) {
    case TypeKind::kInt:
    case TypeKind::kEnum:
    case TypeKind::kBool:
      if (fact.lo == Fact::kMin && fact.hi == Fact::kMax) return no_check();
      check.kind = ValueCheck::Kind::kInt;
      check.lo = fact.lo;
      check.hi = fact.hi;
      return check;
    case TypeKind::kFloat: {
      if (!fact.constant.valid() || high.constant(fact.constant).kind != ConstKind::kFloat) return no_check();
      check.kind = ValueCheck::Kind::kFloat;
      check.float_bits = high.constant(fact.constant).float_bits;
      return check;
    }
    case TypeKind::kPointer: check.kind = ValueCheck::Kind::kObject; break;
    case TypeKind::kClassRef: check.kind = ValueCheck::Kind::kClassRef; break;
    case TypeKind::kFunction: check.kind = ValueCheck::Kind::kFunction; break;
    case TypeKind::kList:
    case TypeKind::kArray:
    case TypeKind::kDict: check.kind = ValueCheck::Kind::kContainer; break;
    // Strings are never null at the low level and their constants are byte arrays; builders,
    // iterators and value structs carry no fact the annotator refines.
    default: return no_check();
  }
  check.may_be_null = fact.may_be_null;
  check.any_member = fact.unknown_members;
  if (check.kind == ValueCheck::Kind::kFunction) {
    for (uint32_t f : fact.members)
      if (f < function_map.size() && function_map[f].valid()) check.members.push_back(function_map[f].index());
    std::sort(check.members.begin(), check.members.end());
  } else {
    check.members.assign(fact.members.begin(), fact.members.end());
  }
  if (check.may_be_null && check.any_member) return no_check();
  return check;
}

std::vector<uint32_t> low_targets(llvm::ArrayRef<FunctionId> targets, const std::vector<FunctionId>& function_map) {
  std::vector<uint32_t> result;
  for (FunctionId f : targets)
    if (f.index() < function_map.size() && function_map[f.index()].valid())
      result.push_back(function_map[f.index()].index());
  std::sort(result.begin(), result.end());
  return result;
}

// The low-level functions that lowered operations call (the rlib/ll helpers, the generated
// array helpers and key adapters) and everything they reach. The annotator saw none of those
// calls (it annotates `list_append`, not the helper graph lowering makes of it), so its facts
// about these functions (their parameters, which blocks run, their own fields) say nothing
// about the low-level program. Such a function is the rtyper's responsibility, not the
// annotator's, and gets no checks; the values it returns into the program's variables do.
std::vector<bool> lowering_callees(const Program& high, const Program& low, const rtyper::Origins& origins) {
  std::vector<bool> tainted(low.num_functions(), false);
  std::vector<uint32_t> work;
  auto mark = [&](Value v) {
    if (!v.is_constant() || low.constant(v.constant()).kind != ConstKind::kFunction) return;
    FunctionId f = low.constant(v.constant()).function();
    if (!tainted[f.index()]) {
      tainted[f.index()] = true;
      work.push_back(f.index());
    }
  };
  for (uint32_t f = 0; f < low.num_functions(); ++f) {
    const Graph* graph = low.function_info(FunctionId(f)).graph.get();
    if (!graph) continue;
    const rtyper::FunctionOrigin* origin = f < origins.size() && origins[f].high.valid() ? &origins[f] : nullptr;
    const Graph* old = origin ? high.function_info(origin->high).graph.get() : nullptr;
    for (uint32_t o = 0; o < graph->num_ops(); ++o) {
      const Operation& op = graph->op(OpId(o));
      if (op.opcode != Opcode::direct_call) continue;
      OpId hop = origin && o < origin->ops.size() ? origin->ops[o] : OpId();
      Opcode high_opcode = hop.valid() ? old->op(hop).opcode : Opcode::direct_call;
      bool program_call = hop.valid() && (high_opcode == Opcode::direct_call || high_opcode == Opcode::virtual_call);
      if (origin && program_call) continue;
      for (Value arg : op.args) mark(arg);
    }
  }
  while (!work.empty()) {
    const Graph* graph = low.function_info(FunctionId(work.back())).graph.get();
    work.pop_back();
    if (!graph) continue;
    for (uint32_t o = 0; o < graph->num_ops(); ++o)
      for (Value arg : graph->op(OpId(o)).args) mark(arg);
  }
  return tainted;
}

}  // namespace

LowFacts translate_facts(const annotator::Annotation& a, const Program& low, const rtyper::Origins& origins,
                         const std::vector<FunctionId>& function_map) {
  const Program& high = a.program();
  LowFacts facts;
  facts.sites.resize(a.num_sites());
  for (uint32_t s = 0; s < a.num_sites(); ++s) {
    const annotator::SiteInfo& site = a.site(annotator::SiteId(s));
    facts.sites[s] = {site.resized, site.mutated};
  }
  facts.functions.resize(low.num_functions());
  std::vector<bool> unchecked = lowering_callees(high, low, origins);
  for (uint32_t lf = 0; lf < low.num_functions() && lf < origins.size(); ++lf) {
    const rtyper::FunctionOrigin& origin = origins[lf];
    const Graph* graph = low.function_info(FunctionId(lf)).graph.get();
    if (!origin.high.valid() || !graph || unchecked[lf]) continue;
    FunctionId hf = origin.high;
    const Graph& old = *high.function_info(hf).graph;
    FunctionFacts& out = facts.functions[lf];
    out.constructor = a.is_constructor(hf);
    bool reachable = a.is_reachable(hf);
    for (uint32_t b = 0; b < origin.blocks.size(); ++b) {
      BlockId hb = origin.blocks[b];
      if (hb.valid() && hb != old.return_block() && hb != old.except_block() && !a.is_reachable(hf, hb))
        out.unreached.push_back(BlockId(b));
    }
    if (!reachable) continue;
    // High variable -> the low one standing for it.
    EntityMap<VarId, VarId> low_var;
    for (uint32_t v = 0; v < origin.vars.size(); ++v) {
      VarId hv = origin.vars[v];
      if (!hv.valid()) continue;
      low_var[hv] = VarId(v);
      ValueCheck check = value_check(a, old.variable(hv).type, a.fact(hf, hv), function_map);
      if (check.kind != ValueCheck::Kind::kNone || !a.fact(hf, hv).reached) out.values.emplace_back(VarId(v), std::move(check));
    }
    for (uint32_t o = 0; o < origin.ops.size(); ++o) {
      OpId hop = origin.ops[o];
      if (!hop.valid()) continue;
      const Operation& op = old.op(hop);
      const Operation& lop = graph->op(OpId(o));
      annotator::SiteId site = a.site_of(hf, hop);
      if (site.valid() && op.result.valid() && low_var[op.result].valid() && lop.result == low_var[op.result])
        out.site_results.emplace_back(lop.result, site.index());
      OpCheck check;
      switch (op.opcode) {
        case Opcode::list_append:
        case Opcode::list_pop:
        case Opcode::list_pop_at:
        case Opcode::list_insert:
        case Opcode::list_extend:
        case Opcode::list_resize:
        case Opcode::list_clear:
          if (lop.opcode != Opcode::direct_call) continue;
          check.kind = OpCheck::Kind::kResizes;
          break;
        case Opcode::list_setitem:
        case Opcode::array_setitem:
        case Opcode::array_fill:
        case Opcode::list_reverse:
          if (lop.opcode != Opcode::direct_call) continue;
          check.kind = OpCheck::Kind::kMutates;
          break;
        case Opcode::setfield: {
          FieldId field = high.constant(op.args[1].constant()).field();
          if (lop.opcode != Opcode::setfield || !a.field(field).immutable) continue;
          check.kind = OpCheck::Kind::kImmutableWrite;
          break;
        }
        case Opcode::virtual_call:
        case Opcode::indirect_call: {
          if (!is_function_call(lop.opcode)) continue;
          llvm::ArrayRef<FunctionId> targets = a.call_targets(hf, hop);
          if (targets.empty()) continue;
          check.targets = low_targets(targets, function_map);
          if (lop.opcode == Opcode::indirect_call) {
            check.kind = OpCheck::Kind::kCallTargets;
            break;
          }
          const Constant& method = high.constant(op.args[0].constant());
          check.kind = OpCheck::Kind::kDispatch;
          check.introducer = high.method_introducer(method.class_id(), method.text);
          check.dispatch = low.find_prebuilt(rtyper::dispatch_array_name(low, check.introducer, method.text));
          if (!check.dispatch.valid()) continue;
          break;
        }
        default: continue;
      }
      out.ops.emplace_back(OpId(o), std::move(check));
    }
  }
  return facts;
}

}  // namespace rtoolchain::driver
