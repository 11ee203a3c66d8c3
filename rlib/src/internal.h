// Declarations shared by the host-mode runtime's own files; not part of the RC++ API.
#pragma once

namespace rt::gc {
void init();
}
namespace rt::detail {
void init_stack_budget(void* stack_top);
// Reports SIGSEGV/SIGBUS as the RC++ fatal error (fatal.cpp); argv0 names the program.
void install_fatal_handlers(const char* argv0);
// Writes the buffered stdout with plain write(2) calls, for the fatal-signal path.
void flush_stdout_unsafe();
}
