// The parser: tokens to a syntax tree.
#pragma once

#include "ast.h"
#include "lexer.h"

namespace tiny {

// Parses a whole program. Raises SyntaxError for anything outside the grammar of docs/tiny.md,
// for `return`, `break` and `continue` out of place, and for trees too deep to compile.
Program* parse(rt::List<Token*>* tokens);

}  // namespace tiny
