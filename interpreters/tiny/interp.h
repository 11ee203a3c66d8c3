// The interpreter: runs Code.
#pragma once

#include "code.h"

namespace tiny {

// Runs `code` with its local variables in `locals` (code->num_locals slots, arguments first)
// and returns what it returns; `depth` counts the tiny functions running (0 for the top level).
// A value the code throws and does not catch escapes as a Thrown.
Value* execute(Code* code, rt::Array<Value*>* locals, int64_t depth);

}  // namespace tiny
