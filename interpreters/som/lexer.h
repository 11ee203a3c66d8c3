// The lexer: the bytes of a SOM class file to tokens.
#pragma once

#include "rt/rt.h"

namespace som {

// An error in a class file, found by the lexer, the parser or the compiler.
class ParseError : public rt::Exception {
 public:
  ParseError(rt::Str message, int64_t line, int64_t column)
      : rt::Exception(message), line(line), column(column) {}
  rt::Str type_name() const override { return "ParseError"; }
  int64_t line;
  int64_t column;
};

enum class Tok : int64_t {
  Identifier,   // foo
  Keyword,      // foo:
  Operator,     // + - = <= | ...
  Integer,      // digits (the sign is the parser's business)
  Double,       // digits.digits with an optional exponent
  String,       // the decoded contents
  Symbol,       // #foo, #at:put:, #+, #'text': the symbol's text
  ArrayStart,   // #(
  Assign,       // :=
  Colon,        // :
  Caret,        // ^
  Period,       // .
  LParen,
  RParen,
  LBracket,
  RBracket,
  Separator,    // ---- (four dashes or more)
  End
};

class Token : public rt::Object {
 public:
  Token(Tok kind, rt::Str text, int64_t line, int64_t column)
      : kind(kind), text(text), line(line), column(column) {}
  const Tok kind;
  const rt::Str text;
  const int64_t line;
  const int64_t column;
};

rt::List<Token*>* tokenize(rt::Str source);

bool is_operator_char(int64_t byte);

}  // namespace som
