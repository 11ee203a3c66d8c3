// The LLVM backend (docs/backend.md): a low-level program (docs/lowlevel.md) becomes an LLVM
// module, is optimised with the new pass manager, emitted as an object file and linked with the
// runtime for translated code (backends/llvm/runtime) and Boehm GC into an executable.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/Error.h>

#include "rtoolchain/ir/program.h"

namespace rtoolchain::backend {

// The module of a low-level program, verified with llvm::verifyModule. Fails naming the
// function and operation that has no lowering yet.
llvm::Expected<std::unique_ptr<llvm::Module>> generate_module(const ir::Program& program,
                                                              llvm::LLVMContext& context);

// Runs the new pass manager's default pipeline at -O0 or -O2 on the host target.
llvm::Error optimize_module(llvm::Module& module, unsigned opt_level);

// Writes a position-independent object file for the host.
llvm::Error emit_object(llvm::Module& module, unsigned opt_level, llvm::StringRef path);

// Splits the optimised module into `parts` modules and emits them in parallel, one thread each,
// as STEM.0.o, STEM.1.o…; one part: STEM.o. Returns the object files, in a deterministic order.
llvm::Expected<std::vector<std::string>> emit_objects(llvm::Module& module, unsigned opt_level, llvm::StringRef stem,
                                                      unsigned parts);

// Links the objects with the translated-code runtime, rlib's runtime and Boehm GC (clang-19 and
// lld), writing `output`.
llvm::Error link_executable(llvm::ArrayRef<std::string> objects, llvm::StringRef output);

}  // namespace rtoolchain::backend
