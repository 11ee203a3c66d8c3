// The annotator's private state (Annotation::Impl) and the fixpoint engine that fills it.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/DenseSet.h>
#include <llvm/ADT/STLFunctionalExtras.h>

#include "rtoolchain/annotator/annotator.h"

namespace rtoolchain::annotator {

// --- The lattice (facts.cpp). -------------------------------------------------------------------

// The values a type can hold as an interval of normalised 64-bit values (bool: [0, 1]); the full
// range for types that are not integer-like.
void type_range(const ir::Program& program, ir::TypeId type, int64_t& lo, int64_t& hi);
bool is_integer_like(const ir::Program& program, ir::TypeId type);
// Anything of the type (a value from outside the program).
Fact top_fact(const ir::Program& program, ir::TypeId type);
// The zero value new_object gives a field, value-initialisation gives a global.
Fact zero_fact(const ir::Program& program, ir::TypeId type);
// Plain least upper bound.
Fact join(const Fact& a, const Fact& b);
// `into` ⊔= `from`, widening interval bounds that grow to 0 or the extremes so that loops
// terminate; true when `into` changed.
bool join_into(Fact& into, const Fact& from, bool widen = true);
void add_member(Fact& fact, uint32_t member);
Fact bottom();

// --- Per-function state. --------------------------------------------------------------------------

// By BlockId: 1 for the target of a back edge of a depth-first walk from the start block that
// enters only the blocks `follow` accepts. Every cycle goes through one.
std::vector<uint8_t> loop_headers(const ir::Graph& g, llvm::function_ref<bool(ir::BlockId)> follow);

struct FunctionState {
  bool reached = false;  // a graph function whose start block the fixpoint reached
  bool called = false;   // some reached call may call it (externals included)
  std::vector<Fact> vars;              // by VarId
  std::vector<uint8_t> block_reached;  // by BlockId
  std::vector<uint8_t> queued;
  std::vector<uint8_t> loop_header;    // by BlockId: the target of a back edge (widening point)
  std::map<uint32_t, std::vector<ir::FunctionId>> call_targets;  // OpId index -> sorted targets
  std::vector<ir::FunctionId> callees;                           // sorted
  EffectInfo effects;
  ir::ClassId constructs;  // valid for a constructor: the class of its `this`
};

struct Annotation::Impl {
  const ir::Program* program = nullptr;
  std::vector<FunctionState> functions;
  std::vector<FieldFacts> fields;
  std::vector<Fact> globals;
  std::vector<SiteInfo> sites;
  std::map<std::pair<uint32_t, uint32_t>, SiteId> op_sites;  // (function, op) -> site
  std::vector<SiteId> prebuilt_sites;
  std::vector<uint8_t> instantiated;  // by ClassId
  std::vector<AnnotatorError> errors;
  size_t num_call_edges = 0;
};

// --- Construction (construction.cpp). -------------------------------------------------------------

// Marks the constructors (FunctionState::constructs).
void find_constructors(Annotation::Impl& impl);
// The fields a constructor certainly writes on its `this` before the object can be seen by
// anything else (so nobody reads their zero); memoised.
class ConstructorInit {
 public:
  explicit ConstructorInit(const Annotation::Impl& impl) : impl_(impl) {}
  const llvm::DenseSet<ir::FieldId>& fields_written(ir::FunctionId constructor);

 private:
  struct Entry {
    bool done = false;
    bool complete = false;  // reached its return with `this` never escaping
    llvm::DenseSet<ir::FieldId> fields;
  };
  Entry& compute(ir::FunctionId constructor);
  const Annotation::Impl& impl_;
  std::map<uint32_t, Entry> entries_;
};
// Field immutability after the fixpoint, and the located errors for declared immutable fields
// written outside construction.
void check_immutability(Annotation::Impl& impl);
// Declared RT_IMMUTABLE_ITEMS fields against the sites they may hold (docs/annotator.md).
void check_immutable_items(Annotation::Impl& impl);

// --- Effects and the call graph (effects.cpp). -----------------------------------------------------
void compute_effects(Annotation::Impl& impl);

// --- The fixpoint (engine.cpp, transfer.cpp). ------------------------------------------------------

class Engine {
 public:
  explicit Engine(Annotation::Impl& impl);
  void run();

 private:
  friend struct Transfer;
  enum KeyKind : uint32_t { kFieldKey, kGlobalKey, kItemsKey, kValuesKey, kReturnKey, kRaiseKey, kInstantiatedKey };
  struct BlockRef {
    ir::FunctionId function;
    ir::BlockId block;
  };
  static uint64_t key(KeyKind kind, uint32_t index) { return (uint64_t(kind) << 32) | index; }

  // Dependencies: the block being processed reads `k`; `k` changed, re-flow its readers.
  // `into` ⊔= `from` for the location `counter`; at a widening point, the interval widens once
  // the location has grown kWideningDelay times (so a few exact joins keep [1, 2] precise).
  static constexpr uint8_t kWideningDelay = 3;
  bool grow(uint64_t counter, Fact& into, const Fact& from, bool widening_point = true);
  uint64_t var_counter(ir::FunctionId function, ir::VarId var) const {
    return (uint64_t(1) << 63) | (uint64_t(function.index()) << 32) | var.index();
  }
  void read(uint64_t k);
  void changed(uint64_t k);
  void queue(ir::FunctionId function, ir::BlockId block);
  void reach_function(ir::FunctionId function);
  void instantiate(ir::ClassId cls);

  void initialise();
  void process_block(ir::FunctionId function, ir::BlockId block);
  // A value's fact in the current function (constants included).
  Fact value_fact(ir::Value value) const;
  Fact constant_fact(ir::ConstId constant) const;
  Fact& var(ir::VarId var) { return state().vars[var.index()]; }
  FunctionState& state() { return impl_.functions[current_.function.index()]; }
  const ir::Graph& graph() const { return *impl_.program->function_info(current_.function).graph; }

  // Operations (transfer.cpp): the result's fact; `raised` gets the exception classes the
  // operation may raise (members) and `resource` the resource exception it may also raise.
  // Returns false when the operation never completes normally (the rest of the block is dead).
  bool transfer(ir::OpId op_id, Fact& result, Fact& raised, ir::ClassId& resource);
  bool transfer_call(ir::OpId op_id, const ir::Operation& op, Fact& result, Fact& raised, ir::ClassId& resource);
  bool call_targets(ir::OpId op_id, llvm::ArrayRef<ir::FunctionId> targets, llvm::ArrayRef<Fact> args,
                    Fact& result, Fact& raised, ir::ClassId& resource);
  bool transfer_container(const ir::Operation& op, ir::OpId op_id, Fact& result, Fact& raised);
  bool transfer_int(const ir::Operation& op, Fact& result);
  SiteId site_for(ir::OpId op, ir::TypeId type);
  Fact site_items(const Fact& container, bool values);
  void write_items(const Fact& container, const Fact& value, bool values, bool resize, bool mutate);
  void raise_rt(ir::RaiseSet bits, Fact& raised);
  Fact external_raises();

  // Exits: the refinements a bool variable carries, following links, exceptions.
  struct Refinement {
    ir::VarId var;
    Fact if_true, if_false;
  };
  void record_refinements(const ir::Operation& op);
  void follow_exits(const ir::Block& block);
  void follow_link(ir::LinkId link_id, llvm::ArrayRef<std::pair<ir::VarId, Fact>> overrides);
  void raise_from_op(const ir::Block& block, bool is_last, const Fact& raised, ir::ClassId resource);
  void join_into_except(const Fact& raised);

  Annotation::Impl& impl_;
  const ir::Program& program_;
  BlockRef current_;
  ir::OpId current_op_;  // the operation `transfer` is at
  std::deque<BlockRef> worklist_;
  llvm::DenseMap<uint64_t, std::vector<BlockRef>> readers_;
  llvm::DenseMap<uint64_t, uint8_t> growths_;
  llvm::DenseSet<std::pair<uint64_t, uint64_t>> registered_;
  llvm::DenseMap<uint32_t, std::vector<Refinement>> refinements_;  // bool VarId -> refinements
  ConstructorInit constructor_init_;
  SiteId argv_site_;
};

}  // namespace rtoolchain::annotator
