// Flow graphs: the body of one function, in block-argument SSA form (RPython's flow graphs).
//
// A Graph has a start block, whose input arguments are the function's parameters, a return
// block with one input argument (the result) and an except block with two (the exception's
// class and the exception object); the return and except blocks have no operations and no exits.
// A Block has input arguments, operations, an exit switch and exits. A Link goes from a block to
// a target block, passing one argument per input argument of the target: values flow between
// blocks only through links, never by using a variable of another block. There are no phis.
//
// The exit switch says how a block chooses its exit:
//   none            one exit, with no case
//   a bool variable two exits, case false then case true
//   an int variable exits with distinct integer cases, then optionally a default exit
//   last exception  the last operation may raise: the first exit (no case) is taken when it does
//                   not, the others, whose cases are exception classes, when it raises an
//                   instance of their class; such a link defines two variables, the exception's
//                   class and the exception object, that its arguments may pass on.
//
// Entities are ids into the graph's tables; a graph only grows (a pass that drops blocks leaves
// them unreachable, and everything walks the graph from the start block).
#pragma once

#include <cstdint>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/SmallVector.h>

#include "rtoolchain/ir/ids.h"
#include "rtoolchain/ir/ops.h"

namespace rtoolchain::ir {

struct Variable {
  TypeId type;
};

struct Operation {
  Opcode opcode;
  llvm::SmallVector<Value, 3> args;
  VarId result;  // invalid when the operation has no result (its type would be void)
};

class ExitSwitch {
 public:
  enum class Kind : uint8_t { kNone, kVariable, kLastException };

  static ExitSwitch none() { return ExitSwitch(Kind::kNone, VarId()); }
  static ExitSwitch on(VarId var) { return ExitSwitch(Kind::kVariable, var); }
  static ExitSwitch last_exception() { return ExitSwitch(Kind::kLastException, VarId()); }

  Kind kind() const { return kind_; }
  bool is_none() const { return kind_ == Kind::kNone; }
  bool is_variable() const { return kind_ == Kind::kVariable; }
  bool is_last_exception() const { return kind_ == Kind::kLastException; }
  VarId variable() const { return var_; }

 private:
  ExitSwitch(Kind kind, VarId var) : kind_(kind), var_(var) {}
  Kind kind_;
  VarId var_;
};

class ExitCase {
 public:
  enum class Kind : uint8_t { kNone, kBool, kInt, kDefault, kException };

  // The exit of a block without switch, or the no-exception exit of a last-exception switch.
  static ExitCase none() { return ExitCase(Kind::kNone, 0, ClassId()); }
  static ExitCase boolean(bool value) { return ExitCase(Kind::kBool, value ? 1 : 0, ClassId()); }
  // For unsigned switch types, the bit pattern.
  static ExitCase integer(int64_t value) { return ExitCase(Kind::kInt, value, ClassId()); }
  static ExitCase default_case() { return ExitCase(Kind::kDefault, 0, ClassId()); }
  static ExitCase exception(ClassId cls) { return ExitCase(Kind::kException, 0, cls); }

  Kind kind() const { return kind_; }
  bool bool_value() const { return value_ != 0; }
  int64_t int_value() const { return value_; }
  ClassId exception_class() const { return class_; }

  friend bool operator==(const ExitCase& a, const ExitCase& b) {
    return a.kind_ == b.kind_ && a.value_ == b.value_ && a.class_ == b.class_;
  }

 private:
  ExitCase(Kind kind, int64_t value, ClassId cls) : kind_(kind), value_(value), class_(cls) {}
  Kind kind_;
  int64_t value_;
  ClassId class_;
};

struct Link {
  BlockId source;
  BlockId target;
  llvm::SmallVector<Value, 4> args;
  ExitCase exitcase = ExitCase::none();
  // Defined by exception links only: classref<C> and C* for the caught class C.
  VarId last_exception;
  VarId last_exc_value;
};

struct Block {
  llvm::SmallVector<VarId, 4> inputargs;
  std::vector<OpId> operations;
  ExitSwitch exitswitch = ExitSwitch::none();
  llvm::SmallVector<LinkId, 2> exits;
};

class Graph {
 public:
  // A graph with empty start, return and except blocks: Program::create_graph gives them their
  // input arguments.
  Graph();

  BlockId start_block() const { return start_; }
  BlockId return_block() const { return return_; }
  BlockId except_block() const { return except_; }
  bool is_final(BlockId block) const { return block == return_ || block == except_; }

  VarId new_variable(TypeId type);
  BlockId new_block();
  VarId add_inputarg(BlockId block, TypeId type);
  // `result` is a variable from new_variable, or invalid for an operation without result.
  OpId append_op(BlockId block, Opcode opcode, llvm::ArrayRef<Value> args, VarId result = VarId());
  LinkId add_link(BlockId source, BlockId target, llvm::ArrayRef<Value> args,
                  ExitCase exitcase = ExitCase::none());
  void set_exitswitch(BlockId block, ExitSwitch exitswitch) { block_mut(block).exitswitch = exitswitch; }

  const Block& block(BlockId id) const { return blocks_[id.index()]; }
  Block& block_mut(BlockId id) { return blocks_[id.index()]; }
  const Operation& op(OpId id) const { return ops_[id.index()]; }
  Operation& op_mut(OpId id) { return ops_[id.index()]; }
  const Link& link(LinkId id) const { return links_[id.index()]; }
  Link& link_mut(LinkId id) { return links_[id.index()]; }
  const Variable& variable(VarId id) const { return variables_[id.index()]; }
  Variable& variable_mut(VarId id) { return variables_[id.index()]; }

  size_t num_blocks() const { return blocks_.size(); }
  size_t num_ops() const { return ops_.size(); }
  size_t num_links() const { return links_.size(); }
  size_t num_variables() const { return variables_.size(); }

  // The blocks reachable from the start block, in reverse postorder of a depth-first walk that
  // takes exits last to first (so a block's first exit target tends to follow it), without the
  // return and except blocks. Printing, verifying and every pass that walks "all blocks" use
  // this order.
  std::vector<BlockId> reachable_blocks() const;

 private:
  std::vector<Block> blocks_;
  std::vector<Operation> ops_;
  std::vector<Link> links_;
  std::vector<Variable> variables_;
  BlockId start_, return_, except_;
};

}  // namespace rtoolchain::ir
