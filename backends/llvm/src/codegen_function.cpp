// One function's body: blocks with arguments become basic blocks with phis (one edge block per
// link), operations become instructions with C++'s wrapping semantics (no nsw/nuw/exact), and
// every operation that can raise is followed by the pending-exception test (docs/backend.md).
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/MDBuilder.h>

#include "function_codegen.h"

namespace rtoolchain::backend {

using namespace rtoolchain::ir;

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

llvm::Error FunctionCodegen::emit_op(const Operation& op, bool guarded_by_exits) {
  auto arg = [&](unsigned i) { return value(op.args[i]); };
  llvm::Type* result_type = op.result.valid() ? m_.type(g_.variable(op.result).type) : nullptr;
  llvm::Value* r = nullptr;
  bool raises = false;
  if (emit_scalar_op(op, r, raises)) {
    if (op.result.valid()) values_[op.result.raw()] = r;
    if (raises && !guarded_by_exits) propagate_if_pending();
    return llvm::Error::success();
  }
  switch (op.opcode) {
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
    case Opcode::jit_force_quasi_immutable:
    case Opcode::jit_set_param: break;
    case Opcode::jit_set_user_param:
      b_.CreateCall(m_.runtime("rtx_op_jit_set_user_param", llvm::Type::getVoidTy(m_.context), {m_.ptr()}), {arg(1)});
      raises = true;
      break;
    case Opcode::jit_conditional_call:
    case Opcode::jit_conditional_call_elidable: {
      // conditional_call: cond, @f, args; the elidable form: value, @f, args, calling f only
      // when value is zero (null, false, 0.0), as rt::jit's host versions do.
      FunctionId callee = p_.constant(op.args[1].constant()).function();
      llvm::SmallVector<llvm::Value*, 4> args;
      for (unsigned i = 2; i < op.args.size(); ++i) args.push_back(arg(i));
      llvm::Value* given = arg(0);
      llvm::Value* call_it = op.opcode == Opcode::jit_conditional_call ? given
                             : given->getType()->isDoubleTy()
                                 ? b_.CreateFCmpOEQ(given, llvm::ConstantFP::get(given->getType(), 0.0))
                                 : b_.CreateIsNull(given);
      llvm::BasicBlock* here = b_.GetInsertBlock();
      auto* call_block = llvm::BasicBlock::Create(m_.context, "conditional_call", fn_);
      auto* done = llvm::BasicBlock::Create(m_.context, "conditional_call_done", fn_);
      b_.CreateCondBr(call_it, call_block, done);
      b_.SetInsertPoint(call_block);
      llvm::Value* called = emit_direct_call(callee, args);
      llvm::BasicBlock* call_end = b_.GetInsertBlock();
      b_.CreateBr(done);
      b_.SetInsertPoint(done);
      if (op.opcode == Opcode::jit_conditional_call_elidable) {
        llvm::PHINode* phi = b_.CreatePHI(given->getType(), 2);
        phi->addIncoming(given, here);
        phi->addIncoming(called, call_end);
        r = phi;
      }
      raises = (p_.function_info(callee).flags & kNoThrow) == 0;
      break;
    }
    case Opcode::direct_call:
    case Opcode::indirect_call: {
      bool direct = op.opcode == Opcode::direct_call;
      unsigned first = direct ? 1 : 2;
      llvm::SmallVector<llvm::Value*, 4> args;
      for (unsigned i = first; i < op.args.size(); ++i) args.push_back(arg(i));
      if (direct) {
        FunctionId callee = p_.constant(op.args[0].constant()).function();
        r = emit_direct_call(callee, args);
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

llvm::Value* FunctionCodegen::emit_direct_call(FunctionId callee, llvm::ArrayRef<llvm::Value*> args) {
  const FunctionInfo& info = p_.function_info(callee);
  if (info.is_external) {
    // rt::math's exact functions are LLVM intrinsics (the same IEEE results as libm's).
    static const std::pair<llvm::StringRef, llvm::Intrinsic::ID> kIntrinsics[] = {
        {"rt::math::sqrt", llvm::Intrinsic::sqrt},   {"rt::math::floor", llvm::Intrinsic::floor},
        {"rt::math::ceil", llvm::Intrinsic::ceil},   {"rt::math::trunc", llvm::Intrinsic::trunc},
        {"rt::math::fabs", llvm::Intrinsic::fabs},   {"rt::math::copysign", llvm::Intrinsic::copysign}};
    for (const auto& [name, intrinsic] : kIntrinsics)
      if (info.name == name) return b_.CreateIntrinsic(intrinsic, {b_.getDoubleTy()}, args);
    if (info.name == "rt::math::isnan") return b_.CreateFCmpUNO(args[0], args[0]);
    if (info.name == "rt::math::fmod") return b_.CreateFRem(args[0], args[1]);
    if (info.name == "rt::ll::check_array_size") {
      // Inline when the size is valid (0 ≤ size ≤ 2^59 - 1); rlib raises otherwise.
      auto* slow = llvm::BasicBlock::Create(m_.context, "bad_array_size", fn_);
      auto* done = llvm::BasicBlock::Create(m_.context, "array_size_ok", fn_);
      b_.CreateCondBr(b_.CreateICmpUGT(args[0], b_.getInt64(INT64_MAX >> 4)), slow, done,
                      llvm::MDBuilder(m_.context).createUnlikelyBranchWeights());
      b_.SetInsertPoint(slow);
      llvm::Value* call = b_.CreateCall(m_.function(callee), args);
      b_.CreateBr(done);
      b_.SetInsertPoint(done);
      return call;
    }
  }
  return b_.CreateCall(m_.function(callee), args);
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
  // The stack check, when the function needs one, goes before this block (insert_stack_checks).
  b_.SetInsertPoint(entry);
  llvm::BasicBlock* start = entry;
  auto& start_phis = phis_[g_.start_block().raw()];
  for (size_t i = 0; i < start_phis.size(); ++i) start_phis[i]->addIncoming(fn_->getArg(i), start);
  b_.CreateBr(blocks_.lookup(g_.start_block().raw()));

  for (BlockId id : order) {
    const Block& block = g_.block(id);
    b_.SetInsertPoint(blocks_.lookup(id.raw()));
    block_index_ = id.index();
    for (size_t i = 0; i < block.operations.size(); ++i) {
      op_index_ = i;
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

llvm::Error generate_function_body(ModuleCodegen& module, FunctionId id) {
  return FunctionCodegen(module, id).run();
}

}  // namespace rtoolchain::backend
