// rtoolchain: the driver of the toolchain. Each pipeline stage becomes a subcommand as it lands
// (docs/architecture.md lists which exist).
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/frontend/frontend.h"
#include "annotate_command.h"
#include "check_command.h"
#include "jitcodes_command.h"
#include "graphs_command.h"
#include "rtype_command.h"
#include "run_command.h"
#include "jitcodes_command.h"
#include "translate_command.h"

namespace cl = llvm::cl;

namespace {

cl::SubCommand outline_command("outline",
                               "List what a target's entry point reaches: functions, classes, globals");
cl::opt<std::string> outline_target(cl::Positional, cl::desc("<target.rttarget>"), cl::Required,
                                    cl::sub(outline_command));

void print_version(llvm::raw_ostream& out) { out << "rtoolchain 0.1.0 (LLVM " LLVM_VERSION_STRING ")\n"; }

// Loads a target file or reports why not.
bool load_target(const std::string& path, rtoolchain::frontend::Target& target) {
  auto loaded = rtoolchain::frontend::Target::load(path);
  if (!loaded) {
    llvm::errs() << "rtoolchain: " << llvm::toString(loaded.takeError()) << '\n';
    return false;
  }
  target = std::move(*loaded);
  return true;
}

int run_outline() {
  rtoolchain::frontend::Target target;
  if (!load_target(outline_target, target)) return 1;
  rtoolchain::frontend::Diagnostics diags;
  auto outline = rtoolchain::frontend::outline_program(target, diags);
  if (diags.has_errors()) {
    diags.print(llvm::errs());
    llvm::errs() << "rtoolchain: " << diags.count() << " error(s)\n";
    return 1;
  }
  llvm::outs() << "target " << target.name << ": " << outline.functions.size() << " functions, "
               << outline.classes.size() << " classes, " << outline.globals.size() << " globals\n";
  for (const auto& function : outline.functions)
    llvm::outs() << "function " << function.name << "  # " << function.mangled << '\n';
  for (const auto& name : outline.classes) llvm::outs() << "class " << name << '\n';
  for (const auto& name : outline.globals) llvm::outs() << "global " << name << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  llvm::InitLLVM init(argc, argv);
  cl::SetVersionPrinter(print_version);
  cl::ParseCommandLineOptions(
      argc, argv, "rtoolchain: turns an interpreter written in RC++ into a VM with a meta-tracing JIT\n");
  if (outline_command) return run_outline();
  if (auto status = rtoolchain::driver::run_selected_check_command()) return *status;
  if (auto status = rtoolchain::driver::run_selected_graphs_command()) return *status;
  if (auto status = rtoolchain::driver::run_selected_run_command()) return *status;
  if (auto status = rtoolchain::driver::run_selected_annotate_command()) return *status;
  if (auto status = rtoolchain::driver::run_selected_rtype_command()) return *status;
  if (auto status = rtoolchain::driver::run_selected_translate_command()) return *status;
  if (auto status = rtoolchain::driver::run_selected_jitcodes_command()) return *status;
  cl::PrintHelpMessage();
  return 1;
}
