// Recursion depth as a defined error (docs/rcpp.md, rule R1; docs/rlib.md, "Recursion").
//
// Host-mode programs are compiled with -finstrument-function-entry-bare: clang calls the hook
// below on entry to every function that survives inlining. It compares the stack pointer with a
// limit computed at start-up and throws rt::RecursionError before the native stack overflows.
// Translated code gets the same check from the translator, as RPython inserts stack checks.
//
// The hook is inserted after LLVM has inferred function attributes, so a function whose body
// cannot throw (plain arithmetic recursion) would be marked nounwind and its callers' handlers
// dropped; rt_add_host_program therefore also passes -mllvm=-disable-nounwind-inference.
#include <pthread.h>
#include <sys/resource.h>

#include <cstdint>

#include "internal.h"
#include "rt/exceptions.h"
#include "rt/main.h"

namespace {

// Room kept below the limit for what runs past it: the throw itself (allocation, unwinder), the
// handler that catches it and the runtime functions (not instrumented) that the deepest
// instrumented function may call. Small stacks keep a quarter of what they have instead.
constexpr int64_t kReserve = 256 * 1024;
constexpr int64_t kMaxBudget = 64 * 1024 * 1024;
constexpr int64_t kDefaultStack = 8 * 1024 * 1024;
// The gap the kernel keeps between a growing stack and the mapping below it (stack_guard_gap).
constexpr int64_t kGuardGap = 1024 * 1024;

uintptr_t stack_limit = 0;  // 0 until main() sets the budget: no check before that
int64_t budget = 0;

// The lowest address the calling thread's stack may grow to, or 0 when unknown. For the main
// thread glibc derives it from RLIMIT_STACK and the top of the stack mapping, so the
// environment and arguments above main() are already paid for.
uintptr_t stack_bottom() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* address = nullptr;
  size_t size = 0;
  int failed = pthread_attr_getstack(&attr, &address, &size);
  pthread_attr_destroy(&attr);
  return failed ? 0 : reinterpret_cast<uintptr_t>(address);
}

}  // namespace

namespace rt {

int64_t stack_budget() { return budget; }

namespace detail {

void init_stack_budget(void* stack_top) {
  uintptr_t top = reinterpret_cast<uintptr_t>(stack_top);
  rlimit limit{};
  bool unlimited = getrlimit(RLIMIT_STACK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY;
  uintptr_t bottom = stack_bottom();
  // With an unlimited stack, glibc reports the end of the mapping below as the bottom; the
  // kernel stops the stack a guard gap before it.
  if (bottom != 0 && unlimited) bottom += kGuardGap;
  if (bottom == 0 || bottom >= top) {
    // No usable answer: assume the limit counts from main's frame (it does not quite: the
    // environment is above it), or 8 MiB when unlimited.
    int64_t size = unlimited ? kDefaultStack : static_cast<int64_t>(limit.rlim_cur);
    bottom = top > static_cast<uintptr_t>(size) ? top - static_cast<uintptr_t>(size) : 0;
  }
  int64_t room = static_cast<int64_t>(top - bottom);
  int64_t reserve = room / 4 < kReserve ? room / 4 : kReserve;
  budget = room - reserve;
  if (budget > kMaxBudget) budget = kMaxBudget;
  stack_limit = top - static_cast<uintptr_t>(budget);
}

}  // namespace detail
}  // namespace rt

extern "C" __attribute__((no_instrument_function)) void __cyg_profile_func_enter_bare() {
  if (reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < stack_limit) [[unlikely]] {
    // Raise the limit while throwing: the exception machinery itself must not re-enter here.
    uintptr_t saved = stack_limit;
    stack_limit = 0;
    rt::RecursionError* error = nullptr;
    try {
      error = rt::make<rt::RecursionError>("maximum recursion depth exceeded");
    } catch (...) {  // MemoryError: put the limit back all the same
      stack_limit = saved;
      throw;
    }
    stack_limit = saved;
    throw error;
  }
}
