// Loading the program a driver command works on: a target (run through the front end) or an
// IR text file (.rtir), verified either way.
#pragma once

#include <memory>
#include <string>

#include "rtoolchain/ir/ir.h"

namespace rtoolchain::driver {

// Null after printing the errors (unreadable file, parse, front-end or verifier errors).
std::unique_ptr<ir::Program> load_program(const std::string& path);

}  // namespace rtoolchain::driver
