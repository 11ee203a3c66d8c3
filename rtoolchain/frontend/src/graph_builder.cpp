// build_program: the flow graphs of everything the entry point reaches. Functions are declared
// when first used (a call, a function pointer, a virtual method of a class in the model) and
// their graphs built in that order, so the output depends only on the sources.
#include "graph_builder.h"

#include "checker.h"
#include "reachability.h"

#include <chrono>

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

std::unique_ptr<ir::Program> build_program(const Target& target, Diagnostics& diags) {
  std::unique_ptr<AstSet> asts = AstSet::load(target, diags);
  if (!asts) return nullptr;
  const clang::FunctionDecl* entry = find_entry(*asts, target.entry);
  if (!entry) {
    diags.error({target.path, 0, 0}, "P1 entry-point",
                "no definition of the entry point '" + target.entry + "' in the target's sources");
    return nullptr;
  }
  // Only RC++ programs get graphs: the rules are what make every mode agree.
  find_reachable_and_check(*asts, target, diags);
  if (diags.has_errors()) return nullptr;
  auto program = std::make_unique<ir::Program>();
  ModelBuilder model(*asts, *program, diags);
  ir::FunctionId entry_id = model.function_of(entry, entry->getLocation());
  if (entry_id.valid()) program->set_entry_point(entry_id);
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
