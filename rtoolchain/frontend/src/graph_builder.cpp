// build_program: the flow graphs of everything the entry point reaches. Functions are declared
// when first used (a call, a function pointer, a virtual method of a class in the model) and
// their graphs built in that order, so the output depends only on the sources. Each graph then
// gets the SSA clean-ups: dead block arguments pruned, forwarding blocks skipped.
#include "graph_builder.h"

#include "checker.h"
#include "reachability.h"

#include <chrono>
#include <set>

#include "rtoolchain/frontend/frontend.h"

namespace rtoolchain::frontend {
namespace {

const clang::FunctionDecl* find_entry(const AstSet& asts, const std::string& name) {
  for (const auto& unit : asts.units()) {
    for (const clang::Decl* decl : unit->getASTContext().getTranslationUnitDecl()->decls()) {
      const auto* function = llvm::dyn_cast<clang::FunctionDecl>(decl);
      if (function && function->getName() == name && function->doesThisDeclarationHaveABody()) return function;
    }
  }
  return nullptr;
}

}  // namespace

// --- Liveness of block arguments. --------------------------------------------------------------------

void prune_block_arguments(ir::Graph& graph) {
  std::vector<ir::BlockId> blocks = graph.reachable_blocks();
  std::set<uint32_t> reachable;
  for (ir::BlockId b : blocks) reachable.insert(b.raw());
  // live[var]: the variable is needed. Seeds: operands, switches, arguments to the final blocks.
  std::vector<char> live(graph.num_variables(), 0);
  std::vector<ir::VarId> work;
  auto mark = [&](ir::Value v) {
    if (v.is_variable() && !live[v.variable().index()]) {
      live[v.variable().index()] = 1;
      work.push_back(v.variable());
    }
  };
  // Which link argument feeds which input argument: var → (link args using it).
  std::map<uint32_t, std::vector<std::pair<ir::LinkId, unsigned>>> inputarg_uses;
  std::map<uint32_t, std::pair<ir::BlockId, unsigned>> inputarg_of;
  for (ir::BlockId b : blocks) {
    const ir::Block& block = graph.block(b);
    for (unsigned i = 0; i < block.inputargs.size(); ++i) inputarg_of[block.inputargs[i].raw()] = {b, i};
  }
  for (ir::BlockId b : blocks) {
    const ir::Block& block = graph.block(b);
    for (ir::OpId op : block.operations)
      for (ir::Value v : graph.op(op).args) mark(v);
    if (block.exitswitch.is_variable()) mark(block.exitswitch.variable());
    for (ir::LinkId l : block.exits) {
      const ir::Link& link = graph.link(l);
      for (unsigned i = 0; i < link.args.size(); ++i) {
        if (graph.is_final(link.target)) mark(link.args[i]);
        else if (link.args[i].is_variable())
          inputarg_uses[graph.block(link.target).inputargs[i].raw()].push_back({l, i});
      }
    }
  }
  for (ir::VarId v : graph.block(graph.start_block()).inputargs) mark(v);
  while (!work.empty()) {
    ir::VarId v = work.back();
    work.pop_back();
    auto it = inputarg_uses.find(v.raw());
    if (it == inputarg_uses.end()) continue;
    for (auto [l, i] : it->second) mark(graph.link(l).args[i]);
  }
  for (ir::BlockId b : blocks) {
    if (b == graph.start_block()) continue;
    ir::Block& block = graph.block_mut(b);
    std::vector<char> keep;
    for (ir::VarId v : block.inputargs) keep.push_back(live[v.index()]);
    llvm::SmallVector<ir::VarId, 4> kept;
    for (unsigned i = 0; i < keep.size(); ++i)
      if (keep[i]) kept.push_back(block.inputargs[i]);
    block.inputargs = kept;
    for (ir::BlockId source : blocks)
      for (ir::LinkId l : graph.block(source).exits) {
        ir::Link& link = graph.link_mut(l);
        if (link.target != b || link.args.size() != keep.size()) continue;
        llvm::SmallVector<ir::Value, 4> args;
        for (unsigned i = 0; i < keep.size(); ++i)
          if (keep[i]) args.push_back(link.args[i]);
        link.args = args;
      }
  }
}

// A block with no operation whose one exit passes its arguments on unchanged is only a join
// left by the structured construction (an if without else, the end of a loop body): links into
// it go straight to its target. It stays in the graph, unreachable.
void skip_forwarding_blocks(ir::Graph& graph) {
  auto forward_of = [&](ir::BlockId b) -> ir::BlockId {
    if (b == graph.start_block() || graph.is_final(b)) return {};
    const ir::Block& block = graph.block(b);
    if (!block.operations.empty() || !block.exitswitch.is_none() || block.exits.size() != 1) return {};
    const ir::Link& link = graph.link(block.exits[0]);
    if (link.target == b || link.args.size() != block.inputargs.size()) return {};
    for (size_t i = 0; i < link.args.size(); ++i)
      if (link.args[i] != ir::Value(block.inputargs[i])) return {};
    return link.target;
  };
  for (ir::BlockId b : graph.reachable_blocks()) {
    for (ir::LinkId l : graph.block(b).exits) {
      ir::Link& link = graph.link_mut(l);
      // Bounded: a cycle of forwarding blocks (an empty infinite loop) stops after a few hops.
      for (int hops = 0; hops < 64; ++hops) {
        ir::BlockId next = forward_of(link.target);
        if (!next.valid()) break;
        link.target = next;
      }
    }
  }
}

std::unique_ptr<ir::Program> build_program(const Target& target, Diagnostics& diags) {
  std::unique_ptr<AstSet> asts = AstSet::load(target, diags);
  if (!asts) return nullptr;
  const clang::FunctionDecl* entry = target.entry.empty() ? nullptr : find_entry(*asts, target.entry);
  if (!entry && !target.entry.empty()) {
    diags.error({target.path, 0, 0}, "P1 entry-point",
                "no definition of the entry point '" + target.entry + "' in the target's sources");
    return nullptr;
  }
  // Only RC++ programs get graphs: the rules are what make every mode agree.
  find_reachable_and_check(*asts, target, diags);
  if (diags.has_errors()) return nullptr;
  auto program = std::make_unique<ir::Program>();
  ModelBuilder model(*asts, *program, diags);
  if (entry) {
    ir::FunctionId entry_id = model.function_of(entry, entry->getLocation());
    if (entry_id.valid()) program->set_entry_point(entry_id);
  }
  // The low-level helpers of the target's helper sources join the program as extra roots.
  for (const clang::FunctionDecl* root : find_helper_roots(*asts, target)) model.function_of(root, root->getLocation());
  do {
    ModelBuilder::PendingFunction pending;
    while (model.next_pending(pending)) FunctionBuilder(model, pending.definition, pending.id).build();
  } while (model.add_pending_vtables());
  if (diags.has_errors()) return nullptr;
  // The verifier's findings are the front end's bugs, not the program's: internal errors.
  for (const ir::VerifierError& error : ir::verify_program(*program))
    diags.error({target.path, 0, 0}, "internal",
                "the graph builder made an invalid graph: " + error.to_string());
  if (diags.has_errors()) return nullptr;
  return program;
}

}  // namespace rtoolchain::frontend
