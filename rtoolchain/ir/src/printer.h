// The text printer's pieces (internal to rt_ir): the verifier and the dot printer name blocks,
// variables and operations exactly as the text printer does.
#pragma once

#include <string>
#include <vector>

#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/ir/program.h"

namespace rtoolchain::ir {

void print_constant(llvm::raw_ostream& out, const Program& program, ConstId constant);
void print_flags(llvm::raw_ostream& out, uint32_t flags, llvm::ArrayRef<FlagName> names);

// One top-level declaration (a function with its graph) as print_program prints it. It names
// other entities, never their ids, so equal texts in two programs mean equal definitions: what
// the linker compares.
std::string declaration_text(const Program& program, StructId id);
std::string declaration_text(const Program& program, EnumId id);
std::string declaration_text(const Program& program, KeyTraitsId id);
std::string declaration_text(const Program& program, ClassId id);
std::string declaration_text(const Program& program, JitDriverId id);
std::string declaration_text(const Program& program, GlobalId id);
std::string declaration_text(const Program& program, PrebuiltId id);
std::string declaration_text(const Program& program, FunctionId id);

// Prints one function. Blocks are numbered block0, block1... in Graph::reachable_blocks order
// and variables v0, v1... in order of first appearance in the text, so the numbering depends
// only on the graph's shape. The constructor numbers the whole function, so names asked for
// afterwards are those of the printed text.
class FunctionPrinter {
 public:
  FunctionPrinter(const Program& program, FunctionId function);

  void print(llvm::raw_ostream& out);
  const std::vector<BlockId>& block_order() const { return blocks_; }

  std::string block_name(BlockId block) const;
  std::string var_name(VarId var);
  std::string value_text(Value value);
  std::string block_header(BlockId block);
  std::string op_text(OpId op);
  // An exit as printed under a switch ("true -> block1(v0)"), or the goto line.
  std::string link_text(LinkId link);
  // The case and arguments of an exit, without its target ("true (v0)"), for dot edges.
  std::string link_label(LinkId link);

 private:
  void print_header(llvm::raw_ostream& out);
  void print_block(llvm::raw_ostream& out, BlockId block);
  void print_var(llvm::raw_ostream& out, VarId var);
  void print_value(llvm::raw_ostream& out, Value value);
  void print_var_definition(llvm::raw_ostream& out, VarId var);
  void print_op(llvm::raw_ostream& out, OpId op);
  void print_target(llvm::raw_ostream& out, const Link& link);
  void print_args(llvm::raw_ostream& out, const Link& link);
  void print_case(llvm::raw_ostream& out, const Link& link, BlockId source);

  const Program& program_;
  FunctionId function_;
  const Graph* graph_;
  std::vector<BlockId> blocks_;
  EntityMap<BlockId, int> block_numbers_{-1};
  EntityMap<VarId, int> var_numbers_{-1};
  int next_var_ = 0;
};

}  // namespace rtoolchain::ir
