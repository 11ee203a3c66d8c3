// `--check-facts` (docs/annotator.md, "Checking the facts"): a graph-mode observer that asserts
// at run time every fact the annotator claims, and stops with a toolchain-bug message naming
// the function, the variable and the fact when one does not hold.
#pragma once

#include <memory>

#include "rtoolchain/annotator/annotator.h"
#include "rtoolchain/graphinterp/graphinterp.h"

namespace rtoolchain::driver {

// The exit status after a violated fact (graph mode's own errors use 70).
inline constexpr int kFactViolationStatus = 3;

std::unique_ptr<graphinterp::Observer> make_fact_checker(const annotator::Annotation& annotation);

}  // namespace rtoolchain::driver
