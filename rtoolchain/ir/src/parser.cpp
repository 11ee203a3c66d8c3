// The IR text parser: tokens and declarations (types and constants: parser_values.cpp, bodies:
// parser_body.cpp).
#include "parser.h"

#include "rtoolchain/ir/ir.h"
#include "text_syntax.h"

namespace rtoolchain::ir {

Parser::Parser(llvm::StringRef text, llvm::StringRef buffer_name)
    : buffer_name_(buffer_name.str()), tokens_(tokenize(text)) {}

llvm::Expected<Program> Parser::parse() {
  bool ok = !at(TokenKind::kError) || fail(peek(), peek().text);
  // The lexer stops at its first error; the declaration pass reads tokens up to it, so an error
  // token met anywhere is reported where it is.
  if (ok) ok = declare_all();
  pos_ = 0;
  while (ok && !at(TokenKind::kEnd)) ok = parse_item();
  if (ok) ok = resolve_field_offsets();
  if (!ok) return llvm::createStringError(llvm::inconvertibleErrorCode(), error_);
  return std::move(program_);
}

// --- Tokens. ----------------------------------------------------------------------------------

const Token& Parser::peek(size_t ahead) const {
  // The last token is kEnd or kError: reading past it stays on it.
  size_t index = std::min(pos_ + ahead, tokens_.size() - 1);
  return tokens_[index];
}

const Token& Parser::next() {
  const Token& token = peek();
  if (pos_ < tokens_.size() - 1) ++pos_;
  return token;
}

bool Parser::at_word(llvm::StringRef word, size_t ahead) const {
  const Token& token = peek(ahead);
  return token.kind == TokenKind::kName && token.text == word;
}

bool Parser::consume(TokenKind kind) {
  if (!at(kind)) return false;
  next();
  return true;
}

bool Parser::consume_word(llvm::StringRef word) {
  if (!at_word(word)) return false;
  next();
  return true;
}

bool Parser::expect(TokenKind kind, llvm::StringRef what) {
  if (consume(kind)) return true;
  return fail_here("expected " + what);
}

bool Parser::expect_word(llvm::StringRef word) {
  if (consume_word(word)) return true;
  return fail_here("expected '" + word + "'");
}

bool Parser::fail(const Token& where, const llvm::Twine& message) {
  if (!error_.empty()) return false;
  // A lexer error is the real problem wherever the parser stumbles on it.
  const Token& reported = peek().kind == TokenKind::kError ? peek() : where;
  std::string text = reported.kind == TokenKind::kError ? reported.text : message.str();
  error_ = buffer_name_ + ":" + std::to_string(reported.line) + ":" + std::to_string(reported.column) +
           ": error: " + text;
  return false;
}

bool Parser::declared(bool found, llvm::StringRef name) {
  // Pass 1 declares what starts a line outside brackets; anything else was not declared.
  if (found) return true;
  return fail(*name_token_, "'" + name + "' is not declared at the top level (unbalanced brackets?)");
}

bool Parser::starts_line(size_t index) const {
  return index == 0 || tokens_[index - 1].line != tokens_[index].line;
}

// --- Pass 1: declare every named entity in text order. ------------------------------------------

bool Parser::declare_all() {
  int depth = 0;
  for (size_t i = 0; i + 1 < tokens_.size(); ++i) {
    const Token& token = tokens_[i];
    switch (token.kind) {
      case TokenKind::kLParen:
      case TokenKind::kLBrace:
      case TokenKind::kLBracket:
        ++depth;
        continue;
      case TokenKind::kRParen:
      case TokenKind::kRBrace:
      case TokenKind::kRBracket:
        --depth;
        continue;
      default:
        break;
    }
    if (depth != 0 || token.kind != TokenKind::kName || !starts_line(i)) continue;
    size_t name_index = i + 1;
    if (token.text == "extern" && tokens_[i + 1].kind == TokenKind::kName &&
        tokens_[i + 1].text == "function")
      name_index = i + 2;
    static constexpr llvm::StringLiteral kDeclarations[] = {
        "struct", "enum", "keytraits", "class", "jitdriver", "global", "prebuilt", "function", "extern"};
    if (!llvm::is_contained(kDeclarations, token.text)) continue;
    if (name_index >= tokens_.size()) continue;
    const Token& name_token = tokens_[name_index];
    // Malformed declarations are reported by the second pass, with better context.
    if (name_token.kind != TokenKind::kName && name_token.kind != TokenKind::kString) continue;
    llvm::StringRef name = name_token.text;
    llvm::StringRef kind = tokens_[name_index - 1].text;
    bool duplicate = false;
    if (kind == "struct" || kind == "enum" || kind == "keytraits" || kind == "class") {
      duplicate = program_.has_type_name(name);
      if (!duplicate && kind == "struct") program_.add_struct(name);
      if (!duplicate && kind == "enum") program_.add_enum(name, TypeId());
      if (!duplicate && kind == "keytraits") program_.add_key_traits(name, TypeId(), FunctionId(), FunctionId());
      if (!duplicate && kind == "class") program_.add_class(name, ClassId());
    } else if (kind == "jitdriver") {
      duplicate = program_.find_jit_driver(name).valid();
      if (!duplicate) program_.add_jit_driver(name, {}, {});
    } else if (kind == "global") {
      duplicate = program_.find_global(name).valid();
      if (!duplicate) program_.add_global(name, TypeId());
    } else if (kind == "prebuilt") {
      duplicate = program_.find_prebuilt(name).valid();
      if (!duplicate) program_.add_prebuilt(name, TypeId());
    } else if (kind == "function") {
      duplicate = program_.find_function(name).valid();
      if (!duplicate) program_.add_function(name, {}, program_.types().void_type());
    } else {
      continue;  // `extern` not followed by `function`
    }
    if (duplicate) return fail(name_token, "redefinition of '" + name + "'");
  }
  return true;
}

// --- Pass 2: items. --------------------------------------------------------------------------------

bool Parser::parse_item() {
  const Token& token = peek();
  if (token.kind != TokenKind::kName) return fail_here("expected a declaration");
  if (!starts_line(pos_)) return fail_here("a declaration must start a line");
  if (token.text == "struct") return parse_struct();
  if (token.text == "enum") return parse_enum();
  if (token.text == "keytraits") return parse_key_traits();
  if (token.text == "class") return parse_class();
  if (token.text == "jitdriver") return parse_jit_driver();
  if (token.text == "global") return parse_global();
  if (token.text == "prebuilt") return parse_prebuilt();
  if (token.text == "function" || token.text == "extern") return parse_function();
  if (token.text == "entry") return parse_entry();
  if (token.text == "level") return parse_level();
  if (token.text == "layout") return parse_layout();
  return fail_here("expected a declaration, found '" + token.text + "'");
}

bool Parser::parse_name(std::string& name, llvm::StringRef what) {
  if (at(TokenKind::kString) || (at(TokenKind::kName) && !is_reserved_word(peek().text))) {
    name = next().text;
    return true;
  }
  return fail_here("expected " + what);
}

bool Parser::parse_flags(uint32_t& flags, llvm::ArrayRef<FlagName> names) {
  while (at(TokenKind::kName)) {
    const FlagName* found = nullptr;
    for (const FlagName& flag : names)
      if (peek().text == flag.name) found = &flag;
    if (!found) return true;
    if (flags & found->flag) return fail_here("flag '" + found->name + "' given twice");
    flags |= found->flag;
    next();
  }
  return true;
}

bool Parser::parse_struct() {
  next();
  std::string name;
  name_token_ = &peek();
  if (!parse_name(name, "a struct name")) return false;
  StructId s = program_.find_struct(name);
  if (!declared(s.valid(), name)) return false;
  if (!expect(TokenKind::kLBrace, "'{'")) return false;
  while (consume_word("field")) {
    std::string field_name;
    TypeId type;
    if (!parse_name(field_name, "a field name") || !expect(TokenKind::kColon, "':'") || !parse_type(type))
      return false;
    if (program_.find_struct_field(s, field_name).valid())
      return fail(tokens_[pos_ - 1], "field '" + field_name + "' declared twice");
    program_.add_struct_field(s, field_name, type);
  }
  return expect(TokenKind::kRBrace, "'field' or '}'");
}

bool Parser::parse_enum() {
  next();
  std::string name;
  TypeId underlying;
  name_token_ = &peek();
  if (!parse_name(name, "an enum name") || !expect(TokenKind::kColon, "':'")) return false;
  const Token& type_token = peek();
  if (!parse_type(underlying)) return false;
  if (!program_.types().is_int(underlying)) return fail(type_token, "an enum's type must be an integer type");
  EnumId e = program_.find_enum(name);
  if (!declared(e.valid(), name)) return false;
  program_.enum_info_mut(e).underlying = underlying;
  if (!expect(TokenKind::kLBrace, "'{'")) return false;
  while (!at(TokenKind::kRBrace)) {
    std::string enumerator;
    int64_t value;
    if (!parse_name(enumerator, "an enumerator or '}'") || !expect(TokenKind::kEquals, "'='")) return false;
    if (!at(TokenKind::kInteger)) return fail_here("expected an integer");
    if (!parse_integer(next(), underlying, value)) return false;
    program_.add_enumerator(e, enumerator, value);
  }
  next();
  return true;
}

bool Parser::parse_key_traits() {
  next();
  std::string name;
  KeyTraitsInfo info;
  name_token_ = &peek();
  if (!parse_name(name, "a key traits name") || !expect(TokenKind::kColon, "':'") ||
      !parse_type(info.key) || !expect(TokenKind::kLBrace, "'{'") || !expect_word("hash") ||
      !expect(TokenKind::kEquals, "'='") || !parse_function_ref(info.hash) || !expect_word("equal") ||
      !expect(TokenKind::kEquals, "'='") || !parse_function_ref(info.equal) ||
      !expect(TokenKind::kRBrace, "'}'"))
    return false;
  KeyTraitsId traits = program_.find_key_traits(name);
  if (!declared(traits.valid(), name)) return false;
  KeyTraitsInfo& target = program_.key_traits_info_mut(traits);
  target.key = info.key;
  target.hash = info.hash;
  target.equal = info.equal;
  return true;
}

bool Parser::parse_class() {
  next();
  std::string name;
  name_token_ = &peek();
  if (!parse_name(name, "a class name")) return false;
  ClassId cls = program_.find_class(name);
  if (!declared(cls.valid(), name)) return false;
  ClassInfo& info = program_.class_info_mut(cls);
  if (consume(TokenKind::kColon) && !parse_class_ref(info.base)) return false;
  if (!parse_flags(info.flags, class_flag_names()) || !expect(TokenKind::kLBrace, "'{'")) return false;
  while (true) {
    if (consume_word("field")) {
      std::string field_name;
      TypeId type;
      uint32_t flags = 0;
      if (!parse_name(field_name, "a field name") || !expect(TokenKind::kColon, "':'") ||
          !parse_type(type) || !parse_flags(flags, field_flag_names()))
        return false;
      if (program_.find_own_field(cls, field_name).valid())
        return fail(tokens_[pos_ - 1], "field '" + field_name + "' declared twice");
      program_.add_field(cls, field_name, type, flags);
    } else if (consume_word("method")) {
      std::string method_name;
      TypeId signature;
      FunctionId implementation;
      if (!parse_name(method_name, "a method name") || !expect(TokenKind::kColon, "':'") ||
          !parse_type(signature) || !expect(TokenKind::kEquals, "'='"))
        return false;
      if (!consume_word("abstract") && !parse_function_ref(implementation)) return false;
      program_.add_method(cls, method_name, signature, implementation);
    } else {
      return expect(TokenKind::kRBrace, "'field', 'method' or '}'");
    }
  }
}

bool Parser::parse_type_list(std::vector<TypeId>& types) {
  if (!expect(TokenKind::kLParen, "'('")) return false;
  if (consume(TokenKind::kRParen)) return true;
  do {
    TypeId type;
    if (!parse_type(type)) return false;
    types.push_back(type);
  } while (consume(TokenKind::kComma));
  return expect(TokenKind::kRParen, "',' or ')'");
}

bool Parser::parse_jit_driver() {
  next();
  std::string name;
  name_token_ = &peek();
  if (!parse_name(name, "a JIT driver name")) return false;
  JitDriverId driver = program_.find_jit_driver(name);
  if (!declared(driver.valid(), name)) return false;
  JitDriverInfo& info = program_.jit_driver_info_mut(driver);
  return expect_word("greens") && parse_type_list(info.greens) && expect_word("reds") &&
         parse_type_list(info.reds) && parse_flags(info.flags, jit_driver_flag_names());
}

bool Parser::parse_global() {
  next();
  std::string name;
  name_token_ = &peek();
  if (!parse_name(name, "a global name")) return false;
  GlobalId global = program_.find_global(name);
  if (!declared(global.valid(), name)) return false;
  GlobalInfo& info = program_.global_info_mut(global);
  if (!expect(TokenKind::kColon, "':'") || !parse_type(info.type)) return false;
  if (consume(TokenKind::kEquals) && !parse_constant(info.initial)) return false;
  return parse_flags(info.flags, global_flag_names());
}

bool Parser::parse_prebuilt() {
  next();
  std::string name;
  name_token_ = &peek();
  if (!parse_name(name, "a prebuilt object name")) return false;
  PrebuiltId prebuilt = program_.find_prebuilt(name);
  if (!declared(prebuilt.valid(), name)) return false;
  TypeId type;
  if (!expect(TokenKind::kColon, "':'") || !parse_type(type)) return false;
  program_.prebuilt_info_mut(prebuilt).type = type;
  if (!parse_flags(program_.prebuilt_info_mut(prebuilt).flags, prebuilt_flag_names())) return false;
  if (consume(TokenKind::kLBracket)) {
    while (!consume(TokenKind::kRBracket)) {
      ConstId item;
      if (!parse_constant(item)) return false;
      program_.prebuilt_info_mut(prebuilt).items.push_back(item);
    }
    return true;
  }
  if (!expect(TokenKind::kLBrace, "'{' or '['")) return false;
  while (!consume(TokenKind::kRBrace)) {
    FieldId field;
    ConstId value;
    if (!parse_field_ref(field) || !expect(TokenKind::kEquals, "'='") || !parse_constant(value))
      return false;
    program_.prebuilt_info_mut(prebuilt).field_values.emplace_back(field, value);
  }
  return true;
}

bool Parser::parse_function() {
  bool is_external = consume_word("extern");
  if (!expect_word("function")) return false;
  std::string name;
  name_token_ = &peek();
  if (!parse_name(name, "a function name")) return false;
  FunctionId fn = program_.find_function(name);
  if (!declared(fn.valid(), name)) return false;
  std::vector<Param> params;
  if (!expect(TokenKind::kLParen, "'('")) return false;
  if (!consume(TokenKind::kRParen)) {
    do {
      Param param;
      if (!parse_name(param.name, "a parameter name") || !expect(TokenKind::kColon, "':'") ||
          !parse_type(param.type))
        return false;
      if (param.name == "_") param.name.clear();
      params.push_back(std::move(param));
    } while (consume(TokenKind::kComma));
    if (!expect(TokenKind::kRParen, "',' or ')'")) return false;
  }
  TypeId result;
  if (!expect(TokenKind::kArrow, "'->'") || !parse_type(result)) return false;
  program_.set_signature(fn, params, result);
  FunctionInfo& info = program_.function_info_mut(fn);
  info.is_external = is_external;
  while (true) {
    if (!parse_flags(info.flags, function_flag_names())) return false;
    if (consume_word("look_inside_iff")) {
      if (!expect(TokenKind::kLParen, "'('") || !parse_function_ref(info.look_inside_iff) ||
          !expect(TokenKind::kRParen, "')'"))
        return false;
    } else if (consume_word("oopspec")) {
      if (!expect(TokenKind::kLParen, "'('")) return false;
      if (!at(TokenKind::kString)) return fail_here("expected a string");
      info.oopspec = next().text;
      if (!expect(TokenKind::kRParen, "')'")) return false;
    } else {
      break;
    }
  }
  if (is_external) return true;
  return parse_body(fn);
}

bool Parser::parse_level() {
  if (pos_ != 0) return fail_here("'level' must be the first line");
  next();
  if (consume_word("low")) {
    program_.set_level(Level::kLow);
    return true;
  }
  return expect_word("high");
}

bool Parser::parse_layout() {
  if (program_.level() != Level::kLow) return fail_here("a layout belongs to a low-level program ('level low')");
  next();
  if (!expect(TokenKind::kLBrace, "'{'")) return false;
  auto parse_number = [&](uint32_t& value) {
    if (!at(TokenKind::kInteger)) return fail_here("expected an integer");
    int64_t parsed;
    if (!parse_integer(next(), program_.types().u32(), parsed)) return false;
    value = static_cast<uint32_t>(parsed);
    return true;
  };
  // Offsets name fields of the class or struct line above them; the fields are declared later
  // in the text, so they are resolved once everything is read (resolve_field_offsets).
  ClassId owner_class;
  StructId owner_struct;
  while (!consume(TokenKind::kRBrace)) {
    if (consume_word("class")) {
      ClassId cls;
      ClassLayout layout;
      if (!parse_class_ref(cls) || !expect_word("typeid") || !parse_number(layout.min_type_id) ||
          !expect_word("last") || !parse_number(layout.max_type_id) || !expect_word("size") ||
          !parse_number(layout.size) || !expect_word("align") || !parse_number(layout.align))
        return false;
      program_.set_class_layout(cls, layout);
      owner_class = cls;
      owner_struct = StructId();
    } else if (consume_word("struct")) {
      std::string name;
      StructLayout layout;
      const Token& name_token = peek();
      if (!parse_name(name, "a struct name")) return false;
      StructId s = program_.find_struct(name);
      if (!s.valid()) return fail(name_token, "unknown struct '" + name + "'");
      if (!expect_word("size") || !parse_number(layout.size) || !expect_word("align") ||
          !parse_number(layout.align))
        return false;
      program_.set_struct_layout(s, layout);
      owner_class = ClassId();
      owner_struct = s;
    } else if (consume_word("field")) {
      PendingOffset pending{owner_class, owner_struct, "", 0, &peek()};
      if (!owner_class.valid() && !owner_struct.valid()) return fail_here("a field offset follows a class or struct");
      if (!parse_name(pending.name, "a field name") || !expect_word("offset") || !parse_number(pending.offset))
        return false;
      pending_offsets_.push_back(std::move(pending));
    } else if (consume_word("array")) {
      TypeId type;
      uint32_t type_id;
      if (!parse_type(type) || !expect_word("typeid") || !parse_number(type_id)) return false;
      program_.add_array_type_id(type, type_id);
    } else {
      return fail_here("expected 'class', 'struct', 'field', 'array' or '}'");
    }
  }
  return true;
}

bool Parser::resolve_field_offsets() {
  for (const PendingOffset& pending : pending_offsets_) {
    FieldId field = pending.owner_class.valid() ? program_.find_own_field(pending.owner_class, pending.name)
                                                : program_.find_struct_field(pending.owner_struct, pending.name);
    if (!field.valid()) return fail(*pending.name_token, "'" + pending.name + "' is not a field of the class or struct above");
    program_.set_field_offset(field, pending.offset);
  }
  return true;
}

bool Parser::parse_entry() {
  next();
  FunctionId fn;
  if (!parse_function_ref(fn)) return false;
  program_.set_entry_point(fn);
  return true;
}

llvm::Expected<Program> parse_program(llvm::StringRef text, llvm::StringRef buffer_name) {
  return Parser(text, buffer_name).parse();
}

}  // namespace rtoolchain::ir
