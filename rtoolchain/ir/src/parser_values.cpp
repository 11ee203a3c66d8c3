// The IR text parser: references to entities, types and constants.
#include <charconv>
#include <cmath>
#include <limits>

#include "parser.h"
#include "text_syntax.h"

namespace rtoolchain::ir {

// --- References, types and constants. ---------------------------------------------------------

bool Parser::parse_class_ref(ClassId& cls) {
  const Token& token = peek();
  std::string name;
  if (!parse_name(name, "a class name")) return false;
  cls = program_.find_class(name);
  if (!cls.valid()) return fail(token, "unknown class '" + name + "'");
  return true;
}

bool Parser::parse_function_ref(FunctionId& fn) {
  const Token& token = peek();
  if (!expect(TokenKind::kFunctionRef, "'@' and a function name")) return false;
  fn = program_.find_function(token.text);
  if (!fn.valid()) return fail(token, "unknown function '" + token.text + "'");
  return true;
}

bool Parser::parse_field_ref(FieldId& field) {
  const Token& token = peek();
  std::string owner, name;
  if (!parse_name(owner, "a class or struct name") || !expect(TokenKind::kDot, "'.'") ||
      !parse_name(name, "a field name"))
    return false;
  if (ClassId cls = program_.find_class(owner); cls.valid()) {
    field = program_.find_own_field(cls, name);
  } else if (StructId s = program_.find_struct(owner); s.valid()) {
    field = program_.find_struct_field(s, name);
  } else {
    return fail(token, "unknown class or struct '" + owner + "'");
  }
  if (!field.valid()) return fail(token, "'" + owner + "' declares no field '" + name + "'");
  return true;
}

bool Parser::parse_type(TypeId& type) {
  const Token& token = peek();
  TypeTable& types = program_.types();
  if (token.kind == TokenKind::kName) {
    llvm::StringRef word = token.text;
    static constexpr std::pair<llvm::StringLiteral, std::pair<unsigned, bool>> kInts[] = {
        {"i8", {8, true}},   {"i16", {16, true}},  {"i32", {32, true}},  {"i64", {64, true}},
        {"u8", {8, false}},  {"u16", {16, false}}, {"u32", {32, false}}, {"u64", {64, false}},
    };
    for (const auto& [spelling, layout] : kInts) {
      if (word == spelling) {
        next();
        type = types.int_type(layout.first, layout.second);
        return true;
      }
    }
    if (consume_word("void")) return type = types.void_type(), true;
    if (consume_word("bool")) return type = types.bool_type(), true;
    if (consume_word("f64")) return type = types.f64(), true;
    if (consume_word("str")) return type = types.str(), true;
    if (consume_word("strbuilder")) return type = types.strbuilder(), true;
    if (word == "list" || word == "array") {
      next();
      TypeId item;
      if (!expect(TokenKind::kLess, "'<'") || !parse_type(item) || !expect(TokenKind::kGreater, "'>'"))
        return false;
      type = word == "list" ? types.list(item) : types.array(item);
      return true;
    }
    if (word == "dict" || word == "dictiter") {
      next();
      TypeId key, value;
      KeyTraitsId traits;
      if (!expect(TokenKind::kLess, "'<'") || !parse_type(key) || !expect(TokenKind::kComma, "','") ||
          !parse_type(value))
        return false;
      if (word == "dict" && consume(TokenKind::kComma)) {
        const Token& traits_token = peek();
        std::string traits_name;
        if (!parse_name(traits_name, "a key traits name")) return false;
        traits = program_.find_key_traits(traits_name);
        if (!traits.valid()) return fail(traits_token, "unknown key traits '" + traits_name + "'");
      }
      if (!expect(TokenKind::kGreater, "'>'")) return false;
      type = word == "dict" ? types.dict(key, value, traits) : types.dict_iter(key, value);
      return true;
    }
    if (consume_word("classref")) {
      ClassId cls;
      if (!expect(TokenKind::kLess, "'<'") || !parse_class_ref(cls) || !expect(TokenKind::kGreater, "'>'"))
        return false;
      type = types.class_ref(cls);
      return true;
    }
    if (consume_word("fn")) {
      std::vector<TypeId> params;
      TypeId result;
      if (!parse_type_list(params) || !expect(TokenKind::kArrow, "'->'") || !parse_type(result)) return false;
      type = types.function(result, params);
      return true;
    }
    if (word == "struct" || word == "enum") {
      next();
      const Token& name_token = peek();
      std::string name;
      if (!parse_name(name, word == "struct" ? "a struct name" : "an enum name")) return false;
      if (word == "struct") {
        StructId s = program_.find_struct(name);
        if (!s.valid()) return fail(name_token, "unknown struct '" + name + "'");
        type = types.struct_type(s);
      } else {
        EnumId e = program_.find_enum(name);
        if (!e.valid()) return fail(name_token, "unknown enum '" + name + "'");
        type = types.enum_type(e);
      }
      return true;
    }
  }
  if (token.kind == TokenKind::kName || token.kind == TokenKind::kString) {
    if (token.kind == TokenKind::kName && is_reserved_word(token.text))
      return fail_here("expected a type, found '" + token.text + "'");
    ClassId cls;
    if (!parse_class_ref(cls) || !expect(TokenKind::kStar, "'*' after a class name")) return false;
    type = types.pointer(cls);
    return true;
  }
  return fail_here("expected a type");
}

bool Parser::parse_integer(const Token& token, TypeId type, int64_t& value) {
  std::optional<IntegerLayout> layout = program_.integer_layout(type);
  if (!layout) return fail(token, "'" + program_.type_name(type) + "' is not an integer type");
  llvm::StringRef text = token.text;
  const char* end = text.data() + text.size();
  if (text.starts_with("-")) {
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !layout->is_signed ||
        (layout->bits < 64 && value < -(int64_t(1) << (layout->bits - 1))))
      return fail(token, "integer " + text + " does not fit " + program_.type_name(type));
    return true;
  }
  uint64_t magnitude;
  auto [ptr, ec] = std::from_chars(text.data(), end, magnitude);
  uint64_t max = layout->is_signed ? (uint64_t(1) << (layout->bits - 1)) - 1
                                   : (layout->bits == 64 ? ~uint64_t(0) : (uint64_t(1) << layout->bits) - 1);
  if (ec != std::errc() || ptr != end || magnitude > max)
    return fail(token, "integer " + text + " does not fit " + program_.type_name(type));
  value = static_cast<int64_t>(magnitude);
  return true;
}

bool Parser::parse_constant(ConstId& constant) {
  const Token& token = peek();
  switch (token.kind) {
    case TokenKind::kInteger: {
      next();
      TypeId type;
      int64_t value;
      if (!expect(TokenKind::kColon, "':' and the integer's type") || !parse_type(type) ||
          !parse_integer(token, type, value))
        return false;
      constant = program_.const_int(type, value);
      return true;
    }
    case TokenKind::kFloat: {
      next();
      double value;
      if (token.text == "-inf") {
        value = -std::numeric_limits<double>::infinity();
      } else {
        const char* end = token.text.data() + token.text.size();
        auto [ptr, ec] = std::from_chars(token.text.data(), end, value);
        if (ec != std::errc() || ptr != end) return fail(token, "malformed float " + token.text);
      }
      if (!expect(TokenKind::kColon, "':f64'") || !expect_word("f64")) return false;
      constant = program_.const_float(value);
      return true;
    }
    case TokenKind::kString:
      constant = program_.const_str(next().text);
      return true;
    case TokenKind::kFunctionRef: {
      FunctionId fn;
      if (!parse_function_ref(fn)) return false;
      constant = program_.const_function(fn);
      return true;
    }
    case TokenKind::kName:
      break;
    default:
      return fail_here("expected a constant");
  }
  llvm::StringRef word = token.text;
  if (word == "inf" || word == "nan") {
    next();
    if (!expect(TokenKind::kColon, "':f64'") || !expect_word("f64")) return false;
    constant = program_.const_float(word == "inf" ? std::numeric_limits<double>::infinity()
                                                  : std::numeric_limits<double>::quiet_NaN());
    return true;
  }
  if (consume_word("true")) return constant = program_.const_bool(true), true;
  if (consume_word("false")) return constant = program_.const_bool(false), true;
  if (consume_word("none")) return constant = program_.const_none(), true;
  if (consume_word("unknown_targets")) return constant = program_.const_unknown_targets(), true;
  if (consume_word("null")) {
    TypeId type;
    if (!expect(TokenKind::kColon, "':' and the null's type") || !parse_type(type)) return false;
    constant = program_.const_null(type);
    return true;
  }
  if (consume_word("class")) {
    ClassId cls;
    if (!parse_class_ref(cls)) return false;
    constant = program_.const_class(cls);
    return true;
  }
  if (consume_word("field")) {
    FieldId field;
    if (!parse_field_ref(field)) return false;
    constant = program_.const_field(field);
    return true;
  }
  if (consume_word("method")) {
    ClassId cls;
    std::string name;
    if (!parse_class_ref(cls) || !expect(TokenKind::kDot, "'.'") || !parse_name(name, "a method name"))
      return false;
    constant = program_.const_method(cls, name);
    return true;
  }
  auto named = [&](llvm::StringRef what, auto find, auto make) {
    next();
    const Token& name_token = peek();
    std::string name;
    if (!parse_name(name, what)) return false;
    auto id = find(name);
    if (!id.valid()) return fail(name_token, "unknown " + what + " '" + name + "'");
    constant = make(id);
    return true;
  };
  if (word == "global")
    return named("global", [&](llvm::StringRef n) { return program_.find_global(n); },
                 [&](GlobalId id) { return program_.const_global(id); });
  if (word == "prebuilt")
    return named("prebuilt object", [&](llvm::StringRef n) { return program_.find_prebuilt(n); },
                 [&](PrebuiltId id) { return program_.const_prebuilt(id); });
  if (word == "driver")
    return named("JIT driver", [&](llvm::StringRef n) { return program_.find_jit_driver(n); },
                 [&](JitDriverId id) { return program_.const_jit_driver(id); });
  if (consume_word("targets")) {
    std::vector<FunctionId> functions;
    if (!expect(TokenKind::kLParen, "'('")) return false;
    if (!consume(TokenKind::kRParen)) {
      do {
        FunctionId fn;
        if (!parse_function_ref(fn)) return false;
        functions.push_back(fn);
      } while (consume(TokenKind::kComma));
      if (!expect(TokenKind::kRParen, "',' or ')'")) return false;
    }
    constant = program_.const_targets(functions);
    return true;
  }
  if (word == "struct") {
    TypeId type;
    if (!parse_type(type) || !expect(TokenKind::kLBrace, "'{'")) return false;
    std::vector<ConstId> values;
    if (!consume(TokenKind::kRBrace)) {
      do {
        ConstId value;
        if (!parse_constant(value)) return false;
        values.push_back(value);
      } while (consume(TokenKind::kComma));
      if (!expect(TokenKind::kRBrace, "',' or '}'")) return false;
    }
    constant = program_.const_struct(program_.types().get(type).struct_id, values);
    return true;
  }
  return fail_here("expected a constant, found '" + word + "'");
}

}  // namespace rtoolchain::ir
