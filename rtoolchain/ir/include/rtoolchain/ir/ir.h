// The flow-graph IR of rtoolchain (docs/ir.md): the one header later stages include.
//
//   program.h  the program model (classes, globals, functions...) that owns the graphs
//   graph.h    Graph, Block, Link, Operation, Variable
//   types.h, constants.h, ops.h (from ops.def)
//   builder.h  building a graph block by block
// and below: the text printer and parser, the verifier and the Graphviz printer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/ir/builder.h"
#include "rtoolchain/ir/constants.h"
#include "rtoolchain/ir/graph.h"
#include "rtoolchain/ir/ids.h"
#include "rtoolchain/ir/ops.h"
#include "rtoolchain/ir/program.h"
#include "rtoolchain/ir/types.h"

namespace rtoolchain::ir {

// --- Text. The output depends only on the program, never on memory layout: the same program
// prints byte-identical text on every run, and parse_program(print) prints back the same text.
void print_program(const Program& program, llvm::raw_ostream& out);
void print_function(const Program& program, FunctionId function, llvm::raw_ostream& out);
std::string program_to_string(const Program& program);
// One constant as it appears in the text ("2:i64", "field Frame.pc").
std::string constant_to_string(const Program& program, ConstId constant);

// The names the text printer gives one function's blocks, variables and operations, for the
// messages of later stages that point into printed text ("block3", "v7", "`v7: i64 = ...`").
class FunctionPrinter;
class FunctionNames {
 public:
  FunctionNames(const Program& program, FunctionId function);
  ~FunctionNames();
  FunctionNames(const FunctionNames&) = delete;
  FunctionNames& operator=(const FunctionNames&) = delete;
  std::string block(BlockId block) const;
  std::string var(VarId var) const;
  std::string op(OpId op) const;

 private:
  std::unique_ptr<FunctionPrinter> printer_;
};

// Parses IR text. The error is the first problem found, "name:line:col: error: message".
llvm::Expected<Program> parse_program(llvm::StringRef text, llvm::StringRef buffer_name = "<input>");

// --- Verifier: every error found, in a deterministic order; empty when the program is valid.
struct VerifierError {
  std::string function;  // empty for errors outside function bodies
  std::string location;  // the block, the operation or exit as printed, or the program entity
  std::string message;
  // "error: function fib: block1: `v3: i64 = int_add v1, v2`: <message>"
  std::string to_string() const;
};
std::vector<VerifierError> verify_program(const Program& program);
std::vector<VerifierError> verify_function(const Program& program, FunctionId function);

// --- Graphviz: one function's graph as dot text.
void print_dot(const Program& program, FunctionId function, llvm::raw_ostream& out);

}  // namespace rtoolchain::ir
