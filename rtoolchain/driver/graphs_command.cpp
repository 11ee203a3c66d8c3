#include "graphs_command.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/frontend/frontend.h"

namespace cl = llvm::cl;

namespace rtoolchain::driver {
namespace {

cl::SubCommand graphs_command("graphs", "Print the flow graphs of a target, verified");
cl::opt<std::string> graphs_target(cl::Positional, cl::desc("<target.rttarget>"), cl::Required,
                                   cl::sub(graphs_command));
cl::opt<std::string> graphs_function("function", cl::desc("Print only this function (its IR name)"),
                                     cl::value_desc("NAME"), cl::sub(graphs_command));
enum class Format { kText, kDot };
cl::opt<Format> graphs_format("format", cl::desc("Output format"), cl::init(Format::kText),
                              cl::values(clEnumValN(Format::kText, "text", "IR text (default)"),
                                         clEnumValN(Format::kDot, "dot", "Graphviz, one function")),
                              cl::sub(graphs_command));

int run_graphs() {
  auto target = frontend::Target::load(graphs_target);
  if (!target) {
    llvm::errs() << "rtoolchain: " << llvm::toString(target.takeError()) << '\n';
    return 1;
  }
  frontend::Diagnostics diags;
  std::unique_ptr<ir::Program> program = frontend::build_program(*target, diags);
  if (!program || diags.has_errors()) {
    diags.print(llvm::errs());
    llvm::errs() << "rtoolchain: " << diags.count() << " error(s)\n";
    return 1;
  }
  if (graphs_function.empty()) {
    if (graphs_format == Format::kDot) {
      llvm::errs() << "rtoolchain: --format=dot needs --function NAME\n";
      return 1;
    }
    ir::print_program(*program, llvm::outs());
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
