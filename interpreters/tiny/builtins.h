// The builtin functions, which live in global variables like the program's own functions.
#pragma once

#include "code.h"

namespace tiny {

// Appends the builtins' names, so that the compiler gives them global slots.
void declare_builtins(rt::List<rt::Str>* names);
// Stores the builtins in their slots.
void install_builtins(Globals* globals);
// Raises ArgumentError for a call of `name` with `given` arguments; max_args -1 means any.
[[noreturn]] void raise_argument_count(rt::Str name, int64_t min_args, int64_t max_args,
                                       int64_t given);
// Calls a builtin with `args`, after checking their number (ArgumentError).
Value* call_builtin(BuiltinValue* builtin, rt::Array<Value*>* args);

}  // namespace tiny
