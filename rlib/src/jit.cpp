// Host-mode parts of the hint API: checks of the promises a program makes.
#include "rt/jit.h"

#include "rt/exceptions.h"
#include "rt/list.h"

namespace rt::jit {

void report_broken_promise(const char* what) {
  raise<RuntimeError>(Str("JIT hint promise broken: ") + Str(what));
}

void check_user_params(Str params) {
  if (params == "off" || params.empty()) return;
  static const char* const kNames[] = {
      "threshold", "function_threshold", "trace_eagerness", "decay", "trace_limit",
      "inlining", "loop_longevity", "retrace_limit", "max_unroll_recursion", "enable_opts"};
  for (Str item : *params.split(",")) {
    int64_t eq = item.find("=");
    if (eq <= 0) raise<ValueError>(Str("JIT parameter needs name=value: '") + item + "'");
    Str name = item.slice(0, eq);
    Str value = item.slice_from(eq + 1);
    bool known = false;
    for (const char* candidate : kNames) known = known || name == candidate;
    if (!known) raise<ValueError>(Str("unknown JIT parameter '") + name + "'");
    if (name == "enable_opts") continue;
    try {
      value.to_int();
    } catch (OverflowError*) {  // a malformed string is a ValueError, whatever is wrong in it
      raise<ValueError>(Str("JIT parameter value out of range: '") + item + "'");
    }
  }
}

}  // namespace rt::jit
