// rt-ir-tool: reads IR text, verifies it and prints it back, or prints one function as
// Graphviz dot. The IR's text tests (tests/ir/text) run through it.
//
//   rt-ir-tool file.rtir                 parse, verify, print
//   rt-ir-tool --dot=fib file.rtir       parse, verify, print @fib as dot
//   rt-ir-tool --check-roundtrip file    print, parse the printed text, print again: same text?
//   rt-ir-tool --verify-only file        only the verifier's errors
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/ir/ir.h"

namespace {

namespace ir = rtoolchain::ir;

llvm::cl::opt<std::string> input_path(llvm::cl::Positional, llvm::cl::desc("<input .rtir file, or - for stdin>"),
                                      llvm::cl::init("-"));
llvm::cl::opt<std::string> dot_function("dot", llvm::cl::desc("Print this function's graph as Graphviz dot"),
                                        llvm::cl::value_desc("function"));
llvm::cl::opt<bool> no_verify("no-verify", llvm::cl::desc("Do not run the verifier (default: run it)"));
llvm::cl::opt<bool> verify_only("verify-only", llvm::cl::desc("Print only verifier errors (default: off)"));
llvm::cl::opt<bool> check_roundtrip(
    "check-roundtrip", llvm::cl::desc("Fail unless parsing the printed program prints the same text (default: off)"));

}  // namespace

int main(int argc, char** argv) {
  llvm::cl::ParseCommandLineOptions(argc, argv, "rt-ir-tool: read, verify and print rtoolchain IR\n");
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer = llvm::MemoryBuffer::getFileOrSTDIN(input_path);
  if (!buffer) {
    llvm::errs() << input_path << ": " << buffer.getError().message() << "\n";
    return 1;
  }
  llvm::StringRef name = input_path == "-" ? llvm::StringRef("<stdin>") : llvm::StringRef(input_path);
  llvm::Expected<ir::Program> program = ir::parse_program((*buffer)->getBuffer(), name);
  if (!program) {
    llvm::errs() << llvm::toString(program.takeError()) << "\n";
    return 1;
  }
  if (!no_verify) {
    std::vector<ir::VerifierError> errors = ir::verify_program(*program);
    for (const ir::VerifierError& error : errors) llvm::errs() << error.to_string() << "\n";
    if (!errors.empty()) {
      llvm::errs() << errors.size() << (errors.size() == 1 ? " error\n" : " errors\n");
      return 1;
    }
  }
  if (verify_only) return 0;
  std::string text = ir::program_to_string(*program);
  if (check_roundtrip) {
    llvm::Expected<ir::Program> reparsed = ir::parse_program(text, "<printed>");
    if (!reparsed) {
      llvm::errs() << "the printed program does not parse: " << llvm::toString(reparsed.takeError()) << "\n";
      return 1;
    }
    std::string again = ir::program_to_string(*reparsed);
    if (again != text) {
      llvm::errs() << "print -> parse -> print changed the text:\n--- first\n" << text << "--- second\n" << again;
      return 1;
    }
    llvm::outs() << "round trip ok\n";
    return 0;
  }
  if (!dot_function.empty()) {
    ir::FunctionId fn = program->find_function(dot_function);
    if (!fn.valid()) {
      llvm::errs() << "no function '" << dot_function << "'\n";
      return 1;
    }
    ir::print_dot(*program, fn, llvm::outs());
    return 0;
  }
  llvm::outs() << text;
  return 0;
}
