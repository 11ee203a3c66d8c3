// Loading the program a driver command works on: a target (run through the front end) or an
// IR text file (.rtir), verified either way.
#pragma once

#include <memory>
#include <string>

#include "rtoolchain/frontend/target.h"
#include "rtoolchain/ir/ir.h"

namespace rtoolchain::driver {

// Null after printing the errors (unreadable file, parse, front-end or verifier errors). A target
// gets the rlib/ll helper sources when `with_ll_helpers` (what the rtyper needs).
std::unique_ptr<ir::Program> load_program(const std::string& path, bool with_ll_helpers = false);

// Adds the rlib/ll helper sources (--ll-helper-dir, docs/lowlevel.md) to a target that does not
// name them.
void add_ll_helpers(frontend::Target& target);

}  // namespace rtoolchain::driver
