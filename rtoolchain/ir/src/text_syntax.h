// Spellings shared by the text printer and parser (internal to rt_ir), so that what one writes
// the other reads.
#pragma once

#include <string>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/raw_ostream.h>

namespace rtoolchain::ir {

// Words of the text format that a plain name may not be (names that are get quoted).
bool is_reserved_word(llvm::StringRef word);
bool is_name_start(char c);
bool is_name_char(char c);
// [A-Za-z_][A-Za-z0-9_]* joined by "::", and not reserved: printed without quotes.
bool is_plain_name(llvm::StringRef name);
// `name` as is when plain, else as a quoted string.
void write_name(llvm::raw_ostream& out, llvm::StringRef name);
std::string format_name(llvm::StringRef name);
// "..." with \\, \", \n, \t and \xHH for every other byte outside printable ASCII.
void write_quoted(llvm::raw_ostream& out, llvm::StringRef bytes);
// The shortest text that reads back as the same double, always with a '.' or an exponent
// (1.0, 0.1, 1e+16, -0.0), or inf, -inf, nan.
std::string format_float(double value);

}  // namespace rtoolchain::ir
