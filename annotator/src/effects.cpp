// The call graph and each function's effect info (docs/annotator.md, "Effects"): what the
// function's own reached operations do, then the union over everything it may call (a fixpoint
// over the call graph, so recursion is fine). Exceptions come from the fixpoint itself.
#include <algorithm>
#include <set>

#include "engine.h"

namespace rtoolchain::annotator {

using namespace ir;

namespace {

template <class T>
bool insert_sorted(std::vector<T>& v, T x) {
  auto pos = std::lower_bound(v.begin(), v.end(), x);
  if (pos != v.end() && *pos == x) return false;
  v.insert(pos, x);
  return true;
}

template <class T>
bool union_into(std::vector<T>& into, const std::vector<T>& from) {
  bool grew = false;
  for (const T& x : from) grew |= insert_sorted(into, x);
  return grew;
}

bool is_container_op(llvm::StringRef name) {
  return name.starts_with("list_") || name.starts_with("array_") || name.starts_with("dict_") ||
         name.starts_with("dictiter_");
}

bool has_cycle(const Graph& g, const FunctionState& fs) {
  std::vector<uint8_t> headers =
      loop_headers(g, [&](BlockId b) { return !g.is_final(b) && fs.block_reached[b.index()]; });
  return std::find(headers.begin(), headers.end(), 1) != headers.end();
}

void external_effects(const Program& p, const FunctionInfo& info, EffectInfo& e) {
  e.calls_external = true;
  if (info.flags & kNoThrow) return;
  for (unsigned i = 0; i < kNumRtExceptions; ++i) {
    auto kind = static_cast<RtException>(i);
    if (kind != RtException::kMemoryError && kind != RtException::kRecursionError)
      insert_sorted(e.raises, p.rt_exception_class(kind));
  }
  insert_sorted(e.raises, p.exception_class());
}

}  // namespace

void compute_effects(Annotation::Impl& impl) {
  const Program& p = *impl.program;
  ClassId memory = p.rt_exception_class(RtException::kMemoryError);
  ClassId recursion = p.rt_exception_class(RtException::kRecursionError);
  std::vector<uint32_t> reached;
  for (uint32_t i = 0; i < p.num_functions(); ++i) {
    FunctionState& fs = impl.functions[i];
    const FunctionInfo& info = p.function_info(FunctionId(i));
    if (!fs.reached) continue;
    reached.push_back(i);
    const Graph& g = *info.graph;
    EffectInfo& e = fs.effects;
    for (BlockId b : g.reachable_blocks()) {
      if (!fs.block_reached[b.index()]) continue;
      for (OpId op_id : g.block(b).operations) {
        const Operation& op = g.op(op_id);
        const OpInfo& oi = op_info(op.opcode);
        if (oi.has_effect(kAllocates)) e.allocates = true;
        switch (op.opcode) {
          case Opcode::getfield: insert_sorted(e.fields_read, p.constant(op.args[1].constant()).field()); break;
          case Opcode::setfield: insert_sorted(e.fields_written, p.constant(op.args[1].constant()).field()); break;
          case Opcode::getglobal: insert_sorted(e.globals_read, p.constant(op.args[0].constant()).global()); break;
          case Opcode::setglobal: insert_sorted(e.globals_written, p.constant(op.args[0].constant()).global()); break;
          case Opcode::str_join: insert_sorted(e.containers_read, p.type_of(g, op.args[1])); break;
          default:
            if (is_container_op(oi.name) && !op.args.empty()) {
              TypeId container = p.type_of(g, op.args[0]);
              if (oi.has_effect(kReadsMemory)) insert_sorted(e.containers_read, container);
              if (oi.has_effect(kWritesMemory)) insert_sorted(e.containers_written, container);
            }
            break;
        }
      }
    }
    e.contains_loop = has_cycle(g, fs);
    for (const auto& [op, targets] : fs.call_targets)
      for (FunctionId t : targets) {
        insert_sorted(fs.callees, t);
        impl.functions[t.index()].called = true;
        const FunctionInfo& callee = p.function_info(t);
        if (callee.is_external || !callee.graph) external_effects(p, callee, impl.functions[t.index()].effects);
      }
    impl.num_call_edges += fs.callees.size();
    const Fact& escaping = fs.vars[g.block(g.except_block()).inputargs[1].index()];
    e.raises_unknown = escaping.reached && escaping.unknown_members;
    for (uint32_t m : escaping.members)
      if (ClassId(m) != memory && ClassId(m) != recursion) e.raises.push_back(ClassId(m));
  }
  // What a function may do includes what its callees may do; contains_loop stays its own.
  for (bool grew = true; grew;) {
    grew = false;
    for (uint32_t i : reached) {
      EffectInfo& e = impl.functions[i].effects;
      for (FunctionId callee : impl.functions[i].callees) {
        if (callee.index() == i) continue;
        const EffectInfo& c = impl.functions[callee.index()].effects;
        grew |= union_into(e.fields_read, c.fields_read);
        grew |= union_into(e.fields_written, c.fields_written);
        grew |= union_into(e.globals_read, c.globals_read);
        grew |= union_into(e.globals_written, c.globals_written);
        grew |= union_into(e.containers_read, c.containers_read);
        grew |= union_into(e.containers_written, c.containers_written);
        if (c.allocates && !e.allocates) e.allocates = grew = true;
        if (c.calls_external && !e.calls_external) e.calls_external = grew = true;
      }
    }
  }
}

}  // namespace rtoolchain::annotator
