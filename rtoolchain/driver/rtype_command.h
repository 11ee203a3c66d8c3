// `rtoolchain rtype TARGET|FILE.rtir [--function NAME] [--devirtualize=none|cha|annotator]
//                   [--facts FACTS] [-o FILE] [--time]`:
// the low-level program the rtyper makes of a target's flow graphs (the rlib/ll helpers added to
// the target) or of a high-level IR file (docs/rtyper.md), verified.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "rtoolchain/frontend/target.h"
#include "rtoolchain/annotator/annotator.h"
#include "rtoolchain/ir/ir.h"

namespace rtoolchain::driver {

// Runs the command when it was selected; nullopt otherwise.
std::optional<int> run_selected_rtype_command();

struct LowFacts;

// What `--devirtualize` defaults to in rtype, run --mode=ll and translate (docs/rtyper.md).
inline constexpr const char* kDefaultDevirtualize = "annotator";

// The program at the low level: rtyped when it is high level (`devirtualize` is "none", "cha"
// (rtyper::class_hierarchy_single_target) or "annotator" (the annotator's call targets)), then
// verified. A verifier error on the rtyper's output is a toolchain bug and reported as such.
// Null after reporting a problem. When `facts` is set, the high-level program is annotated and
// `facts` receives the checks of --check-facts on the low-level program (ll_facts.h); a program
// already low level has none (an error). `precomputed` is the program's annotation when the
// caller already ran the annotator (translate times it as its own stage); null: run it here.
std::unique_ptr<ir::Program> lower_program(std::unique_ptr<ir::Program> program,
                                           const std::string& devirtualize = kDefaultDevirtualize,
                                           LowFacts* facts = nullptr,
                                           const annotator::Annotation* precomputed = nullptr);

}  // namespace rtoolchain::driver
