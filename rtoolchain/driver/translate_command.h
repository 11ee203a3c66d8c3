// `rtoolchain translate TARGET|FILE.rtir [-o OUT] [-O0|-O2] [--emit-llvm DIR]`: a standalone
// executable through the LLVM backend (docs/backend.md), printing each stage with its time.
#pragma once

#include <optional>

namespace rtoolchain::driver {

// Runs the command when it was selected; nullopt otherwise.
std::optional<int> run_selected_translate_command();

}  // namespace rtoolchain::driver
