// Warm-up (docs/jit.md, "Warm-up"): a counter per green key, ticked at loop headers
// (can_enter_jit) and portal entries; the JitCell of a key once it matters (tracing, compiled,
// aborting). RPython's warmstate.py/counter.py, with an exact hash map for the counters instead
// of RPython's lossy table at first.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>

#include "rtoolchain/jit/kinds.h"
#include "rtoolchain/jit/params.h"

namespace rtoolchain::jit {

class LoopToken;

// The hash of a green key's values (the key itself is the codewriter's business: which
// registers are green). Refs hash by identity, as greens are constants of the trace.
uint64_t hash_greens(std::span<const int64_t> ints, std::span<const GcRef> refs, std::span<const double> floats);

struct JitCell {
  enum Flag : uint32_t {
    kTracing = 1 << 0,        // a trace from this key is being recorded
    kDontTraceHere = 1 << 1,  // do not inline this key's function; trace it on its own
    kBlacklisted = 1 << 2,    // aborted max_aborts times: never traced again
  };
  uint32_t flags = 0;
  uint32_t aborts = 0;
  LoopToken* entry = nullptr;  // the compiled loop entered at this key

  bool has(Flag f) const { return (flags & f) != 0; }
};

class WarmState {
 public:
  explicit WarmState(const JitParams& params) : params_(params) {}

  // One more event at the key; true when tracing should start now (the counter is then reset).
  // Never true with the JIT off, for a blacklisted key, while it is being traced or once it has
  // a compiled entry.
  bool tick_loop(uint64_t green_hash) { return tick(green_hash, params_.threshold); }
  bool tick_function(uint64_t green_hash) { return tick(green_hash, params_.function_threshold); }

  JitCell& cell(uint64_t green_hash) { return cells_[green_hash]; }
  const JitCell* find_cell(uint64_t green_hash) const;
  int64_t counter(uint64_t green_hash) const;

  // Tracing starts at the key: every counter decays by `decay` per mille (RPython's decay).
  void start_tracing(uint64_t green_hash);
  void finish_tracing(uint64_t green_hash, LoopToken* entry);
  // Returns true when this abort blacklisted the key.
  bool abort_tracing(uint64_t green_hash);

 private:
  bool tick(uint64_t green_hash, int64_t threshold);

  const JitParams& params_;
  std::unordered_map<uint64_t, int64_t> counters_;
  std::unordered_map<uint64_t, JitCell> cells_;
};

}  // namespace rtoolchain::jit
