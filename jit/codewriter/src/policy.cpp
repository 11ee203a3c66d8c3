// The call policy and the portal (docs/jit.md, "Call policy", "Portal checks"): which graphs the
// JIT looks inside, how each call site is compiled, and the portal's promises.
#include <algorithm>
#include <set>

#include "internal.h"

namespace rtoolchain::jit::codewriter {

using namespace ir;

std::string CodewriterError::to_string() const {
  std::string text = "error: function " + function + ": ";
  if (!location.empty()) text += location + ": ";
  return text + message;
}

void Context::error(FunctionId fn, const std::string& location, const std::string& message) {
  errors.push_back({fn.valid() ? program.function_info(fn).name : "<program>", location, message});
}

std::string op_text(const Program& program, const Graph& graph, OpId op) {
  (void)graph;
  for (uint32_t f = 0; f < program.num_functions(); ++f)
    if (program.function_info(FunctionId(f)).graph.get() == &graph) {
      FunctionNames names(program, FunctionId(f));
      return names.op(op);
    }
  return "";
}

namespace {

// Whether the JIT traces into `fn` when nothing else decides (the function's own hints, loops).
bool policy_look_inside(const Context& cx, FunctionId fn) {
  const FunctionInfo& info = cx.program.function_info(fn);
  if (info.is_external || !info.graph) return false;
  if (info.flags & (kDontLookInside | kElidable | kLoopInvariant | kNotInTrace)) return false;
  if (info.look_inside_iff.valid()) return false;  // v1: the predicate is not evaluated yet
  if (cx.effects[fn.index()].contains_loop && !(info.flags & kUnrollSafe)) return false;
  return true;
}

// The set of variables live right after operation `index` of `block` (block-argument SSA: the
// uses later in the block and in the exits).
std::set<uint32_t> live_after(const Graph& g, BlockId block, size_t index) {
  std::set<uint32_t> live;
  const Block& b = g.block(block);
  for (LinkId l : b.exits)
    for (Value v : g.link(l).args)
      if (v.is_variable() && v.variable() != g.link(l).last_exception && v.variable() != g.link(l).last_exc_value)
        live.insert(v.variable().index());
  if (b.exitswitch.is_variable()) live.insert(b.exitswitch.variable().index());
  for (size_t i = b.operations.size(); i-- > index + 1;) {
    const Operation& op = g.op(b.operations[i]);
    if (op.result.valid()) live.erase(op.result.index());
    for (Value v : op.args)
      if (v.is_variable()) live.insert(v.variable().index());
  }
  return live;
}

}  // namespace

CallKind classify_call(const Context& cx, FunctionId callee) {
  if (callee == cx.portal) return CallKind::kRecursive;
  if (cx.look_inside[callee.index()]) return CallKind::kRegular;
  if (cx.program.function_info(callee).flags & kElidable) return CallKind::kElidable;
  return CallKind::kResidual;
}

void choose_graphs(Context& cx) {
  const Program& p = cx.program;
  size_t n = p.num_functions();
  // Hint misuse the front end cannot see across declarations.
  for (uint32_t f = 0; f < n; ++f) {
    uint32_t flags = p.function_info(FunctionId(f)).flags;
    if ((flags & kUnrollSafe) && (flags & kElidable))
      cx.error(FunctionId(f), "", "RT_JIT_ELIDABLE and RT_JIT_UNROLL_SAFE together (hints.md H5)");
    if ((flags & kUnrollSafe) && (flags & kDontLookInside))
      cx.error(FunctionId(f), "", "RT_JIT_DONT_LOOK_INSIDE and RT_JIT_UNROLL_SAFE together (hints.md H5)");
  }
  // The portal: the one function with a jit_merge_point.
  for (uint32_t f = 0; f < n; ++f) {
    const FunctionInfo& info = p.function_info(FunctionId(f));
    if (!info.graph) continue;
    const Graph& g = *info.graph;
    for (BlockId b : g.reachable_blocks())
      for (OpId o : g.block(b).operations)
        if (g.op(o).opcode == Opcode::jit_merge_point) {
          if (cx.portal.valid()) {
            cx.error(FunctionId(f), op_text(p, g, o),
                     "a second jit_merge_point (one portal per program in this version; the first is in " +
                         p.function_info(cx.portal).name + ")");
            continue;
          }
          cx.portal = FunctionId(f);
          cx.merge_point_block = b;
          cx.merge_point_op = o;
        }
  }
  if (!cx.portal.valid()) {
    cx.error(FunctionId(), "", "no jit_merge_point: the program has no portal");
    return;
  }
  // Look-inside: the portal, and what it reaches through regular calls.
  cx.look_inside.assign(n, 0);
  std::vector<FunctionId> work{cx.portal};
  cx.look_inside[cx.portal.index()] = 1;
  while (!work.empty()) {
    FunctionId f = work.back();
    work.pop_back();
    const Graph& g = *p.function_info(f).graph;
    for (BlockId b : g.reachable_blocks())
      for (OpId o : g.block(b).operations) {
        const Operation& op = g.op(o);
        std::vector<uint32_t> callees;
        if (op.opcode == Opcode::direct_call) callees.push_back(p.constant(op.args[0].constant()).function().index());
        if (op.opcode == Opcode::indirect_call) callees = p.constant(op.args[1].constant()).items;
        for (uint32_t c : callees)
          if (!cx.look_inside[c] && policy_look_inside(cx, FunctionId(c))) {
            cx.look_inside[c] = 1;
            work.push_back(FunctionId(c));
          }
      }
  }
  // The portal's promises.
  const Graph& g = *p.function_info(cx.portal).graph;
  const Block& mb = g.block(cx.merge_point_block);
  size_t index = std::find(mb.operations.begin(), mb.operations.end(), cx.merge_point_op) - mb.operations.begin();
  const Operation& merge = g.op(cx.merge_point_op);
  std::set<uint32_t> greens_reds;
  for (size_t i = 1; i < merge.args.size(); ++i)
    if (merge.args[i].is_variable()) greens_reds.insert(merge.args[i].variable().index());
  FunctionNames names(p, cx.portal);
  std::string where = names.block(cx.merge_point_block) + ": " + names.op(cx.merge_point_op);
  for (uint32_t v : live_after(g, cx.merge_point_block, index))
    if (!greens_reds.count(v))
      cx.error(cx.portal, where,
               "variable " + names.var(VarId(v)) +
                   " is live across the merge point but is neither green nor red: the interpreter must "
                   "be restartable from the greens and reds alone");
  for (size_t i = 0; i < index; ++i)
    if (g.op(mb.operations[i]).result.valid() && greens_reds.count(g.op(mb.operations[i]).result.index()) == 0 &&
        live_after(g, cx.merge_point_block, index).count(g.op(mb.operations[i]).result.index()))
      cx.error(cx.portal, where, "a value computed before the merge point is used after it");
  // can_enter_jit: the driver's greens and reds, by kind; greens that are constants or
  // variables (never computed from a red in the same block: a cheap check of greenness).
  const JitDriverInfo& driver = p.jit_driver_info(p.constant(merge.args[0].constant()).jit_driver());
  for (uint32_t f = 0; f < n; ++f) {
    const FunctionInfo& info = p.function_info(FunctionId(f));
    if (!info.graph) continue;
    const Graph& fg = *info.graph;
    for (BlockId b : fg.reachable_blocks())
      for (OpId o : fg.block(b).operations) {
        const Operation& op = fg.op(o);
        if (op.opcode != Opcode::can_enter_jit) continue;
        if (FunctionId(f) != cx.portal) {
          FunctionNames fnames(p, FunctionId(f));
          cx.error(FunctionId(f), fnames.op(o), "can_enter_jit outside the portal " + p.function_info(cx.portal).name);
        }
        if (op.args.size() != 1 + driver.greens.size() + driver.reds.size()) {
          FunctionNames fnames(p, FunctionId(f));
          cx.error(FunctionId(f), fnames.op(o), "can_enter_jit does not pass the driver's greens and reds");
        }
      }
  }
}

}  // namespace rtoolchain::jit::codewriter
