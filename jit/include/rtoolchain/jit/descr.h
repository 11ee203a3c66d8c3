// Descriptors (docs/jit.md, "Seams"): what the JIT knows of a field, an array type, a class's
// allocation size and a call, computed by the codewriter from the low-level program at
// translation time and used unchanged by the tracer, the blackhole interpreter, the optimizer
// and every backend. RPython's SizeDescr/FieldDescr/ArrayDescr/CallDescr with EffectInfo.
//
// Descriptors are plain data: each lives in its DescrTable at a fixed index, and jitcodes,
// traces and resume data refer to it by that index. Offsets and sizes are the rtyper's `layout`
// block (docs/lowlevel.md), so the JIT, the LLVM backend and low-level graph mode agree by
// construction. `graph_*` members name the same entity for low-level graph mode (jit/llgraph),
// where objects are graph-mode heap objects rather than raw memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rtoolchain/jit/kinds.h"

namespace rtoolchain::jit {

inline constexpr uint32_t kNoIndex = ~0u;

// How a value of some kind is stored in memory: int-kind values narrower than 64 bits are
// loaded with sign or zero extension by `is_signed`; bool is size 1, unsigned.
struct MemType {
  Kind kind = Kind::kInt;
  uint8_t size = 8;  // bytes: 1, 2, 4 or 8
  bool is_signed = true;
};

struct FieldDescr {
  uint32_t index = kNoIndex;  // in DescrTable::fields
  std::string name;           // "Class.field", for printing
  MemType type;
  uint32_t offset = 0;        // from the object's start (the header is at 0)
  // The declaring class's type-id range [first, last] (preorder numbering): a getfield on an
  // object outside it is a toolchain bug that the checking modes catch.
  uint32_t owner_type_id = 0, owner_last_type_id = 0;
  bool is_immutable = false;        // RT_IMMUTABLE or proved immutable by the annotator
  bool is_quasi_immutable = false;  // RT_QUASI_IMMUTABLE: reads become guarded constants
  uint32_t graph_class = kNoIndex, graph_field = kNoIndex;  // ir::ClassId index, field index
};

// A GC array type: header (type id) at 0, length (i64) at kArrayLengthOffset, items from
// kArrayItemsOffset (docs/lowlevel.md).
inline constexpr uint32_t kArrayLengthOffset = 8;
inline constexpr uint32_t kArrayItemsOffset = 16;

struct ArrayDescr {
  uint32_t index = kNoIndex;  // in DescrTable::arrays
  std::string name;           // "array<i64>"
  MemType item;
  uint32_t type_id = 0;       // the array type's type id, stored in the header
  bool items_immutable = false;  // RT_IMMUTABLE_ITEMS or never mutated after construction
  uint32_t graph_type = kNoIndex;  // ir::TypeId index of the array type
};

struct SizeDescr {
  uint32_t index = kNoIndex;  // in DescrTable::sizes
  std::string name;           // the class name
  uint32_t type_id = 0;       // stored in the header of new objects
  uint32_t size = 0;          // bytes, header included
  uint32_t graph_class = kNoIndex;  // ir::ClassId index
};

// What a call may do, for the tracer (which call operation to record), the optimizer (which
// heap caches survive it) and the backends. RPython's EffectInfo.
struct EffectInfo {
  // From the most to the least optimisable, as RPython orders its EF_ constants: a pass may
  // test `extra <= kCannotRaise` for "cannot raise".
  enum class Extra : uint8_t {
    kElidableCannotRaise,  // pure, never raises: CSE-able, removable when unused
    kLoopInvariant,        // result constant over one loop iteration
    kCannotRaise,
    kElidableOrMemoryError,
    kElidableCanRaise,
    kCanRaise,
    kForcesVirtual,        // may force a virtualizable or virtual reference
    kRandomEffects,        // anything (externals with unknown effects)
  };
  Extra extra = Extra::kRandomEffects;
  // Sorted DescrTable indices the call (transitively) reads or writes. When `extra` is
  // kRandomEffects these are meaningless: every cache dies.
  std::vector<uint32_t> read_fields, write_fields, read_arrays, write_arrays;
  bool can_collect = true;     // may allocate (so may run the GC)
  bool can_invalidate = true;  // may write a quasi-immutable field (invalidates compiled loops)
  std::string oopspec;         // the RT_JIT_OOPSPEC of an rlib helper, empty otherwise

  bool can_raise() const {
    return extra != Extra::kElidableCannotRaise && extra != Extra::kLoopInvariant &&
           extra != Extra::kCannotRaise;
  }
  bool is_elidable() const {
    return extra == Extra::kElidableCannotRaise || extra == Extra::kElidableOrMemoryError ||
           extra == Extra::kElidableCanRaise;
  }
};

// A call signature plus what the call does. Arguments are passed grouped by kind (all ints,
// then refs, then floats, each group in parameter order), as RPython's bh_call_* do;
// `arg_kinds` keeps the parameter order so a backend can rebuild the real argument list.
struct CallDescr {
  uint32_t index = kNoIndex;  // in DescrTable::calls
  std::string name;           // e.g. "(i r) -> i" plus the callee when there is one
  std::vector<Kind> arg_kinds;
  std::vector<MemType> arg_types;  // the precise parameter types (for narrowing), same order
  MemType result{Kind::kVoid, 0, false};
  EffectInfo effects;
};

// A function the JIT may call or inline, by its index in this table; function pointers are
// int-kind values holding that index.
struct FunctionEntry {
  std::string name;
  uint32_t jitcode = kNoIndex;     // the jitcode when the function is JIT-visible
  uint32_t calldescr = kNoIndex;   // the descr to call it residually with
  uint32_t graph_function = kNoIndex;  // ir::FunctionId index (low-level graph mode)
  void* address = nullptr;         // the translated VM's function (filled at load time)
};

// A global variable (added with the codewriter: low-level programs read globals, e.g. a
// language's singletons). `graph_global` is the ir::GlobalId index.
struct GlobalDescr {
  uint32_t index = kNoIndex;  // in DescrTable::globals
  std::string name;
  MemType type;
  uint32_t graph_global = kNoIndex;
};

// Every descriptor of one program.
struct DescrTable {
  std::vector<FieldDescr> fields;
  std::vector<ArrayDescr> arrays;
  std::vector<SizeDescr> sizes;
  std::vector<CallDescr> calls;
  std::vector<FunctionEntry> functions;
  std::vector<GlobalDescr> globals;
};

}  // namespace rtoolchain::jit
