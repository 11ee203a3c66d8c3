// Finds everything of a target that its entry point can reach: functions (including
// constructors, virtual overriders in instantiated classes, template instantiations and functions
// whose address is taken), the classes it instantiates with rt::make, and the globals it uses.
// The walk stops at the rt library, whose calls become high-level operations.
#pragma once

#include <vector>

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>

#include "ast_set.h"

namespace rtoolchain::frontend {

struct ReachableProgram {
  // Definitions, in discovery order (breadth first from the entry point: deterministic).
  std::vector<const clang::FunctionDecl*> functions;
  std::vector<const clang::CXXRecordDecl*> instantiated_classes;
  std::vector<const clang::VarDecl*> globals;
  // Virtual methods called through dynamic dispatch somewhere (canonical declarations).
  std::vector<const clang::CXXMethodDecl*> virtual_methods_called;
};

// The RT_LL_HELPER functions (rt/lowlevel.h) defined in the target's helper sources, explicit
// template instantiations included, in source and declaration order: the roots of the program
// beside its entry point.
std::vector<const clang::FunctionDecl*> find_helper_roots(const AstSet& asts, const Target& target);

// Errors (no entry point, a function without definition) go to `diags`. The walk starts at the
// entry point, then at the helper roots.
ReachableProgram find_reachable(const AstSet& asts, const Target& target, Diagnostics& diags);

}  // namespace rtoolchain::frontend
