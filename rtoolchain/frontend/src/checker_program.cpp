// The RC++ checker, part 2: rule names, diagnostics, the preprocessor-level rules (includes,
// pragmas, reserved macros), the liveness of the merge point and the whole-program hint rules.
#include <deque>

#include "rtoolchain/frontend/frontend.h"

#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Analysis/Analyses/LiveVariables.h>
#include <clang/Analysis/AnalysisDeclContext.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/Support/Path.h>

#include "checker.h"

namespace rtoolchain::frontend {
namespace checker {
namespace {

const std::map<std::string, std::string>& rule_names() {
  static const std::map<std::string, std::string> names = {
      {"P1", "entry-point"}, {"P2", "includes"}, {"P3", "std-library"}, {"P4", "no-externals"},
      {"P5", "whole-program"}, {"P6", "extensions-and-attributes"}, {"P7", "unlisted-features"},
      {"T1", "allowed-types"}, {"T2", "integer-types"}, {"T3", "no-float"},
      {"T4", "enum-underlying-type"}, {"T5", "gc-pointers"}, {"T6", "value-structs"},
      {"T7", "references"}, {"T8", "strings"}, {"T9", "str-builder"}, {"T10", "const"},
      {"C1", "gc-class"}, {"C2", "single-inheritance"}, {"C3", "make-only"},
      {"C4", "no-destructor"}, {"C5", "no-copy"}, {"C6", "field-init"},
      {"C7", "no-virtual-call-in-constructor"}, {"C8", "static-members"},
      {"C9", "no-operator-overloading"}, {"C10", "templates"},
      {"A1", "integer-representation"}, {"A2", "usual-conversions"}, {"A3", "wrapping-arithmetic"},
      {"A4", "integer-division"}, {"A5", "shift-count"}, {"A6", "checked-arithmetic"},
      {"A7", "ieee-double"}, {"A8", "double-to-int"}, {"A9", "bool-conversions"},
      {"E1", "cpp17-sequencing"}, {"E2", "left-to-right"}, {"E3", "unsequenced-modification"},
      {"E4", "no-comma-operator"}, {"S1", "initialise-locals"}, {"S2", "no-goto"},
      {"S3", "return-on-every-path"}, {"S4", "infinite-loops"}, {"S5", "structured-bindings"},
      {"X1", "throw-gc-pointer"}, {"X2", "catch-by-pointer"}, {"X3", "no-bare-rethrow"},
      {"X4", "no-exception-specs"}, {"X5", "handler-matching"}, {"M1", "no-address-of"},
      {"M2", "pointer-operations"}, {"M3", "no-c-arrays"}, {"M4", "no-unions"}, {"M5", "casts"},
      {"M6", "pointer-comparison"}, {"M7", "no-low-level"}, {"M8", "no-layout-queries"},
      {"M9", "null-dereference"}, {"G1", "constant-initialisation"}, {"G2", "no-local-statics"},
      {"G3", "no-threads"}, {"F1", "functions-and-names"}, {"F2", "compile-time-functions"},
      {"F3", "no-lambdas"}, {"F4", "no-c-variadics"}, {"F5", "function-pointers"},
      {"F6", "no-coroutines"}, {"R1", "recursion-limit"}, {"R2", "depth-independent-output"},
      {"L1", "rt-api"}, {"L2", "container-iteration"}, {"H1", "hints-preserve-results"},
      {"H2", "jit-driver"}, {"H3", "merge-point-live-set"}, {"H4", "can-enter-jit-placement"},
      {"H5", "hint-conflict"}, {"H6", "elidable-returns-value"}, {"H7", "direct-calls-only"},
      {"H8", "loop-invariant-no-args"}, {"H9", "access-directly-look-inside"},
      {"H10", "oopspec-reserved"}, {"H11", "immutable-fields"}, {"H12", "not-in-trace-void"},
      {"H13", "hint-arguments"},
  };
  return names;
}

std::string trim(llvm::StringRef text) { return text.trim().str(); }

}  // namespace

std::string rule(const char* id) {
  auto it = rule_names().find(id);
  return it == rule_names().end() ? std::string(id) : std::string(id) + " " + it->second;
}

void State::report(SourceLocation where, const char* rule_id, const std::string& message,
                   const std::string& hint) {
  if (!reported.emplace(where.file, where.line, where.column, rule_id).second) return;
  diags.error(std::move(where), rule(rule_id), message, hint);
}

void State::report(const clang::ASTContext& context, clang::SourceLocation loc, const char* rule_id,
                   const std::string& message, const std::string& hint) {
  report(AstSet::location(context, loc), rule_id, message, hint);
}

bool State::was_reported(const SourceLocation& where, const char* rule_id) const {
  return reported.count({where.file, where.line, where.column, rule_id}) != 0;
}

bool State::is_program(const clang::ASTContext& context, clang::SourceLocation loc) {
  if (loc.isInvalid()) return false;
  const clang::SourceManager& sources = context.getSourceManager();
  clang::SourceLocation expansion = sources.getExpansionLoc(loc);
  clang::FileID file = sources.getFileID(expansion);
  if (file.isInvalid()) return false;
  auto key = std::make_pair(&sources, file.getHashValue());
  auto it = program_files.find(key);
  if (it != program_files.end()) return it->second;
  bool program = false;
  if (!sources.isInSystemHeader(expansion)) {
    if (clang::OptionalFileEntryRef entry = sources.getFileEntryRefForID(file)) {
      llvm::SmallString<256> path(entry->getName());
      llvm::sys::fs::make_absolute(path);
      llvm::sys::path::remove_dots(path, true);
      program = rlib_dir.empty() ? llvm::sys::path::parent_path(path).ends_with("/rt") == false
                                 : !llvm::StringRef(path).starts_with(rlib_dir);
    }
  }
  program_files[key] = program;
  return program;
}

bool is_in_namespace(const clang::Decl* decl, llvm::StringRef name) {
  for (const clang::DeclContext* context = decl->getDeclContext(); context; context = context->getParent()) {
    if (const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(context))
      if (ns->getParent()->isTranslationUnit() && ns->getName() == name) return true;
  }
  return false;
}

bool derives_from_rt(const clang::CXXRecordDecl* record, llvm::StringRef name) {
  for (int depth = 0; record && depth < 64; ++depth) {
    record = record->getDefinition();
    if (!record) return false;
    if (record->getName() == name && is_in_namespace(record, "rt") &&
        llvm::isa<clang::NamespaceDecl>(record->getDeclContext()))
      return true;
    if (record->getNumBases() == 0) return false;
    // Any base leading to rt::name counts (C2 reports extra bases separately).
    const clang::CXXRecordDecl* next = nullptr;
    for (const clang::CXXBaseSpecifier& base : record->bases()) {
      const clang::CXXRecordDecl* candidate = base.getType()->getAsCXXRecordDecl();
      if (!candidate) continue;
      if (derives_from_rt(candidate, name)) return true;
      if (!next) next = candidate;
    }
    return false;
  }
  return false;
}

bool is_gc_class(const clang::CXXRecordDecl* record) { return derives_from_rt(record, "Object"); }

std::set<std::string> annotations(const clang::Decl* decl) {
  std::set<std::string> result;
  for (const clang::Decl* redecl : decl->redecls())
    for (const auto* attr : redecl->specific_attrs<clang::AnnotateAttr>()) result.insert(attr->getAnnotation().str());
  return result;
}

const clang::FunctionDecl* rt_callee(const clang::CallExpr* call, llvm::StringRef name) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (!callee || !callee->getIdentifier() || callee->getName() != name) return nullptr;
  return is_in_namespace(callee, "rt") ? callee : nullptr;
}

std::string written_key(const clang::Expr* e, std::string* what) {
  for (int depth = 0; e && depth < 32; ++depth) {
    e = e->IgnoreParenImpCasts();
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(e)) {
      const auto* field = llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl());
      if (!field) return {};
      if (member->isArrow()) {
        std::string name = field->getQualifiedNameAsString();
        if (what) *what = name;
        return "field:" + name;
      }
      e = member->getBase();
      continue;
    }
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
      const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
      if (!var || !var->hasGlobalStorage() || var->isStaticLocal()) return {};
      std::string name = var->getQualifiedNameAsString();
      if (what) *what = name;
      return "global:" + name;
    }
    return {};
  }
  return {};
}

// --- Preprocessor-level rules: includes (P2), pragmas (P6, A7), reserved macros (F1). ----------

void check_files(State& state, clang::ASTContext& context) {
  const clang::SourceManager& sources = context.getSourceManager();
  for (unsigned i = 0; i < sources.local_sloc_entry_size(); ++i) {
    const clang::SrcMgr::SLocEntry& entry = sources.getLocalSLocEntry(i);
    if (!entry.isFile()) continue;
    const clang::SrcMgr::FileInfo& info = entry.getFile();
    clang::SourceLocation include = info.getIncludeLoc();
    clang::SourceLocation start = clang::SourceLocation::getFromRawEncoding(entry.getOffset());
    // The include directive, when a program file includes this one.
    if (include.isValid() && include.isFileID() && state.is_program(context, include)) {
      bool invalid = false;
      const char* text = sources.getCharacterData(include, &invalid);
      if (!invalid && text && (*text == '<' || *text == '"')) {
        char close = *text == '<' ? '>' : '"';
        std::string spelled;
        for (const char* p = text + 1; *p && *p != close && *p != '\n'; ++p) spelled += *p;
        bool angled = *text == '<';
        bool trusted_rt = !state.is_program(context, start) && !sources.isInSystemHeader(start);
        bool allowed = false;
        if (angled) allowed = spelled == "cstdint" || spelled == "limits";
        else allowed = trusted_rt || state.is_program(context, start);
        if (!allowed) {
          std::string hint = angled && state.is_program(context, start)
                                 ? "include the program's own headers with quotes"
                                 : "use the rt library (rt/rt.h): rt::List, rt::Str, rt::math, rt::os";
          state.report(context, include, "P2",
                       std::string("'#include ") + (angled ? '<' : '"') + spelled + (angled ? '>' : '"') +
                           "' is not an rt header, a program header, <cstdint> or <limits>",
                       hint);
        }
      }
    }
    // Directives of the program's own files.
    clang::FileID file = sources.getFileID(start);
    if (!state.is_program(context, start)) continue;
    clang::OptionalFileEntryRef file_entry = sources.getFileEntryRefForID(file);
    if (!file_entry) continue;
    if (!state.scanned_files.insert(file_entry->getName().str()).second) continue;
    bool invalid = false;
    llvm::StringRef buffer = sources.getBufferData(file, &invalid);
    if (invalid) continue;
    unsigned line_number = 0;
    bool in_comment = false;
    while (!buffer.empty()) {
      auto [line, rest] = buffer.split('\n');
      buffer = rest;
      ++line_number;
      llvm::StringRef body = line;
      if (in_comment) {
        size_t end = body.find("*/");
        if (end == llvm::StringRef::npos) continue;
        in_comment = false;
        body = body.substr(end + 2);
      }
      llvm::StringRef trimmed = body.ltrim();
      if (trimmed.starts_with("/*") && !trimmed.contains("*/")) in_comment = true;
      if (!trimmed.starts_with("#")) continue;
      unsigned column = static_cast<unsigned>(line.size() - trimmed.size()) + 1;
      llvm::StringRef directive = trimmed.drop_front().ltrim();
      SourceLocation where{AstSet::location(context, start).file, line_number, column};
      if (directive.starts_with("pragma")) {
        llvm::StringRef pragma = directive.drop_front(6).trim();
        if (pragma == "once" || pragma.starts_with("once ") || pragma.starts_with("once/")) continue;
        bool fp = pragma.starts_with("STDC FP_CONTRACT") || pragma.starts_with("STDC FENV") ||
                  pragma.starts_with("STDC CX_LIMITED_RANGE") || pragma.starts_with("clang fp") ||
                  pragma.starts_with("float_control") || pragma.starts_with("fenv_access") ||
                  pragma.starts_with("fp_contract");
        if (fp)
          state.report(where, "A7", "'#pragma " + trim(pragma) + "' changes floating-point semantics",
                       "remove it: every mode rounds each operation to nearest, without contraction");
        else
          state.report(where, "P6", "'#pragma " + trim(pragma) + "': only '#pragma once' is RC++",
                       "remove the pragma");
      } else if (directive.starts_with("define")) {
        llvm::StringRef name = directive.drop_front(6).ltrim();
        if (name.starts_with("RT_"))
          state.report(where, "F1", "macro '" + name.take_while([](char c) { return std::isalnum(c) || c == '_'; }).str() +
                                        "': macros beginning with RT_ are reserved to the rt library",
                       "choose another prefix");
      } else if (directive.starts_with("import")) {
        state.report(where, "P2", "C++20 modules are not RC++", "include rt headers instead");
      }
    }
  }
}

// --- H3: nothing but the greens and reds is live across the merge point. --------------------------

void check_merge_point_liveness(State& state, const clang::FunctionDecl* portal,
                                const clang::CXXMemberCallExpr* merge_point) {
  if (!portal || !portal->hasBody() || portal->isDependentContext()) return;
  clang::ASTContext& context = portal->getASTContext();
  std::set<const clang::VarDecl*> arguments;
  for (const clang::Expr* arg : merge_point->arguments()) {
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(arg->IgnoreParenImpCasts()))
      if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl())) arguments.insert(var);
  }
  // 'this' is live whenever the portal uses it.
  if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(portal); method && method->isInstance()) {
    struct FindThis : clang::RecursiveASTVisitor<FindThis> {
      bool found = false;
      bool VisitCXXThisExpr(clang::CXXThisExpr*) { found = true; return false; }
    } finder;
    finder.TraverseStmt(portal->getBody());
    if (finder.found)
      state.report(context, merge_point->getExprLoc(), "H3", "'this' is live across the merge point",
                   "make the portal a free function whose state is the greens and reds");
  }
  clang::AnalysisDeclContextManager manager(context);
  clang::AnalysisDeclContext* analysis = manager.getContext(portal);
  if (!analysis) return;
  analysis->getCFGBuildOptions().setAllAlwaysAdd();  // every read is a CFG element
  if (!analysis->getCFG()) return;
  clang::LiveVariables* live = analysis->getAnalysis<clang::LiveVariables>();
  if (!live) return;
  std::vector<const clang::VarDecl*> locals;
  for (const clang::ParmVarDecl* param : portal->parameters()) locals.push_back(param);
  struct FindVars : clang::RecursiveASTVisitor<FindVars> {
    std::vector<const clang::VarDecl*>* out;
    bool VisitVarDecl(clang::VarDecl* var) {
      // A catch variable is set on entry to its handler (LiveVariables does not see that kill).
      if (var->isLocalVarDecl() && !var->isStaticLocal() && !var->isExceptionVariable()) out->push_back(var);
      return true;
    }
    bool TraverseLambdaExpr(clang::LambdaExpr*) { return true; }
  } finder;
  finder.out = &locals;
  finder.TraverseStmt(portal->getBody());
  for (const clang::VarDecl* var : locals) {
    if (arguments.count(var) || !var->getIdentifier()) continue;
    if (live->isLive(merge_point, var))
      state.report(context, merge_point->getExprLoc(), "H3",
                   "'" + var->getName().str() + "' is live across the merge point but is not a green or a red",
                   "keep the state in a red (or a field of one), or recompute it after the merge point");
  }
}

// --- Whole-program rules: one merge point per driver and recursive portals (H2), indirect calls
// of elidable or loop-invariant functions (H7). ----------------------------------------------------

namespace {

class CalleeScanner : public clang::RecursiveASTVisitor<CalleeScanner> {
 public:
  CalleeScanner(const AstSet& asts, std::set<std::string>& out) : asts_(asts), out_(out) {}
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitCallExpr(clang::CallExpr* call) {
    if (const clang::FunctionDecl* callee = call->getDirectCallee()) out_.insert(asts_.mangled_name(callee));
    return true;
  }
  bool VisitCXXConstructExpr(clang::CXXConstructExpr* construct) {
    out_.insert(asts_.mangled_name(construct->getConstructor()));
    return true;
  }
  bool VisitBinaryOperator(clang::BinaryOperator* op) {
    if (op->isAssignmentOp() && writes_) writes_->insert(written_key(op->getLHS()));
    return true;
  }
  bool VisitUnaryOperator(clang::UnaryOperator* op) {
    if (op->isIncrementDecrementOp() && writes_) writes_->insert(written_key(op->getSubExpr()));
    return true;
  }
  std::set<std::string>* writes_ = nullptr;

 private:
  const AstSet& asts_;
  std::set<std::string>& out_;
};

bool driver_is_recursive(const clang::VarDecl* driver) {
  if (driver->getType()->isDependentType() || !driver->getInit() || driver->getInit()->isValueDependent())
    return true;
  const clang::APValue* value = driver->evaluateValue();
  const clang::CXXRecordDecl* record = driver->getType()->getAsCXXRecordDecl();
  if (!value || !record || !value->isStruct()) return true;  // unknown: do not complain
  unsigned index = 0;
  for (const clang::FieldDecl* field : record->fields()) {
    if (field->getName() == "options_" && index < value->getStructNumFields()) {
      const clang::APValue& options = value->getStructField(index);
      const clang::CXXRecordDecl* options_record = field->getType()->getAsCXXRecordDecl();
      if (!options.isStruct() || !options_record) return true;
      unsigned option_index = 0;
      for (const clang::FieldDecl* option : options_record->fields()) {
        if (option->getName() == "is_recursive" && option_index < options.getStructNumFields()) {
          const clang::APValue& flag = options.getStructField(option_index);
          return !flag.isInt() || flag.getInt().getBoolValue();
        }
        ++option_index;
      }
      return true;
    }
    ++index;
  }
  return true;
}

}  // namespace

void finish_program(State& state) {
  // H2: exactly one merge point per driver.
  std::map<std::string, std::vector<const State::MergeSite*>> by_driver;
  for (const State::MergeSite& site : state.merge_sites) {
    auto& sites = by_driver[site.driver];
    bool duplicate = false;
    for (const State::MergeSite* other : sites)
      duplicate |= other->where.file == site.where.file && other->where.line == site.where.line &&
                   other->where.column == site.where.column;
    if (!duplicate) sites.push_back(&site);
  }
  // The call graph of reachable functions, by mangled name; virtual calls reach every reachable
  // override (an over-approximation, enough to find recursion).
  std::map<std::string, std::set<std::string>> calls;
  std::map<std::string, std::set<std::string>> overrides;  // method -> reachable overriders
  std::map<std::string, std::set<std::string>> writes;     // function -> written_key()s
  for (const clang::FunctionDecl* function : state.reachable.functions) {
    std::string name = state.asts.mangled_name(function);
    CalleeScanner scanner(state.asts, calls[name]);
    scanner.writes_ = &writes[name];
    scanner.TraverseDecl(const_cast<clang::FunctionDecl*>(function));
    if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function)) {
      std::deque<const clang::CXXMethodDecl*> work(method->begin_overridden_methods(),
                                                   method->end_overridden_methods());
      for (int guard = 0; !work.empty() && guard < 256; ++guard) {
        const clang::CXXMethodDecl* base = work.front();
        work.pop_front();
        overrides[state.asts.mangled_name(base)].insert(name);
        work.insert(work.end(), base->begin_overridden_methods(), base->end_overridden_methods());
      }
    }
  }
  for (auto& [driver, sites] : by_driver) {
    for (size_t i = 1; i < sites.size(); ++i)
      state.report(sites[i]->where, "H2",
                   "second jit_merge_point call site of driver '" + driver + "'",
                   "each driver has exactly one merge point, at the top of its dispatch loop");
    auto it = state.drivers.find(driver);
    const clang::FunctionDecl* portal = sites.front()->portal;
    if (it == state.drivers.end() || !portal || driver_is_recursive(it->second)) continue;
    std::string portal_name = state.asts.mangled_name(portal);
    std::set<std::string> seen;
    std::deque<std::string> work(calls[portal_name].begin(), calls[portal_name].end());
    bool recursive = false;
    while (!work.empty() && !recursive) {
      std::string f = work.front();
      work.pop_front();
      if (!seen.insert(f).second) continue;
      if (f == portal_name) recursive = true;
      for (const std::string& g : calls[f]) work.push_back(g);
      for (const std::string& g : overrides[f]) work.push_back(g);
    }
    if (recursive)
      state.report(AstSet::location(it->second), "H2",
                   "the portal '" + portal->getQualifiedNameAsString() + "' of driver '" + driver +
                       "' can call itself, but the driver does not set is_recursive",
                   "define the driver with {.is_recursive = true}");
  }
  // T7: a const T& parameter bound to a field or global that the callee may write.
  for (const State::RefBinding& binding : state.ref_bindings) {
    std::set<std::string> seen;
    std::deque<std::string> work{binding.callee};
    bool written = false;
    while (!work.empty() && !written) {
      std::string f = work.front();
      work.pop_front();
      if (!seen.insert(f).second) continue;
      written = writes[f].count(binding.key) != 0;
      for (const std::string& g : calls[f]) work.push_back(g);
      for (const std::string& g : overrides[f]) work.push_back(g);
    }
    if (written)
      state.report(binding.where, "T7",
                   "const reference argument bound to '" + binding.what + "', which '" + binding.callee_name +
                       "' (or a function it calls) writes",
                   "copy explicitly first: pass a local holding the value");
  }
  // H7: indirect calls whose function type matches an elidable or loop-invariant function whose
  // address is taken.
  for (const State::IndirectCall& call : state.indirect_calls) {
    auto it = state.hinted_address_taken.find(call.type);
    if (it != state.hinted_address_taken.end())
      state.report(call.where, "H7",
                   "indirect call that can reach '" + it->second + "', which is elidable or loop-invariant",
                   "call '" + it->second + "' directly");
  }
  for (const State::VirtualCall& call : state.virtual_hinted_calls)
    if (call.overrides || !overrides[call.mangled].empty())
      state.report(call.where, "H7",
                   "virtual call of '" + call.name + "', which is elidable or loop-invariant and has several targets",
                   "call a non-virtual function, or dispatch explicitly with dynamic_cast");
}

}  // namespace checker

void check_rcpp(const AstSet& asts, const ReachableProgram& reachable, Diagnostics& diags,
                std::set<std::string>* program_files) {
  checker::State state(asts, reachable, diags);
  // The trusted rt headers: the folder of the file that defines rt::Object.
  for (const auto& unit : asts.units()) {
    clang::ASTContext& context = unit->getASTContext();
    for (const clang::Decl* decl : context.getTranslationUnitDecl()->decls()) {
      const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(decl);
      if (!ns || ns->getName() != "rt") continue;
      for (const clang::Decl* inner : ns->decls()) {
        const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(inner);
        if (!record || record->getName() != "Object" || !record->isThisDeclarationADefinition()) continue;
        const clang::SourceManager& sources = context.getSourceManager();
        clang::FileID file = sources.getFileID(sources.getExpansionLoc(record->getLocation()));
        if (clang::OptionalFileEntryRef entry = sources.getFileEntryRefForID(file)) {
          llvm::SmallString<256> path(entry->getName());
          llvm::sys::fs::make_absolute(path);
          llvm::sys::path::remove_dots(path, true);
          state.rlib_dir = llvm::sys::path::parent_path(path).str() + "/";
        }
      }
      if (!state.rlib_dir.empty()) break;
    }
    if (!state.rlib_dir.empty()) break;
  }
  for (const clang::FunctionDecl* function : reachable.functions) state.reachable_mangled.insert(asts.mangled_name(function));
  for (const auto& unit : asts.units()) {
    checker::check_files(state, unit->getASTContext());
    checker::check_unit(state, unit->getASTContext());
  }
  checker::finish_program(state);
  if (program_files) *program_files = state.scanned_files;
}

ReachableProgram find_reachable_and_check(const AstSet& asts, const Target& target, Diagnostics& diags) {
  Diagnostics walk;
  ReachableProgram reachable = find_reachable(asts, target, walk);
  Diagnostics checked;
  std::set<std::string> program_files;
  check_rcpp(asts, reachable, checked, &program_files);
  std::vector<Diagnostic> own = checked.sorted();
  auto reported_at = [&](const SourceLocation& where) {
    for (const Diagnostic& d : own)
      if (d.where.file == where.file && d.where.line == where.line && d.where.column == where.column) return true;
    return false;
  };
  const llvm::StringRef undefined = "is used but not defined in any source of the target";
  for (const Diagnostic& d : walk.sorted()) {
    if (d.rule.empty() && llvm::StringRef(d.message).ends_with(undefined)) {
      // Inside headers outside the program (the standard library): P2 already rejects the include.
      if (!program_files.count(d.where.file)) continue;
      if (reported_at(d.where)) continue;  // P3/P4 said it better
      if (llvm::StringRef(d.message).starts_with("'std::"))
        diags.error(d.where, checker::rule("P3"), d.message.substr(0, d.message.find('\'', 1) + 1) + " is not RC++",
                    "the rt library has the RC++ equivalents");
      else
        diags.error(d.where, checker::rule("P5"), d.message,
                    "define it in one of the target's sources: RC++ programs link no other code");
      continue;
    }
    diags.error(d.where, d.rule, d.message, d.hint);
  }
  for (const Diagnostic& d : own) diags.error(d.where, d.rule, d.message, d.hint);
  return reachable;
}

bool check_target(const Target& target, Diagnostics& diags) {
  size_t before = diags.count();
  std::unique_ptr<AstSet> asts = AstSet::load(target, diags);
  if (!asts) return false;
  find_reachable_and_check(*asts, target, diags);
  return diags.count() == before;
}

}  // namespace rtoolchain::frontend
