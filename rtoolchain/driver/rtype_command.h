// `rtoolchain rtype TARGET|FILE.rtir [--function NAME] [--devirtualize=none|cha]`: the low-level
// program the rtyper makes of a target's flow graphs or of a high-level IR file
// (docs/rtyper.md), verified.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "rtoolchain/ir/ir.h"

namespace rtoolchain::driver {

// Runs the command when it was selected; nullopt otherwise.
std::optional<int> run_selected_rtype_command();

// Loads a high- or low-level program: a `.rtir` file is parsed, anything else is a target file
// built by the front end. Reports problems on stderr and returns null.
// The program at the low level: rtyped when it is high level (`devirtualize` is "none" or
// "cha", see rtyper::class_hierarchy_single_target), then verified. A verifier error on the
// rtyper's output is a toolchain bug and reported as such. Null after reporting a problem.
std::unique_ptr<ir::Program> lower_program(std::unique_ptr<ir::Program> program, const std::string& devirtualize);

}  // namespace rtoolchain::driver
