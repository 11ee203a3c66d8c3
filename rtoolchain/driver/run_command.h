// `rtoolchain run-ir FILE.rtir -- ARGS...` and `rtoolchain run --mode=graph TARGET -- ARGS...`:
// run a program in graph mode (docs/graphinterp.md).
#pragma once

#include <optional>

namespace rtoolchain::driver {

// Runs the command when one of these subcommands was selected; nullopt otherwise.
std::optional<int> run_selected_run_command();

}  // namespace rtoolchain::driver
