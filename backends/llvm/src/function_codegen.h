// Internal: the code generator of one function (docs/backend.md). codegen_function.cpp holds
// blocks, links, calls, objects and the exception protocol; codegen_scalar.cpp the integer, float
// and conversion operations.
#pragma once

#include "codegen.h"

namespace rtoolchain::backend {

class FunctionCodegen {
 public:
  FunctionCodegen(ModuleCodegen& m, ir::FunctionId id)
      : m_(m), p_(m.program), id_(id), info_(p_.function_info(id)), g_(*info_.graph), fn_(m.function(id)),
        b_(m.context) {}

  llvm::Error run();

 private:
  llvm::Value* value(ir::Value v);
  llvm::Error emit_op(const ir::Operation& op, bool guarded_by_exits);
  // The integer, float and conversion operations; false when `op` is none of them.
  bool emit_scalar_op(const ir::Operation& op, llvm::Value*& result, bool& raises);
  // A direct call, or its inline form for the exact rt::math externals.
  llvm::Value* emit_direct_call(ir::FunctionId callee, llvm::ArrayRef<llvm::Value*> args);
  void emit_link(ir::LinkId link, llvm::BasicBlock* from);
  void emit_raise_exits(const ir::Block& block, llvm::BasicBlock* normal);
  void propagate_if_pending();
  void emit_return_pending();
  llvm::Value* field_address(llvm::Value* object, ir::FieldId field) {
    return b_.CreateGEP(m_.i8(), object, b_.getInt64(p_.field_offset(field)));
  }
  llvm::Value* type_id_of(llvm::Value* object) { return b_.CreateLoad(m_.i32(), object); }
  llvm::Value* in_range(llvm::Value* type_id, ir::ClassId cls) {
    const ir::ClassLayout& l = p_.class_layout(cls);
    return b_.CreateICmpULE(b_.CreateSub(type_id, b_.getInt32(l.min_type_id)),
                            b_.getInt32(l.max_type_id - l.min_type_id));
  }
  llvm::Value* is_instance(llvm::Value* object, ir::ClassId cls);
  llvm::Error unsupported(const ir::Operation& op) {
    // The IR has no source locations yet (docs/backend.md): the function, block and operation.
    return llvm::createStringError("backend: function " + info_.name + ", block b" + std::to_string(block_index_) +
                                   ", operation " + std::to_string(op_index_) + " (" +
                                   ir::op_name(op.opcode).str() + "): no LLVM lowering yet");
  }
  ir::TypeId type_of(ir::Value v) { return p_.type_of(g_, v); }
  llvm::Value* slow_op(llvm::StringRef name, llvm::Value* a, llvm::Value* b, ir::TypeId t);

  ModuleCodegen& m_;
  const ir::Program& p_;
  ir::FunctionId id_;
  const ir::FunctionInfo& info_;
  const ir::Graph& g_;
  llvm::Function* fn_;
  llvm::IRBuilder<> b_;
  llvm::DenseMap<uint32_t, llvm::Value*> values_;
  llvm::DenseMap<uint32_t, llvm::BasicBlock*> blocks_;
  llvm::DenseMap<uint32_t, llvm::SmallVector<llvm::PHINode*, 4>> phis_;
  llvm::GlobalVariable* exc_value_ = nullptr;
  llvm::GlobalVariable* exc_type_ = nullptr;
  uint32_t block_index_ = 0;  // where code generation is, for messages
  size_t op_index_ = 0;
};

}  // namespace rtoolchain::backend
