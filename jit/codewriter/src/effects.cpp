// What calling each function may do, over the low-level program: the fields and array types it
// reads and writes, allocation, raising, calls of externals (random effects) and whether its own
// graph loops. A fixpoint over the call graph. (The annotator computes the same for high-level
// programs; it does not run on low-level ones, where the helpers and dispatch arrays live.)
#include "internal.h"

namespace rtoolchain::jit::codewriter {

using namespace ir;

namespace {

bool graph_has_cycle(const Graph& graph) {
  // Iterative DFS with colours: an edge to a block on the stack closes a cycle.
  std::vector<uint8_t> colour(graph.num_blocks(), 0);
  std::vector<std::pair<BlockId, size_t>> stack{{graph.start_block(), 0}};
  colour[graph.start_block().index()] = 1;
  while (!stack.empty()) {
    auto& [block, next] = stack.back();
    const Block& b = graph.block(block);
    if (next == b.exits.size()) {
      colour[block.index()] = 2;
      stack.pop_back();
      continue;
    }
    BlockId target = graph.link(b.exits[next++]).target;
    if (colour[target.index()] == 1) return true;
    if (colour[target.index()] == 0) {
      colour[target.index()] = 1;
      stack.push_back({target, 0});
    }
  }
  return false;
}

}  // namespace

bool merge_effects(FunctionEffects& into, const FunctionEffects& from) {
  FunctionEffects before = into;
  into.fields_read |= from.fields_read;
  into.fields_written |= from.fields_written;
  into.arrays_read |= from.arrays_read;
  into.arrays_written |= from.arrays_written;
  into.allocates |= from.allocates;
  into.can_raise |= from.can_raise;
  into.random |= from.random;
  into.writes_quasi_immutable |= from.writes_quasi_immutable;
  return into.fields_read != before.fields_read || into.fields_written != before.fields_written ||
         into.arrays_read != before.arrays_read || into.arrays_written != before.arrays_written ||
         into.allocates != before.allocates || into.can_raise != before.can_raise || into.random != before.random ||
         into.writes_quasi_immutable != before.writes_quasi_immutable;
}

void compute_effects(Context& cx) {
  const Program& p = cx.program;
  size_t n = p.num_functions();
  unsigned num_arrays = cx.out.descrs.arrays.size();
  cx.effects.assign(n, FunctionEffects());
  std::vector<std::vector<uint32_t>> callees(n);
  auto array_of = [&](const Graph& g, Value v) -> int {
    auto it = cx.array_descr_of_type.find(p.type_of(g, v).index());
    return it == cx.array_descr_of_type.end() ? -1 : int(it->second);
  };
  for (uint32_t f = 0; f < n; ++f) {
    FunctionEffects& e = cx.effects[f];
    e.fields_read.resize(p.num_fields());
    e.fields_written.resize(p.num_fields());
    e.arrays_read.resize(num_arrays);
    e.arrays_written.resize(num_arrays);
    const FunctionInfo& info = p.function_info(FunctionId(f));
    if (info.is_external || !info.graph) {
      e.random = true;
      e.can_raise = !(info.flags & kNoThrow);
      continue;
    }
    const Graph& g = *info.graph;
    e.contains_loop = graph_has_cycle(g);
    for (BlockId b : g.reachable_blocks()) {
      for (LinkId l : g.block(b).exits)
        if (g.link(l).target == g.except_block()) e.can_raise = true;
      for (OpId o : g.block(b).operations) {
        const Operation& op = g.op(o);
        auto field_arg = [&](unsigned i) { return p.constant(op.args[i].constant()).field(); };
        switch (op.opcode) {
          case Opcode::getfield: e.fields_read.set(field_arg(1).index()); break;
          case Opcode::setfield:
            e.fields_written.set(field_arg(1).index());
            if (p.field_info(field_arg(1)).flags & kQuasiImmutableField) e.writes_quasi_immutable = true;
            break;
          case Opcode::getarrayitem:
            if (int a = array_of(g, op.args[0]); a >= 0) e.arrays_read.set(a);
            break;
          case Opcode::setarrayitem:
            if (int a = array_of(g, op.args[0]); a >= 0) e.arrays_written.set(a);
            break;
          case Opcode::new_object:
          case Opcode::malloc_varsize: e.allocates = true; break;
          case Opcode::setglobal: e.random = true; break;  // globals have no descr sets yet
          case Opcode::direct_call:
          case Opcode::jit_conditional_call:
          case Opcode::jit_conditional_call_elidable: {
            unsigned fi = op.opcode == Opcode::direct_call ? 0 : 1;
            callees[f].push_back(p.constant(op.args[fi].constant()).function().index());
            break;
          }
          case Opcode::indirect_call: {
            const Constant& targets = p.constant(op.args[1].constant());
            if (targets.kind != ConstKind::kTargets) e.random = true;
            for (uint32_t t : targets.items) callees[f].push_back(t);
            break;
          }
          default:
            if (op_info(op.opcode).can_raise() && !op_info(op.opcode).has_effect(kCall)) e.can_raise = true;
        }
      }
    }
  }
  // Calls: the callee's effects, except that a nothrow callee raises nothing.
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t f = 0; f < n; ++f)
      for (uint32_t c : callees[f]) {
        FunctionEffects callee = cx.effects[c];
        if (p.function_info(FunctionId(c)).flags & kNoThrow) callee.can_raise = false;
        callee.contains_loop = false;
        if (merge_effects(cx.effects[f], callee)) changed = true;
      }
  }
}

}  // namespace rtoolchain::jit::codewriter
