// What the two ways of running a program with JIT machinery in low-level graph mode
// (run_program_with_blackhole_portal, run_program_with_jit) share.
#pragma once

#include <string>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/graphinterp/graphinterp.h"
#include "rtoolchain/jit/codewriter.h"

namespace rtoolchain::jit::llgraph {

// Runs the codewriter on `program` into `written`; false after printing its errors.
bool write_jitcodes_or_report(const ir::Program& program, codewriter::CodewriterResult& written,
                              llvm::raw_ostream& errors);

// Calls the program's entry point with argv as a list of strings, as host mode's main() does.
graphinterp::Outcome call_entry_point(graphinterp::Interpreter& interp, const ir::Program& program,
                                      llvm::ArrayRef<std::string> argv);

}  // namespace rtoolchain::jit::llgraph
