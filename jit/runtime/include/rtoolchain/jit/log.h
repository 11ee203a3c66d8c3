// The JIT's summary counters (RTLOG=jit-summary; docs/jit.md, "Parameters and logging"): loops
// and bridges compiled, guard failures per guard, aborted traces by reason, time spent tracing
// and compiling. Counted from day one so bridge storms and abort loops show (rpython-lessons §5).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace rtoolchain::jit {

struct FailDescr;

#define RT_JIT_ABORT_REASONS(X)                                                        \
  X(too_long, "trace too long")                                                        \
  X(bad_loop, "the trace does not close a loop it can compile")                        \
  X(bridge, "bridge could not be compiled")                                            \
  X(escape, "a virtualizable or virtual reference escaped")                            \
  X(force_quasiimmut, "a quasi-immutable field was written while tracing")             \
  X(segmented_trace, "trace cut at a guard_always_fails (segmented)")                  \
  X(blacklisted, "green key blacklisted after too many aborts")

enum class AbortReason : uint8_t {
#define RT_X(name, text) name,
  RT_JIT_ABORT_REASONS(RT_X)
#undef RT_X
};
inline constexpr int kNumAbortReasons = 0
#define RT_X(name, text) +1
    RT_JIT_ABORT_REASONS(RT_X)
#undef RT_X
    ;
std::string_view abort_reason_name(AbortReason reason);     // "too_long"
std::string_view abort_reason_message(AbortReason reason);  // "trace too long"

class JitSummary {
 public:
  void note_loop() { ++loops_; }
  void note_bridge(const FailDescr& guard);
  void note_guard_failure(FailDescr& guard);  // also counts on the descr itself
  void note_abort(AbortReason reason) { ++aborts_[static_cast<int>(reason)]; }
  void add_tracing_time(std::chrono::nanoseconds t) { tracing_ += t; }
  void add_compile_time(std::chrono::nanoseconds t) { compiling_ += t; }

  uint64_t loops() const { return loops_; }
  uint64_t bridges() const { return bridges_; }
  uint64_t guard_failures() const { return guard_failures_; }
  uint64_t aborts(AbortReason reason) const { return aborts_[static_cast<int>(reason)]; }
  uint64_t total_aborts() const;

  // The report. Times are left out when `with_times` is false (deterministic output for tests);
  // at most `top_guards` guards are listed, the most failing first.
  std::string format(bool with_times = true, size_t top_guards = 10) const;

 private:
  struct GuardStats {
    uint64_t failures = 0;
    uint64_t bridges = 0;
  };
  uint64_t loops_ = 0, bridges_ = 0, guard_failures_ = 0;
  uint64_t aborts_[kNumAbortReasons] = {};
  std::chrono::nanoseconds tracing_{0}, compiling_{0};
  std::map<uint32_t, GuardStats> guards_;  // by FailDescr::number
};

// Adds the time of its scope to a counter: `{ ScopedTimer t(summary, &JitSummary::add_tracing_time); ... }`.
class ScopedTimer {
 public:
  using Adder = void (JitSummary::*)(std::chrono::nanoseconds);
  ScopedTimer(JitSummary& summary, Adder add)
      : summary_(summary), add_(add), start_(std::chrono::steady_clock::now()) {}
  ~ScopedTimer() { (summary_.*add_)(std::chrono::steady_clock::now() - start_); }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

 private:
  JitSummary& summary_;
  Adder add_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace rtoolchain::jit
