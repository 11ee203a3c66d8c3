// Helpers shared by the IR unit tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "rtoolchain/ir/ir.h"

namespace rtoolchain::ir::testing {

// Parses `text`, failing the test with the parser's message if it does not parse.
inline Program parse(const std::string& text) {
  llvm::Expected<Program> program = parse_program(text, "test");
  if (!program) FAIL(llvm::toString(program.takeError()));
  return std::move(*program);
}

// The parser's error for `text`, or "" when it parses.
inline std::string parse_error(const std::string& text) {
  llvm::Expected<Program> program = parse_program(text, "test");
  if (program) return "";
  return llvm::toString(program.takeError());
}

inline std::vector<std::string> errors_of(const Program& program) {
  std::vector<std::string> messages;
  for (const VerifierError& error : verify_program(program)) messages.push_back(error.to_string());
  return messages;
}

// The verifier's errors for IR text that parses.
inline std::vector<std::string> errors_of(const std::string& text) { return errors_of(parse(text)); }

inline std::string dot_of(const Program& program, llvm::StringRef function) {
  std::string text;
  llvm::raw_string_ostream out(text);
  print_dot(program, program.find_function(function), out);
  return text;
}

}  // namespace rtoolchain::ir::testing
