// rtoolchain: the driver of the toolchain. Each pipeline stage becomes a subcommand as it lands
// (docs/pipeline.md lists which exist); for now it reports its own build.
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/raw_ostream.h>

namespace {
void print_version(llvm::raw_ostream& out) {
  out << "rtoolchain 0.1.0 (LLVM " LLVM_VERSION_STRING ")\n";
}
}  // namespace

int main(int argc, char** argv) {
  llvm::cl::SetVersionPrinter(print_version);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "rtoolchain: turns an interpreter written in RC++ into a VM with a meta-tracing JIT\n\n"
      "  No pipeline stage is available yet; interpreters run in host mode (see README.md).\n");
  print_version(llvm::outs());
  return 0;
}
