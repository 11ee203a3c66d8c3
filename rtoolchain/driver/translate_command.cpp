#include "translate_command.h"

#include <sys/resource.h>

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Timer.h>
#include <llvm/Support/raw_ostream.h>

#include <chrono>

#include <llvm/Support/Format.h>

#include "load_program.h"
#include "rtoolchain/backend/llvm_backend.h"
#include "rtype_command.h"

namespace cl = llvm::cl;

namespace rtoolchain::driver {
namespace {

cl::SubCommand translate_command("translate", "Translate a target or .rtir file into a standalone executable");
cl::opt<std::string> translate_input(cl::Positional, cl::desc("<target.rttarget | file.rtir>"), cl::Required,
                                     cl::sub(translate_command));
cl::opt<std::string> translate_output("o", cl::desc("The executable to write (default: the input's stem)"),
                                      cl::value_desc("OUT"), cl::sub(translate_command));
enum OptLevel : unsigned { kO0 = 0, kO2 = 2 };
cl::opt<OptLevel> translate_opt(cl::desc("Optimisation level"),
                                cl::values(clEnumValN(kO0, "O0", "no optimisation"), clEnumValN(kO2, "O2", "the O2 pipeline (default)")),
                                cl::init(kO2), cl::sub(translate_command));
cl::opt<std::string> translate_emit_llvm("emit-llvm", cl::desc("Also write the LLVM IR before and after optimisation into DIR; '-': print the unoptimised IR and stop"),
                                         cl::value_desc("DIR"), cl::sub(translate_command));

cl::opt<std::string> translate_gc("gc", cl::desc("The garbage collector the executable links (only 'boehm' for now)"),
                                   cl::value_desc("boehm"), cl::init("boehm"), cl::sub(translate_command));

cl::opt<std::string> translate_devirtualize(
    "devirtualize", cl::desc("none (every virtual call dispatches) | cha | annotator (default: runs the annotator)"),
    cl::init(kDefaultDevirtualize), cl::sub(translate_command));

cl::opt<unsigned> translate_jobs("j", cl::desc("Emit the object code as N modules in parallel (default: 2)"),
                                 cl::value_desc("N"), cl::init(2), cl::Prefix, cl::sub(translate_command));

// The translator's peak resident set so far (getrusage's maxrss, KiB on Linux), in MiB. The
// linker, a child process, is not counted: posix_spawn's child shares the parent's pages, so
// RUSAGE_CHILDREN would report the translator's own peak again.
double peak_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Runs one stage and prints its name, its wall time and the peak memory so far.
template <class F>
auto timed(const char* stage, F&& f) {
  auto start = std::chrono::steady_clock::now();
  auto result = f();
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  llvm::errs() << llvm::format("%-10s %9.1f ms   peak %7.1f MiB\n", stage, ms, peak_mib());
  return result;
}

bool report(llvm::Error error) {
  if (!error) return false;
  llvm::errs() << "rtoolchain: " << llvm::toString(std::move(error)) << '\n';
  return true;
}

bool write_ir(const llvm::Module& module, llvm::StringRef name) {
  llvm::SmallString<128> path(translate_emit_llvm.getValue());
  llvm::sys::path::append(path, name);
  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec);
  if (ec) {
    llvm::errs() << "rtoolchain: cannot write " << path << ": " << ec.message() << '\n';
    return false;
  }
  module.print(out, nullptr);
  return true;
}

int run_translate() {
  if (translate_gc != "boehm") {
    llvm::errs() << "rtoolchain: translate: unknown garbage collector '" << translate_gc
                 << "' (--gc=boehm is the only one available)\n";
    return 1;
  }
  std::string input = translate_input;
  std::string output = translate_output;
  if (output.empty()) output = llvm::sys::path::stem(input).str();
  std::unique_ptr<ir::Program> program = timed("front end", [&] { return load_program(input, /*with_ll_helpers=*/true); });
  if (!program) return 1;
  std::optional<annotator::Annotation> annotation;
  if (translate_devirtualize == "annotator" && program->level() == ir::Level::kHigh) {
    annotation.emplace(timed("annotate", [&] { return annotator::annotate(*program); }));
    for (const annotator::AnnotatorError& error : annotation->errors()) llvm::errs() << error.to_string() << '\n';
    if (!annotation->errors().empty()) return 1;
  }
  program = timed("rtype", [&] {
    return lower_program(std::move(program), translate_devirtualize, /*facts=*/nullptr,
                         annotation ? &*annotation : nullptr);
  });
  if (!program) return 1;
  llvm::LLVMContext context;
  auto module = timed("codegen", [&] { return backend::generate_module(*program, context); });
  if (!module) return report(module.takeError()), 1;
  std::string stem = llvm::sys::path::stem(output).str();
  if (translate_emit_llvm == "-") {
    (*module)->print(llvm::outs(), nullptr);
    return 0;
  }
  if (!translate_emit_llvm.empty()) {
    if (llvm::sys::fs::create_directories(translate_emit_llvm.getValue())) {
      llvm::errs() << "rtoolchain: cannot create " << translate_emit_llvm << '\n';
      return 1;
    }
    if (!write_ir(**module, stem + ".ll")) return 1;
  }
  if (report(timed("optimise", [&] { return backend::optimize_module(**module, translate_opt); }))) return 1;
  if (!translate_emit_llvm.empty() && !write_ir(**module, stem + ".opt.ll")) return 1;
  auto objects = timed("emit", [&] { return backend::emit_objects(**module, translate_opt, output, translate_jobs); });
  if (!objects) return report(objects.takeError()), 1;
  if (report(timed("link", [&] { return backend::link_executable(*objects, output); }))) return 1;
  for (const std::string& object : *objects) llvm::sys::fs::remove(object);
  return 0;
}

}  // namespace

std::optional<int> run_selected_translate_command() {
  if (!translate_command) return std::nullopt;
  return run_translate();
}

}  // namespace rtoolchain::driver
