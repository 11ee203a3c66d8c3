// The compiler: syntax tree to bytecode.
#pragma once

#include "ast.h"
#include "code.h"

namespace tiny {

// Compiles a parsed program into the Code of its top-level statements; the functions' Code
// objects are among its constants. Sets up the globals, builtins included; `argv` is left for
// the caller to fill. Raises SyntaxError for a variable that is declared nowhere.
Code* compile_program(Program* program, rt::Str filename);

}  // namespace tiny
