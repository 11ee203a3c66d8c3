// The portal runner in low-level graph mode and `--blackhole-portal` (docs/jit.md, "Low-level
// graph mode").
#include "rtoolchain/jit/codewriter.h"
#include "rtoolchain/jit/llgraph.h"
#include "run_support.h"

namespace rtoolchain::jit::llgraph {

using graphinterp::Outcome;
using graphinterp::Value;

bool write_jitcodes_or_report(const ir::Program& program, codewriter::CodewriterResult& written,
                              llvm::raw_ostream& errors) {
  written = codewriter::write_jitcodes(program);
  for (const codewriter::CodewriterError& error : written.errors) errors << error.to_string() << '\n';
  if (written.program) return true;
  errors << "rtoolchain: " << written.errors.size() << " codewriter error(s); not running\n";
  return false;
}

Outcome call_entry_point(graphinterp::Interpreter& interp, const ir::Program& program,
                         llvm::ArrayRef<std::string> argv) {
  ir::FunctionId entry = program.entry_point();
  if (!entry.valid()) {
    Outcome outcome;
    outcome.kind = Outcome::kError;
    outcome.message = "the program has no entry point";
    return outcome;
  }
  Value args = interp.make_str_list(argv);
  return interp.call(entry, {args});
}

PortalRunner::PortalRunner(const ir::Program& program, const JitProgram& jit, GraphHeap& heap,
                           const GcRef* ref_constants)
    : program_(program), jit_(jit), heap_(heap), ref_constants_(ref_constants) {}

PortalRunner::~PortalRunner() = default;

uint64_t PortalRunner::instructions() const {
  uint64_t total = 0;
  for (const auto& bh : interpreters_) total += bh->instructions_run();
  return total;
}

Outcome PortalRunner::call(ir::FunctionId function, llvm::ArrayRef<Value> args) {
  ++portal_calls_;
  std::vector<int64_t> ints;
  std::vector<GcRef> refs;  // the arguments stay in the caller's (GC-visible) frame meanwhile
  std::vector<double> floats;
  heap_.split_args(function, args, ints, refs, floats);
  if (interpreters_.size() == nesting_)
    interpreters_.push_back(std::make_unique<BlackholeInterpreter>(jit_, heap_, ref_constants_));
  BlackholeInterpreter& bh = *interpreters_[nesting_];
  struct Nesting {
    size_t& n;
    explicit Nesting(size_t& n) : n(n) { ++n; }
    ~Nesting() { --n; }
  } nesting(nesting_);
  CallArgs call_args{ints.data(), ints.size(), refs.data(), refs.size(), floats.data(), floats.size()};
  Outcome outcome;
  try {
    BlackholeExit exit = run_portal_in_blackhole(bh, jit_, call_args);
    if (exit.reason == BlackholeExit::Reason::kExitFrameWithException) {
      outcome.kind = Outcome::kRaised;
      outcome.exc_class = heap_.class_of_type_id(exit.exc_type);
      outcome.value = graphinterp::Interpreter::reference(ref_bits(exit.exc_value));
      return outcome;
    }
    outcome.value = heap_.to_value(heap_.shape_of(program_.function_info(function).result), exit.result);
    return outcome;
  } catch (const ProgramEnd& end) {
    return end.outcome;
  }
}

int64_t run_program_with_blackhole_portal(const ir::Program& program, llvm::ArrayRef<std::string> argv,
                                          llvm::raw_ostream& errors, llvm::raw_ostream* stats) {
  codewriter::CodewriterResult written;
  if (!write_jitcodes_or_report(program, written, errors)) return 1;
  const JitProgram& jit = *written.program;
  std::string argv0 = argv.empty() ? "rt" : argv[0];
  Outcome outcome;
  uint64_t portal_calls = 0, instructions = 0;
  {
    graphinterp::Interpreter interp(program);
    GraphHeap heap(program, jit, interp);
    RootedRefs ref_constants(&heap);
    make_ref_constants(jit, heap, ref_constants,
                       [&](uint32_t c) { return make_ref(interp.constant(ir::ConstId(c)).bits); });
    PortalRunner runner(program, jit, heap, &ref_constants[0]);
    interp.set_call_hook(ir::FunctionId(jit.portal.function - 1), &runner);
    outcome = call_entry_point(interp, program, argv);
    interp.set_call_hook(ir::FunctionId(), nullptr);
    portal_calls = runner.portal_calls();
    instructions = runner.instructions();
  }
  int64_t status = graphinterp::report_outcome(outcome, argv0);
  if (stats)
    *stats << "blackhole: " << portal_calls << " portal calls, " << instructions << " jitcode instructions\n";
  return status;
}

}  // namespace rtoolchain::jit::llgraph
