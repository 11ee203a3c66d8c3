#include "rtoolchain/frontend/target.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/MemoryBuffer.h>

namespace rtoolchain::frontend {

llvm::Expected<Target> Target::load(llvm::StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "%s: cannot read target: %s",
                                   path.str().c_str(), buffer.getError().message().c_str());
  auto target = parse((*buffer)->getBuffer(), path);
  if (target) target->path = path.str();
  return target;
}

llvm::Expected<Target> Target::parse(llvm::StringRef text, llvm::StringRef origin) {
  Target target;
  int line_number = 0;
  auto error = [&](const llvm::Twine& message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   llvm::formatv("{0}:{1}: {2}", origin, line_number, message.str()));
  };
  bool have_name = false;
  while (!text.empty()) {
    auto [line, rest] = text.split('\n');
    text = rest;
    ++line_number;
    line = line.trim();
    if (line.empty() || line.starts_with("#")) continue;
    auto [key, value] = line.split('=');
    key = key.trim();
    value = value.trim();
    if (!line.contains('=') || key.empty()) return error("expected 'key = value'");
    if (key == "name") {
      target.name = value.str();
      have_name = true;
    } else if (key == "entry") {
      target.entry = value.str();
    } else if (key == "source") {
      target.sources.push_back(value.str());
    } else if (key == "helper_source") {
      target.sources.push_back(value.str());
      target.helper_sources.push_back(value.str());
    } else if (key == "flag") {
      target.flags.push_back(value.str());
    } else {
      return error("unknown key '" + key + "' (expected name, entry, source, helper_source or flag)");
    }
  }
  if (!have_name || target.name.empty()) return error("the target has no 'name'");
  if (target.sources.empty()) return error("the target has no 'source'");
  if (target.entry.empty() && target.helper_sources.empty())
    return error("a target without entry point (a library) needs 'helper_source' roots");
  return target;
}

}  // namespace rtoolchain::frontend
