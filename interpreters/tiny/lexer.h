// The lexer: source bytes to tokens.
#pragma once

#include "rt/rt.h"

namespace tiny {

// Every error found before the program runs: lexing, parsing and compiling.
class SyntaxError : public rt::Exception {
 public:
  SyntaxError(rt::Str message, int64_t line, int64_t column)
      : rt::Exception(message), line(line), column(column) {}
  rt::Str type_name() const override { return "SyntaxError"; }
  int64_t line;
  int64_t column;
};

enum class TokenKind : int64_t { Int, Float, String, Name, Keyword, Symbol, End };

class Token : public rt::Object {
 public:
  Token(TokenKind kind, rt::Str text, int64_t line, int64_t column)
      : kind(kind), text(text), line(line), column(column) {}
  TokenKind kind;
  // Digits for numbers, the decoded contents for strings, the spelling otherwise.
  rt::Str text;
  int64_t line;    // 1-based
  int64_t column;  // 1-based, in bytes
};

// The tokens of `source`, ending with an End token. Raises SyntaxError.
rt::List<Token*>* tokenize(rt::Str source);

}  // namespace tiny
