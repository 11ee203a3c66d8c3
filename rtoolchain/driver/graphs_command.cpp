#include "graphs_command.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/ToolOutputFile.h>
#include <llvm/Support/raw_ostream.h>

#include "load_program.h"

#include "rtoolchain/frontend/frontend.h"

namespace cl = llvm::cl;

namespace rtoolchain::driver {
namespace {

cl::SubCommand graphs_command("graphs", "Print the flow graphs of a target, verified");
cl::opt<std::string> graphs_target(cl::Positional, cl::desc("<target.rttarget | file.rtir>"), cl::Required,
                                   cl::sub(graphs_command));
cl::opt<std::string> graphs_function("function", cl::desc("Print only this function (its IR name)"),
                                     cl::value_desc("NAME"), cl::sub(graphs_command));
cl::opt<bool> graphs_with_helpers("with-ll-helpers",
                                  cl::desc("Add the rlib/ll helpers as the commands that rtype do (linked, or converted "
                                           "with --ll-helper-dir)"),
                                  cl::sub(graphs_command));
cl::opt<std::string> graphs_output("o", cl::desc("Write the program to FILE instead of standard output"),
                                   cl::value_desc("FILE"), cl::sub(graphs_command));
enum class Format { kText, kDot };
cl::opt<Format> graphs_format("format", cl::desc("Output format"), cl::init(Format::kText),
                              cl::values(clEnumValN(Format::kText, "text", "IR text (default)"),
                                         clEnumValN(Format::kDot, "dot", "Graphviz, one function")),
                              cl::sub(graphs_command));

int run_graphs() {
  std::unique_ptr<ir::Program> program = load_program(graphs_target, graphs_with_helpers);
  if (!program) return 1;
  if (graphs_function.empty()) {
    if (graphs_format == Format::kDot) {
      llvm::errs() << "rtoolchain: --format=dot needs --function NAME\n";
      return 1;
    }
    if (graphs_output.empty()) {
      ir::print_program(*program, llvm::outs());
      return 0;
    }
    std::error_code error;
    llvm::ToolOutputFile out(graphs_output, error, llvm::sys::fs::OF_Text);
    if (error) {
      llvm::errs() << "rtoolchain: cannot write " << graphs_output << ": " << error.message() << '\n';
      return 1;
    }
    ir::print_program(*program, out.os());
    out.keep();
    return 0;
  }
  ir::FunctionId function = program->find_function(graphs_function);
  if (!function.valid()) {
    llvm::errs() << "rtoolchain: no function '" << graphs_function << "' in the program\n";
    return 1;
  }
  if (graphs_format == Format::kDot)
    ir::print_dot(*program, function, llvm::outs());
  else
    ir::print_function(*program, function, llvm::outs());
  return 0;
}

}  // namespace

std::optional<int> run_selected_graphs_command() {
  if (!graphs_command) return std::nullopt;
  return run_graphs();
}

}  // namespace rtoolchain::driver
