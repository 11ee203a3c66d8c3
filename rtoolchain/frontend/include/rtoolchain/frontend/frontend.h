// The front end: RC++ sources → flow graphs. It loads a target's ASTs, finds what the entry
// point reaches and builds the flow graphs of the IR (docs/frontend.md).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rtoolchain/ir/ir.h"

#include "rtoolchain/frontend/diagnostics.h"
#include "rtoolchain/frontend/target.h"

namespace rtoolchain::frontend {

// What the entry point of a target reaches, named for people.
struct ProgramOutline {
  struct Function {
    std::string name;     // qualified C++ name with the signature, e.g. "Rect::area() const"
    std::string mangled;  // the identity across translation units
    SourceLocation where;
  };
  std::vector<Function> functions;      // discovery order, entry point first
  std::vector<std::string> classes;     // instantiated with rt::make, discovery order
  std::vector<std::string> globals;
};

// Parses the target, walks it from the entry point and runs the RC++ checker. On errors
// (compiler errors, no entry point, undefined functions, code outside RC++) `diags` has them
// and the outline may be partial.
ProgramOutline outline_program(const Target& target, Diagnostics& diags);

// Runs the RC++ checker (docs/rcpp.md, docs/frontend-checker.md) over a target: every error of
// the run goes to `diags`. True when the program is RC++.
bool check_target(const Target& target, Diagnostics& diags);

// The flow graphs of everything the entry point reaches, in a verified program (docs/frontend.md).
// nullptr when there are errors: every construct the graph builder cannot lower is a located
// error in `diags`, and a graph the verifier rejects is an internal error naming the function.
std::unique_ptr<ir::Program> build_program(const Target& target, Diagnostics& diags);

}  // namespace rtoolchain::frontend
