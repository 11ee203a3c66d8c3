#include "rtoolchain/frontend/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace rtoolchain::frontend {

void Diagnostics::error(SourceLocation where, std::string rule, std::string message, std::string hint) {
  errors_.push_back({std::move(where), std::move(rule), std::move(message), std::move(hint)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> result = errors_;
  auto key = [](const Diagnostic& d) {
    return std::tie(d.where.file, d.where.line, d.where.column, d.message, d.rule);
  };
  std::sort(result.begin(), result.end(),
            [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  result.erase(std::unique(result.begin(), result.end(),
                           [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
               result.end());
  return result;
}

void Diagnostics::print(llvm::raw_ostream& out) const {
  for (const Diagnostic& d : sorted()) {
    out << d.where.file << ':' << d.where.line << ':' << d.where.column << ": error: ";
    if (!d.rule.empty()) out << '[' << d.rule << "] ";
    out << d.message << '\n';
    if (!d.hint.empty()) out << "  note: " << d.hint << '\n';
  }
}

}  // namespace rtoolchain::frontend
