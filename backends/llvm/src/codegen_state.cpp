// The state translated code shares with its runtime (the pending exception, the stack limit) and
// the stack checks (docs/backend.md).
//
// The state is internal to the module and reached by the runtime only through accessor
// functions: its address never escapes, so LLVM's alias analysis knows that no store through a
// GC pointer changes it. Loads of the pending exception and the stack limit then move out of
// loops and fold on paths that cannot raise, which they could not as external globals.
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/MDBuilder.h>

#include "codegen.h"

namespace rtoolchain::backend {

void ModuleCodegen::generate_runtime_state() {
  auto state = [&](const char* name, llvm::Type* t) {
    return new llvm::GlobalVariable(*module, t, false, llvm::GlobalValue::InternalLinkage,
                                    llvm::Constant::getNullValue(t), name);
  };
  llvm::GlobalVariable* value = state("rtx_exc_value", ptr());
  llvm::GlobalVariable* type_id = state("rtx_exc_type", i32());
  llvm::GlobalVariable* limit = state("rtx_stack_limit", i64());
  auto accessor = [&](const char* name, llvm::Type* result, llvm::ArrayRef<llvm::Type*> params) {
    llvm::Function* fn = runtime(name, result, params);
    return llvm::IRBuilder<>(llvm::BasicBlock::Create(context, "", fn));
  };
  {
    auto b = accessor("rtx_pending_value", ptr(), {});
    b.CreateRet(b.CreateLoad(ptr(), value));
  }
  {
    auto b = accessor("rtx_pending_type", i32(), {});
    b.CreateRet(b.CreateLoad(i32(), type_id));
  }
  {
    auto b = accessor("rtx_set_pending", llvm::Type::getVoidTy(context), {i32(), ptr()});
    llvm::Function* fn = b.GetInsertBlock()->getParent();
    b.CreateStore(fn->getArg(0), type_id);
    b.CreateStore(fn->getArg(1), value);
    b.CreateRetVoid();
  }
  {
    auto b = accessor("rtx_get_stack_limit", i64(), {});
    b.CreateRet(b.CreateLoad(i64(), limit));
  }
  {
    auto b = accessor("rtx_set_stack_limit", llvm::Type::getVoidTy(context), {i64()});
    b.CreateStore(b.GetInsertBlock()->getParent()->getArg(0), limit);
    b.CreateRetVoid();
  }
}

namespace {

// Tarjan's strongly connected components over the program's functions; `on_cycle` receives
// every function of a component with more than one function or a call of itself.
class RecursionFinder {
 public:
  explicit RecursionFinder(llvm::ArrayRef<llvm::Function*> functions) {
    // An indirect call may reach every function of its type whose address is taken.
    llvm::DenseMap<llvm::FunctionType*, llvm::SmallVector<llvm::Function*, 8>> address_taken;
    for (llvm::Function* fn : functions)
      if (fn->hasAddressTaken()) address_taken[fn->getFunctionType()].push_back(fn);
    llvm::SmallPtrSet<llvm::Function*, 32> known(functions.begin(), functions.end());
    for (llvm::Function* fn : functions) {
      auto& out = callees_[fn];
      for (llvm::Instruction& inst : llvm::instructions(fn)) {
        auto* call = llvm::dyn_cast<llvm::CallInst>(&inst);
        if (!call) continue;
        if (llvm::Function* callee = call->getCalledFunction()) {
          if (known.count(callee)) out.push_back(callee);
        } else {
          for (llvm::Function* target : address_taken.lookup(call->getFunctionType())) out.push_back(target);
        }
      }
    }
    for (llvm::Function* fn : functions)
      if (!index_.count(fn)) visit(fn);
  }
  const llvm::SmallPtrSet<llvm::Function*, 32>& recursive() const { return recursive_; }

 private:
  // Iterative, so a deep call graph cannot overflow the translator's own stack.
  void visit(llvm::Function* root) {
    struct Frame {
      llvm::Function* fn;
      size_t next;
    };
    llvm::SmallVector<Frame, 32> frames;
    auto enter = [&](llvm::Function* fn) {
      index_[fn] = low_[fn] = counter_++;
      stack_.push_back(fn);
      on_stack_.insert(fn);
      frames.push_back({fn, 0});
    };
    enter(root);
    while (!frames.empty()) {
      Frame& frame = frames.back();
      auto& out = callees_[frame.fn];
      if (frame.next < out.size()) {
        llvm::Function* callee = out[frame.next++];
        if (!index_.count(callee)) enter(callee);
        else if (on_stack_.count(callee)) low_[frame.fn] = std::min(low_[frame.fn], index_[callee]);
        continue;
      }
      llvm::Function* fn = frame.fn;
      frames.pop_back();
      if (!frames.empty()) low_[frames.back().fn] = std::min(low_[frames.back().fn], low_[fn]);
      if (low_[fn] != index_[fn]) continue;
      llvm::SmallVector<llvm::Function*, 8> component;
      llvm::Function* member;
      do {
        member = stack_.pop_back_val();
        on_stack_.erase(member);
        component.push_back(member);
      } while (member != fn);
      bool cyclic = component.size() > 1 || llvm::is_contained(callees_[fn], fn);
      if (cyclic) recursive_.insert(component.begin(), component.end());
    }
  }

  llvm::DenseMap<llvm::Function*, llvm::SmallVector<llvm::Function*, 8>> callees_;
  llvm::DenseMap<llvm::Function*, unsigned> index_, low_;
  llvm::SmallVector<llvm::Function*, 64> stack_;
  llvm::SmallPtrSet<llvm::Function*, 32> on_stack_;
  llvm::SmallPtrSet<llvm::Function*, 32> recursive_;
  unsigned counter_ = 0;
};

}  // namespace

// RPython's placement: only a function on a cycle of the call graph (through direct calls, or
// indirect calls to any address-taken function of the callee's type) checks the stack, since
// every unbounded recursion passes through one; call chains without a cycle are bounded by the
// program and fit in the reserve rlib keeps below the limit.
void ModuleCodegen::insert_stack_checks(llvm::ArrayRef<llvm::Function*> bodies) {
  RecursionFinder finder(bodies);
  llvm::GlobalVariable* limit = module->getGlobalVariable("rtx_stack_limit", true);
  for (llvm::Function* fn : bodies) {
    if (!finder.recursive().count(fn)) continue;
    llvm::BasicBlock* body = &fn->getEntryBlock();
    auto* check = llvm::BasicBlock::Create(context, "stack_check", fn, body);
    auto* overflow = llvm::BasicBlock::Create(context, "stack_overflow", fn);
    llvm::IRBuilder<> b(check);
    llvm::Value* frame = b.CreateIntrinsic(llvm::Intrinsic::frameaddress, {ptr()}, {b.getInt32(0)});
    llvm::Value* below = b.CreateICmpULT(b.CreatePtrToInt(frame, i64()), b.CreateLoad(i64(), limit));
    b.CreateCondBr(below, overflow, body, llvm::MDBuilder(context).createUnlikelyBranchWeights());
    b.SetInsertPoint(overflow);
    b.CreateCall(runtime("rtx_stack_overflow", llvm::Type::getVoidTy(context), {}));
    if (fn->getReturnType()->isVoidTy()) b.CreateRetVoid();
    else b.CreateRet(llvm::UndefValue::get(fn->getReturnType()));
  }
}

}  // namespace rtoolchain::backend
