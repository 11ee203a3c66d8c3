#include "load_program.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/frontend/frontend.h"

namespace rtoolchain::driver {

std::unique_ptr<ir::Program> load_program(const std::string& path) {
  std::unique_ptr<ir::Program> program;
  if (llvm::StringRef(path).ends_with(".rtir")) {
    auto buffer = llvm::MemoryBuffer::getFile(path);
    if (!buffer) {
      llvm::errs() << "rtoolchain: cannot read " << path << ": " << buffer.getError().message() << '\n';
      return nullptr;
    }
    auto parsed = ir::parse_program((*buffer)->getBuffer(), path);
    if (!parsed) {
      llvm::errs() << llvm::toString(parsed.takeError()) << '\n';
      return nullptr;
    }
    program = std::make_unique<ir::Program>(std::move(*parsed));
  } else {
    auto target = frontend::Target::load(path);
    if (!target) {
      llvm::errs() << "rtoolchain: " << llvm::toString(target.takeError()) << '\n';
      return nullptr;
    }
    frontend::Diagnostics diags;
    program = frontend::build_program(*target, diags);
    if (!program || diags.has_errors()) {
      diags.print(llvm::errs());
      llvm::errs() << "rtoolchain: " << diags.count() << " error(s)\n";
      return nullptr;
    }
  }
  std::vector<ir::VerifierError> errors = ir::verify_program(*program);
  if (!errors.empty()) {
    for (const ir::VerifierError& error : errors) llvm::errs() << error.to_string() << '\n';
    llvm::errs() << "rtoolchain: " << errors.size() << " verifier error(s)\n";
    return nullptr;
  }
  return program;
}

}  // namespace rtoolchain::driver
