// The JIT in low-level graph mode (docs/jit.md, "The portal runner"): the graph interpreter runs
// the interpreter's low-level graphs; at the portal's merge points JitPortal hands the greens and
// reds to the MetaInterp, which traces, compiles on the interpreting backend, runs loops and
// takes guard failures back through the blackhole, and answers with an action.
//
//   rtoolchain run --mode=ll --jit TARGET -- ARGS        (RTJIT, RTLOG from the environment)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/graphinterp/graphinterp.h"
#include "rtoolchain/ir/ir.h"
#include "rtoolchain/jit/llgraph.h"
#include "rtoolchain/jit/metainterp.h"

namespace rtoolchain::jit::llgraph {

class JitPortal final : public graphinterp::MergePointHook {
 public:
  JitPortal(const ir::Program& program, const JitProgram& jit, GraphHeap& heap, MetaInterp& mi);

  Result at_merge_point(bool can_enter_jit, llvm::MutableArrayRef<graphinterp::Value> values) override;

 private:
  void to_jit(llvm::ArrayRef<graphinterp::Value> values, MergePointValues& out) const;

  GraphHeap& heap_;
  MetaInterp& mi_;
  // can_enter_jit's values, reused (its call never nests: at_can_enter_jit calls nothing out).
  MergePointValues back_edge_values_;
  std::vector<Shape> shapes_;   // of the driver's greens then reds
  std::vector<bool> is_green_;
  Shape result_shape_ = Shape::kVoid;
  uint32_t num_greens_[kNumValueKinds] = {0, 0, 0};
};

// `rtoolchain run ... --jit`: writes the jitcodes, reads RTJIT and RTLOG, runs the entry point
// like graphinterp::run_program with the JIT at the portal's merge points, prints the summary
// (RTLOG=jit-summary) to `errors` at the end.
int64_t run_program_with_jit(const ir::Program& program, llvm::ArrayRef<std::string> argv, llvm::raw_ostream& errors);

}  // namespace rtoolchain::jit::llgraph
