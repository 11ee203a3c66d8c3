// Warm-up counters and JitCells (warmstate.h).
#include "rtoolchain/jit/warmstate.h"

#include <cstring>

namespace rtoolchain::jit {
namespace {

uint64_t mix(uint64_t h, uint64_t v) {
  // FNV-1a over the value's 8 bytes, then a final avalanche (splitmix64's).
  for (int i = 0; i < 8; ++i) {
    h ^= (v >> (8 * i)) & 0xff;
    h *= 0x100000001b3ull;
  }
  return h;
}

uint64_t avalanche(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

uint64_t hash_greens(std::span<const int64_t> ints, std::span<const GcRef> refs, std::span<const double> floats) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (int64_t v : ints) h = mix(h, static_cast<uint64_t>(v));
  for (GcRef r : refs) h = mix(h, ref_bits(r));
  for (double f : floats) {
    uint64_t bits;
    std::memcpy(&bits, &f, 8);
    h = mix(h, bits);
  }
  return avalanche(h);
}

const JitCell* WarmState::find_cell(uint64_t green_hash) const {
  auto it = cells_.find(green_hash);
  return it == cells_.end() ? nullptr : &it->second;
}

int64_t WarmState::counter(uint64_t green_hash) const {
  auto it = counters_.find(green_hash);
  return it == counters_.end() ? 0 : it->second;
}

bool WarmState::tick(uint64_t green_hash, int64_t threshold) {
  if (!params_.enabled) return false;
  if (const JitCell* c = find_cell(green_hash))
    if (c->has(JitCell::kBlacklisted) || c->has(JitCell::kTracing) || c->entry) return false;
  int64_t& count = counters_[green_hash];
  if (++count < threshold) return false;
  count = 0;
  return true;
}

void WarmState::start_tracing(uint64_t green_hash) {
  cell(green_hash).flags |= JitCell::kTracing;
  if (params_.decay == 0) return;
  for (auto& [key, count] : counters_) count = count * (1000 - params_.decay) / 1000;
}

void WarmState::finish_tracing(uint64_t green_hash, LoopToken* entry) {
  JitCell& c = cell(green_hash);
  c.flags &= ~JitCell::kTracing;
  c.entry = entry;
}

bool WarmState::abort_tracing(uint64_t green_hash) {
  JitCell& c = cell(green_hash);
  c.flags &= ~JitCell::kTracing;
  if (++c.aborts < params_.max_aborts || c.has(JitCell::kBlacklisted)) return false;
  c.flags |= JitCell::kBlacklisted;
  return true;
}

}  // namespace rtoolchain::jit
