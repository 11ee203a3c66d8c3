// The summary counters and their report (log.h).
#include "rtoolchain/jit/log.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "rtoolchain/jit/trace.h"

namespace rtoolchain::jit {

std::string_view abort_reason_name(AbortReason reason) {
  switch (reason) {
#define RT_X(name, text) \
  case AbortReason::name: return #name;
    RT_JIT_ABORT_REASONS(RT_X)
#undef RT_X
  }
  return "?";
}

std::string_view abort_reason_message(AbortReason reason) {
  switch (reason) {
#define RT_X(name, text) \
  case AbortReason::name: return text;
    RT_JIT_ABORT_REASONS(RT_X)
#undef RT_X
  }
  return "?";
}

void JitSummary::note_bridge(const FailDescr& guard) {
  ++bridges_;
  ++guards_[guard.number].bridges;
}

void JitSummary::note_guard_failure(FailDescr& guard) {
  ++guard_failures_;
  ++guard.failures;
  ++guards_[guard.number].failures;
}

uint64_t JitSummary::total_aborts() const {
  uint64_t total = 0;
  for (uint64_t n : aborts_) total += n;
  return total;
}

std::string JitSummary::format(bool with_times, size_t top_guards) const {
  std::string out = "[jit-summary]\n";
  auto line = [&](std::string_view label, uint64_t n) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%-24.*s%llu\n", static_cast<int>(label.size()), label.data(),
                  static_cast<unsigned long long>(n));
    out += buffer;
  };
  line("loops", loops_);
  line("bridges", bridges_);
  line("guard failures", guard_failures_);
  line("aborts", total_aborts());
  for (int r = 0; r < kNumAbortReasons; ++r)
    if (aborts_[r]) line("  " + std::string(abort_reason_name(static_cast<AbortReason>(r))), aborts_[r]);
  if (with_times) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%-24s%.6f s\n%-24s%.6f s\n", "tracing time",
                  std::chrono::duration<double>(tracing_).count(), "compile time",
                  std::chrono::duration<double>(compiling_).count());
    out += buffer;
  }
  std::vector<std::pair<uint32_t, GuardStats>> guards(guards_.begin(), guards_.end());
  std::sort(guards.begin(), guards.end(), [](const auto& a, const auto& b) {
    return a.second.failures != b.second.failures ? a.second.failures > b.second.failures : a.first < b.first;
  });
  if (guards.size() > top_guards) guards.resize(top_guards);
  if (!guards.empty()) out += "guards failing most (failures, bridges):\n";
  for (const auto& [number, stats] : guards) {
    char buffer[96];
    std::string name = "<Guard" + std::to_string(number) + ">";
    std::snprintf(buffer, sizeof buffer, "  %-21s%llu, %llu\n", name.c_str(),
                  static_cast<unsigned long long>(stats.failures), static_cast<unsigned long long>(stats.bridges));
    out += buffer;
  }
  return out;
}

}  // namespace rtoolchain::jit
