// The RC++ checker (docs/rcpp.md, docs/frontend-checker.md): internal interface shared by
// checker.cpp (the per-unit AST visitor) and checker_program.cpp (files, whole-program rules).
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/ExprCXX.h>

#include "ast_set.h"
#include "reachability.h"

namespace rtoolchain::frontend {

// Runs every check over the program's own declarations in the target's sources.
// `program_files`, when given, receives the names of the program's own files.
void check_rcpp(const AstSet& asts, const ReachableProgram& reachable, Diagnostics& diags,
                std::set<std::string>* program_files = nullptr);
// find_reachable, then check_rcpp; a function used but defined nowhere becomes a P5 error.
ReachableProgram find_reachable_and_check(const AstSet& asts, const Target& target, Diagnostics& diags);

namespace checker {

// "A4" -> "A4 integer-division".
std::string rule(const char* id);

struct State {
  State(const AstSet& a, const ReachableProgram& r, Diagnostics& d) : asts(a), reachable(r), diags(d) {}
  const AstSet& asts;
  const ReachableProgram& reachable;
  Diagnostics& diags;
  std::string rlib_dir;                     // ".../rlib/include/rt/": trusted headers
  std::set<std::string> reachable_mangled;  // functions reachable from the entry point
  std::set<std::tuple<std::string, unsigned, unsigned, std::string>> reported;  // loc + rule id
  std::set<std::string> scanned_files;
  std::map<std::pair<const clang::SourceManager*, unsigned>, bool> program_files;  // FileID -> ?

  // Whole-program facts gathered by the visitor.
  struct MergeSite {
    std::string driver;  // qualified name of the driver global
    SourceLocation where;
    const clang::FunctionDecl* portal;
  };
  std::vector<MergeSite> merge_sites;
  std::map<std::string, const clang::VarDecl*> drivers;
  std::map<std::string, std::string> hinted_address_taken;  // canonical function type -> name
  struct IndirectCall {
    std::string type;
    SourceLocation where;
  };
  std::vector<IndirectCall> indirect_calls;
  struct VirtualCall {
    std::string mangled;  // the method called
    bool overrides;       // it overrides another method
    std::string name;
    SourceLocation where;
  };
  std::vector<VirtualCall> virtual_hinted_calls;
  // T7: a const T& parameter bound to a field or a global.
  struct RefBinding {
    std::string callee;  // mangled
    std::string callee_name;
    std::string key;     // written_key() of the argument
    std::string what;    // "Holder::pos"
    SourceLocation where;
  };
  std::vector<RefBinding> ref_bindings;

  // Reports once per location and rule.
  void report(SourceLocation where, const char* rule_id, const std::string& message,
              const std::string& hint = {});
  void report(const clang::ASTContext& context, clang::SourceLocation loc, const char* rule_id,
              const std::string& message, const std::string& hint = {});
  bool was_reported(const SourceLocation& where, const char* rule_id) const;
  // True for locations in the program's own files (not rlib, not system headers, not builtins).
  bool is_program(const clang::ASTContext& context, clang::SourceLocation loc);
  bool is_program(const clang::Decl* decl) { return is_program(decl->getASTContext(), decl->getLocation()); }
};

// checker.cpp
void check_unit(State& state, clang::ASTContext& context);
// checker_program.cpp
void check_files(State& state, clang::ASTContext& context);
void check_merge_point_liveness(State& state, const clang::FunctionDecl* portal,
                                const clang::CXXMemberCallExpr* merge_point);
void finish_program(State& state);
// Helpers shared by both files.
bool is_in_namespace(const clang::Decl* decl, llvm::StringRef name);  // top-level namespace
bool is_gc_class(const clang::CXXRecordDecl* record);
bool derives_from_rt(const clang::CXXRecordDecl* record, llvm::StringRef name);
std::set<std::string> annotations(const clang::Decl* decl);  // over all redeclarations
// "field:Holder::pos" for h->pos, h->pos.line; "global:g" for g, g.x; empty for locals.
std::string written_key(const clang::Expr* e, std::string* what = nullptr);
const clang::FunctionDecl* rt_callee(const clang::CallExpr* call, llvm::StringRef name);  // rt::...name

}  // namespace checker
}  // namespace rtoolchain::frontend
