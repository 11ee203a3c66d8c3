// Warm-up counters per green key and JitCell flags.
#include <catch2/catch.hpp>

#include "rtoolchain/jit/warmstate.h"

using namespace rtoolchain::jit;

TEST_CASE("a green key's counter fires at the threshold, then not while tracing or compiled", "[jit-warm]") {
  JitParams params;
  REQUIRE(parse_jit_params("threshold=3,function_threshold=2,decay=500,max_aborts=2", params).empty());
  WarmState warm(params);
  int64_t pc7[] = {7}, pc8[] = {8};
  uint64_t a = hash_greens(pc7, {}, {}), b = hash_greens(pc8, {}, {});
  CHECK(a != b);
  CHECK(a == hash_greens(pc7, {}, {}));
  CHECK_FALSE(warm.tick_loop(a));
  CHECK_FALSE(warm.tick_loop(a));
  CHECK_FALSE(warm.tick_loop(b));
  CHECK(warm.tick_loop(a));
  CHECK(warm.counter(a) == 0);
  CHECK_FALSE(warm.tick_loop(b));  // 2
  warm.start_tracing(a);           // b decays to 1
  CHECK(warm.counter(b) == 1);
  CHECK(warm.cell(a).has(JitCell::kTracing));
  for (int i = 0; i < 5; ++i) CHECK_FALSE(warm.tick_loop(a));
  int dummy = 0;
  warm.finish_tracing(a, reinterpret_cast<LoopToken*>(&dummy));
  CHECK_FALSE(warm.cell(a).has(JitCell::kTracing));
  CHECK_FALSE(warm.tick_loop(a));
  // One counter per key, whichever event ticks it: b stood at 1 after the decay.
  CHECK(warm.tick_function(b));
  CHECK_FALSE(warm.tick_function(b));
}

TEST_CASE("a key that keeps aborting is blacklisted", "[jit-warm]") {
  JitParams params;
  REQUIRE(parse_jit_params("threshold=1,max_aborts=2", params).empty());
  WarmState warm(params);
  CHECK(warm.tick_loop(5));
  warm.start_tracing(5);
  CHECK_FALSE(warm.abort_tracing(5));
  CHECK(warm.tick_loop(5));
  warm.start_tracing(5);
  CHECK(warm.abort_tracing(5));
  CHECK(warm.find_cell(5)->has(JitCell::kBlacklisted));
  CHECK(warm.find_cell(5)->aborts == 2);
  CHECK_FALSE(warm.tick_loop(5));
}

TEST_CASE("with the JIT off nothing is ever traced", "[jit-warm]") {
  JitParams params;
  REQUIRE(parse_jit_params("off,threshold=1", params).empty());
  WarmState warm(params);
  CHECK_FALSE(warm.tick_loop(1));
}
