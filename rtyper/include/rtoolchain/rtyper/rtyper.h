// The rtyper (docs/rtyper.md): turns a high-level program (the front end's flow graphs) into a
// new low-level program (docs/lowlevel.md): classes become flat GC structs with a type-id header,
// numbered in preorder so that isinstance is a range check; each virtual-method slot gets a
// dispatch array indexed by type id; enums become their underlying integers; arrays become GC
// arrays with explicit index checks; strings and containers become the rlib/ll helpers' structs
// and calls. The input is not modified.
//
//   llvm::Expected<ir::Program> low = rtyper::rtype_program(high, options);
//
// The rt containers and strings become calls of their rlib/ll helpers (docs/lowlevel.md), which
// must be in the high-level program (a target with the helper sources). Only the functions the
// entry point reaches (through the lowered graphs) are in the result.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "rtoolchain/ir/ir.h"

namespace rtoolchain::rtyper {

// Says whether a virtual call of the high-level program has exactly one possible target: the
// annotator's answer, plugged in by the driver. Returns that function, or an invalid id when
// the call must dispatch.
using SingleTargetHook =
    std::function<ir::FunctionId(const ir::Program& high, ir::FunctionId caller, ir::OpId call)>;

// A hook that needs no annotator: the implementations of the method in the receiver's static
// class and its subclasses (class-hierarchy analysis); one distinct implementation is a target.
SingleTargetHook class_hierarchy_single_target();

// Where the entities of each lowered graph come from, for side tables keyed by the high-level
// program's variables and operations (the annotator's facts, which `run --mode=ll
// --check-facts` carries to the low level). Indexed by low-level ids; an invalid id means the
// entity is the rtyper's own (a temporary, a generated block or function).
struct FunctionOrigin {
  ir::FunctionId high;                 // invalid for a generated function
  std::vector<ir::VarId> vars;         // by low VarId: the high variable it holds
  std::vector<ir::BlockId> blocks;     // by low BlockId
  std::vector<ir::OpId> ops;           // by low OpId: the high operation it was lowered from
};
using Origins = std::vector<FunctionOrigin>;  // by low FunctionId

struct Options {
  SingleTargetHook single_target;  // empty: every virtual call dispatches
  // When set, receives the low-level id of each high-level function (indexed by its id;
  // invalid for a function the entry point does not reach, which the low level drops).
  std::vector<ir::FunctionId>* function_map = nullptr;
  // When set, receives the origins of every low-level function's entities.
  Origins* origins = nullptr;
};

llvm::Expected<ir::Program> rtype_program(const ir::Program& high, const Options& options = {});

// The high-level program without what its low level would not use (docs/rtyper.md, "Pruning"):
// the functions the entry point does not reach once lowered, and the classes no kept function,
// global or prebuilt names (before or after lowering), nor any kept class's base, fields or
// methods. It rtypes once to find them. Rtyping the result gives the same functions, with the
// classes, and so the type ids, numbered without gaps; annotate the result, not the original,
// so that the facts are keyed by its ids.
llvm::Expected<ir::Program> prune_program(const ir::Program& high);

// --- Layout and type ids (also used by rtype_program; exposed for tests and later stages). ---

// Type ids in preorder of the class tree from rt::Object, children in ClassId order, from 1.
// Indexed by ClassId.
std::vector<ir::ClassLayout> number_classes(const ir::Program& program);

// Computes the low-level program's layout: value structs (C rules: fields in order, each at
// its alignment, size rounded to the alignment), then classes (the 8-byte header, the base's
// fields at their offsets, then the class's own, size rounded to the class's alignment, at
// least 8), type ids (number_classes) and array type ids (after the classes, in TypeId order).
// Stores everything in `program` (Program::class_layout, field_offset, ...).
void compute_layout(ir::Program& program);

// The names the rtyper gives what it generates.
std::string dispatch_array_name(const ir::Program& program, ir::ClassId introducer, llvm::StringRef method);

}  // namespace rtoolchain::rtyper
