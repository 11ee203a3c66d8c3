// `rtoolchain graphs TARGET [--function NAME] [--format text|dot]`: the verified flow graphs the
// front end builds (docs/frontend.md).
#pragma once

#include <optional>

namespace rtoolchain::driver {

// Runs the command when it was selected; nullopt otherwise.
std::optional<int> run_selected_graphs_command();

}  // namespace rtoolchain::driver
