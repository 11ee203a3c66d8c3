// The ASTs of every source of a target, and the identity of functions across them.
//
// Each source is its own translation unit with its own ASTContext, so one C++ function (an
// inline function, a template instantiation) may be defined in several units. Its Itanium
// mangled name identifies it: the front end builds one graph per mangled name, from the first
// unit in source order that defines it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <clang/AST/Mangle.h>
#include <clang/Frontend/ASTUnit.h>

#include "rtoolchain/frontend/diagnostics.h"
#include "rtoolchain/frontend/target.h"

namespace rtoolchain::frontend {

class AstSet {
 public:
  // Parses every source; compiler errors go to `diags` and give nullptr.
  static std::unique_ptr<AstSet> load(const Target& target, Diagnostics& diags);
  ~AstSet();

  const std::vector<std::unique_ptr<clang::ASTUnit>>& units() const { return units_; }

  // The mangled name of a function (constructors: the complete-object constructor).
  std::string mangled_name(const clang::FunctionDecl* function) const;
  // The definition (with a body) of the function with that mangled name, or nullptr.
  const clang::FunctionDecl* definition(const std::string& mangled) const;
  // The definition of `function` in any unit, or nullptr when it has none.
  const clang::FunctionDecl* definition_of(const clang::FunctionDecl* function) const;
  // The definition of a class or struct: the unit's own when it has one, else the first unit's
  // (in source order) that defines a record of that qualified name (a unit that only declares
  // `class B;` and uses B*); nullptr when no unit defines it. Records of anonymous namespaces
  // are private to their unit.
  const clang::CXXRecordDecl* definition_of(const clang::CXXRecordDecl* record) const;

  static SourceLocation location(const clang::ASTContext& context, clang::SourceLocation loc);
  static SourceLocation location(const clang::Decl* decl);

 private:
  AstSet() = default;
  void index_definitions();

  std::vector<std::unique_ptr<clang::ASTUnit>> units_;
  mutable std::map<const clang::ASTContext*, std::unique_ptr<clang::MangleContext>> manglers_;
  std::map<std::string, const clang::FunctionDecl*> definitions_;
  std::map<std::string, const clang::CXXRecordDecl*> record_definitions_;
};

// True for declarations of the rt library (namespace rt and everything inside it).
bool is_rt_library(const clang::Decl* decl);

}  // namespace rtoolchain::frontend
