// The JIT's parameters and logging switches (docs/jit.md, "Parameters and logging"), read from
// the environment so no language's own command line is disturbed:
//
//   RTJIT=off | threshold=N,function_threshold=N,trace_limit=N,trace_eagerness=N,decay=N,
//         max_unroll_recursion=N,max_aborts=N,enable_opts=a:b:c
//   RTLOG=jit-summary,jit-log:FILE
//
// An unknown key, a malformed number or an unknown optimisation is an error naming it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rtoolchain::jit {

struct JitParams {
  bool enabled = true;
  int64_t threshold = 1039;           // loop iterations before tracing (RPython's default)
  int64_t function_threshold = 1619;  // portal entries before tracing from the function's start
  int64_t trace_limit = 6000;         // operations before a trace aborts as too long
  int64_t trace_eagerness = 200;      // guard failures before a bridge is traced
  int64_t decay = 40;                 // per mille taken off every counter when tracing starts
  int64_t max_unroll_recursion = 7;   // recursive portal calls inlined before call_assembler
  int64_t max_aborts = 20;            // aborted traces of one green key before it is blacklisted
  std::vector<std::string> enable_opts;  // the optimisations on, in chain order

  JitParams();
  bool opt_enabled(std::string_view name) const;
};

// The optimisation chain, in order (RPython's ENABLE_ALL_OPTS); unroll is off by default.
const std::vector<std::string>& all_optimizations();

struct LogParams {
  bool summary = false;       // jit-summary: counters printed to stderr at exit
  std::string jit_log_file;   // jit-log:FILE: every trace, with merge points' source positions
};

// Parse the variables' values into `params` (updated in place, so defaults survive); return an
// error message, empty on success.
std::string parse_jit_params(std::string_view spec, JitParams& params);
std::string parse_log_params(std::string_view spec, LogParams& params);

// Both from the environment (RTJIT, RTLOG); an error names the variable.
std::string load_params_from_environment(JitParams& jit, LogParams& log);

}  // namespace rtoolchain::jit
