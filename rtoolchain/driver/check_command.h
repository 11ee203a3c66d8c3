// `rtoolchain check TARGET`: the RC++ checker (docs/rcpp.md, docs/frontend-checker.md). Exit
// status 0 when the program is RC++; otherwise 1, with every error of the run on stderr.
#pragma once

#include <optional>

namespace rtoolchain::driver {

// Runs the command when it was selected; nullopt otherwise.
std::optional<int> run_selected_check_command();

}  // namespace rtoolchain::driver
