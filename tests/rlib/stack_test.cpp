// The stack budget (docs/rlib.md, "Recursion"): deep recursion raises rt::RecursionError instead
// of overflowing the native stack. This file is compiled with -finstrument-function-entry-bare
// (tests/rlib/CMakeLists.txt), as rt_add_host_program compiles RC++ programs, so its functions
// call rlib's entry hook; the child-process cases check whole programs under odd stack limits.
#include "test_util.h"

#include <sys/resource.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "helper_process.h"
#include "rt/rt.h"

namespace {

uintptr_t deepest = 0;
int64_t max_depth = 0;

[[gnu::noinline]] int64_t recurse(int64_t depth) {
  volatile char pad[128];
  pad[0] = static_cast<char>(depth);
  if (depth < 0) return 0;  // never: keeps -Winfinite-recursion quiet
  deepest = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  if (depth > max_depth) max_depth = depth;
  return recurse(depth + 1) + pad[0];  // not a tail call
}

[[gnu::noinline]] int64_t bounded(int64_t depth) {
  volatile char pad[128];
  pad[0] = 1;
  return depth == 0 ? 0 : bounded(depth - 1) + pad[0];
}

std::string caught_message() {
  try {
    recurse(0);
  } catch (rt::RecursionError* e) {
    return std::string(e->message.view());
  }
  return "nothing";
}

int64_t field(const std::string& text, const std::string& name) {
  size_t at = text.find(name + " ");
  if (at == std::string::npos) return -1;
  return std::strtoll(text.c_str() + at + name.size() + 1, nullptr, 10);
}

}  // namespace

TEST_CASE("The stack budget follows the stack limit", "[stack]") {
  rlimit limit{};
  REQUIRE(::getrlimit(RLIMIT_STACK, &limit) == 0);
  int64_t budget = rt::stack_budget();
  CHECK(budget > 0);
  CHECK(budget <= int64_t{64} << 20);
  if (limit.rlim_cur != RLIM_INFINITY) CHECK(budget < static_cast<int64_t>(limit.rlim_cur));
}

TEST_CASE("Deep recursion raises RecursionError, repeatedly", "[stack]") {
  uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  max_depth = 0;
  CHECK(caught_message() == "maximum recursion depth exceeded");
  int64_t first_depth = max_depth;
  CHECK(first_depth > 1000);
  // The whole budget was usable (the test runner's own frames above this one are small).
  int64_t used = static_cast<int64_t>(here - deepest);
  CHECK(used <= rt::stack_budget());
  CHECK(used > rt::stack_budget() / 2);
  // The limit is back in place after the error: the next overflow raises again at the same
  // depth, and ordinary recursion works.
  max_depth = 0;
  CHECK(caught_message() == "maximum recursion depth exceeded");
  CHECK(max_depth == first_depth);
  CHECK(bounded(1000) == 1000);
  CHECK(bounded(first_depth / 2) == first_depth / 2);
}

TEST_CASE("host program: RecursionError is caught in a program", "[stack][process]") {
  test_util::TempDir dir;
  auto r = test_util::run_helper(dir, "recursion");
  CHECK(r.status == 0);
  CHECK(field(r.out, "caught") == 3);
  CHECK(field(r.out, "depth") > 1000);
  CHECK(field(r.out, "budget") > 0);
}

TEST_CASE("host program: uncaught RecursionError exits with status 70", "[stack][process]") {
  test_util::TempDir dir;
  auto r = test_util::run_helper(dir, "recursion-uncaught");
  CHECK(r.status == 70);
  CHECK(r.out == "deep ");
  CHECK(r.err == "rlib_os_helper: uncaught rt::RecursionError: maximum recursion depth exceeded\n");
}

TEST_CASE("host program: small and large stack limits", "[stack][process]") {
  test_util::TempDir dir;
  for (int kb : {256, 512, 1024, 8192, 65536}) {
    INFO("ulimit -s " << kb);
    auto r =
        test_util::run_helper(dir, "recursion", "", false, "ulimit -s " + std::to_string(kb) + ";");
    CHECK(r.status == 0);
    CHECK(field(r.out, "caught") == 3);
    int64_t budget = field(r.out, "budget");
    CHECK(budget > 0);
    CHECK(budget < int64_t{kb} * 1024);
    CHECK(field(r.out, "depth") > 100);
    // The program itself runs normally.
    CHECK(test_util::run_helper(dir, "status 5", "", false, "ulimit -s " + std::to_string(kb) + ";")
              .status == 5);
  }
  auto r = test_util::run_helper(dir, "recursion", "", false, "ulimit -s unlimited;");
  CHECK(r.status == 0);
  CHECK(field(r.out, "caught") == 3);
}

TEST_CASE("host program: a large environment does not eat the budget's safety margin",
          "[stack][process]") {
  // The kernel puts the environment at the top of the stack, inside the stack limit: 1.5 MB of
  // it must shrink the budget, not turn the RecursionError into a crash.
  test_util::TempDir dir;
  std::string value(100 * 1024, 'e');
  for (int i = 0; i < 15; ++i)
    ::setenv(("RLIB_BIG_" + std::to_string(i)).c_str(), value.c_str(), 1);
  auto r = test_util::run_helper(dir, "recursion", "", false, "ulimit -s 8192;");
  for (int i = 0; i < 15; ++i) ::unsetenv(("RLIB_BIG_" + std::to_string(i)).c_str());
  CHECK(r.status == 0);
  CHECK(field(r.out, "caught") == 3);
  CHECK(field(r.out, "budget") < 8192 * 1024 - 1500 * 1024);
}
