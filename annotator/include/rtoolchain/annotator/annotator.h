// The annotator (docs/annotator.md): whole-program facts about an ir::Program, computed by one
// fixpoint from the entry point.
//
//   Annotation facts = annotate(program);
//   facts.fact(fn, var)            what every value of a variable satisfies
//   facts.field(field)             the facts over all writes of a field, its immutability
//   facts.site(site)               an allocation site of a container: items, resized, mutated
//   facts.call_targets(fn, op)     the possible callees of a call operation
//   facts.effects(fn)              what calling a function may do (for the JIT)
//
// Clang already gives every value its static type; the annotator refines it with the facts the
// rtyper, the JIT and the backend need: the exact classes a pointer may point to and whether it
// may be null, integer ranges (constants, non-negative), constants of every kind, which
// containers a variable may hold, which fields are written only during construction, the call
// graph and the effects of each function. Everything is deterministic: ids, never addresses.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/ir/ir.h"

namespace rtoolchain::annotator {

// A container allocation site: an allocating operation of a function, a prebuilt list or array,
// the entry point's argument list, or a container an external function returns.
using SiteId = ir::Id<struct SiteTag>;

// What every value a variable (field, item, ...) takes satisfies. A lattice element; the join is
// documented in docs/annotator.md. The parts that apply depend on the static type:
//   integers, enums and bools  [lo, hi] over the normalised 64-bit value (bool: 0 or 1)
//   every type                 `constant`: the one constant every value equals, if any
//   references                 may_be_null
//   C* and classref<C>         members = the possible run-time classes (exact classes)
//   list/array/dict/dictiter   members = the possible allocation sites (SiteId indices)
//   fn(...)                    members = the possible functions
// `unknown_members` means "anything of the static type" (a value from outside the program).
struct Fact {
  static constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  static constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

  bool reached = false;  // false: bottom, no value ever flows here
  int64_t lo = kMin, hi = kMax;
  ir::ConstId constant;
  bool may_be_null = false;
  bool unknown_members = false;
  llvm::SmallVector<uint32_t, 2> members;  // sorted, unique

  bool is_int_constant() const { return reached && lo == hi; }
  bool is_nonneg() const { return reached && lo >= 0; }
  llvm::ArrayRef<uint32_t> member_indices() const { return members; }
  bool has_member(uint32_t index) const;
  // One known member and no other (an exact class, one site, one function).
  bool is_single_member() const { return reached && !unknown_members && members.size() == 1; }

  friend bool operator==(const Fact& a, const Fact& b);
  friend bool operator!=(const Fact& a, const Fact& b) { return !(a == b); }
};

struct SiteInfo {
  ir::FunctionId function;  // allocating operation; invalid for prebuilts and argv
  ir::OpId op;
  ir::PrebuiltId prebuilt;  // a prebuilt list or array
  ir::TypeId type;          // list<T>, array<T>, dict<K, V>
  Fact items;               // lists and arrays: the items; dicts: the keys
  Fact values;              // dicts: the values
  bool resized = false;     // lists: append, pop, insert, resize, clear, extend
  bool mutated = false;     // items changed after allocation (setitem, fill, reverse, resizes)
  ir::FunctionId mutated_in;  // the first mutating operation the fixpoint met (for errors)
  ir::OpId mutated_at;
};

struct FieldFacts {
  Fact fact;                        // over every write, the zero of new_object and prebuilts
  bool zero_possible = false;       // some object may be read before a constructor wrote it
  bool written = false;             // some reachable setfield writes it
  // Written only by constructors of the owner class (or its subclasses) on their own `this`
  // (docs/annotator.md), or never written after the program starts.
  bool immutable = true;
  std::vector<ir::FunctionId> writers_outside_construction;  // sorted, unique
};

// What calling a function may do, its callees' effects included (contains_loop is its own).
struct EffectInfo {
  std::vector<ir::FieldId> fields_read, fields_written;        // sorted, unique
  std::vector<ir::GlobalId> globals_read, globals_written;     // sorted, unique
  // Container kinds (list<T>, array<T>, dict<K, V> types) whose items are read or written.
  std::vector<ir::TypeId> containers_read, containers_written;  // sorted, unique
  bool allocates = false;
  bool calls_external = false;
  bool contains_loop = false;       // the function's own graph has a cycle
  // The exception classes that may escape (exact classes), without the resource exceptions
  // rt::MemoryError and rt::RecursionError, which any allocation or call may raise.
  std::vector<ir::ClassId> raises;  // sorted
  bool raises_unknown = false;      // an exception the program cannot see (an external's)
  bool can_raise() const { return raises_unknown || !raises.empty(); }
};

// A located error (an RT_IMMUTABLE field written outside construction, an RT_IMMUTABLE_ITEMS
// field that may hold a container whose items change).
struct AnnotatorError {
  std::string function;
  std::string location;  // as printed: block, `operation`
  std::string message;
  std::string to_string() const;  // "error: function f: block2: `setfield ...`: message"
};

class Annotation {
 public:
  Annotation();
  ~Annotation();
  Annotation(Annotation&&) noexcept;
  Annotation& operator=(Annotation&&) noexcept;

  const ir::Program& program() const;
  llvm::ArrayRef<AnnotatorError> errors() const;

  bool is_reachable(ir::FunctionId function) const;
  bool is_reachable(ir::FunctionId function, ir::BlockId block) const;
  // Bottom (reached = false) for a variable of an unreachable block.
  const Fact& fact(ir::FunctionId function, ir::VarId var) const;
  const Fact& return_fact(ir::FunctionId function) const;

  // Classes of which some object is created (new_object, prebuilts, rt exceptions raised).
  bool is_instantiated(ir::ClassId cls) const;
  // A constructor of its `this` class: name C::C..., first parameter `this: C*`.
  bool is_constructor(ir::FunctionId function) const;

  const FieldFacts& field(ir::FieldId field) const;
  size_t num_sites() const;
  const SiteInfo& site(SiteId site) const;
  // The site an allocating operation creates, invalid for other operations.
  SiteId site_of(ir::FunctionId function, ir::OpId op) const;
  // The sites a prebuilt list or array is (one per prebuilt).
  SiteId site_of(ir::PrebuiltId prebuilt) const;

  // The functions a direct, indirect or virtual call (or conditional call) may reach, sorted.
  // Empty for a call never reached. External functions are included.
  llvm::ArrayRef<ir::FunctionId> call_targets(ir::FunctionId function, ir::OpId op) const;
  // Every (caller, callee) pair, sorted; the callees of a function, sorted.
  size_t num_call_edges() const;
  llvm::ArrayRef<ir::FunctionId> callees(ir::FunctionId function) const;
  const EffectInfo& effects(ir::FunctionId function) const;

  struct Impl;
  explicit Annotation(std::unique_ptr<Impl> impl);
  Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Runs the fixpoint from the program's entry point (the program must have verified).
Annotation annotate(const ir::Program& program);

// A fact as text for a value of `type`: "Foo exact nonnull", "{A, B} or null", "[0, +inf]", "5".
std::string fact_to_string(const ir::Program& program, ir::TypeId type, const Fact& fact);

// `rtoolchain annotate --report`: classes, fields with their facts and immutability, functions,
// the call graph, devirtualised calls, functions that cannot raise. Sorted, stable text.
void print_report(const Annotation& annotation, llvm::raw_ostream& out);
// `rtoolchain annotate --facts`: every reachable function's variables with their facts (names as
// in the printed IR), call targets, return fact and escaping exceptions; for tests and debugging.
void print_facts(const Annotation& annotation, llvm::raw_ostream& out);

}  // namespace rtoolchain::annotator
