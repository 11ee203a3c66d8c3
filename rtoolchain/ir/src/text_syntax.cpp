#include "text_syntax.h"

#include <charconv>
#include <cmath>

#include <llvm/ADT/StringSet.h>

namespace rtoolchain::ir {

bool is_reserved_word(llvm::StringRef word) {
  static const llvm::StringSet<> kReserved = {
      // types
      "void", "bool", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f64", "str",
      "strbuilder", "list", "array", "dict", "dictiter", "classref", "fn", "struct", "enum",
      // constants
      "true", "false", "none", "null", "inf", "nan", "targets", "unknown_targets", "class",
      "field", "method", "global", "prebuilt", "driver",
      // declarations and flags
      "function", "extern", "entry", "keytraits", "jitdriver", "greens", "reds", "abstract",
      "hash", "equal", "immutable", "quasi_immutable", "immutable_items", "quasi_immutable_items",
      "vable_field", "vable_array", "virtualizable", "elidable", "dont_look_inside", "unroll_safe",
      "loop_invariant", "not_in_trace", "nothrow", "look_inside_iff", "oopspec", "constant",
      "recursive",
      // exits
      "goto", "switch", "exception", "catch", "as", "normal", "default", "return", "except",
  };
  return kReserved.contains(word);
}

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

bool is_plain_name(llvm::StringRef name) {
  if (name.empty() || is_reserved_word(name)) return false;
  size_t i = 0;
  while (true) {
    if (i >= name.size() || !is_name_start(name[i])) return false;
    while (i < name.size() && is_name_char(name[i])) ++i;
    if (i == name.size()) return true;
    if (!name.substr(i).starts_with("::")) return false;
    i += 2;
  }
}

void write_quoted(llvm::raw_ostream& out, llvm::StringRef bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  out << '"';
  for (char c : bytes) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (c == '\\' || c == '"') {
      out << '\\' << c;
    } else if (c == '\n') {
      out << "\\n";
    } else if (c == '\t') {
      out << "\\t";
    } else if (byte < 0x20 || byte > 0x7e) {
      out << "\\x" << kHex[byte >> 4] << kHex[byte & 15];
    } else {
      out << c;
    }
  }
  out << '"';
}

void write_name(llvm::raw_ostream& out, llvm::StringRef name) {
  if (is_plain_name(name))
    out << name;
  else
    write_quoted(out, name);
}

std::string format_name(llvm::StringRef name) {
  std::string text;
  llvm::raw_string_ostream out(text);
  write_name(out, name);
  return text;
}

std::string format_float(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, result.ptr);
  if (text.find_first_of(".eE") == std::string::npos) text += ".0";
  return text;
}

}  // namespace rtoolchain::ir
