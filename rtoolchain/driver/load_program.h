// Loading the program a driver command works on: a target (run through the front end) or an
// IR text file (.rtir), verified either way.
#pragma once

#include <memory>
#include <string>

#include "rtoolchain/frontend/target.h"
#include "rtoolchain/ir/ir.h"

namespace rtoolchain::driver {

// Where the time of a load went, for --time.
struct LoadTimes {
  double front_end = 0;  // the target's own sources (with the helper sources when converted)
  double helpers = 0;    // reading the prebuilt helpers and linking them
  bool linked_helpers = false;
};

// Null after printing the errors (unreadable file, parse, front-end, link or verifier errors).
// A target gets the rlib/ll helpers when `with_ll_helpers` (what the rtyper needs): the prebuilt
// helper program (--ll-helpers, built once by the build) linked into it, or, when the target
// names helper sources itself or --ll-helper-dir is given, the helper sources converted with it
// (docs/rtyper.md, "The helpers, built once").
std::unique_ptr<ir::Program> load_program(const std::string& path, bool with_ll_helpers = false,
                                          LoadTimes* times = nullptr);

}  // namespace rtoolchain::driver
