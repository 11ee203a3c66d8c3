// One function's body: blocks with arguments become basic blocks with phis (one edge block per
// link), operations become instructions with C++'s wrapping semantics (no nsw/nuw/exact), and
// every operation that can raise is followed by the pending-exception test (docs/backend.md).
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/MDBuilder.h>

#include "codegen.h"

namespace rtoolchain::backend {

using namespace rtoolchain::ir;

namespace {

class FunctionCodegen {
 public:
  FunctionCodegen(ModuleCodegen& m, FunctionId id)
      : m_(m), p_(m.program), id_(id), info_(p_.function_info(id)), g_(*info_.graph), fn_(m.function(id)),
        b_(m.context) {}

  llvm::Error run();

 private:
  llvm::Value* value(Value v);
  llvm::Error emit_op(const Operation& op, bool guarded_by_exits);
  void emit_link(LinkId link, llvm::BasicBlock* from);
  void emit_raise_exits(const Block& block, llvm::BasicBlock* normal);
  void propagate_if_pending();
  void emit_return_pending();
  llvm::Value* field_address(llvm::Value* object, FieldId field) {
    return b_.CreateGEP(m_.i8(), object, b_.getInt64(p_.field_offset(field)));
  }
  llvm::Value* type_id_of(llvm::Value* object) { return b_.CreateLoad(m_.i32(), object); }
  llvm::Value* in_range(llvm::Value* type_id, ClassId cls) {
    const ClassLayout& l = p_.class_layout(cls);
    return b_.CreateICmpULE(b_.CreateSub(type_id, b_.getInt32(l.min_type_id)),
                            b_.getInt32(l.max_type_id - l.min_type_id));
  }
  llvm::Value* is_instance(llvm::Value* object, ClassId cls);
  llvm::Error unsupported(const Operation& op) {
    return llvm::createStringError("backend: function " + info_.name + ": operation " + op_name(op.opcode).str() +
                                   ": no LLVM lowering yet");
  }
  TypeId type_of(Value v) { return p_.type_of(g_, v); }
  llvm::Value* slow_op(llvm::StringRef name, llvm::Value* a, llvm::Value* b, TypeId t);

  ModuleCodegen& m_;
  const Program& p_;
  FunctionId id_;
  const FunctionInfo& info_;
  const Graph& g_;
  llvm::Function* fn_;
  llvm::IRBuilder<> b_;
  llvm::DenseMap<uint32_t, llvm::Value*> values_;
  llvm::DenseMap<uint32_t, llvm::BasicBlock*> blocks_;
  llvm::DenseMap<uint32_t, llvm::SmallVector<llvm::PHINode*, 4>> phis_;
  llvm::GlobalVariable* exc_value_ = nullptr;
  llvm::GlobalVariable* exc_type_ = nullptr;
};

llvm::Value* FunctionCodegen::value(Value v) {
  if (v.is_constant()) return m_.constant(v.constant());
  return values_.lookup(v.variable().raw());
}

void FunctionCodegen::emit_return_pending() {
  llvm::Type* result = fn_->getReturnType();
  if (result->isVoidTy()) b_.CreateRetVoid();
  else b_.CreateRet(llvm::UndefValue::get(result));
}

// After an operation that can raise and is not guarded by its block's exception exits: a
// pending exception returns to the caller, which tests it in turn.
void FunctionCodegen::propagate_if_pending() {
  llvm::Value* pending = b_.CreateIsNotNull(b_.CreateLoad(m_.ptr(), exc_value_, "pending"));
  auto* raised = llvm::BasicBlock::Create(m_.context, "propagate", fn_);
  auto* go_on = llvm::BasicBlock::Create(m_.context, "no_exception", fn_);
  b_.CreateCondBr(pending, raised, go_on);
  b_.SetInsertPoint(raised);
  emit_return_pending();
  b_.SetInsertPoint(go_on);
}

llvm::Value* FunctionCodegen::is_instance(llvm::Value* object, ClassId cls) {
  // Null is an instance of nothing; the type id is read only when the object exists.
  llvm::BasicBlock* here = b_.GetInsertBlock();
  auto* check = llvm::BasicBlock::Create(m_.context, "instanceof", fn_);
  auto* done = llvm::BasicBlock::Create(m_.context, "instanceof_done", fn_);
  b_.CreateCondBr(b_.CreateIsNull(object), done, check);
  b_.SetInsertPoint(check);
  llvm::Value* inside = in_range(type_id_of(object), cls);
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  llvm::PHINode* phi = b_.CreatePHI(m_.i1(), 2);
  phi->addIncoming(b_.getFalse(), here);
  phi->addIncoming(inside, check);
  return phi;
}

llvm::Value* FunctionCodegen::slow_op(llvm::StringRef name, llvm::Value* a, llvm::Value* b, TypeId t) {
  auto layout = p_.integer_layout(t);
  auto widen = [&](llvm::Value* v) {
    if (!v) return static_cast<llvm::Value*>(b_.getInt64(0));
    return layout->is_signed ? b_.CreateSExt(v, m_.i64()) : b_.CreateZExt(v, m_.i64());
  };
  llvm::Function* slow = m_.runtime(("rtx_op_" + name).str(), m_.i64(), {m_.i64(), m_.i64(), m_.i32()});
  llvm::Value* r = b_.CreateCall(slow, {widen(a), widen(b), b_.getInt32(layout->bits)});
  return b_.CreateTrunc(r, m_.type(t));
}

llvm::Error FunctionCodegen::emit_op(const Operation& op, bool guarded_by_exits) {
  auto arg = [&](unsigned i) { return value(op.args[i]); };
  llvm::Type* result_type = op.result.valid() ? m_.type(g_.variable(op.result).type) : nullptr;
  llvm::Value* r = nullptr;
  bool raises = false;
  auto width = [&](unsigned i) { return p_.integer_layout(type_of(op.args[i])); };
  // Shifts compute at i64 with the count masked to 0..63, then wrap, as graph mode does.
  auto shift = [&](bool left, bool arithmetic) {
    auto layout = width(0);
    llvm::Value* x = layout->is_signed ? b_.CreateSExt(arg(0), m_.i64()) : b_.CreateZExt(arg(0), m_.i64());
    llvm::Value* count = b_.CreateAnd(b_.CreateZExtOrTrunc(arg(1), m_.i64()), 63);
    llvm::Value* s = left ? b_.CreateShl(x, count) : arithmetic ? b_.CreateAShr(x, count) : b_.CreateLShr(x, count);
    return b_.CreateTrunc(s, result_type);
  };
  switch (op.opcode) {
    case Opcode::int_add: r = b_.CreateAdd(arg(0), arg(1)); break;
    case Opcode::int_sub: r = b_.CreateSub(arg(0), arg(1)); break;
    case Opcode::int_mul: r = b_.CreateMul(arg(0), arg(1)); break;
    case Opcode::int_and: r = b_.CreateAnd(arg(0), arg(1)); break;
    case Opcode::int_or: r = b_.CreateOr(arg(0), arg(1)); break;
    case Opcode::int_xor: r = b_.CreateXor(arg(0), arg(1)); break;
    case Opcode::int_neg: r = b_.CreateSub(llvm::ConstantInt::get(result_type, 0), arg(0)); break;
    case Opcode::int_invert: r = b_.CreateNot(arg(0)); break;
    case Opcode::int_lshift: r = shift(true, false); break;
    case Opcode::int_rshift: r = shift(false, true); break;
    case Opcode::uint_rshift: r = shift(false, false); break;
    case Opcode::int_div_c:
    case Opcode::int_mod_c:
    case Opcode::int_div_floor:
    case Opcode::int_mod_floor: {
      // Inline when the divisor is neither 0 nor -1 (the cases that raise or overflow), else
      // rt's own function in the runtime.
      bool is_div = op.opcode == Opcode::int_div_c || op.opcode == Opcode::int_div_floor;
      bool floor = op.opcode == Opcode::int_div_floor || op.opcode == Opcode::int_mod_floor;
      llvm::Value* a = arg(0);
      llvm::Value* d = arg(1);
      llvm::BasicBlock* here = b_.GetInsertBlock();
      auto* fast = llvm::BasicBlock::Create(m_.context, "div_fast", fn_);
      auto* slow = llvm::BasicBlock::Create(m_.context, "div_slow", fn_);
      auto* done = llvm::BasicBlock::Create(m_.context, "div_done", fn_);
      llvm::Value* special = b_.CreateICmpULT(b_.CreateAdd(d, llvm::ConstantInt::get(d->getType(), 1)),
                                              llvm::ConstantInt::get(d->getType(), 2));
      b_.CreateCondBr(special, slow, fast);
      (void)here;
      b_.SetInsertPoint(fast);
      llvm::Value* q = b_.CreateSDiv(a, d);
      llvm::Value* rem = b_.CreateSRem(a, d);
      if (floor) {
        llvm::Value* adjust = b_.CreateAnd(b_.CreateICmpNE(rem, llvm::ConstantInt::get(d->getType(), 0)),
                                           b_.CreateICmpSLT(b_.CreateXor(rem, d), llvm::ConstantInt::get(d->getType(), 0)));
        q = b_.CreateSelect(adjust, b_.CreateSub(q, llvm::ConstantInt::get(d->getType(), 1)), q);
        rem = b_.CreateSelect(adjust, b_.CreateAdd(rem, d), rem);
      }
      llvm::Value* fast_result = is_div ? q : rem;
      llvm::BasicBlock* fast_end = b_.GetInsertBlock();
      b_.CreateBr(done);
      b_.SetInsertPoint(slow);
      llvm::Value* slow_result = slow_op(op_name(op.opcode), a, d, type_of(op.args[0]));
      llvm::BasicBlock* slow_end = b_.GetInsertBlock();
      b_.CreateBr(done);
      b_.SetInsertPoint(done);
      llvm::PHINode* phi = b_.CreatePHI(result_type, 2);
      phi->addIncoming(fast_result, fast_end);
      phi->addIncoming(slow_result, slow_end);
      r = phi;
      raises = true;
      break;
    }
    case Opcode::int_div_floor_ovf:
    case Opcode::uint_div:
    case Opcode::uint_mod:
    case Opcode::int_add_ovf:
    case Opcode::int_sub_ovf:
    case Opcode::int_mul_ovf:
    case Opcode::int_lshift_var:
    case Opcode::int_rshift_var:
    case Opcode::uint_rshift_var:
    case Opcode::int_lshift_ovf:
      r = slow_op(op_name(op.opcode), arg(0), arg(1), type_of(op.args[0]));
      raises = true;
      break;
    case Opcode::int_neg_ovf:
      r = slow_op(op_name(op.opcode), arg(0), nullptr, type_of(op.args[0]));
      raises = true;
      break;
    case Opcode::cast_float_to_int:
      r = b_.CreateCall(m_.runtime("rtx_op_cast_float_to_int", m_.i64(), {llvm::Type::getDoubleTy(m_.context)}), {arg(0)});
      raises = true;
      break;
    case Opcode::int_eq: r = b_.CreateICmpEQ(arg(0), arg(1)); break;
    case Opcode::int_ne: r = b_.CreateICmpNE(arg(0), arg(1)); break;
    case Opcode::int_lt: r = b_.CreateICmpSLT(arg(0), arg(1)); break;
    case Opcode::int_le: r = b_.CreateICmpSLE(arg(0), arg(1)); break;
    case Opcode::int_gt: r = b_.CreateICmpSGT(arg(0), arg(1)); break;
    case Opcode::int_ge: r = b_.CreateICmpSGE(arg(0), arg(1)); break;
    case Opcode::uint_lt: r = b_.CreateICmpULT(arg(0), arg(1)); break;
    case Opcode::uint_le: r = b_.CreateICmpULE(arg(0), arg(1)); break;
    case Opcode::uint_gt: r = b_.CreateICmpUGT(arg(0), arg(1)); break;
    case Opcode::uint_ge: r = b_.CreateICmpUGE(arg(0), arg(1)); break;
    case Opcode::int_is_true: r = b_.CreateIsNotNull(arg(0)); break;
    case Opcode::bool_not: r = b_.CreateNot(arg(0)); break;
    case Opcode::float_add: r = b_.CreateFAdd(arg(0), arg(1)); break;
    case Opcode::float_sub: r = b_.CreateFSub(arg(0), arg(1)); break;
    case Opcode::float_mul: r = b_.CreateFMul(arg(0), arg(1)); break;
    case Opcode::float_truediv: r = b_.CreateFDiv(arg(0), arg(1)); break;
    case Opcode::float_neg: r = b_.CreateFNeg(arg(0)); break;
    case Opcode::float_eq: r = b_.CreateFCmpOEQ(arg(0), arg(1)); break;
    case Opcode::float_ne: r = b_.CreateFCmpUNE(arg(0), arg(1)); break;
    case Opcode::float_lt: r = b_.CreateFCmpOLT(arg(0), arg(1)); break;
    case Opcode::float_le: r = b_.CreateFCmpOLE(arg(0), arg(1)); break;
    case Opcode::float_gt: r = b_.CreateFCmpOGT(arg(0), arg(1)); break;
    case Opcode::float_ge: r = b_.CreateFCmpOGE(arg(0), arg(1)); break;
    case Opcode::cast_int: {
      auto from = width(0);
      r = from->is_signed ? b_.CreateSExtOrTrunc(arg(0), result_type) : b_.CreateZExtOrTrunc(arg(0), result_type);
      break;
    }
    case Opcode::cast_bool_to_int: r = b_.CreateZExt(arg(0), result_type); break;
    case Opcode::cast_int_to_float:
      r = width(0)->is_signed ? b_.CreateSIToFP(arg(0), result_type) : b_.CreateUIToFP(arg(0), result_type);
      break;
    case Opcode::same_as:
    case Opcode::cast_pointer:
    case Opcode::jit_promote:
    case Opcode::jit_promote_string:
    case Opcode::jit_access_directly:
    case Opcode::jit_fresh_virtualizable: r = arg(0); break;
    case Opcode::jit_we_are_jitted:
    case Opcode::jit_isconstant:
    case Opcode::jit_isvirtual: r = b_.getFalse(); break;
    case Opcode::jit_current_trace_length: r = b_.getInt64(-1); break;
    case Opcode::jit_merge_point:
    case Opcode::can_enter_jit:
    case Opcode::jit_record_exact_class:
    case Opcode::jit_record_exact_value:
    case Opcode::jit_record_known_result:
    case Opcode::jit_loop_header:
    case Opcode::jit_assert_green:
    case Opcode::jit_debug:
    case Opcode::jit_enter_portal_frame:
    case Opcode::jit_leave_portal_frame:
    case Opcode::jit_force_virtualizable:
    case Opcode::jit_force_quasi_immutable: break;
    case Opcode::direct_call:
    case Opcode::indirect_call: {
      bool direct = op.opcode == Opcode::direct_call;
      unsigned first = direct ? 1 : 2;
      llvm::SmallVector<llvm::Value*, 4> args;
      for (unsigned i = first; i < op.args.size(); ++i) args.push_back(arg(i));
      if (direct) {
        FunctionId callee = p_.constant(op.args[0].constant()).function();
        r = b_.CreateCall(m_.function(callee), args);
        raises = (p_.function_info(callee).flags & kNoThrow) == 0;
      } else {
        r = b_.CreateCall(m_.function_type(type_of(op.args[0])), arg(0), args);
        raises = true;
      }
      if (r->getType()->isVoidTy()) r = nullptr;
      break;
    }
    case Opcode::new_object: {
      ClassId cls = p_.constant(op.args[0].constant()).class_id();
      const ClassLayout& l = p_.class_layout(cls);
      r = b_.CreateCall(m_.runtime("rtx_alloc", m_.ptr(), {m_.i64(), m_.i32()}),
                        {b_.getInt64(l.size), b_.getInt32(l.min_type_id)});
      break;
    }
    case Opcode::malloc_varsize: {
      TypeId array_type = g_.variable(op.result).type;
      uint64_t item_size = p_.machine_layout(p_.types().get(array_type).item).size;
      r = b_.CreateCall(m_.runtime("rtx_alloc_array", m_.ptr(), {m_.i64(), m_.i64(), m_.i32()}),
                        {arg(0), b_.getInt64(item_size), b_.getInt32(p_.array_type_id(array_type))});
      break;
    }
    case Opcode::getfield:
      r = b_.CreateLoad(result_type, field_address(arg(0), p_.constant(op.args[1].constant()).field()));
      break;
    case Opcode::setfield:
      b_.CreateStore(arg(2), field_address(arg(0), p_.constant(op.args[1].constant()).field()));
      break;
    case Opcode::getglobal:
      r = b_.CreateLoad(result_type, m_.global(p_.constant(op.args[0].constant()).global()));
      break;
    case Opcode::setglobal: b_.CreateStore(arg(1), m_.global(p_.constant(op.args[0].constant()).global())); break;
    case Opcode::getarraysize: r = b_.CreateLoad(m_.i64(), b_.CreateGEP(m_.i8(), arg(0), b_.getInt64(8))); break;
    case Opcode::getarrayitem:
    case Opcode::setarrayitem: {
      TypeId item = p_.types().get(type_of(op.args[0])).item;
      uint64_t item_size = p_.machine_layout(item).size;
      llvm::Value* offset = b_.CreateAdd(b_.CreateMul(arg(1), b_.getInt64(item_size)), b_.getInt64(kGcArrayItemsOffset));
      llvm::Value* address = b_.CreateGEP(m_.i8(), arg(0), offset);
      if (op.opcode == Opcode::getarrayitem) r = b_.CreateLoad(result_type, address);
      else b_.CreateStore(arg(2), address);
      break;
    }
    case Opcode::gc_typeid: r = type_id_of(arg(0)); break;
    case Opcode::gc_identityhash: r = b_.CreatePtrToInt(arg(0), m_.i64()); break;
    case Opcode::instanceof: r = is_instance(arg(0), p_.constant(op.args[1].constant()).class_id()); break;
    case Opcode::classof: r = type_id_of(arg(0)); break;
    case Opcode::class_issubclass: r = in_range(arg(0), p_.constant(op.args[1].constant()).class_id()); break;
    case Opcode::cast_dynamic: {
      llvm::Value* object = arg(0);
      r = b_.CreateSelect(is_instance(object, p_.constant(op.args[1].constant()).class_id()), object,
                          llvm::ConstantPointerNull::get(llvm::PointerType::get(m_.context, 0)));
      break;
    }
    case Opcode::ptr_eq: r = b_.CreateICmpEQ(arg(0), arg(1)); break;
    case Opcode::ptr_ne: r = b_.CreateICmpNE(arg(0), arg(1)); break;
    case Opcode::ptr_iszero: r = b_.CreateIsNull(arg(0)); break;
    case Opcode::ptr_nonzero: r = b_.CreateIsNotNull(arg(0)); break;
    case Opcode::struct_new: {
      r = llvm::UndefValue::get(result_type);
      for (unsigned i = 0; i < op.args.size(); ++i) r = b_.CreateInsertValue(r, arg(i), i);
      break;
    }
    case Opcode::struct_getfield:
    case Opcode::struct_setfield: {
      FieldId field = p_.constant(op.args[1].constant()).field();
      const StructInfo& s = p_.struct_info(p_.field_info(field).owner_struct);
      unsigned index = std::find(s.fields.begin(), s.fields.end(), field) - s.fields.begin();
      r = op.opcode == Opcode::struct_getfield ? b_.CreateExtractValue(arg(0), index)
                                               : b_.CreateInsertValue(arg(0), arg(2), index);
      break;
    }
    case Opcode::debug_assert: {
      auto* fail = llvm::BasicBlock::Create(m_.context, "assert_failed", fn_);
      auto* ok = llvm::BasicBlock::Create(m_.context, "assert_ok", fn_);
      b_.CreateCondBr(arg(0), ok, fail);
      b_.SetInsertPoint(fail);
      const Constant& message = p_.constant(op.args[1].constant());
      b_.CreateCall(m_.runtime("rtx_fatal", llvm::Type::getVoidTy(m_.context), {m_.ptr()}),
                    {b_.CreateGlobalStringPtr("debug_assert failed: " + message.text)});
      b_.CreateUnreachable();
      b_.SetInsertPoint(ok);
      break;
    }
    default: return unsupported(op);
  }
  if (op.result.valid()) values_[op.result.raw()] = r;
  if (raises && !guarded_by_exits) propagate_if_pending();
  return llvm::Error::success();
}

void FunctionCodegen::emit_link(LinkId id, llvm::BasicBlock* from) {
  const Link& link = g_.link(id);
  b_.SetInsertPoint(from);
  if (link.target == g_.return_block()) {
    llvm::Value* result = link.args.empty() ? nullptr : value(link.args[0]);
    if (fn_->getReturnType()->isVoidTy() || !result) b_.CreateRetVoid();
    else b_.CreateRet(result);
    return;
  }
  if (link.target == g_.except_block()) {
    // A raise: the pair becomes the pending exception; the caller tests it.
    b_.CreateStore(value(link.args[0]), exc_type_);
    b_.CreateStore(value(link.args[1]), exc_value_);
    emit_return_pending();
    return;
  }
  auto& phis = phis_[link.target.raw()];
  for (size_t i = 0; i < link.args.size(); ++i) phis[i]->addIncoming(value(link.args[i]), from);
  b_.CreateBr(blocks_.lookup(link.target.raw()));
}

// The exits of a block whose last operation may raise: the first exit when nothing is pending,
// else the exception links in order, each a type-id range check on the pending exception's
// class, and propagation to the caller when none matches.
void FunctionCodegen::emit_raise_exits(const Block& block, llvm::BasicBlock* normal_edge) {
  llvm::Value* pending = b_.CreateLoad(m_.ptr(), exc_value_, "pending");
  auto* dispatch = llvm::BasicBlock::Create(m_.context, "dispatch_exception", fn_);
  b_.CreateCondBr(b_.CreateIsNotNull(pending), dispatch, normal_edge);
  b_.SetInsertPoint(dispatch);
  for (size_t i = 1; i < block.exits.size(); ++i) {
    const Link& link = g_.link(block.exits[i]);
    ClassId cls = link.exitcase.exception_class();
    llvm::Value* type_id = b_.CreateLoad(m_.i32(), exc_type_);
    auto* caught = llvm::BasicBlock::Create(m_.context, "catch", fn_);
    auto* next = llvm::BasicBlock::Create(m_.context, "not_caught", fn_);
    b_.CreateCondBr(in_range(type_id, cls), caught, next);
    b_.SetInsertPoint(caught);
    if (link.last_exception.valid()) values_[link.last_exception.raw()] = type_id;
    if (link.last_exc_value.valid()) values_[link.last_exc_value.raw()] = b_.CreateLoad(m_.ptr(), exc_value_);
    b_.CreateStore(llvm::ConstantPointerNull::get(llvm::PointerType::get(m_.context, 0)), exc_value_);
    b_.CreateStore(b_.getInt32(0), exc_type_);
    emit_link(block.exits[i], b_.GetInsertBlock());
    b_.SetInsertPoint(next);
  }
  emit_return_pending();
}

llvm::Error FunctionCodegen::run() {
  exc_value_ = m_.runtime_global("rtx_exc_value", m_.ptr());
  exc_type_ = m_.runtime_global("rtx_exc_type", m_.i32());
  // A load through null must fault (rlib's handler reports it, status 70) rather than let the
  // optimiser treat it as unreachable: -fno-delete-null-pointer-checks for translated code.
  fn_->addFnAttr(llvm::Attribute::NullPointerIsValid);
  std::vector<BlockId> order = g_.reachable_blocks();
  auto* entry = llvm::BasicBlock::Create(m_.context, "entry", fn_);
  for (BlockId block : order) {
    auto* bb = llvm::BasicBlock::Create(m_.context, "b" + std::to_string(block.index()), fn_);
    blocks_[block.raw()] = bb;
    b_.SetInsertPoint(bb);
    auto& phis = phis_[block.raw()];
    for (VarId var : g_.block(block).inputargs) {
      llvm::PHINode* phi = b_.CreatePHI(m_.type(g_.variable(var).type), 2);
      phis.push_back(phi);
      values_[var.raw()] = phi;
    }
  }
  // The stack check (RPython's): compare the frame address with the runtime's limit.
  b_.SetInsertPoint(entry);
  llvm::Value* frame = b_.CreateIntrinsic(llvm::Intrinsic::frameaddress, {m_.ptr()}, {b_.getInt32(0)});
  llvm::Value* limit = b_.CreateLoad(m_.i64(), m_.runtime_global("rtx_stack_limit", m_.i64()));
  auto* overflow = llvm::BasicBlock::Create(m_.context, "stack_overflow", fn_);
  auto* start = llvm::BasicBlock::Create(m_.context, "start", fn_);
  b_.CreateCondBr(b_.CreateICmpULT(b_.CreatePtrToInt(frame, m_.i64()), limit), overflow, start, 
                  llvm::MDBuilder(m_.context).createUnlikelyBranchWeights());
  b_.SetInsertPoint(overflow);
  b_.CreateCall(m_.runtime("rtx_stack_overflow", llvm::Type::getVoidTy(m_.context), {}));
  emit_return_pending();
  b_.SetInsertPoint(start);
  auto& start_phis = phis_[g_.start_block().raw()];
  for (size_t i = 0; i < start_phis.size(); ++i) start_phis[i]->addIncoming(fn_->getArg(i), start);
  b_.CreateBr(blocks_.lookup(g_.start_block().raw()));

  for (BlockId id : order) {
    const Block& block = g_.block(id);
    b_.SetInsertPoint(blocks_.lookup(id.raw()));
    for (size_t i = 0; i < block.operations.size(); ++i) {
      bool last_guarded = block.exitswitch.is_last_exception() && i + 1 == block.operations.size();
      if (llvm::Error error = emit_op(g_.op(block.operations[i]), last_guarded)) return error;
    }
    llvm::BasicBlock* here = b_.GetInsertBlock();
    auto edge = [&](LinkId link) {
      auto* bb = llvm::BasicBlock::Create(m_.context, "edge", fn_);
      emit_link(link, bb);
      return bb;
    };
    const ExitSwitch& sw = block.exitswitch;
    if (sw.is_none()) {
      emit_link(block.exits[0], here);
    } else if (sw.is_last_exception()) {
      llvm::BasicBlock* normal = edge(block.exits[0]);
      b_.SetInsertPoint(here);
      emit_raise_exits(block, normal);
    } else {
      llvm::Value* selector = values_.lookup(sw.variable().raw());
      llvm::SmallVector<std::pair<const Link*, llvm::BasicBlock*>, 4> edges;
      for (LinkId link : block.exits) edges.push_back({&g_.link(link), edge(link)});
      b_.SetInsertPoint(here);
      if (selector->getType()->isIntegerTy(1)) {
        llvm::BasicBlock* on_true = nullptr;
        llvm::BasicBlock* on_false = nullptr;
        for (auto& [link, bb] : edges) (link->exitcase.bool_value() ? on_true : on_false) = bb;
        b_.CreateCondBr(selector, on_true, on_false);
      } else {
        llvm::BasicBlock* fallback = nullptr;
        for (auto& [link, bb] : edges)
          if (link->exitcase.kind() == ExitCase::Kind::kDefault) fallback = bb;
        if (!fallback) {
          fallback = llvm::BasicBlock::Create(m_.context, "no_case", fn_);
          llvm::IRBuilder<>(fallback).CreateUnreachable();
        }
        llvm::SwitchInst* s = b_.CreateSwitch(selector, fallback, edges.size());
        for (auto& [link, bb] : edges)
          if (link->exitcase.kind() == ExitCase::Kind::kInt)
            s->addCase(llvm::cast<llvm::ConstantInt>(llvm::ConstantInt::get(
                           selector->getType(), static_cast<uint64_t>(link->exitcase.int_value()))),
                       bb);
      }
    }
  }
  return llvm::Error::success();
}

}  // namespace

llvm::Error generate_function_body(ModuleCodegen& module, FunctionId id) {
  return FunctionCodegen(module, id).run();
}

}  // namespace rtoolchain::backend
