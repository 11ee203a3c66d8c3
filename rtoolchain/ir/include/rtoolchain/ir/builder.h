// A small helper that builds one function's graph block by block, for the front end and tests:
//
//   Builder b(program, fib);                      // creates the graph, cursor at the start
//   Value n = b.arg(0);
//   Value small = b.emit(Opcode::int_lt, {n, program.const_int(i64, 2)}, types.bool_type());
//   BlockId base = b.new_block({i64}), rec = b.new_block({i64});
//   b.branch(small, base, {n}, rec, {n});         // ends the start block
//   b.set_block(base);
//   b.ret(b.arg(0));
//
// Exits end a block: add operations first, then one of jump/ret/raise/branch/switch_on/
// on_exception. The builder does not check what it builds; the verifier does.
#pragma once

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/SmallVector.h>

#include "rtoolchain/ir/program.h"

namespace rtoolchain::ir {

class Builder {
 public:
  Builder(Program& program, FunctionId function);

  Program& program() { return program_; }
  Graph& graph() { return graph_; }
  TypeTable& types() { return program_.types(); }

  BlockId new_block(llvm::ArrayRef<TypeId> arg_types = {});
  void set_block(BlockId block) { current_ = block; }
  BlockId current_block() const { return current_; }
  // An input argument of the current block.
  Value arg(unsigned index) const;

  // Appends an operation to the current block and returns its result; an invalid or void
  // result type gives an operation without result (and a none Value).
  Value emit(Opcode opcode, llvm::ArrayRef<Value> args, TypeId result_type = TypeId());
  // direct_call with the callee's result type.
  Value call(FunctionId callee, llvm::ArrayRef<Value> args);

  // --- Exits. -------------------------------------------------------------------------------
  void jump(BlockId target, llvm::ArrayRef<Value> args);
  void ret(Value value);
  void ret_void();
  // throw `exception_object`: its run-time class and itself go to the except block.
  void raise(Value exception_object);
  void branch(Value condition, BlockId if_true, llvm::ArrayRef<Value> true_args, BlockId if_false,
              llvm::ArrayRef<Value> false_args);
  struct SwitchCase {
    int64_t value;
    BlockId target;
    llvm::SmallVector<Value, 4> args;
  };
  // An invalid default_target means no default exit.
  void switch_on(Value value, llvm::ArrayRef<SwitchCase> cases, BlockId default_target = BlockId(),
                 llvm::ArrayRef<Value> default_args = {});
  // The current block switches on whether its last operation raises; `normal_target` is taken
  // when it does not. Add handlers with add_handler.
  void on_exception(BlockId normal_target, llvm::ArrayRef<Value> normal_args);
  struct Handler {
    LinkId link;
    Value exception_class;   // classref<cls>, defined by the link
    Value exception_object;  // cls*, defined by the link
  };
  // A link taken when the last operation raises an instance of `cls`; give it a target with
  // set_target (its arguments may use the handler's two values).
  Handler add_handler(ClassId cls);
  void set_target(LinkId link, BlockId target, llvm::ArrayRef<Value> args);

 private:
  Program& program_;
  Graph& graph_;
  BlockId current_;
};

}  // namespace rtoolchain::ir
