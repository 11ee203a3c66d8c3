// RTJIT / RTLOG parsing and the summary counters' report.
#include <catch2/catch.hpp>

#include "rtoolchain/jit/log.h"
#include "rtoolchain/jit/params.h"
#include "rtoolchain/jit/trace.h"

using namespace rtoolchain::jit;

TEST_CASE("RTJIT sets the parameters it names and keeps the defaults of the others", "[jit-params]") {
  JitParams p;
  CHECK(p.enabled);
  CHECK(p.threshold == 1039);
  CHECK_FALSE(p.opt_enabled("unroll"));
  CHECK(p.opt_enabled("heap"));
  CHECK(parse_jit_params("threshold=3,trace_limit=500,trace_eagerness=1,decay=0,function_threshold=9,"
                         "max_unroll_recursion=2,max_aborts=4",
                         p) == "");
  CHECK(p.threshold == 3);
  CHECK(p.trace_limit == 500);
  CHECK(p.trace_eagerness == 1);
  CHECK(p.decay == 0);
  CHECK(p.function_threshold == 9);
  CHECK(p.max_unroll_recursion == 2);
  CHECK(p.max_aborts == 4);
  CHECK(p.enabled);
  CHECK(parse_jit_params("enable_opts=heap:intbounds:unroll", p) == "");
  CHECK(p.enable_opts == std::vector<std::string>{"intbounds", "heap", "unroll"});
  CHECK(parse_jit_params("enable_opts=", p) == "");
  CHECK(p.enable_opts.empty());
  CHECK(parse_jit_params("off", p) == "");
  CHECK_FALSE(p.enabled);
  CHECK(parse_jit_params("", p) == "");
}

TEST_CASE("RTJIT errors name the key and the value", "[jit-params]") {
  JitParams p;
  CHECK(parse_jit_params("treshold=3", p).starts_with("RTJIT: unknown parameter 'treshold' (known: off, threshold"));
  CHECK(parse_jit_params("threshold=abc", p) == "RTJIT: threshold needs a number, not 'abc'");
  CHECK(parse_jit_params("threshold=", p) == "RTJIT: threshold needs a number, not ''");
  CHECK(parse_jit_params("threshold=0", p) == "RTJIT: threshold=0 is out of range [1, 1099511627776]");
  CHECK(parse_jit_params("decay=2000", p) == "RTJIT: decay=2000 is out of range [0, 1000]");
  CHECK(parse_jit_params("enable_opts=heap:fast", p).starts_with("RTJIT: unknown optimization 'fast'"));
  CHECK(parse_jit_params("fast", p) == "RTJIT: 'fast' is not off, on or KEY=VALUE");
}

TEST_CASE("RTLOG selects the summary and the trace log", "[jit-params]") {
  LogParams l;
  CHECK(parse_log_params("jit-summary,jit-log:out/trace.log", l) == "");
  CHECK(l.summary);
  CHECK(l.jit_log_file == "out/trace.log");
  CHECK(parse_log_params("jit-log:", l) == "RTLOG: jit-log needs a file name (jit-log:FILE)");
  CHECK(parse_log_params("jit-sumary", l) == "RTLOG: unknown log 'jit-sumary' (known: jit-summary, jit-log:FILE)");
}

TEST_CASE("the summary counts loops, bridges, guard failures and aborts", "[jit-params]") {
  JitSummary s;
  FailDescr a, b;
  a.number = 12;
  b.number = 3;
  s.note_loop();
  s.note_loop();
  for (int i = 0; i < 5; ++i) s.note_guard_failure(a);
  s.note_guard_failure(b);
  s.note_bridge(a);
  s.note_abort(AbortReason::too_long);
  s.note_abort(AbortReason::too_long);
  s.note_abort(AbortReason::blacklisted);
  { ScopedTimer t(s, &JitSummary::add_tracing_time); }
  CHECK(a.failures == 5);
  CHECK(s.total_aborts() == 3);
  CHECK(s.format(false) == R"([jit-summary]
loops                   2
bridges                 1
guard failures          6
aborts                  3
  too_long              2
  blacklisted           1
guards failing most (failures, bridges):
  <Guard12>            5, 1
  <Guard3>             1, 0
)");
  CHECK_THAT(s.format(true), Catch::Contains("tracing time"));
  CHECK(abort_reason_message(AbortReason::too_long) == "trace too long");
}
