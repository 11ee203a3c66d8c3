// Internal: the state of one module's code generation (docs/backend.md).
#pragma once

#include <string>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringSet.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/Error.h>

#include "rtoolchain/ir/program.h"

namespace rtoolchain::backend {

class ModuleCodegen {
 public:
  ModuleCodegen(const ir::Program& program, llvm::LLVMContext& context);
  llvm::Expected<std::unique_ptr<llvm::Module>> run();

  // Shared with the function code generator.
  const ir::Program& program;
  llvm::LLVMContext& context;
  std::unique_ptr<llvm::Module> module;
  llvm::Type* type(ir::TypeId type);
  llvm::FunctionType* function_type(ir::TypeId fn_type);
  llvm::Constant* constant(ir::ConstId id);
  llvm::Function* function(ir::FunctionId id);
  llvm::Function* runtime(llvm::StringRef name, llvm::Type* result, llvm::ArrayRef<llvm::Type*> params);
  llvm::GlobalVariable* runtime_global(llvm::StringRef name, llvm::Type* type);
  llvm::Constant* str_constant(llvm::StringRef bytes);
  llvm::GlobalVariable* global(ir::GlobalId id);
  llvm::Type* ptr() { return llvm::PointerType::get(context, 0); }
  llvm::Type* i64() { return llvm::Type::getInt64Ty(context); }
  llvm::Type* i32() { return llvm::Type::getInt32Ty(context); }
  llvm::Type* i8() { return llvm::Type::getInt8Ty(context); }
  llvm::Type* i1() { return llvm::Type::getInt1Ty(context); }
  uint32_t str_type_id() const { return str_type_id_; }

 private:
  llvm::Error generate_function(ir::FunctionId id);
  void generate_builtin_external(ir::FunctionId id);
  llvm::GlobalVariable* prebuilt(ir::PrebuiltId id);
  void fill_prebuilt(ir::PrebuiltId id);
  void generate_support();
  void generate_runtime_state();
  llvm::Error check_externals();
  void insert_stack_checks(llvm::ArrayRef<llvm::Function*> bodies);
  void set_c_extensions(llvm::Function* fn, const ir::FunctionInfo& info);

  llvm::DenseMap<uint32_t, llvm::Type*> types_;
  llvm::DenseMap<uint32_t, llvm::GlobalVariable*> prebuilts_;
  llvm::DenseMap<uint32_t, llvm::GlobalVariable*> globals_;
  llvm::StringMap<llvm::Constant*> strings_;
  std::vector<llvm::Function*> functions_;
  uint32_t str_type_id_ = 0;
};

// Generates the body of one function with a graph.
llvm::Error generate_function_body(ModuleCodegen& module, ir::FunctionId id);

// Sets the host's triple and data layout (before code generation: alignments depend on it).
llvm::Error configure_for_host(llvm::Module& module);

// The global symbols an archive (the runtime of translated code) defines.
llvm::Expected<llvm::StringSet<>> runtime_symbols(llvm::StringRef archive_path);

// The symbol of an external: rtx_ext_ + its IR name with "::" as "_".
std::string external_symbol(llvm::StringRef name);

}  // namespace rtoolchain::backend
