// rt/jit.h in host mode: the hints are identities or no-ops, the promises that host mode can
// check are checked, and JIT parameter strings are validated.
#include "test_util.h"

#include <cstdint>

#include "rt/rt.h"

namespace {

class Code : public rt::Object {
 public:
  explicit Code(int64_t length) : length(length) {}
  RT_IMMUTABLE int64_t length;
  RT_QUASI_IMMUTABLE int64_t version = 0;
};
class SpecialCode : public Code {
 public:
  SpecialCode() : Code(0) {}
};
class RT_IMMUTABLE_CLASS Frozen : public rt::Object {
 public:
  int64_t value = 3;
};
class RT_VIRTUALIZABLE Frame : public rt::Object {
 public:
  RT_VABLE_FIELD int64_t pc = 0;
};

RT_JIT_ELIDABLE int64_t square(int64_t x) { return x * x; }
RT_JIT_ELIDABLE int64_t sum3(int64_t a, int64_t b, int64_t c) { return a + b + c; }
RT_JIT_DONT_LOOK_INSIDE int64_t opaque(int64_t x) { return x + 1; }
RT_JIT_UNROLL_SAFE int64_t unrolled(int64_t n) {
  int64_t s = 0;
  for (int64_t i = 0; i < n; ++i) {
    rt::jit::loop_header();
    s += i;
  }
  return s;
}
RT_JIT_ELIDABLE_PROMOTE() int64_t promoted(int64_t x) { return x; }
RT_JIT_ELIDABLE_PROMOTE("0") int64_t promoted_first(int64_t x) { return x; }
RT_JIT_LOOK_INSIDE_IFF(rt::jit::isconstant(n)) int64_t maybe(int64_t n) { return n; }
RT_JIT_LOOP_INVARIANT int64_t invariant() { return 7; }
RT_JIT_NOT_IN_TRACE void not_in_trace() {}

int64_t calls = 0;
void count_call(int64_t amount) { calls += amount; }
int64_t fill_cache(int64_t x) {
  ++calls;
  return x * 10;
}

using Driver = rt::jit::JitDriver<rt::jit::Greens<int64_t, Code*>, rt::jit::Reds<Frame*, int64_t>>;
constinit Driver driver{"test"};
constinit Driver recursive_driver{"rec", rt::jit::DriverOptions{.is_recursive = true}};

// A tiny dispatch loop with the hints where an interpreter puts them.
int64_t run_loop(Code* code, Frame* frame) {
  int64_t acc = 0;
  int64_t pc = 0;
  while (pc < code->length) {
    driver.jit_merge_point(pc, code, frame, acc);
    acc += rt::jit::promote(pc);
    ++pc;
    if (pc == code->length && acc < 100) {
      pc = 0;
      driver.can_enter_jit(pc, code, frame, acc);
    }
  }
  return acc;
}

}  // namespace

TEST_CASE("The driver and the loop hints are no-ops", "[jit]") {
  CHECK(std::string(driver.name()) == "test");
  CHECK_FALSE(driver.options().is_recursive);
  CHECK(recursive_driver.options().is_recursive);
  Code* code = rt::make<Code>(4);
  Frame* frame = rt::make<Frame>();
  CHECK(run_loop(code, frame) == 102);  // 0+1+2+3 per round until >= 100: 17 rounds
  rt::jit::set_param(driver, rt::jit::Param::threshold, 5);
  rt::jit::set_param(driver, rt::jit::Param::trace_limit, -1);
  CHECK(run_loop(code, frame) == 102);
}

TEST_CASE("Value hints are identities", "[jit]") {
  CHECK(rt::jit::promote(int64_t{42}) == 42);
  CHECK(rt::jit::promote(INT64_MIN) == INT64_MIN);
  CHECK(rt::jit::promote(-0.5) == -0.5);
  CHECK(rt::jit::promote(true));
  Code* code = rt::make<Code>(1);
  CHECK(rt::jit::promote(code) == code);
  CHECK(rt::jit::promote(static_cast<Code*>(nullptr)) == nullptr);
  rt::Str s = rt::Str("ab") + "c";
  CHECK(rt::jit::promote_string(s) == "abc");
  CHECK(rt::jit::promote_string(s).c_str() == s.c_str());
  CHECK_FALSE(rt::jit::we_are_jitted());
  CHECK_FALSE(rt::jit::isconstant(5));
  CHECK_FALSE(rt::jit::isvirtual(code));
  CHECK(rt::jit::current_trace_length() == -1);
  rt::jit::assert_green(code);
  rt::jit::jit_debug("marker");
  rt::jit::enter_portal_frame(3);
  rt::jit::leave_portal_frame();
  Frame* frame = rt::make<Frame>();
  CHECK(rt::jit::access_directly(frame) == frame);
  CHECK(rt::jit::fresh_virtualizable(frame) == frame);
  rt::jit::force_virtualizable(frame);
  auto ref = rt::jit::virtual_ref(frame);
  CHECK(ref() == frame);
  rt::jit::virtual_ref_finish(ref, frame);
  CHECK(frame->pc == 0);
}

TEST_CASE("Annotated functions behave as plain functions", "[jit]") {
  CHECK(square(-4) == 16);
  CHECK(opaque(1) == 2);
  CHECK(unrolled(5) == 10);
  CHECK(promoted(3) == 3);
  CHECK(promoted_first(4) == 4);
  CHECK(maybe(5) == 5);
  CHECK(invariant() == 7);
  not_in_trace();
  Frozen* frozen = rt::make<Frozen>();
  CHECK(frozen->value == 3);
  Code* code = rt::make<Code>(9);
  code->version = 2;  // quasi-immutable fields can change (the JIT invalidates its loops)
  CHECK(code->version == 2);
  CHECK(code->length == 9);
}

TEST_CASE("conditional_call and conditional_call_elidable", "[jit]") {
  calls = 0;
  rt::jit::conditional_call(false, count_call, int64_t{5});
  CHECK(calls == 0);
  rt::jit::conditional_call(true, count_call, int64_t{5});
  CHECK(calls == 5);
  calls = 0;
  CHECK(rt::jit::conditional_call_elidable(int64_t{7}, fill_cache, int64_t{3}) == 7);
  CHECK(calls == 0);
  CHECK(rt::jit::conditional_call_elidable(int64_t{0}, fill_cache, int64_t{3}) == 30);
  CHECK(calls == 1);
}

TEST_CASE("record_known_result checks the promise", "[jit][promise]") {
  rt::jit::record_known_result(int64_t{81}, square, int64_t{9});
  rt::jit::record_known_result(int64_t{6}, sum3, int64_t{1}, int64_t{2}, int64_t{3});
  CHECK_THROWS_AS(rt::jit::record_known_result(int64_t{80}, square, int64_t{9}), rt::RuntimeError*);
  CHECK_THROWS_AS(
      rt::jit::record_known_result(int64_t{0}, sum3, int64_t{1}, int64_t{2}, int64_t{3}),
      rt::RuntimeError*);
  try {
    rt::jit::record_known_result(int64_t{1}, square, int64_t{2});
    FAIL("no RuntimeError");
  } catch (rt::RuntimeError* e) {
    CHECK(e->message == "JIT hint promise broken: record_known_result");
  }
}

TEST_CASE("record_exact_value and record_exact_class are not checked in host mode", "[jit]") {
  // docs/hints.md: host mode ignores these promises (the JIT would trust them blindly), so even
  // broken ones pass silently here and leave their arguments alone.
  Code* code = rt::make<Code>(1);
  Code* special = rt::make<SpecialCode>();
  CHECK_NOTHROW(rt::jit::record_exact_value(int64_t{3}, int64_t{3}));
  CHECK_NOTHROW(rt::jit::record_exact_value(int64_t{3}, int64_t{4}));
  CHECK_NOTHROW(rt::jit::record_exact_value(code, special));
  CHECK_NOTHROW(rt::jit::record_exact_class<Code>(code));
  CHECK_NOTHROW(rt::jit::record_exact_class<Code>(special));
  CHECK(code->length == 1);
  CHECK(special->length == 0);
}

TEST_CASE("check_user_params accepts well-formed parameter strings", "[jit][params]") {
  for (const char* good :
       {"", "off", "threshold=1000", "threshold=1000,trace_limit=3000", "function_threshold=-1",
        "trace_eagerness=0", "decay=40", "inlining=0", "loop_longevity=1000", "retrace_limit=5",
        "max_unroll_recursion=7", "enable_opts=intbounds:rewrite:virtualize", "threshold=+5",
        "threshold= 5 ", "threshold=9223372036854775807"}) {
    INFO("'" << good << "'");
    CHECK_NOTHROW(rt::jit::check_user_params(good));
    CHECK_NOTHROW(rt::jit::set_user_param(driver, good));
  }
}

TEST_CASE("check_user_params rejects malformed parameter strings", "[jit][params]") {
  for (const char* bad :
       {"threshold", "=5", "threshold=", "threshold=abc", "threshold=1.5", "bogus=1", "Threshold=5",
        "threshold=1,", ",threshold=1", "threshold=1,,decay=2", "threshold=1;decay=2", "OFF",
        "off,threshold=1", "threshold=99999999999999999999", "trace_limit=0x10"}) {
    INFO("'" << bad << "'");
    CHECK_THROWS_AS(rt::jit::check_user_params(bad), rt::ValueError*);
    CHECK_THROWS_AS(rt::jit::set_user_param(driver, bad), rt::ValueError*);
  }
  try {
    rt::jit::check_user_params("nope=1");
    FAIL("no ValueError");
  } catch (rt::ValueError* e) {
    CHECK(e->message == "unknown JIT parameter 'nope'");
  }
}
