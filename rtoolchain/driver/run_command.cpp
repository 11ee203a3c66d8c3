// The run commands: graph mode through the graph interpreter (rtoolchain/graphinterp).
#include "run_command.h"
#include "load_program.h"

#include <string>
#include <vector>

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include "rt/main.h"
#include "check_facts.h"
#include "ll_facts.h"
#include "rtoolchain/annotator/annotator.h"
#include "rtoolchain/frontend/frontend.h"
#include "rtoolchain/graphinterp/graphinterp.h"
#include "rtoolchain/ir/ir.h"
#include "rtoolchain/jit/llgraph.h"
#include "rtoolchain/jit/llgraph_jit.h"
#include "rtype_command.h"

namespace cl = llvm::cl;

namespace rtoolchain::driver {
namespace {

cl::SubCommand run_ir_command("run-ir", "Run a program written as IR text in graph mode");
cl::opt<std::string> run_ir_file(cl::Positional, cl::desc("<file.rtir>"), cl::Required,
                                 cl::sub(run_ir_command));
cl::opt<std::string> run_ir_argv0("argv0", cl::desc("argv[0] of the program (default: the file name)"),
                                  cl::sub(run_ir_command));
cl::list<std::string> run_ir_args(cl::Positional, cl::desc("-- <program arguments>..."),
                                  cl::sub(run_ir_command));
cl::opt<std::string> run_ir_mode("mode",
                                 cl::desc("graph (the program as written) | ll (rtyped first when high level)"),
                                 cl::init("graph"), cl::sub(run_ir_command));


cl::SubCommand run_command("run", "Run a target (--mode=graph: its flow graphs, in the graph interpreter)");
cl::opt<std::string> run_mode("mode", cl::desc("graph | ll (low-level graphs, after the rtyper)"),
                              cl::init("graph"), cl::sub(run_command));
cl::opt<std::string> devirtualize("devirtualize", cl::desc("ll mode: none | cha | annotator (see rtoolchain rtype)"),
                                  cl::init(kDefaultDevirtualize), cl::sub(run_command), cl::sub(run_ir_command));
cl::opt<std::string> run_argv0("argv0", cl::desc("argv[0] of the program (default: the target's name)"),
                               cl::sub(run_command));
cl::opt<std::string> run_target(cl::Positional, cl::desc("<target.rttarget>"), cl::Required,
                                cl::sub(run_command));
cl::list<std::string> run_args(cl::Positional, cl::desc("-- <program arguments>..."),
                               cl::sub(run_command));
cl::opt<bool> check_facts("check-facts",
                          cl::desc("Annotate the program, then assert every fact at run time (graph mode, and ll "
                                   "mode through the rtyper's origins)"),
                          cl::sub(run_ir_command), cl::sub(run_command));
cl::opt<std::string> facts_file("facts",
                                cl::desc("run-ir --check-facts of a low-level file: the checks `rtype --facts` wrote"),
                                cl::value_desc("FILE"), cl::sub(run_ir_command));

cl::opt<bool> blackhole_portal("blackhole-portal",
                               cl::desc("ll mode: run every call of the portal in the JIT's blackhole "
                                        "interpreter, from its jitcodes (docs/jit.md)"),
                               cl::sub(run_ir_command), cl::sub(run_command));
cl::opt<bool> blackhole_stats("blackhole-stats",
                              cl::desc("With --blackhole-portal: print the portal calls and jitcode "
                                       "instructions run to stderr"),
                              cl::sub(run_ir_command), cl::sub(run_command));

cl::opt<bool> with_jit("jit",
                       cl::desc("ll mode: run with the meta-tracing JIT on the interpreting backend; "
                                "RTJIT and RTLOG from the environment (docs/jit.md)"),
                       cl::sub(run_ir_command), cl::sub(run_command));

// The checks of a low-level .rtir, from the file `rtype --facts` wrote.
bool read_facts_file(const ir::Program& program, LowFacts& facts) {
  auto buffer = llvm::MemoryBuffer::getFile(facts_file);
  if (!buffer) {
    llvm::errs() << "rtoolchain: cannot read " << facts_file << ": " << buffer.getError().message() << '\n';
    return false;
  }
  auto read = read_facts((*buffer)->getBuffer(), program, facts_file);
  if (!read) {
    llvm::errs() << llvm::toString(read.takeError()) << '\n';
    return false;
  }
  facts = std::move(*read);
  return true;
}

// Verifies the program, then runs it like host mode's main(); argv[0] names the program. With
// --check-facts, a low-level program is checked against `low_facts`, a high-level one against
// its annotation.
int run_graph_mode(const ir::Program& program, std::vector<std::string> argv, const LowFacts* low_facts = nullptr) {
  std::vector<ir::VerifierError> errors = ir::verify_program(program);
  if (!errors.empty()) {
    for (const ir::VerifierError& error : errors) llvm::errs() << error.to_string() << '\n';
    llvm::errs() << "rtoolchain: " << errors.size() << " verifier error(s); not running\n";
    return 1;
  }
  if (with_jit) {
    if (program.level() != ir::Level::kLow || check_facts || blackhole_portal) {
      llvm::errs() << "rtoolchain: --jit needs --mode=ll, without --check-facts or --blackhole-portal\n";
      return 1;
    }
    return static_cast<int>(jit::llgraph::run_program_with_jit(program, argv, llvm::errs()));
  }
  if (blackhole_portal) {
    if (program.level() != ir::Level::kLow || check_facts) {
      llvm::errs() << "rtoolchain: --blackhole-portal needs --mode=ll and no --check-facts\n";
      return 1;
    }
    return static_cast<int>(jit::llgraph::run_program_with_blackhole_portal(
        program, argv, llvm::errs(), blackhole_stats ? &llvm::errs() : nullptr));
  }
  if (!check_facts) return static_cast<int>(graphinterp::run_program(program, argv));
  if (program.level() == ir::Level::kLow) {
    if (!low_facts) {
      llvm::errs() << "rtoolchain: --check-facts of a low-level program needs its facts (--facts FILE)\n";
      return 1;
    }
    std::unique_ptr<graphinterp::Observer> checker = make_low_fact_checker(program, *low_facts);
    return static_cast<int>(graphinterp::run_program(program, argv, checker.get()));
  }
  annotator::Annotation annotation = annotator::annotate(program);
  for (const annotator::AnnotatorError& error : annotation.errors()) llvm::errs() << error.to_string() << '\n';
  if (!annotation.errors().empty()) {
    llvm::errs() << "rtoolchain: " << annotation.errors().size() << " annotator error(s); not running\n";
    return 1;
  }
  std::unique_ptr<graphinterp::Observer> checker = make_fact_checker(annotation);
  return static_cast<int>(graphinterp::run_program(program, argv, checker.get()));
}

int run_ir() {
  if (run_ir_mode != "graph" && run_ir_mode != "ll") {
    llvm::errs() << "rtoolchain: run-ir --mode must be graph or ll\n";
    return 1;
  }
  std::unique_ptr<ir::Program> program = load_program(run_ir_file, /*with_ll_helpers=*/false);
  if (!program) return 1;
  LowFacts facts;
  bool has_facts = false;
  if (program->level() == ir::Level::kLow && !facts_file.empty()) {
    if (!read_facts_file(*program, facts)) return 1;
    has_facts = true;
  } else if (run_ir_mode == "ll" && program->level() == ir::Level::kHigh) {
    program = lower_program(std::move(program), devirtualize, check_facts ? &facts : nullptr);
    if (!program) return 1;
    has_facts = check_facts;
  }
  std::vector<std::string> argv{run_ir_argv0.empty() ? run_ir_file.getValue() : run_ir_argv0.getValue()};
  argv.insert(argv.end(), run_ir_args.begin(), run_ir_args.end());
  return run_graph_mode(*program, std::move(argv), has_facts ? &facts : nullptr);
}

int run_target_command() {
  if (run_mode != "graph" && run_mode != "ll") {
    llvm::errs() << "rtoolchain: run --mode=" << run_mode << " is not implemented yet (graph or ll)\n";
    return 1;
  }
  auto target = frontend::Target::load(run_target);
  if (!target) {
    llvm::errs() << "rtoolchain: " << llvm::toString(target.takeError()) << '\n';
    return 1;
  }
  // argv[0] is the target's name, as host mode's is the executable's.
  std::vector<std::string> argv{run_argv0.empty() ? target->name : run_argv0.getValue()};
  argv.insert(argv.end(), run_args.begin(), run_args.end());
  std::unique_ptr<ir::Program> program = load_program(run_target, /*with_ll_helpers=*/run_mode == "ll");
  if (!program) return 1;
  LowFacts facts;
  if (run_mode == "ll") {
    program = lower_program(std::move(program), devirtualize, check_facts ? &facts : nullptr);
    if (!program) return 1;
  }
  return run_graph_mode(*program, std::move(argv), &facts);
}

}  // namespace

std::optional<int> run_selected_run_command() {
  if (!run_ir_command && !run_command) return std::nullopt;
  // The rt runtime (collector, stack budget) that graph mode's objects live in.
  rt::init_host_runtime(__builtin_frame_address(0));
  return run_ir_command ? run_ir() : run_target_command();
}

}  // namespace rtoolchain::driver
