#include "reachability.h"

#include <deque>
#include <set>
#include <string>

#include <clang/AST/RecursiveASTVisitor.h>

namespace rtoolchain::frontend {
namespace {

class Walker;

// Scans one function (body, constructor initialisers, default arguments) for what it uses.
class FunctionScanner : public clang::RecursiveASTVisitor<FunctionScanner> {
 public:
  explicit FunctionScanner(Walker& walker) : walker_(walker) {}
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitCallExpr(clang::CallExpr* call);
  bool VisitCXXConstructExpr(clang::CXXConstructExpr* construct);
  bool VisitDeclRefExpr(clang::DeclRefExpr* ref);
  bool VisitCXXDefaultArgExpr(clang::CXXDefaultArgExpr* arg) { return TraverseStmt(arg->getExpr()); }
  bool VisitCXXDefaultInitExpr(clang::CXXDefaultInitExpr* init) { return TraverseStmt(init->getExpr()); }

 private:
  Walker& walker_;
};

class Walker {
 public:
  Walker(const AstSet& asts, Diagnostics& diags) : asts_(asts), diags_(diags) {}

  void require_function(const clang::FunctionDecl* function, const clang::Expr* use) {
    if (is_rt_library(function)) return;
    std::string name = asts_.mangled_name(function);
    if (!seen_functions_.insert(name).second) return;
    const clang::FunctionDecl* definition = asts_.definition_of(function);
    if (!definition) {
      if (function->isPureVirtual()) return;
      SourceLocation where = use ? AstSet::location(function->getASTContext(), use->getBeginLoc())
                                 : AstSet::location(function);
      diags_.error(where, "", "'" + function->getQualifiedNameAsString() +
                                  "' is used but not defined in any source of the target");
      return;
    }
    result_.functions.push_back(definition);
    pending_.push_back(definition);
  }

  void require_class(const clang::CXXRecordDecl* record) {
    record = record->getDefinition();
    if (!record || !seen_classes_.insert(record->getCanonicalDecl()).second) return;
    result_.instantiated_classes.push_back(record);
    for (const clang::CXXMethodDecl* method : result_.virtual_methods_called)
      require_overrider(record, method);
  }

  void require_virtual_call(const clang::CXXMethodDecl* method) {
    method = method->getCanonicalDecl();
    if (!seen_virtuals_.insert(method).second) return;
    result_.virtual_methods_called.push_back(method);
    for (const clang::CXXRecordDecl* record : result_.instantiated_classes) require_overrider(record, method);
  }

  void require_global(const clang::VarDecl* var) {
    if (is_rt_library(var)) return;
    if (!seen_globals_.insert(var->getCanonicalDecl()).second) return;
    result_.globals.push_back(var);
    if (const clang::Expr* init = var->getAnyInitializer()) {
      FunctionScanner scanner(*this);
      scanner.TraverseStmt(const_cast<clang::Expr*>(init));
    }
  }

  ReachableProgram run(const clang::FunctionDecl* entry, const std::vector<const clang::FunctionDecl*>& roots) {
    if (entry) require_function(entry, nullptr);
    for (const clang::FunctionDecl* root : roots) require_function(root, nullptr);
    while (!pending_.empty()) {
      const clang::FunctionDecl* function = pending_.front();
      pending_.pop_front();
      FunctionScanner scanner(*this);
      scanner.TraverseDecl(const_cast<clang::FunctionDecl*>(function));
    }
    return std::move(result_);
  }

 private:
  // The final overrider of `method` in `record`, when record derives from the method's class.
  void require_overrider(const clang::CXXRecordDecl* record, const clang::CXXMethodDecl* method) {
    const clang::CXXRecordDecl* owner = method->getParent();
    if (record != owner && !record->isDerivedFrom(owner)) return;
    for (const clang::CXXRecordDecl* cls = record; cls;) {
      if (const clang::CXXMethodDecl* found = method->getCorrespondingMethodInClass(cls)) {
        if (!found->isPureVirtual()) require_function(found, nullptr);
        return;
      }
      // Single inheritance (rule C1): the first base is the only one.
      if (cls->getNumBases() == 0) break;
      cls = cls->bases_begin()->getType()->getAsCXXRecordDecl();
    }
  }

  const AstSet& asts_;
  Diagnostics& diags_;
  ReachableProgram result_;
  std::deque<const clang::FunctionDecl*> pending_;
  std::set<std::string> seen_functions_;
  std::set<const clang::Decl*> seen_classes_;
  std::set<const clang::Decl*> seen_globals_;
  std::set<const clang::CXXMethodDecl*> seen_virtuals_;

  friend class FunctionScanner;
};

bool is_rt_make(const clang::FunctionDecl* function) {
  return function->getName() == "make" && is_rt_library(function) && function->isTemplateInstantiation();
}

// The constructor that an instantiation of rt::make<T>(args...) runs: the construct expression
// of its placement new.
const clang::CXXConstructorDecl* constructor_run_by_make(const clang::FunctionDecl* make) {
  struct Finder : clang::RecursiveASTVisitor<Finder> {
    const clang::CXXConstructorDecl* found = nullptr;
    bool VisitCXXNewExpr(clang::CXXNewExpr* expr) {
      if (const clang::CXXConstructExpr* construct = expr->getConstructExpr()) found = construct->getConstructor();
      return !found;
    }
  } finder;
  if (const clang::FunctionDecl* definition = make->getDefinition())
    finder.TraverseStmt(definition->getBody());
  return finder.found;
}

bool FunctionScanner::VisitCallExpr(clang::CallExpr* call) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (!callee) return true;  // through a function pointer: its targets are address-taken functions
  if (is_rt_make(callee)) {
    const clang::TemplateArgumentList* args = callee->getTemplateSpecializationArgs();
    if (args && args->size() > 0) {
      if (const clang::CXXRecordDecl* record = args->get(0).getAsType()->getAsCXXRecordDecl()) {
        if (!is_rt_library(record)) walker_.require_class(record);
      }
    }
    if (const clang::CXXConstructorDecl* ctor = constructor_run_by_make(callee))
      walker_.require_function(ctor, call);
    return true;
  }
  if (const auto* member_call = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
    const clang::CXXMethodDecl* method = member_call->getMethodDecl();
    const auto* member = llvm::dyn_cast<clang::MemberExpr>(member_call->getCallee()->IgnoreParens());
    bool dynamic_dispatch = method && method->isVirtual() && !(member && member->hasQualifier());
    if (dynamic_dispatch && !is_rt_library(method)) {
      walker_.require_virtual_call(method);
      return true;
    }
  }
  walker_.require_function(callee, call);
  return true;
}

bool FunctionScanner::VisitCXXConstructExpr(clang::CXXConstructExpr* construct) {
  walker_.require_function(construct->getConstructor(), construct);
  return true;
}

bool FunctionScanner::VisitDeclRefExpr(clang::DeclRefExpr* ref) {
  if (const auto* function = llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl())) {
    walker_.require_function(function, ref);
  } else if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl())) {
    if (var->hasGlobalStorage() && !var->isStaticLocal()) walker_.require_global(var);
  }
  return true;
}

const clang::FunctionDecl* find_entry(const AstSet& asts, const std::string& name) {
  for (const auto& unit : asts.units()) {
    clang::TranslationUnitDecl* tu = unit->getASTContext().getTranslationUnitDecl();
    for (const clang::Decl* decl : tu->decls()) {
      const auto* function = llvm::dyn_cast<clang::FunctionDecl>(decl);
      if (function && function->getName() == name && function->doesThisDeclarationHaveABody())
        return function;
    }
  }
  return nullptr;
}

bool is_ll_helper(const clang::FunctionDecl* function) {
  for (const auto* annotate : function->specific_attrs<clang::AnnotateAttr>())
    if (annotate->getAnnotation() == "rt.ll_helper") return true;
  return false;
}

// Collects the helper definitions of one unit, template instantiations included.
class HelperRootFinder : public clang::RecursiveASTVisitor<HelperRootFinder> {
 public:
  explicit HelperRootFinder(std::vector<const clang::FunctionDecl*>& roots) : roots_(roots) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitFunctionDecl(clang::FunctionDecl* function) {
    if (!function->isDependentContext() && function->doesThisDeclarationHaveABody() && is_ll_helper(function))
      roots_.push_back(function);
    return true;
  }

 private:
  std::vector<const clang::FunctionDecl*>& roots_;
};

}  // namespace

std::vector<const clang::FunctionDecl*> find_helper_roots(const AstSet& asts, const Target& target) {
  std::vector<const clang::FunctionDecl*> roots;
  std::set<std::string> helper_sources(target.helper_sources.begin(), target.helper_sources.end());
  for (size_t i = 0; i < asts.units().size() && i < target.sources.size(); ++i) {
    if (!helper_sources.count(target.sources[i])) continue;
    HelperRootFinder finder(roots);
    finder.TraverseDecl(asts.units()[i]->getASTContext().getTranslationUnitDecl());
  }
  return roots;
}

ReachableProgram find_reachable(const AstSet& asts, const Target& target, Diagnostics& diags) {
  const clang::FunctionDecl* entry = target.entry.empty() ? nullptr : find_entry(asts, target.entry);
  if (!entry && !target.entry.empty()) {
    diags.error({target.path, 0, 0}, "P1 entry-point",
                "no definition of the entry point '" + target.entry + "' in the target's sources",
                "define int64_t " + target.entry + "(rt::List<rt::Str>* argv)");
    return {};
  }
  Walker walker(asts, diags);
  return walker.run(entry, find_helper_roots(asts, target));
}

}  // namespace rtoolchain::frontend
