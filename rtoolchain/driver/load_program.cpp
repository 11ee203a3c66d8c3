#include "load_program.h"

#include <chrono>

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/frontend/frontend.h"
#include "rtoolchain/ir/link.h"

namespace rtoolchain::driver {

namespace {

namespace cl = llvm::cl;

// The rlib/ll helpers (docs/lowlevel.md, docs/rtyper.md): their program, converted once by the
// build, and their sources, converted with each program only when asked (development).
cl::opt<std::string> ll_helpers_file("ll-helpers",
                                     cl::desc("The rlib/ll helper program the build converted once (IR text)"),
                                     cl::value_desc("FILE.rtir"), cl::init(RT_LL_HELPERS_IR),
                                     cl::sub(cl::SubCommand::getAll()));
cl::opt<std::string> ll_helper_dir("ll-helper-dir",
                                   cl::desc("Convert the rlib/ll helper sources of DIR with the program instead of "
                                            "linking the prebuilt helpers"),
                                   cl::value_desc("DIR"), cl::init(RT_LL_HELPER_DIR), cl::sub(cl::SubCommand::getAll()));

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Adds the helper sources of --ll-helper-dir to a target that does not name them.
void add_ll_helper_sources(frontend::Target& target) {
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

std::unique_ptr<ir::Program> parse_file(const std::string& path) {
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
  return std::make_unique<ir::Program>(std::move(*parsed));
}

// The program, then the helpers after it: the program's entities keep the ids the front end
// gave them.
bool link_prebuilt_helpers(ir::Program& program) {
  std::unique_ptr<ir::Program> helpers = parse_file(ll_helpers_file);
  if (!helpers) {
    llvm::errs() << "rtoolchain: the rlib/ll helpers are built by the build (target rlib_ll_ir); "
                    "--ll-helper-dir=DIR converts their sources instead\n";
    return false;
  }
  if (llvm::Error error = ir::link_programs(program, *helpers)) {
    llvm::errs() << llvm::toString(std::move(error)) << '\n'
                 << "rtoolchain: the program does not link with the rlib/ll helpers " << ll_helpers_file << '\n';
    return false;
  }
  return true;
}

std::unique_ptr<ir::Program> load_target(const std::string& path, bool with_ll_helpers, LoadTimes& times) {
  auto target = frontend::Target::load(path);
  if (!target) {
    llvm::errs() << "rtoolchain: " << llvm::toString(target.takeError()) << '\n';
    return nullptr;
  }
  // A target that names helper sources calls into them itself: they are part of its program.
  bool convert_helpers = with_ll_helpers && (!target->helper_sources.empty() || ll_helper_dir.getNumOccurrences());
  if (convert_helpers) add_ll_helper_sources(*target);
  Clock::time_point start = Clock::now();
  frontend::Diagnostics diags;
  std::unique_ptr<ir::Program> program = frontend::build_program(*target, diags);
  if (!program || diags.has_errors()) {
    diags.print(llvm::errs());
    llvm::errs() << "rtoolchain: " << diags.count() << " error(s)\n";
    return nullptr;
  }
  times.front_end = seconds_since(start);
  if (with_ll_helpers && !convert_helpers) {
    start = Clock::now();
    if (!link_prebuilt_helpers(*program)) return nullptr;
    times.helpers = seconds_since(start);
    times.linked_helpers = true;
  }
  return program;
}

}  // namespace

std::unique_ptr<ir::Program> load_program(const std::string& path, bool with_ll_helpers, LoadTimes* times) {
  LoadTimes ignored;
  std::unique_ptr<ir::Program> program = llvm::StringRef(path).ends_with(".rtir")
                                             ? parse_file(path)
                                             : load_target(path, with_ll_helpers, times ? *times : ignored);
  if (!program) return nullptr;
  std::vector<ir::VerifierError> errors = ir::verify_program(*program);
  if (!errors.empty()) {
    for (const ir::VerifierError& error : errors) llvm::errs() << error.to_string() << '\n';
    llvm::errs() << "rtoolchain: " << errors.size() << " verifier error(s)\n";
    return nullptr;
  }
  return program;
}

}  // namespace rtoolchain::driver
