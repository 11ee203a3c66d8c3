#include "ast_set.h"

#include <clang/AST/DeclTemplate.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/AST/Type.h>
#include <clang/Basic/DiagnosticIDs.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/raw_ostream.h>

namespace rtoolchain::frontend {
namespace {

// Compiler errors and warnings in the interpreter's own source come out as Clang prints them,
// and every error also lands in Diagnostics so that the run fails.
class CollectingDiagnosticConsumer : public clang::DiagnosticConsumer {
 public:
  explicit CollectingDiagnosticConsumer(Diagnostics& diags) : diags_(diags) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error) return;
    llvm::SmallString<256> message;
    info.FormatDiagnostic(message);
    SourceLocation where;
    if (info.getLocation().isValid() && info.hasSourceManager()) {
      clang::PresumedLoc presumed =
          info.getSourceManager().getPresumedLoc(info.getSourceManager().getExpansionLoc(info.getLocation()));
      if (presumed.isValid()) where = {presumed.getFilename(), presumed.getLine(), presumed.getColumn()};
    }
    diags_.error(where, "", ("C++: " + message).str());
  }

 private:
  Diagnostics& diags_;
};

class DefinitionIndexer : public clang::RecursiveASTVisitor<DefinitionIndexer> {
 public:
  DefinitionIndexer(std::vector<const clang::FunctionDecl*>& found,
                    std::vector<const clang::CXXRecordDecl*>& records)
      : found_(found), records_(records) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitFunctionDecl(clang::FunctionDecl* function) {
    if (function->doesThisDeclarationHaveABody() && !function->isDependentContext())
      found_.push_back(function);
    return true;
  }
  bool VisitCXXRecordDecl(clang::CXXRecordDecl* record) {
    if (record->isThisDeclarationADefinition() && !record->isDependentContext() && !record->isLambda() &&
        !record->isInAnonymousNamespace() && record->getIdentifier())
      records_.push_back(record);
    return true;
  }

 private:
  std::vector<const clang::FunctionDecl*>& found_;
  std::vector<const clang::CXXRecordDecl*>& records_;
};

// Identifies a record across units: its qualified name, with a template instance's arguments.
std::string record_key(const clang::CXXRecordDecl* record) {
  std::string key = record->getQualifiedNameAsString();
  if (const auto* spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(record)) {
    llvm::raw_string_ostream out(key);
    clang::printTemplateArgumentList(out, spec->getTemplateArgs().asArray(),
                                     record->getASTContext().getPrintingPolicy());
  }
  return key;
}

}  // namespace

bool is_rt_library(const clang::Decl* decl) {
  for (const clang::DeclContext* context = decl->getDeclContext(); context;
       context = context->getParent()) {
    if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(context)) {
      if (ns->getParent()->isTranslationUnit() && ns->getName() == "rt") return true;
    }
  }
  return false;
}

AstSet::~AstSet() = default;

std::unique_ptr<AstSet> AstSet::load(const Target& target, Diagnostics& diags) {
  std::vector<std::string> flags = target.flags;
  // Builtin headers of clang-19 wherever the toolchain runs, and the front end's own macro so
  // that rt headers can tell it apart from host mode if they ever need to.
  flags.push_back("-resource-dir=" CLANG_RESOURCE_DIR);
  flags.push_back("-D__RTOOLCHAIN_FRONTEND__=1");
  flags.push_back("-fsyntax-only");
  clang::tooling::FixedCompilationDatabase compilations(".", flags);
  CollectingDiagnosticConsumer consumer(diags);
  std::unique_ptr<AstSet> set(new AstSet());
  size_t errors_before = diags.count();
  // One tool per source: a ClangTool given several files prints "[i/n] Processing file" on
  // stderr, which would mix with the output of `rtoolchain run`.
  int status = 0;
  for (const std::string& source : target.sources) {
    clang::tooling::ClangTool tool(compilations, {source});
    tool.setDiagnosticConsumer(&consumer);
    tool.setPrintErrorMessage(false);
    status |= tool.buildASTs(set->units_);
  }
  if (status != 0 || diags.count() != errors_before || set->units_.size() != target.sources.size()) {
    if (diags.count() == errors_before)
      diags.error({target.path, 0, 0}, "", "could not parse the target's sources");
    return nullptr;
  }
  set->index_definitions();
  return set;
}

void AstSet::index_definitions() {
  for (const auto& unit : units_) {
    std::vector<const clang::FunctionDecl*> found;
    std::vector<const clang::CXXRecordDecl*> records;
    DefinitionIndexer indexer(found, records);
    indexer.TraverseDecl(unit->getASTContext().getTranslationUnitDecl());
    for (const clang::FunctionDecl* function : found) definitions_.emplace(mangled_name(function), function);
    for (const clang::CXXRecordDecl* record : records) record_definitions_.emplace(record_key(record), record);
  }
}

std::string AstSet::mangled_name(const clang::FunctionDecl* function) const {
  clang::ASTContext& context = function->getASTContext();
  auto& mangler = manglers_[&context];
  if (!mangler) mangler.reset(context.createMangleContext());
  std::string name;
  llvm::raw_string_ostream out(name);
  clang::GlobalDecl global;
  if (const auto* ctor = llvm::dyn_cast<clang::CXXConstructorDecl>(function))
    global = clang::GlobalDecl(ctor, clang::Ctor_Complete);
  else if (const auto* dtor = llvm::dyn_cast<clang::CXXDestructorDecl>(function))
    global = clang::GlobalDecl(dtor, clang::Dtor_Complete);
  else
    global = clang::GlobalDecl(function);
  if (mangler->shouldMangleDeclName(function))
    mangler->mangleName(global, out);
  else
    out << function->getName();
  return name;
}

const clang::FunctionDecl* AstSet::definition(const std::string& mangled) const {
  auto it = definitions_.find(mangled);
  return it == definitions_.end() ? nullptr : it->second;
}

const clang::FunctionDecl* AstSet::definition_of(const clang::FunctionDecl* function) const {
  if (const clang::FunctionDecl* local = function->getDefinition()) return local;
  return definition(mangled_name(function));
}

const clang::CXXRecordDecl* AstSet::definition_of(const clang::CXXRecordDecl* record) const {
  if (const clang::CXXRecordDecl* local = record->getDefinition()) return local;
  if (record->isInAnonymousNamespace()) return nullptr;
  auto it = record_definitions_.find(record_key(record));
  return it == record_definitions_.end() ? nullptr : it->second;
}

SourceLocation AstSet::location(const clang::ASTContext& context, clang::SourceLocation loc) {
  const clang::SourceManager& sources = context.getSourceManager();
  clang::PresumedLoc presumed = sources.getPresumedLoc(sources.getExpansionLoc(loc));
  if (!presumed.isValid()) return {};
  return {presumed.getFilename(), presumed.getLine(), presumed.getColumn()};
}

SourceLocation AstSet::location(const clang::Decl* decl) {
  return location(decl->getASTContext(), decl->getLocation());
}

}  // namespace rtoolchain::frontend
