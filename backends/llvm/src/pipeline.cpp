// After code generation: the new pass manager's pipeline, object emission and the link.
#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/PassManager.h>
#include <mutex>
#include <thread>

#include <llvm/Bitcode/BitcodeReader.h>
#include <llvm/Bitcode/BitcodeWriter.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Transforms/Utils/SplitModule.h>
#include <llvm/Object/Archive.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/TargetParser/Host.h>

#include "codegen.h"
#include "rtoolchain/backend/llvm_backend.h"

namespace rtoolchain::backend {

namespace {

llvm::Expected<std::unique_ptr<llvm::TargetMachine>> host_machine(unsigned opt_level) {
  // Once: the emit threads of emit_objects come here too, and registration writes globals.
  static std::once_flag initialized;
  std::call_once(initialized, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
  std::string triple = llvm::sys::getDefaultTargetTriple();
  std::string error;
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target) return llvm::createStringError("backend: " + error);
  llvm::TargetOptions options;
  // -O0 still allocates registers with the greedy allocator and colours stack slots (level
  // Less): the fast allocator gives every value its own slot, and the tiny interpreter's
  // dispatch function then needs ~25 KB of stack per call, so its recursion limit of 5000 calls
  // would overflow the native stack first (docs/backend.md).
  auto level = opt_level >= 2 ? llvm::CodeGenOptLevel::Default : llvm::CodeGenOptLevel::Less;
  // PIC: the system linker makes position-independent executables by default.
  return std::unique_ptr<llvm::TargetMachine>(
      target->createTargetMachine(triple, "generic", "", options, llvm::Reloc::PIC_, std::nullopt, level));
}

}  // namespace

llvm::Error configure_for_host(llvm::Module& module) {
  auto machine = host_machine(2);
  if (!machine) return machine.takeError();
  module.setTargetTriple((*machine)->getTargetTriple().str());
  module.setDataLayout((*machine)->createDataLayout());
  return llvm::Error::success();
}

llvm::Error optimize_module(llvm::Module& module, unsigned opt_level) {
  auto machine = host_machine(opt_level);
  if (!machine) return machine.takeError();
  module.setDataLayout((*machine)->createDataLayout());
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder builder(machine->get());
  builder.registerModuleAnalyses(mam);
  builder.registerCGSCCAnalyses(cgam);
  builder.registerFunctionAnalyses(fam);
  builder.registerLoopAnalyses(lam);
  builder.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ModulePassManager passes = opt_level >= 2 ? builder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2)
                                                  : builder.buildO0DefaultPipeline(llvm::OptimizationLevel::O0);
  passes.run(module, mam);
  return llvm::Error::success();
}

llvm::Error emit_object(llvm::Module& module, unsigned opt_level, llvm::StringRef path) {
  auto machine = host_machine(opt_level);
  if (!machine) return machine.takeError();
  module.setDataLayout((*machine)->createDataLayout());
  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec, llvm::sys::fs::OF_None);
  if (ec) return llvm::createStringError("backend: cannot write " + path.str() + ": " + ec.message());
  llvm::legacy::PassManager passes;
  if ((*machine)->addPassesToEmitFile(passes, out, nullptr, llvm::CodeGenFileType::ObjectFile))
    return llvm::createStringError("backend: the host target cannot emit object files");
  passes.run(module);
  return llvm::Error::success();
}

// The module after optimisation, split into `parts` modules (llvm::SplitModule, which gives
// internal symbols used across parts hidden external names) and emitted by one thread each,
// every part in its own LLVMContext (a context is not thread-safe): the parallel code generation
// of LTO. The optimiser has already seen the whole program, so nothing is lost for inlining.
llvm::Expected<std::vector<std::string>> emit_objects(llvm::Module& module, unsigned opt_level, llvm::StringRef stem,
                                                      unsigned parts) {
  std::vector<std::string> paths;
  if (parts <= 1) {
    paths.push_back((stem + ".o").str());
    if (llvm::Error error = emit_object(module, opt_level, paths[0])) return std::move(error);
    return paths;
  }
  std::vector<llvm::SmallString<0>> bitcode;
  llvm::SplitModule(module, parts, [&](std::unique_ptr<llvm::Module> part) {
    bitcode.emplace_back();
    llvm::raw_svector_ostream out(bitcode.back());
    llvm::WriteBitcodeToFile(*part, out);
  });
  for (size_t i = 0; i < bitcode.size(); ++i) paths.push_back((stem + "." + llvm::Twine(i) + ".o").str());
  std::vector<std::string> errors(bitcode.size());
  {
    std::vector<std::thread> threads;
    for (size_t i = 0; i < bitcode.size(); ++i)
      threads.emplace_back([&, i] {
        llvm::LLVMContext context;
        auto part = llvm::parseBitcodeFile(llvm::MemoryBufferRef(bitcode[i].str(), "part"), context);
        llvm::Error error = part ? emit_object(**part, opt_level, paths[i]) : part.takeError();
        if (error) errors[i] = llvm::toString(std::move(error));
      });
    for (std::thread& thread : threads) thread.join();
  }
  for (const std::string& error : errors)
    if (!error.empty()) return llvm::createStringError(error);
  return paths;
}


llvm::Expected<llvm::StringSet<>> runtime_symbols(llvm::StringRef archive_path) {
  auto buffer = llvm::MemoryBuffer::getFile(archive_path);
  if (!buffer) return llvm::createStringError("backend: cannot read " + archive_path.str() + ": " + buffer.getError().message());
  auto archive = llvm::object::Archive::create((*buffer)->getMemBufferRef());
  if (!archive) return archive.takeError();
  llvm::StringSet<> symbols;
  for (const llvm::object::Archive::Symbol& symbol : (*archive)->symbols()) symbols.insert(symbol.getName());
  return symbols;
}

llvm::Error link_executable(llvm::ArrayRef<std::string> objects, llvm::StringRef output) {
  auto clang = llvm::sys::findProgramByName("clang++-19");
  if (!clang) return llvm::createStringError("backend: clang++-19 not found for the link");
  std::vector<std::string> args = {*clang, "-fuse-ld=lld"};
  args.insert(args.end(), objects.begin(), objects.end());
  for (const char* arg : {RT_TRANSLATED_RUNTIME_LIBRARY, RT_HOST_RUNTIME_LIBRARY, "-lgc", "-o"}) args.push_back(arg);
  args.push_back(output.str());
  llvm::SmallVector<llvm::StringRef, 8> refs(args.begin(), args.end());
  std::string error;
  int status = llvm::sys::ExecuteAndWait(*clang, refs, std::nullopt, {}, 0, 0, &error);
  if (status != 0) return llvm::createStringError("backend: the link failed (" + std::to_string(status) + ") " + error);
  return llvm::Error::success();
}

}  // namespace rtoolchain::backend
