#include "lexer.h"

namespace tiny {

namespace {

bool is_digit(int64_t byte) { return byte >= '0' && byte <= '9'; }
bool is_name_start(int64_t byte) {
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte == '_';
}
bool is_name_part(int64_t byte) { return is_name_start(byte) || is_digit(byte); }

bool is_keyword(rt::Str word) {
  return word == "fn" || word == "var" || word == "if" || word == "else" || word == "while" ||
         word == "for" || word == "in" || word == "break" || word == "continue" ||
         word == "return" || word == "throw" || word == "try" || word == "catch" || word == "and" ||
         word == "or" || word == "not" || word == "nil" || word == "true" || word == "false";
}

int64_t hex_value(int64_t byte) {
  if (is_digit(byte)) return byte - '0';
  if (byte >= 'a' && byte <= 'f') return byte - 'a' + 10;
  if (byte >= 'A' && byte <= 'F') return byte - 'A' + 10;
  return -1;
}

// How an offending byte appears in a message: printable ASCII as itself, the rest in hex, so
// that binary garbage never reaches the terminal.
rt::Str describe_byte(int64_t byte) {
  if (byte > 0x20 && byte < 0x7f)
    return rt::Str("character '") + rt::Str::from_char(static_cast<char>(byte)) + "'";
  rt::Str hex_digits = "0123456789abcdef";
  return rt::Str("byte 0x") + rt::Str::from_char(hex_digits.at(byte / 16)) +
         rt::Str::from_char(hex_digits.at(byte % 16));
}

class Lexer : public rt::Object {
 public:
  explicit Lexer(rt::Str source)
      : source_(source), pos_(0), line_(1), column_(1), tokens_(rt::make<rt::List<Token*>>()) {}

  rt::List<Token*>* run() {
    while (true) {
      skip_space_and_comments();
      int64_t byte = peek(0);
      if (byte < 0) break;
      if (is_digit(byte)) {
        lex_number();
      } else if (is_name_start(byte)) {
        lex_name();
      } else if (byte == '"') {
        lex_string();
      } else {
        lex_symbol();
      }
    }
    tokens_->append(rt::make<Token>(TokenKind::End, "", line_, column_));
    return tokens_;
  }

 private:
  // The byte `ahead` positions on, or -1 past the end.
  int64_t peek(int64_t ahead) const {
    if (pos_ + ahead >= source_.size()) return -1;
    return source_.byte_at(pos_ + ahead);
  }

  void advance() {
    if (source_.byte_at(pos_) == '\n') {
      line_ += 1;
      column_ = 1;
    } else {
      column_ += 1;
    }
    pos_ += 1;
  }

  [[noreturn]] void fail(rt::Str message, int64_t line, int64_t column) {
    throw rt::make<SyntaxError>(message, line, column);
  }

  void skip_space_and_comments() {
    while (true) {
      int64_t byte = peek(0);
      if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r') {
        advance();
      } else if (byte == '#') {
        while (peek(0) >= 0 && peek(0) != '\n') advance();
      } else {
        return;
      }
    }
  }

  void add(TokenKind kind, rt::Str text, int64_t line, int64_t column) {
    tokens_->append(rt::make<Token>(kind, text, line, column));
  }

  // digits ["." digits] [("e" | "E") ["+" | "-"] digits]
  void lex_number() {
    int64_t start = pos_;
    int64_t line = line_;
    int64_t column = column_;
    bool is_float = false;
    while (is_digit(peek(0))) advance();
    if (peek(0) == '.') {
      is_float = true;
      advance();
      if (!is_digit(peek(0))) fail("expected a digit after '.'", line_, column_);
      while (is_digit(peek(0))) advance();
    }
    if (peek(0) == 'e' || peek(0) == 'E') {
      is_float = true;
      advance();
      if (peek(0) == '+' || peek(0) == '-') advance();
      if (!is_digit(peek(0))) fail("expected a digit in the exponent", line_, column_);
      while (is_digit(peek(0))) advance();
    }
    if (is_name_part(peek(0)) || peek(0) == '.') fail("invalid number literal", line, column);
    add(is_float ? TokenKind::Float : TokenKind::Int, source_.slice(start, pos_), line, column);
  }

  void lex_name() {
    int64_t start = pos_;
    int64_t line = line_;
    int64_t column = column_;
    while (is_name_part(peek(0))) advance();
    rt::Str word = source_.slice(start, pos_);
    add(is_keyword(word) ? TokenKind::Keyword : TokenKind::Name, word, line, column);
  }

  void lex_string() {
    int64_t line = line_;
    int64_t column = column_;
    advance();  // the opening quote
    rt::StrBuilder text(16);
    while (true) {
      int64_t byte = peek(0);
      if (byte < 0 || byte == '\n') fail("unterminated string", line, column);
      if (byte == '"') break;
      if (byte != '\\') {
        text.append_char(source_.at(pos_));
        advance();
        continue;
      }
      int64_t escape_line = line_;
      int64_t escape_column = column_;
      advance();
      int64_t escaped = peek(0);
      if (escaped == 'n') {
        text.append_char('\n');
      } else if (escaped == 't') {
        text.append_char('\t');
      } else if (escaped == '\\' || escaped == '"') {
        text.append_char(source_.at(pos_));
      } else if (escaped == 'x' && hex_value(peek(1)) >= 0 && hex_value(peek(2)) >= 0) {
        text.append_char(static_cast<char>(hex_value(peek(1)) * 16 + hex_value(peek(2))));
        advance();
        advance();
      } else {
        fail("invalid escape sequence", escape_line, escape_column);
      }
      advance();
    }
    advance();  // the closing quote
    add(TokenKind::String, text.build(), line, column);
  }

  void lex_symbol() {
    int64_t line = line_;
    int64_t column = column_;
    int64_t byte = peek(0);
    if ((byte == '=' || byte == '!' || byte == '<' || byte == '>') && peek(1) == '=') {
      rt::Str text = source_.slice(pos_, pos_ + 2);
      advance();
      advance();
      add(TokenKind::Symbol, text, line, column);
      return;
    }
    rt::Str symbol = rt::Str::from_char(source_.at(pos_));
    if (rt::Str("(){}[],;:=<>+-*/%").find(symbol) < 0)
      fail(rt::Str("unexpected ") + describe_byte(byte), line, column);
    advance();
    add(TokenKind::Symbol, symbol, line, column);
  }

  rt::Str source_;
  int64_t pos_;
  int64_t line_;
  int64_t column_;
  rt::List<Token*>* tokens_;
};

}  // namespace

rt::List<Token*>* tokenize(rt::Str source) { return rt::make<Lexer>(source)->run(); }

}  // namespace tiny
