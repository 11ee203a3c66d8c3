// The interpreting backend (docs/jit.md, "The interpreting backend"): runs traces by
// interpreting their operations over a JitHeap, without generating code. RPython's llgraph
// backend; the reference every other backend is compared with.
#pragma once

#include <memory>
#include <vector>

#include "rtoolchain/jit/backend.h"

namespace rtoolchain::jit {

class InterpBackend final : public Backend {
 public:
  explicit InterpBackend(JitHeap& heap) : Backend(heap) {}

  void compile_loop(std::unique_ptr<Trace> trace, LoopToken& token) override;
  void compile_bridge(std::unique_ptr<Trace> bridge, FailDescr& guard) override;
  std::unique_ptr<DeadFrame> execute_token(LoopToken& token, std::span<const AnyValue> args) override;
  void invalidate_loop(LoopToken& token) override;
  void free_loop(LoopToken& token) override;

  // Marks the running frame whose force_token is `token` as forced: its next guard_not_forced
  // fails. (The virtualizable and virtual-reference forcing that needs this comes with issue 7.)
  void force(int64_t token);

  struct Frame;  // one activation of execute_token (interp_backend.cpp)

 private:
  std::vector<Frame*> active_frames_;
};

}  // namespace rtoolchain::jit
