// Tokens of IR text (internal to rt_ir).
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>

namespace rtoolchain::ir {

enum class TokenKind : uint8_t {
  kName,        // a plain name, possibly qualified with "::" (also keywords, v3, block2)
  kString,      // "...": `text` holds the decoded bytes
  kFunctionRef, // @name or @"...": `text` holds the name
  kInteger,     // -?[0-9]+
  kFloat,       // a number with '.' or an exponent, or -inf
  kLParen, kRParen, kLBrace, kRBrace, kLBracket, kRBracket, kLess, kGreater,
  kComma, kColon, kEquals, kArrow, kStar, kDot,
  kEnd,
  kError,       // `text` holds the message
};

struct Token {
  TokenKind kind;
  std::string text;
  unsigned line;
  unsigned column;
};

// The tokens of `text`, ending with kEnd, or with kError at the first malformed token.
// Comments run from ';' to the end of the line.
std::vector<Token> tokenize(llvm::StringRef text);

}  // namespace rtoolchain::ir
