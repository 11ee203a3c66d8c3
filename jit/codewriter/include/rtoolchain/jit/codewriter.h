// The codewriter (docs/jit.md, "The codewriter"): a low-level program (the rtyper's output) to
// jitcodes and descriptors. Finds the portal (the function with jit_merge_point), the graphs
// the JIT may look inside under the call policy, turns each into a jitcode, and checks the
// portal's promises.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rtoolchain/ir/ir.h"
#include "rtoolchain/jit/jitcode.h"

namespace rtoolchain::jit::codewriter {

// A located error: the function and, when the IR knows it, the block and operation.
struct CodewriterError {
  std::string function;
  std::string location;  // "block3: `jit_merge_point ...`", may be empty
  std::string message;
  std::string to_string() const;  // "error: function F: LOCATION: MESSAGE"
};

// How a call site is compiled (the call policy, docs/jit.md "Call policy").
enum class CallKind : uint8_t { kRegular, kResidual, kElidable, kRecursive };

struct CodewriterResult {
  std::unique_ptr<JitProgram> program;  // null when there are errors
  std::vector<CodewriterError> errors;
  // Timing and size figures for `rtoolchain jitcodes --stats`.
  size_t num_instructions = 0, num_bytes = 0;
};

// The program must be low level and verified.
CodewriterResult write_jitcodes(const ir::Program& program);

}  // namespace rtoolchain::jit::codewriter
