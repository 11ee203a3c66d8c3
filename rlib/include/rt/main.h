// The program entry point of an RC++ program.
//
// A program defines
//   int64_t rt_main(rt::List<rt::Str>* argv);
// which receives the command line (argv[0] is the program name) and returns the exit status.
// Host mode links rlib's main(), which sets up the collector and the stack budget, calls
// rt_main, flushes stdout and reports an uncaught rt::Exception as
//   <program>: uncaught rt::<Type>: <message>
// on stderr with exit status 70 (EX_SOFTWARE): an interpreter should catch its own errors.
#pragma once

#include <cstdint>

#include "rt/list.h"
#include "rt/str.h"

int64_t rt_main(rt::List<rt::Str>* argv);

namespace rt {
// Bytes of native stack an RC++ program may use before a call raises rt::RecursionError
// (docs/rcpp.md, rule R1). Set once at start-up from RLIMIT_STACK.
RT_OP(stack_budget) int64_t stack_budget();
// Sets up the collector and the stack budget; for C++ programs that embed the host-mode runtime
// without its main() (the unit tests). `stack_top` is the caller's frame address.
void init_host_runtime(void* stack_top);
}  // namespace rt
