// A target: the description of one RC++ program that every rtoolchain command reads
// (docs/targets.md). CMake's rt_add_host_program() writes it as NAME.rttarget:
//
//   # comment
//   name = tiny
//   entry = rt_main
//   source = /abs/path/main.cpp        (repeatable, in order)
//   flag = -I/abs/path/rlib/include    (repeatable, in order: compile flags for every source)
//   helper_source = /abs/path/rlib/ll/list.cpp   (repeatable: a source whose RT_LL_HELPER
//                                                 functions are extra roots of reachability)
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>

namespace rtoolchain::frontend {

struct Target {
  std::string name;
  std::string entry = "rt_main";
  // Every translation unit, helper sources included, in the order of the file.
  std::vector<std::string> sources;
  // The sources given as `helper_source`: their RT_LL_HELPER functions (rt/lowlevel.h) are roots
  // of the program beside the entry point, so the low-level helpers join it (docs/lowlevel.md).
  std::vector<std::string> helper_sources;
  std::vector<std::string> flags;
  std::string path;  // the file it came from, for messages; empty when built in memory

  // Reads a target file; errors name the file and line.
  static llvm::Expected<Target> load(llvm::StringRef path);
  // Parses target text; `origin` names it in errors.
  static llvm::Expected<Target> parse(llvm::StringRef text, llvm::StringRef origin);
};

}  // namespace rtoolchain::frontend
