// Recursion depth as a defined error (docs/rcpp.md, rule R1).
//
// Host-mode programs are compiled with -finstrument-function-entry-bare: clang calls the hook
// below on entry to every function that survives inlining. It compares the stack pointer with a
// limit computed at start-up and throws rt::RecursionError before the native stack overflows.
// Translated code gets the same check from the translator, as RPython inserts stack checks.
#include <sys/resource.h>

#include <cstdint>

#include "internal.h"
#include "rt/exceptions.h"
#include "rt/main.h"

namespace {
// Room kept below the limit for the throw itself, the handler that catches it and the runtime
// functions (not instrumented) it may call.
constexpr int64_t kReserve = 256 * 1024;
constexpr int64_t kMaxBudget = 64 * 1024 * 1024;
uintptr_t stack_limit = 0;  // 0 until main() sets the budget: no check before that
int64_t budget = 0;
}  // namespace

namespace rt {
int64_t stack_budget() { return budget; }

namespace detail {
void init_stack_budget(void* stack_top) {
  rlimit limit{};
  int64_t size = 8 * 1024 * 1024;
  if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    size = static_cast<int64_t>(limit.rlim_cur);
  if (size > kMaxBudget) size = kMaxBudget;
  // main's frame sits below the environment and auxiliary vector: keep a second reserve for them.
  budget = size - 2 * kReserve;
  stack_limit = reinterpret_cast<uintptr_t>(stack_top) - static_cast<uintptr_t>(budget);
}
}  // namespace detail
}  // namespace rt

extern "C" __attribute__((no_instrument_function)) void __cyg_profile_func_enter_bare() {
  if (reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < stack_limit) [[unlikely]] {
    // Raise the limit while throwing: the exception machinery itself must not re-enter here.
    uintptr_t saved = stack_limit;
    stack_limit = 0;
    rt::RecursionError* error = rt::make<rt::RecursionError>("maximum recursion depth exceeded");
    stack_limit = saved;
    throw error;
  }
}
