#include "rtoolchain/frontend/frontend.h"

#include <clang/AST/PrettyPrinter.h>

#include "ast_set.h"
#include "checker.h"
#include "reachability.h"

namespace rtoolchain::frontend {
namespace {

std::string describe(const clang::FunctionDecl* function) {
  std::string text = function->getQualifiedNameAsString();
  if (const clang::TemplateArgumentList* args = function->getTemplateSpecializationArgs()) {
    llvm::raw_string_ostream out(text);
    clang::printTemplateArgumentList(out, args->asArray(), function->getASTContext().getPrintingPolicy());
  }
  text += "(";
  for (unsigned i = 0; i < function->getNumParams(); ++i) {
    if (i) text += ", ";
    text += function->getParamDecl(i)->getType().getAsString(function->getASTContext().getPrintingPolicy());
  }
  text += ")";
  if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function); method && method->isConst())
    text += " const";
  return text;
}

}  // namespace

ProgramOutline outline_program(const Target& target, Diagnostics& diags) {
  ProgramOutline outline;
  std::unique_ptr<AstSet> asts = AstSet::load(target, diags);
  if (!asts) return outline;
  ReachableProgram reachable = find_reachable_and_check(*asts, target, diags);
  for (const clang::FunctionDecl* function : reachable.functions)
    outline.functions.push_back({describe(function), asts->mangled_name(function), AstSet::location(function)});
  for (const clang::CXXRecordDecl* record : reachable.instantiated_classes)
    outline.classes.push_back(record->getQualifiedNameAsString());
  for (const clang::VarDecl* var : reachable.globals) outline.globals.push_back(var->getQualifiedNameAsString());
  return outline;
}

}  // namespace rtoolchain::frontend
