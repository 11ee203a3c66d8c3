// rtoolchain jitcodes: the codewriter's output as text (docs/jit.md, "The jitcode format").
#include "jitcodes_command.h"

#include <chrono>
#include <string>

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/raw_ostream.h>

#include "load_program.h"
#include "rtoolchain/jit/codewriter.h"
#include "rtype_command.h"

namespace cl = llvm::cl;

namespace rtoolchain::driver {
namespace {

cl::SubCommand jitcodes_command("jitcodes", "Print the jitcodes and descriptors the JIT codewriter makes of a program");
cl::opt<std::string> jitcodes_input(cl::Positional, cl::desc("<target.rttarget|file.rtir>"), cl::Required,
                                    cl::sub(jitcodes_command));
cl::opt<std::string> jitcodes_function("function", cl::desc("Print only this function's jitcode"),
                                       cl::sub(jitcodes_command));
cl::opt<bool> jitcodes_stats("stats", cl::desc("Print counts and the codewriter's time instead"),
                             cl::sub(jitcodes_command));
cl::opt<bool> jitcodes_no_descrs("no-descrs", cl::desc("Do not print the descriptor table"), cl::sub(jitcodes_command));

int run_jitcodes() {
  std::unique_ptr<ir::Program> program = load_program(jitcodes_input, /*with_ll_helpers=*/true);
  if (program && program->level() != ir::Level::kLow) program = lower_program(std::move(program), "none");
  if (!program) return 1;
  auto start = std::chrono::steady_clock::now();
  jit::codewriter::CodewriterResult result = jit::codewriter::write_jitcodes(*program);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const jit::codewriter::CodewriterError& error : result.errors) llvm::errs() << error.to_string() << '\n';
  if (!result.program) {
    llvm::errs() << "rtoolchain: " << result.errors.size() << " codewriter error(s)\n";
    return 1;
  }
  const jit::JitProgram& jp = *result.program;
  if (jitcodes_stats) {
    llvm::outs() << "jitcodes: " << jp.jitcodes.size() << "\ninstructions: " << result.num_instructions
                 << "\nbytes: " << result.num_bytes << "\nliveness entries: " << jp.liveness.size()
                 << "\ncall descriptors: " << jp.descrs.calls.size() << "\ncodewriter time: "
                 << llvm::format("%.3f", seconds) << " s\n";
    return 0;
  }
  if (!jitcodes_function.empty()) {
    for (const jit::JitCode& code : jp.jitcodes)
      if (code.name == jitcodes_function) {
        jit::print_jitcode(jp, code, llvm::outs());
        return 0;
      }
    llvm::errs() << "rtoolchain: no jitcode for " << jitcodes_function
                 << " (the call policy does not look inside it, or it is not reachable from the portal)\n";
    return 1;
  }
  if (jitcodes_no_descrs) {
    jit::JitProgram copy = jp;
    copy.descrs = {};
    jit::print_program(jp, llvm::outs());
    return 0;
  }
  jit::print_program(jp, llvm::outs());
  return 0;
}

}  // namespace

std::optional<int> run_selected_jitcodes_command() {
  if (!jitcodes_command) return std::nullopt;
  return run_jitcodes();
}

}  // namespace rtoolchain::driver
