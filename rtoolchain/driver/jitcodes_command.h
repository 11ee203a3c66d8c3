// `rtoolchain jitcodes TARGET|FILE.rtir [--function F] [--stats]`: the jitcodes and descriptors
// the codewriter makes of a program (rtyped first when it is high level), docs/jit.md.
#pragma once

#include <optional>

namespace rtoolchain::driver {

std::optional<int> run_selected_jitcodes_command();

}  // namespace rtoolchain::driver
