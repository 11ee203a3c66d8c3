#include "check_command.h"

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/frontend/frontend.h"

namespace cl = llvm::cl;

namespace rtoolchain::driver {
namespace {

cl::SubCommand check_command("check", "Check that a target's program is RC++ (docs/rcpp.md)");
cl::opt<std::string> check_target_path(cl::Positional, cl::desc("<target.rttarget>"), cl::Required,
                                       cl::sub(check_command));

int run_check() {
  auto target = frontend::Target::load(check_target_path);
  if (!target) {
    llvm::errs() << "rtoolchain: " << llvm::toString(target.takeError()) << '\n';
    return 1;
  }
  frontend::Diagnostics diags;
  if (frontend::check_target(*target, diags) && !diags.has_errors()) return 0;
  diags.print(llvm::errs());
  llvm::errs() << "rtoolchain: " << diags.count() << " error(s)\n";
  return 1;
}

}  // namespace

std::optional<int> run_selected_check_command() {
  if (!check_command) return std::nullopt;
  return run_check();
}

}  // namespace rtoolchain::driver
