#include "load_program.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/frontend/frontend.h"

namespace rtoolchain::driver {

namespace {

namespace cl = llvm::cl;

// The rlib/ll helper sources (docs/lowlevel.md): compiled in, overridable for an installed tree.
cl::opt<std::string> ll_helper_dir("ll-helper-dir", cl::desc("Where the rlib/ll helper sources are"),
                                   cl::value_desc("DIR"), cl::init(RT_LL_HELPER_DIR), cl::sub(cl::SubCommand::getAll()));

}  // namespace

void add_ll_helpers(frontend::Target& target) {
  for (const char* name : {"str.cpp", "list.cpp", "dict.cpp"}) {
    llvm::SmallString<256> path(ll_helper_dir.getValue());
    llvm::sys::path::append(path, name);
    llvm::SmallString<256> real;
    if (llvm::sys::fs::real_path(path, real)) real = path;
    bool present = false;
    for (const std::string& source : target.helper_sources) {
      llvm::SmallString<256> other;
      if (!llvm::sys::fs::real_path(source, other) && other == real) present = true;
    }
    if (present) continue;
    target.sources.push_back(std::string(path));
    target.helper_sources.push_back(std::string(path));
  }
}

std::unique_ptr<ir::Program> load_program(const std::string& path, bool with_ll_helpers) {
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
    if (with_ll_helpers) add_ll_helpers(*target);
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
