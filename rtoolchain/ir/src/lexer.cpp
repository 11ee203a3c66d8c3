#include "lexer.h"

#include <llvm/ADT/StringExtras.h>

#include "text_syntax.h"

namespace rtoolchain::ir {
namespace {

class Lexer {
 public:
  explicit Lexer(llvm::StringRef text) : text_(text) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (true) {
      skip_space_and_comments();
      Token token = next_token();
      bool done = token.kind == TokenKind::kEnd || token.kind == TokenKind::kError;
      tokens.push_back(std::move(token));
      if (done) return tokens;
    }
  }

 private:
  char peek(size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  bool at_end() const { return pos_ >= text_.size(); }
  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++pos_;
  }

  void skip_space_and_comments() {
    while (!at_end()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (c == ';') {
        while (!at_end() && peek() != '\n') advance();
      } else {
        return;
      }
    }
  }

  Token make(TokenKind kind, std::string text = "") { return Token{kind, std::move(text), line_, column_}; }

  Token next_token() {
    Token token = make(TokenKind::kEnd);
    if (at_end()) return token;
    char c = peek();
    if (is_name_start(c)) {
      token.kind = TokenKind::kName;
      token.text = lex_name();
      return token;
    }
    if (c == '"') return lex_string(token);
    if (c == '@') {
      advance();
      token.kind = TokenKind::kFunctionRef;
      if (peek() == '"') {
        Token quoted = lex_string(token);
        if (quoted.kind == TokenKind::kError) return quoted;
        token.text = std::move(quoted.text);
        token.kind = TokenKind::kFunctionRef;
        return token;
      }
      if (!is_name_start(peek())) return error(token, "expected a name after '@'");
      token.text = lex_name();
      return token;
    }
    if (is_digit(c) || (c == '-' && is_digit(peek(1)))) return lex_number(token);
    if (c == '-' && peek(1) == '>') {
      advance();
      advance();
      token.kind = TokenKind::kArrow;
      return token;
    }
    if (c == '-' && llvm::StringRef(text_).substr(pos_ + 1).starts_with("inf") && !is_name_char(peek(4))) {
      for (int i = 0; i < 4; ++i) advance();
      token.kind = TokenKind::kFloat;
      token.text = "-inf";
      return token;
    }
    static constexpr std::pair<char, TokenKind> kPunctuation[] = {
        {'(', TokenKind::kLParen},   {')', TokenKind::kRParen},  {'{', TokenKind::kLBrace},
        {'}', TokenKind::kRBrace},   {'[', TokenKind::kLBracket}, {']', TokenKind::kRBracket},
        {'<', TokenKind::kLess},     {'>', TokenKind::kGreater}, {',', TokenKind::kComma},
        {':', TokenKind::kColon},    {'=', TokenKind::kEquals},  {'*', TokenKind::kStar},
        {'.', TokenKind::kDot},
    };
    for (const auto& [ch, kind] : kPunctuation) {
      if (c == ch) {
        advance();
        token.kind = kind;
        return token;
      }
    }
    std::string shown = (c >= 0x20 && c < 0x7f)
                            ? std::string(1, c)
                            : "\\x" + llvm::utohexstr(static_cast<unsigned char>(c), true, 2);
    return error(token, "unexpected character '" + shown + "'");
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  std::string lex_name() {
    size_t start = pos_;
    while (true) {
      while (is_name_char(peek())) advance();
      if (peek() == ':' && peek(1) == ':' && is_name_start(peek(2))) {
        advance();
        advance();
        continue;
      }
      return text_.substr(start, pos_ - start).str();
    }
  }

  Token lex_number(Token token) {
    size_t start = pos_;
    bool is_float = false;
    if (peek() == '-') advance();
    while (is_digit(peek())) advance();
    if (peek() == '.' && is_digit(peek(1))) {
      is_float = true;
      advance();
      while (is_digit(peek())) advance();
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
      is_float = true;
      advance();
      if (peek() == '+' || peek() == '-') advance();
      while (is_digit(peek())) advance();
    }
    if (is_name_char(peek())) return error(token, "malformed number");
    token.kind = is_float ? TokenKind::kFloat : TokenKind::kInteger;
    token.text = text_.substr(start, pos_ - start).str();
    return token;
  }

  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  Token lex_string(Token token) {
    advance();  // the opening quote
    std::string bytes;
    while (true) {
      if (at_end() || peek() == '\n') return error(token, "unterminated string");
      char c = peek();
      advance();
      if (c == '"') break;
      if (c != '\\') {
        bytes += c;
        continue;
      }
      if (at_end()) return error(token, "unterminated string");
      char escape = peek();
      advance();
      switch (escape) {
        case '\\': bytes += '\\'; break;
        case '"': bytes += '"'; break;
        case 'n': bytes += '\n'; break;
        case 't': bytes += '\t'; break;
        case 'x': {
          int high = hex_value(peek());
          int low = high < 0 ? -1 : hex_value(peek(1));
          if (low < 0) return error(token, "\\x needs two hex digits");
          advance();
          advance();
          bytes += static_cast<char>(high * 16 + low);
          break;
        }
        default: return error(token, "unknown escape in string");
      }
    }
    token.kind = TokenKind::kString;
    token.text = std::move(bytes);
    return token;
  }

  Token error(Token token, std::string message) {
    token.kind = TokenKind::kError;
    token.text = std::move(message);
    return token;
  }

  llvm::StringRef text_;
  size_t pos_ = 0;
  unsigned line_ = 1;
  unsigned column_ = 1;
};

}  // namespace

std::vector<Token> tokenize(llvm::StringRef text) { return Lexer(text).run(); }

}  // namespace rtoolchain::ir
