// Fatal errors of RC++ programs: a null pointer dereference (docs/rcpp.md) is a bug in the
// interpreter, not a catchable exception. Every mode reports it the same way: stdout is flushed,
// a one-line message goes to stderr, and the process exits with status 70.
//
// Host mode gets there from SIGSEGV/SIGBUS, or SIGILL from the null checks clang inserts
// (-fsanitize=null -fsanitize-trap=null), on an alternate stack (so that even a native stack
// overflow that slipped past the stack budget is reported, not a core dump).
#include <signal.h>
#include <unistd.h>

#include <cstring>

#include "internal.h"
#include "rt/os.h"

namespace {

char program_name[256] = "rt";
alignas(16) char alternate_stack[64 * 1024];

void write_raw(const char* text) { (void)!::write(2, text, std::strlen(text)); }

extern "C" void on_fatal_signal(int) {
  // Only async-signal-safe calls from here on; the stdout buffer is plain memory.
  rt::detail::flush_stdout_unsafe();
  write_raw(program_name);
  write_raw(": fatal error: invalid memory access (null pointer dereference?)\n");
  ::_exit(70);
}

}  // namespace

namespace rt::detail {

void install_fatal_handlers(const char* argv0) {
  if (argv0) {
    const char* base = std::strrchr(argv0, '/');
    std::strncpy(program_name, base ? base + 1 : argv0, sizeof program_name - 1);
    program_name[sizeof program_name - 1] = 0;
  }
  stack_t stack{};
  stack.ss_sp = alternate_stack;
  stack.ss_size = sizeof alternate_stack;
  sigaltstack(&stack, nullptr);
  struct sigaction action {};
  action.sa_handler = on_fatal_signal;
  action.sa_flags = SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  sigaction(SIGSEGV, &action, nullptr);
  sigaction(SIGBUS, &action, nullptr);
  sigaction(SIGILL, &action, nullptr);  // the null checks of -fsanitize-trap=null
}

}  // namespace rt::detail
