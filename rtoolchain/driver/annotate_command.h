// `rtoolchain annotate TARGET [--report] [--time]`: runs the annotator (docs/annotator.md) on a
// target (.rttarget, through the front end) or on IR text (.rtir).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "rtoolchain/ir/ir.h"

namespace rtoolchain::driver {

std::optional<int> run_selected_annotate_command();

// The program of a target file or an IR text file, verified; null after printing the errors.
}  // namespace rtoolchain::driver
