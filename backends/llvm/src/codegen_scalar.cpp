// The integer, float and conversion operations. Plain arithmetic wraps (C++ with -fwrapv: no
// nsw/nuw/exact, ever); every operation that can raise runs an inline fast path and calls its
// runtime slow path (rt's own function and message) only in the cases that raise or that LLVM
// leaves undefined (docs/backend.md, "Integer semantics").
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/MDBuilder.h>

#include "function_codegen.h"

namespace rtoolchain::backend {

using namespace rtoolchain::ir;

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

namespace {

// `fast` computes the result inline unless `take_slow` holds (marked unlikely), in which case
// `slow` calls the runtime; the two meet in a phi.
template <class Fast, class Slow>
llvm::Value* fast_or_slow(llvm::IRBuilder<>& b, llvm::Function* fn, llvm::Value* take_slow, Fast&& fast, Slow&& slow) {
  llvm::LLVMContext& context = fn->getContext();
  auto* fast_block = llvm::BasicBlock::Create(context, "fast", fn);
  auto* slow_block = llvm::BasicBlock::Create(context, "slow", fn);
  auto* done = llvm::BasicBlock::Create(context, "fast_done", fn);
  b.CreateCondBr(take_slow, slow_block, fast_block, llvm::MDBuilder(context).createUnlikelyBranchWeights());
  b.SetInsertPoint(fast_block);
  llvm::Value* fast_result = fast();
  llvm::BasicBlock* fast_end = b.GetInsertBlock();
  b.CreateBr(done);
  b.SetInsertPoint(slow_block);
  llvm::Value* slow_result = slow();
  llvm::BasicBlock* slow_end = b.GetInsertBlock();
  b.CreateBr(done);
  b.SetInsertPoint(done);
  llvm::PHINode* phi = b.CreatePHI(fast_result->getType(), 2);
  phi->addIncoming(fast_result, fast_end);
  phi->addIncoming(slow_result, slow_end);
  return phi;
}

}  // namespace

bool FunctionCodegen::emit_scalar_op(const Operation& op, llvm::Value*& r, bool& raises) {
  auto arg = [&](unsigned i) { return value(op.args[i]); };
  llvm::Type* result_type = op.result.valid() ? m_.type(g_.variable(op.result).type) : nullptr;
  auto width = [&](unsigned i) { return p_.integer_layout(type_of(op.args[i])); };
  auto constant = [&](llvm::Value* like, int64_t v) {
    return llvm::ConstantInt::get(like->getType(), static_cast<uint64_t>(v), true);
  };
  auto slow = [&](unsigned num_args) {
    return [&, num_args] {
      return slow_op(op_name(op.opcode), arg(0), num_args > 1 ? arg(1) : nullptr, type_of(op.args[0]));
    };
  };
  // Shifts by a constant compute at i64 with the count masked to 0..63, then wrap, as graph
  // mode does.
  auto shift = [&](bool left, bool arithmetic) {
    auto layout = width(0);
    llvm::Value* x = layout->is_signed ? b_.CreateSExt(arg(0), m_.i64()) : b_.CreateZExt(arg(0), m_.i64());
    llvm::Value* count = b_.CreateAnd(b_.CreateZExtOrTrunc(arg(1), m_.i64()), 63);
    llvm::Value* s = left ? b_.CreateShl(x, count) : arithmetic ? b_.CreateAShr(x, count) : b_.CreateLShr(x, count);
    return b_.CreateTrunc(s, result_type);
  };
  // Checked + - * (and negation as 0 - x): LLVM's overflow intrinsics of the operand width.
  auto checked = [&](llvm::Intrinsic::ID intrinsic, llvm::Value* a, llvm::Value* b, unsigned num_args) {
    llvm::Value* pair = b_.CreateBinaryIntrinsic(intrinsic, a, b);
    llvm::Value* sum = b_.CreateExtractValue(pair, 0);
    return fast_or_slow(b_, fn_, b_.CreateExtractValue(pair, 1), [&] { return sum; }, slow(num_args));
  };
  raises = false;
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
    case Opcode::int_add_ovf: r = checked(llvm::Intrinsic::sadd_with_overflow, arg(0), arg(1), 2); break;
    case Opcode::int_sub_ovf: r = checked(llvm::Intrinsic::ssub_with_overflow, arg(0), arg(1), 2); break;
    case Opcode::int_mul_ovf: r = checked(llvm::Intrinsic::smul_with_overflow, arg(0), arg(1), 2); break;
    case Opcode::int_neg_ovf:
      r = checked(llvm::Intrinsic::ssub_with_overflow, constant(arg(0), 0), arg(0), 1);
      break;
    case Opcode::int_div_c:
    case Opcode::int_mod_c:
    case Opcode::int_div_floor:
    case Opcode::int_mod_floor:
    case Opcode::int_div_floor_ovf: {
      // Inline unless the divisor is 0 or -1 (the cases that raise or that LLVM leaves
      // undefined, INT_MIN / -1); the floor forms adjust the C quotient and remainder.
      bool is_div = op.opcode != Opcode::int_mod_c && op.opcode != Opcode::int_mod_floor;
      bool floor = op.opcode != Opcode::int_div_c && op.opcode != Opcode::int_mod_c;
      llvm::Value* a = arg(0);
      llvm::Value* d = arg(1);
      llvm::Value* special = b_.CreateICmpULT(b_.CreateAdd(d, constant(d, 1)), constant(d, 2));
      r = fast_or_slow(b_, fn_, special, [&] {
        llvm::Value* q = b_.CreateSDiv(a, d);
        llvm::Value* rem = b_.CreateSRem(a, d);
        if (floor) {
          llvm::Value* adjust = b_.CreateAnd(b_.CreateICmpNE(rem, constant(d, 0)),
                                             b_.CreateICmpSLT(b_.CreateXor(rem, d), constant(d, 0)));
          q = b_.CreateSelect(adjust, b_.CreateSub(q, constant(d, 1)), q);
          rem = b_.CreateSelect(adjust, b_.CreateAdd(rem, d), rem);
        }
        return is_div ? q : rem;
      }, slow(2));
      raises = true;
      break;
    }
    case Opcode::uint_div:
    case Opcode::uint_mod: {
      llvm::Value* d = arg(1);
      r = fast_or_slow(b_, fn_, b_.CreateIsNull(d), [&] {
        return op.opcode == Opcode::uint_div ? b_.CreateUDiv(arg(0), d) : b_.CreateURem(arg(0), d);
      }, slow(2));
      raises = true;
      break;
    }
    case Opcode::int_lshift_var:
    case Opcode::int_rshift_var:
    case Opcode::uint_rshift_var:
    case Opcode::int_lshift_ovf: {
      // i64 only (ops.def): a count in [0, 64) is LLVM's defined range; others go to rt.
      llvm::Value* a = arg(0);
      llvm::Value* count = arg(1);
      llvm::Value* in_range = b_.CreateICmpULT(count, b_.getInt64(64));
      llvm::Value* shifted = nullptr;
      llvm::Value* take_slow = b_.CreateNot(in_range);
      if (op.opcode == Opcode::int_lshift_ovf) {
        // Fast when nothing is lost: (a << count) >> count gives a back. The shift is computed
        // on a count masked into range, so it is defined on the slow path too.
        llvm::Value* masked = b_.CreateAnd(count, 63);
        shifted = b_.CreateShl(a, masked);
        take_slow = b_.CreateOr(take_slow, b_.CreateICmpNE(b_.CreateAShr(shifted, masked), a));
      }
      r = fast_or_slow(b_, fn_, take_slow, [&]() -> llvm::Value* {
        switch (op.opcode) {
          case Opcode::int_lshift_var: return b_.CreateShl(a, count);
          case Opcode::int_rshift_var: return b_.CreateAShr(a, count);
          case Opcode::uint_rshift_var: return b_.CreateLShr(a, count);
          default: return shifted;
        }
      }, slow(2));
      raises = true;
      break;
    }
    case Opcode::float_fits_int:
    case Opcode::cast_float_to_int: {
      // rt::float_fits_int: not NaN and in [-2^63, 2^63) (ordered compares are false on NaN).
      llvm::Value* x = arg(0);
      llvm::Value* fits = b_.CreateAnd(b_.CreateFCmpOGE(x, llvm::ConstantFP::get(x->getType(), -9223372036854775808.0)),
                                       b_.CreateFCmpOLT(x, llvm::ConstantFP::get(x->getType(), 9223372036854775808.0)));
      if (op.opcode == Opcode::float_fits_int) {
        r = fits;
        break;
      }
      r = fast_or_slow(b_, fn_, b_.CreateNot(fits), [&] { return b_.CreateFPToSI(x, m_.i64()); }, [&]() -> llvm::Value* {
        return b_.CreateCall(m_.runtime("rtx_op_cast_float_to_int", m_.i64(), {b_.getDoubleTy()}), {x});
      });
      raises = true;
      break;
    }
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
    case Opcode::float_abs: r = b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, arg(0)); break;
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
    default: return false;
  }
  return true;
}

}  // namespace rtoolchain::backend
