#include "lexer.h"

namespace som {

namespace {

bool is_digit(int64_t byte) { return byte >= '0' && byte <= '9'; }
bool is_letter(int64_t byte) {
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte == '_';
}
bool is_ident_part(int64_t byte) { return is_letter(byte) || is_digit(byte); }

class Lexer : public rt::Object {
 public:
  explicit Lexer(rt::Str source) : source(source), tokens(rt::make<rt::List<Token*>>()) {}

  rt::List<Token*>* run() {
    while (true) {
      skip_space_and_comments();
      int64_t byte = peek(0);
      if (byte < 0) break;
      start_line = line;
      start_column = column;
      if (is_digit(byte)) {
        lex_number();
      } else if (is_letter(byte)) {
        lex_identifier();
      } else if (byte == '\'') {
        advance();
        add(Tok::String, lex_string_body());
      } else if (byte == '#') {
        lex_pound();
      } else {
        lex_punctuation(byte);
      }
    }
    tokens->append(rt::make<Token>(Tok::End, "end of file", line, column));
    return tokens;
  }

 private:
  int64_t peek(int64_t ahead) const {
    if (pos + ahead >= source.size()) return -1;
    return source.byte_at(pos + ahead);
  }

  void advance() {
    if (source.byte_at(pos) == '\n') {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    pos += 1;
  }

  [[noreturn]] void fail(rt::Str message) {
    throw rt::make<ParseError>(message, start_line, start_column);
  }

  void add(Tok kind, rt::Str text) {
    tokens->append(rt::make<Token>(kind, text, start_line, start_column));
  }

  void skip_space_and_comments() {
    while (true) {
      int64_t byte = peek(0);
      if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f') {
        advance();
      } else if (byte == '"') {
        start_line = line;
        start_column = column;
        advance();
        while (peek(0) != '"') {
          if (peek(0) < 0) fail("unterminated comment");
          advance();
        }
        advance();
      } else {
        return;
      }
    }
  }

  rt::Str take_while_ident() {
    int64_t begin = pos;
    while (is_ident_part(peek(0))) advance();
    return source.slice(begin, pos);
  }

  void lex_number() {
    int64_t begin = pos;
    while (is_digit(peek(0))) advance();
    bool is_double = false;
    if (peek(0) == '.' && is_digit(peek(1))) {
      is_double = true;
      advance();
      while (is_digit(peek(0))) advance();
    }
    // An exponent only when digits follow, so that `2 e` stays a unary send.
    if ((peek(0) == 'e' || peek(0) == 'E') &&
        (is_digit(peek(1)) || ((peek(1) == '-' || peek(1) == '+') && is_digit(peek(2))))) {
      is_double = true;
      advance();
      if (peek(0) == '-' || peek(0) == '+') advance();
      while (is_digit(peek(0))) advance();
    }
    add(is_double ? Tok::Double : Tok::Integer, source.slice(begin, pos));
  }

  void lex_identifier() {
    rt::Str name = take_while_ident();
    if (peek(0) == ':' && peek(1) != '=') {
      advance();
      add(Tok::Keyword, name + ":");
    } else {
      add(Tok::Identifier, name);
    }
  }

  // After the opening quote; consumes the closing one.
  rt::Str lex_string_body() {
    rt::StrBuilder text;
    while (true) {
      int64_t byte = peek(0);
      if (byte < 0) fail("unterminated string");
      advance();
      if (byte == '\'') break;
      if (byte != '\\') {
        text.append_char(static_cast<char>(byte));
        continue;
      }
      int64_t escaped = peek(0);
      if (escaped < 0) fail("unterminated string");
      advance();
      switch (escaped) {
        case 't': text.append_char('\t'); break;
        case 'b': text.append_char('\b'); break;
        case 'n': text.append_char('\n'); break;
        case 'r': text.append_char('\r'); break;
        case 'f': text.append_char('\f'); break;
        case '0': text.append_char('\0'); break;
        case '\'': text.append_char('\''); break;
        case '\\': text.append_char('\\'); break;
        default:
          fail(rt::Str("unknown escape sequence '\\") +
               rt::Str::from_char(static_cast<char>(escaped)) + "' in string");
      }
    }
    return text.build();
  }

  void lex_pound() {
    advance();
    int64_t byte = peek(0);
    if (byte == '(') {
      advance();
      add(Tok::ArrayStart, "#(");
    } else if (byte == '\'') {
      advance();
      add(Tok::Symbol, lex_string_body());
    } else if (is_letter(byte)) {
      // #foo, or a keyword selector #at:put:
      rt::StrBuilder text;
      while (is_letter(peek(0))) {
        text.append(take_while_ident());
        if (peek(0) != ':') break;
        advance();
        text.append_char(':');
      }
      add(Tok::Symbol, text.build());
    } else if (is_operator_char(byte)) {
      int64_t begin = pos;
      while (is_operator_char(peek(0))) advance();
      add(Tok::Symbol, source.slice(begin, pos));
    } else {
      fail("expected a symbol after '#'");
    }
  }

  void lex_punctuation(int64_t byte) {
    if (byte == ':') {
      advance();
      if (peek(0) == '=') {
        advance();
        add(Tok::Assign, ":=");
      } else {
        add(Tok::Colon, ":");
      }
      return;
    }
    if (byte == '-' && peek(1) == '-' && peek(2) == '-' && peek(3) == '-') {
      while (peek(0) == '-') advance();
      add(Tok::Separator, "----");
      return;
    }
    if (is_operator_char(byte)) {
      int64_t begin = pos;
      advance();
      // Operator characters run together into one selector, as in the standard lexers (so `||`
      // is a selector, and `|` alone delimits locals and block parameters); a '-' followed by a
      // digit starts a negative literal rather than extending the operator: `x*-1`.
      while (is_operator_char(peek(0)) && !(peek(0) == '-' && is_digit(peek(1)))) advance();
      add(Tok::Operator, source.slice(begin, pos));
      return;
    }
    advance();
    switch (byte) {
      case '^': add(Tok::Caret, "^"); return;
      case '.': add(Tok::Period, "."); return;
      case '(': add(Tok::LParen, "("); return;
      case ')': add(Tok::RParen, ")"); return;
      case '[': add(Tok::LBracket, "["); return;
      case ']': add(Tok::RBracket, "]"); return;
      default: break;
    }
    if (byte > 0x20 && byte < 0x7f)
      fail(rt::Str("unexpected character '") + rt::Str::from_char(static_cast<char>(byte)) + "'");
    fail(rt::Str("unexpected byte ") + rt::Str::from_int(byte));
  }

  rt::Str source;
  rt::List<Token*>* tokens;
  int64_t pos = 0;
  int64_t line = 1;
  int64_t column = 1;
  int64_t start_line = 1;
  int64_t start_column = 1;
};

}  // namespace

bool is_operator_char(int64_t byte) {
  return byte == '~' || byte == '&' || byte == '|' || byte == '*' || byte == '/' ||
         byte == '\\' || byte == '+' || byte == '=' || byte == '>' || byte == '<' || byte == ',' ||
         byte == '@' || byte == '%' || byte == '-';
}

rt::List<Token*>* tokenize(rt::Str source) { return rt::make<Lexer>(source)->run(); }

}  // namespace som
