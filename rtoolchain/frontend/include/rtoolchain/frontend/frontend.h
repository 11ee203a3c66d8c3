// The front end: RC++ sources → (soon) flow graphs. Today it loads a target's ASTs and finds
// what the entry point reaches; the graph builder and the RC++ checker come next
// (docs/architecture.md).
#pragma once

#include <string>
#include <vector>

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

// Parses the target and walks it from the entry point. On errors (compiler errors, no entry
// point, undefined functions) `diags` has them and the outline may be partial.
ProgramOutline outline_program(const Target& target, Diagnostics& diags);

}  // namespace rtoolchain::frontend
