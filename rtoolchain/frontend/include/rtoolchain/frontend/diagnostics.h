// Diagnostics of the front end: every error of a run is collected, then reported in source
// order, as `file:line:col: error: [RULE name] message` plus an optional note with the RC++ way.
#pragma once

#include <string>
#include <vector>

#include <llvm/Support/raw_ostream.h>

namespace rtoolchain::frontend {

struct SourceLocation {
  std::string file;  // as given to the compiler (absolute for targets made by CMake)
  unsigned line = 0;
  unsigned column = 0;
};

struct Diagnostic {
  SourceLocation where;
  std::string rule;     // "A4 integer-division" (docs/rcpp.md), or empty for other errors
  std::string message;
  std::string hint;     // how to write it in RC++, or empty
};

class Diagnostics {
 public:
  void error(SourceLocation where, std::string rule, std::string message, std::string hint = {});
  bool has_errors() const { return !errors_.empty(); }
  size_t count() const { return errors_.size(); }
  // Sorted by file, line, column, then message; duplicates dropped.
  std::vector<Diagnostic> sorted() const;
  void print(llvm::raw_ostream& out) const;

 private:
  std::vector<Diagnostic> errors_;
};

}  // namespace rtoolchain::frontend
