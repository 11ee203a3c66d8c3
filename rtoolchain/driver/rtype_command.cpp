#include "rtype_command.h"
#include "load_program.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/frontend/frontend.h"
#include "rtoolchain/rtyper/rtyper.h"

namespace cl = llvm::cl;

namespace rtoolchain::driver {
namespace {

cl::SubCommand rtype_command("rtype", "Print the low-level program the rtyper makes of a target or .rtir file");
cl::opt<std::string> rtype_input(cl::Positional, cl::desc("<target.rttarget | file.rtir>"), cl::Required,
                                 cl::sub(rtype_command));
cl::opt<std::string> rtype_function("function", cl::desc("Print only this function (its IR name)"),
                                    cl::value_desc("NAME"), cl::sub(rtype_command));
cl::opt<std::string> rtype_devirtualize("devirtualize",
                                        cl::desc("none (every virtual call dispatches) | cha (class hierarchy)"),
                                        cl::init("none"), cl::sub(rtype_command));

int run_rtype() {
  std::unique_ptr<ir::Program> program = lower_program(load_program(rtype_input), rtype_devirtualize);
  if (!program) return 1;
  if (rtype_function.empty()) {
    ir::print_program(*program, llvm::outs());
    return 0;
  }
  ir::FunctionId function = program->find_function(rtype_function);
  if (!function.valid()) {
    llvm::errs() << "rtoolchain: no function '" << rtype_function << "' in the program\n";
    return 1;
  }
  ir::print_function(*program, function, llvm::outs());
  return 0;
}

}  // namespace

std::unique_ptr<ir::Program> lower_program(std::unique_ptr<ir::Program> program, const std::string& devirtualize) {
  if (!program) return nullptr;
  auto report = [](const std::vector<ir::VerifierError>& errors, const char* what) {
    for (const ir::VerifierError& error : errors) llvm::errs() << error.to_string() << '\n';
    llvm::errs() << "rtoolchain: " << errors.size() << " verifier error(s) " << what << '\n';
  };
  std::vector<ir::VerifierError> errors = ir::verify_program(*program);
  if (!errors.empty()) {
    report(errors, "in the input");
    return nullptr;
  }
  if (program->level() == ir::Level::kLow) return program;
  rtyper::Options options;
  if (devirtualize == "cha") {
    options.single_target = rtyper::class_hierarchy_single_target();
  } else if (devirtualize != "none") {
    llvm::errs() << "rtoolchain: --devirtualize must be none or cha\n";
    return nullptr;
  }
  auto low = rtyper::rtype_program(*program, options);
  if (!low) {
    llvm::errs() << llvm::toString(low.takeError()) << '\n';
    return nullptr;
  }
  errors = ir::verify_program(*low);
  if (!errors.empty()) {
    report(errors, "in the rtyper's output (a toolchain bug)");
    return nullptr;
  }
  return std::make_unique<ir::Program>(std::move(*low));
}

std::optional<int> run_selected_rtype_command() {
  if (!rtype_command) return std::nullopt;
  return run_rtype();
}

}  // namespace rtoolchain::driver
