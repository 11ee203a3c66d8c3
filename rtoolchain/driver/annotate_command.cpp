#include "annotate_command.h"
#include "load_program.h"

#include <chrono>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/annotator/annotator.h"
#include "rtoolchain/frontend/frontend.h"

namespace cl = llvm::cl;

namespace rtoolchain::driver {
namespace {

cl::SubCommand annotate_command("annotate", "Compute whole-program facts of a target (or an .rtir file)");
cl::opt<std::string> annotate_target(cl::Positional, cl::desc("<target.rttarget | file.rtir>"), cl::Required,
                                     cl::sub(annotate_command));
cl::opt<bool> annotate_report("report", cl::desc("Print the report: classes, fields, calls, exceptions"),
                              cl::sub(annotate_command));
cl::opt<bool> annotate_facts("facts", cl::desc("Print every variable's facts, function by function"),
                             cl::sub(annotate_command));
cl::opt<bool> annotate_time("time", cl::desc("Print the time of loading and of the annotation on stderr"),
                            cl::sub(annotate_command));

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_annotate() {
  auto start = std::chrono::steady_clock::now();
  std::unique_ptr<ir::Program> program = load_program(annotate_target);
  if (!program) return 1;
  double load_time = seconds_since(start);
  auto annotate_start = std::chrono::steady_clock::now();
  annotator::Annotation annotation = annotator::annotate(*program);
  double annotate_time_s = seconds_since(annotate_start);
  if (annotate_time)
    llvm::errs() << llvm::format("load: %.3f s, annotate: %.3f s\n", load_time, annotate_time_s);
  for (const annotator::AnnotatorError& error : annotation.errors()) llvm::errs() << error.to_string() << '\n';
  if (!annotation.errors().empty()) {
    llvm::errs() << "rtoolchain: " << annotation.errors().size() << " annotator error(s)\n";
    return 1;
  }
  if (annotate_report) annotator::print_report(annotation, llvm::outs());
  if (annotate_facts) annotator::print_facts(annotation, llvm::outs());
  return 0;
}

}  // namespace

std::optional<int> run_selected_annotate_command() {
  if (!annotate_command) return std::nullopt;
  return run_annotate();
}

}  // namespace rtoolchain::driver
