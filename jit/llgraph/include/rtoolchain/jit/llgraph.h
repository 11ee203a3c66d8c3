// The JIT in low-level graph mode (docs/jit.md, "Low-level graph mode"): RPython's llgraph
// backend and LLJitMixin. The interpreter's low-level graphs run in the graph interpreter; the
// JIT's heap is graph mode's heap (GraphHeap); calls of the portal are hooked and run by the
// JIT (PortalRunner), whose residual calls run graphs again.
//
//   rtoolchain run-ir --mode=ll --blackhole-portal FILE.rtir -- ARGS
//
// runs every portal call in the blackhole interpreter from its start: the differential test of
// the codewriter and the blackhole against host mode.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/graphinterp/graphinterp.h"
#include "rtoolchain/ir/ir.h"
#include "rtoolchain/jit/blackhole.h"
#include "rtoolchain/jit/heap.h"
#include "rtoolchain/jit/jitcode.h"

namespace rtoolchain::jit::llgraph {

// What ends the whole program (a fatal error, rt::os::exit, a graph-mode error) while the JIT
// runs: thrown through the JIT (which is exception-neutral) to the portal runner, which hands
// the outcome back to the graph interpreter.
struct ProgramEnd {
  graphinterp::Outcome outcome;
};

// How an IR type's values look as graph-mode Values (the tag to give a JIT value).
enum class Shape : uint8_t { kVoid, kBool, kInt, kFloat, kFunction, kClass, kObject, kArray };

// The JitHeap over graph-mode objects: GcRef bits are graph-mode GC pointers (GObject, GArray),
// ints are normalised as graph mode keeps them, function pointers are function-table indices
// (FunctionId + 1, graph mode's own encoding), classrefs are type ids.
class GraphHeap final : public JitHeap {
 public:
  GraphHeap(const ir::Program& program, const JitProgram& jit, graphinterp::Interpreter& interp);

  int64_t get_int_field(GcRef object, const FieldDescr& field) override;
  GcRef get_ref_field(GcRef object, const FieldDescr& field) override;
  double get_float_field(GcRef object, const FieldDescr& field) override;
  void set_int_field(GcRef object, const FieldDescr& field, int64_t value) override;
  void set_ref_field(GcRef object, const FieldDescr& field, GcRef value) override;
  void set_float_field(GcRef object, const FieldDescr& field, double value) override;

  int64_t array_length(GcRef array, const ArrayDescr& descr) override;
  int64_t get_int_item(GcRef array, const ArrayDescr& descr, int64_t index) override;
  GcRef get_ref_item(GcRef array, const ArrayDescr& descr, int64_t index) override;
  double get_float_item(GcRef array, const ArrayDescr& descr, int64_t index) override;
  void set_int_item(GcRef array, const ArrayDescr& descr, int64_t index, int64_t v) override;
  void set_ref_item(GcRef array, const ArrayDescr& descr, int64_t index, GcRef v) override;
  void set_float_item(GcRef array, const ArrayDescr& descr, int64_t index, double v) override;

  GcRef new_object(const SizeDescr& size) override;
  GcRef new_array(const ArrayDescr& descr, int64_t length) override;
  uint32_t type_id_of(GcRef object) override;
  int64_t identity_hash(GcRef object) override;

  CallResult call(const CallDescr& descr, int64_t function, const CallArgs& args) override;

  int64_t get_int_global(const GlobalDescr& global) override;
  GcRef get_ref_global(const GlobalDescr& global) override;
  double get_float_global(const GlobalDescr& global) override;
  void set_int_global(const GlobalDescr& global, int64_t value) override;
  void set_ref_global(const GlobalDescr& global, GcRef value) override;
  void set_float_global(const GlobalDescr& global, double value) override;

  GcRef* allocate_roots(size_t count) override;
  void free_roots(GcRef* roots) override;

  // --- Conversions between JIT values and graph-mode Values. -------------------------------------
  Shape shape_of(ir::TypeId type) const;
  graphinterp::Value to_value(Shape shape, AnyValue value) const;
  AnyValue from_value(Shape shape, graphinterp::Value value) const;
  // A function's arguments as kind-grouped JIT values (refs go to `refs`, which the caller roots).
  void split_args(ir::FunctionId function, llvm::ArrayRef<graphinterp::Value> args, std::vector<int64_t>& ints,
                  std::vector<GcRef>& refs, std::vector<double>& floats) const;
  ir::ClassId class_of_type_id(int64_t type_id) const;
  uint32_t type_id_of_class(ir::ClassId cls) const;

  graphinterp::Interpreter& interpreter() { return interp_; }

 private:
  [[noreturn]] void null_dereference() const;
  graphinterp::Value object(GcRef ref) const;
  graphinterp::Value array(GcRef ref) const;

  const ir::Program& program_;
  graphinterp::Interpreter& interp_;
  std::vector<Shape> field_shapes_, item_shapes_, global_shapes_;
  std::vector<ir::ClassId> class_of_type_id_;
};

// The portal hook: every call of the portal (from a graph or from the JIT's residual calls)
// runs in the blackhole from the portal's start; its merge-point exits restart it at the merge
// point (run_portal_in_blackhole). Calls nest (a residual call may call the portal again), so
// each nesting level gets its own blackhole interpreter.
class PortalRunner final : public graphinterp::CallHook {
 public:
  // `ref_constants` resolved for `jit` (make_ref_constants over `heap`).
  PortalRunner(const ir::Program& program, const JitProgram& jit, GraphHeap& heap, const GcRef* ref_constants);
  ~PortalRunner() override;

  graphinterp::Outcome call(ir::FunctionId function, llvm::ArrayRef<graphinterp::Value> args) override;

  uint64_t portal_calls() const { return portal_calls_; }
  uint64_t instructions() const;

 private:
  const ir::Program& program_;
  const JitProgram& jit_;
  GraphHeap& heap_;
  const GcRef* ref_constants_;
  std::vector<std::unique_ptr<BlackholeInterpreter>> interpreters_;  // one per nesting level
  size_t nesting_ = 0;
  uint64_t portal_calls_ = 0;
};

// `rtoolchain run ... --blackhole-portal`: writes the jitcodes (errors go to `errors`, status 1),
// then runs the entry point like graphinterp::run_program with the portal hooked. When
// `stats` is set, prints the portal calls and blackhole instructions to it at the end.
int64_t run_program_with_blackhole_portal(const ir::Program& program, llvm::ArrayRef<std::string> argv,
                                          llvm::raw_ostream& errors, llvm::raw_ostream* stats = nullptr);

}  // namespace rtoolchain::jit::llgraph
