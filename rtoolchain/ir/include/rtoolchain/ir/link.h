// Linking two programs (docs/ir.md, "Linking"): the driver links the rlib/ll helper program,
// converted once by the build, into each program it rtypes.
#pragma once

#include <functional>

#include <llvm/Support/Error.h>

#include "rtoolchain/ir/program.h"

namespace rtoolchain::ir {

// Adds `from`'s entities to `into`, both high level. Classes, structs, enums, key traits, JIT
// drivers, globals, prebuilts and functions match by name, types by structure; an entity both
// define must be defined identically (the same printed text), and the rest of `from` is appended
// in its id order, graphs copied. At most one of them has an entry point. On an error (one line
// per conflict) `into` is unchanged.
llvm::Error link_programs(Program& into, const Program& from);

// Which classes and functions of `from` to link (the others are left out, with the fields of a
// left-out class). Whatever is linked must not name what is left out.
struct LinkFilter {
  std::function<bool(ClassId)> keep_class;        // empty: every class
  std::function<bool(FunctionId)> keep_function;  // empty: every function
};
llvm::Error link_programs(Program& into, const Program& from, const LinkFilter& filter);

}  // namespace rtoolchain::ir
