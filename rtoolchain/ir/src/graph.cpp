#include "rtoolchain/ir/graph.h"

#include <algorithm>

namespace rtoolchain::ir {

Graph::Graph() {
  start_ = new_block();
  return_ = new_block();
  except_ = new_block();
}

VarId Graph::new_variable(TypeId type) {
  VarId id(static_cast<uint32_t>(variables_.size()));
  variables_.push_back(Variable{type});
  return id;
}

BlockId Graph::new_block() {
  BlockId id(static_cast<uint32_t>(blocks_.size()));
  blocks_.emplace_back();
  return id;
}

VarId Graph::add_inputarg(BlockId block, TypeId type) {
  VarId var = new_variable(type);
  block_mut(block).inputargs.push_back(var);
  return var;
}

OpId Graph::append_op(BlockId block, Opcode opcode, llvm::ArrayRef<Value> args, VarId result) {
  OpId id(static_cast<uint32_t>(ops_.size()));
  Operation op{opcode, {}, result};
  op.args.append(args.begin(), args.end());
  ops_.push_back(std::move(op));
  block_mut(block).operations.push_back(id);
  return id;
}

LinkId Graph::add_link(BlockId source, BlockId target, llvm::ArrayRef<Value> args, ExitCase exitcase) {
  LinkId id(static_cast<uint32_t>(links_.size()));
  Link link{source, target, {}, exitcase, VarId(), VarId()};
  link.args.append(args.begin(), args.end());
  links_.push_back(std::move(link));
  block_mut(source).exits.push_back(id);
  return id;
}

std::vector<BlockId> Graph::reachable_blocks() const {
  // Iterative depth-first walk: deep graphs (long chains of blocks) must not exhaust the stack.
  std::vector<bool> seen(blocks_.size(), false);
  std::vector<BlockId> postorder;
  struct Frame {
    BlockId block;
    size_t next_exit;
  };
  std::vector<Frame> stack;
  auto visit = [&](BlockId block) {
    if (!block.valid() || block.index() >= blocks_.size() || seen[block.index()] || is_final(block))
      return;
    seen[block.index()] = true;
    stack.push_back({block, 0});
  };
  visit(start_);
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const Block& block = blocks_[frame.block.index()];
    if (frame.next_exit < block.exits.size()) {
      // Exits are walked last to first so that, reversed, a block's first exit comes first.
      LinkId exit = block.exits[block.exits.size() - 1 - frame.next_exit++];
      visit(links_[exit.index()].target);
    } else {
      postorder.push_back(frame.block);
      stack.pop_back();
    }
  }
  std::reverse(postorder.begin(), postorder.end());
  return postorder;
}

}  // namespace rtoolchain::ir
