#include "rtype_command.h"
#include "ll_facts.h"
#include "load_program.h"

#include <chrono>
#include <optional>

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/Format.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/ToolOutputFile.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/annotator/annotator.h"
#include "rtoolchain/frontend/frontend.h"
#include "rtoolchain/rtyper/rtyper.h"

namespace cl = llvm::cl;

namespace rtoolchain::driver {
namespace {

cl::SubCommand rtype_command("rtype", "Print the low-level program the rtyper makes of a target or .rtir file");
cl::opt<std::string> rtype_input(cl::Positional, cl::desc("<target.rttarget | file.rtir>"), cl::Required,
                                 cl::sub(rtype_command));
cl::opt<std::string> rtype_function("function", cl::desc("Print only this function (its IR name)"),
                                    cl::value_desc("NAME"), cl::sub(rtype_command));
cl::opt<std::string> rtype_devirtualize("devirtualize",
                                        cl::desc("none (every virtual call dispatches) | cha (class hierarchy) | annotator (its call targets)"),
                                        cl::init(kDefaultDevirtualize), cl::sub(rtype_command));
cl::opt<std::string> rtype_output("o", cl::desc("Write the program to FILE instead of standard output"),
                                  cl::value_desc("FILE"), cl::sub(rtype_command));
cl::opt<std::string> rtype_facts("facts",
                                 cl::desc("Also write the annotator's facts as checks on the low-level program to "
                                          "FILE (for run-ir --check-facts --facts FILE)"),
                                 cl::value_desc("FILE"), cl::sub(rtype_command));
cl::opt<bool> rtype_time("time", cl::desc("Report the time of each stage and the program's size on stderr"),
                         cl::sub(rtype_command));

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int run_rtype() {
  Clock::time_point start = Clock::now();
  LoadTimes load_times;
  std::unique_ptr<ir::Program> high = load_program(rtype_input, /*with_ll_helpers=*/true, &load_times);
  if (!high) return 1;
  double load = seconds_since(start);
  size_t high_functions = high->num_functions();
  start = Clock::now();
  LowFacts facts;
  std::unique_ptr<ir::Program> program =
      lower_program(std::move(high), rtype_devirtualize, rtype_facts.empty() ? nullptr : &facts);
  if (!program) return 1;
  if (!rtype_facts.empty()) {
    std::error_code error;
    llvm::ToolOutputFile out(rtype_facts, error, llvm::sys::fs::OF_Text);
    if (error) {
      llvm::errs() << "rtoolchain: cannot write " << rtype_facts << ": " << error.message() << '\n';
      return 1;
    }
    write_facts(facts, *program, out.os());
    out.keep();
  }
  if (rtype_time) {
    size_t graphs = 0, ops = 0;
    for (uint32_t f = 0; f < program->num_functions(); ++f)
      if (const ir::Graph* graph = program->function_info(ir::FunctionId(f)).graph.get()) {
        ++graphs;
        ops += graph->num_ops();
      }
    // The load: the front end, then (when linked) reading and linking the prebuilt helpers,
    // then verifying the whole.
    std::string load_parts = llvm::formatv("front end {0:F2} s", load_times.front_end).str();
    if (load_times.linked_helpers) load_parts += llvm::formatv(", helpers linked {0:F2} s", load_times.helpers).str();
    llvm::errs() << llvm::format("rtoolchain rtype: load %.2f s (%s; %zu functions), rtype and verify %.2f s: "
                                 "%zu functions (%zu graphs, %zu operations), %zu classes\n",
                                 load, load_parts.c_str(), high_functions, seconds_since(start), program->num_functions(), graphs,
                                 ops, program->num_classes());
  }
  if (!rtype_output.empty() && rtype_function.empty()) {
    std::error_code error;
    llvm::ToolOutputFile out(rtype_output, error, llvm::sys::fs::OF_Text);
    if (error) {
      llvm::errs() << "rtoolchain: cannot write " << rtype_output << ": " << error.message() << '\n';
      return 1;
    }
    ir::print_program(*program, out.os());
    out.keep();
    return 0;
  }
  if (rtype_function.empty()) {
    ir::print_program(*program, llvm::outs());
    return 0;
  }
  ir::FunctionId function = program->find_function(rtype_function);
  if (!function.valid()) {
    llvm::errs() << "rtoolchain: no function '" << rtype_function << "' in the program\n";
    return 1;
  }
  ir::print_function(*program, function, llvm::outs());
  return 0;
}

}  // namespace

std::unique_ptr<ir::Program> lower_program(std::unique_ptr<ir::Program> program, const std::string& devirtualize,
                                           LowFacts* facts, const annotator::Annotation* precomputed) {
  if (!program) return nullptr;
  auto report = [](const std::vector<ir::VerifierError>& errors, const char* what) {
    for (const ir::VerifierError& error : errors) llvm::errs() << error.to_string() << '\n';
    llvm::errs() << "rtoolchain: " << errors.size() << " verifier error(s) " << what << '\n';
  };
  std::vector<ir::VerifierError> errors = ir::verify_program(*program);
  if (!errors.empty()) {
    report(errors, "in the input");
    return nullptr;
  }
  if (program->level() == ir::Level::kLow) {
    if (!facts) return program;
    llvm::errs() << "rtoolchain: the program is already low level: its facts come from the file `rtype --facts` "
                    "wrote (--facts FILE)\n";
    return nullptr;
  }
  if (devirtualize != "none" && devirtualize != "cha" && devirtualize != "annotator") {
    llvm::errs() << "rtoolchain: --devirtualize must be none, cha or annotator\n";
    return nullptr;
  }
  // Without the classes and functions the low level would not use (most of the rlib/ll helpers):
  // the annotator then works on less, and the type ids have no gaps.
  auto pruned = rtyper::prune_program(*program);
  if (!pruned) {
    llvm::errs() << llvm::toString(pruned.takeError()) << '\n';
    return nullptr;
  }
  program = std::make_unique<ir::Program>(std::move(*pruned));
  rtyper::Options options;
  // Outlives rtype_program, which consults it through the hook.
  std::optional<annotator::Annotation> annotation;
  if ((devirtualize == "annotator" || facts) && !precomputed) {
    annotation.emplace(annotator::annotate(*program));
    for (const annotator::AnnotatorError& error : annotation->errors()) llvm::errs() << error.to_string() << '\n';
    if (!annotation->errors().empty()) return nullptr;
    precomputed = &*annotation;
  }
  rtyper::Origins origins;
  std::vector<ir::FunctionId> function_map;
  if (facts) {
    options.origins = &origins;
    options.function_map = &function_map;
  }
  if (devirtualize == "cha") {
    options.single_target = rtyper::class_hierarchy_single_target();
  } else if (devirtualize == "annotator") {
    // A call the annotator never reached has no targets: it keeps its dispatch (the rtyper must
    // still lower it soundly, and nothing is known about it).
    options.single_target = [precomputed](const ir::Program& high, ir::FunctionId caller, ir::OpId call) {
      llvm::ArrayRef<ir::FunctionId> targets = precomputed->call_targets(caller, call);
      if (targets.size() != 1 || high.function_info(targets[0]).is_external) return ir::FunctionId();
      return targets[0];
    };
  }
  auto low = rtyper::rtype_program(*program, options);
  if (!low) {
    llvm::errs() << llvm::toString(low.takeError()) << '\n';
    return nullptr;
  }
  errors = ir::verify_program(*low);
  if (!errors.empty()) {
    report(errors, "in the rtyper's output (a toolchain bug)");
    return nullptr;
  }
  if (facts) *facts = translate_facts(*precomputed, *low, origins, function_map);
  return std::make_unique<ir::Program>(std::move(*low));
}

std::optional<int> run_selected_rtype_command() {
  if (!rtype_command) return std::nullopt;
  return run_rtype();
}

}  // namespace rtoolchain::driver
