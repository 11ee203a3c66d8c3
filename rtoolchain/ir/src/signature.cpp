#include "signature.h"

#include <cctype>

#include <llvm/ADT/Twine.h>

namespace rtoolchain::ir {
namespace {

class SignatureParser {
 public:
  SignatureParser(llvm::StringRef text, Signature& signature, std::string* error)
      : text_(text), signature_(signature), error_(error) {}

  bool parse() {
    if (!expect("(")) return false;
    if (!consume(")")) {
      do {
        if (consume("...")) {
          signature_.is_variadic = true;
          break;
        }
        TypePattern operand;
        if (!parse_operand(operand)) return false;
        signature_.operands.push_back(std::move(operand));
      } while (consume(","));
      if (!expect(")")) return false;
    }
    if (!expect("->")) return false;
    if (consume_word("void")) {
      signature_.result_kind = Signature::Result::kNone;
    } else if (consume_word("special")) {
      signature_.result_kind = Signature::Result::kSpecial;
    } else {
      signature_.result_kind = Signature::Result::kPattern;
      if (!parse_type(signature_.result)) return false;
    }
    skip_space();
    if (!text_.empty()) return fail("trailing text");
    return true;
  }

 private:
  bool parse_operand(TypePattern& out) {
    static constexpr std::pair<llvm::StringLiteral, DescriptorKind> kDescriptors[] = {
        {"function", DescriptorKind::kFunction}, {"funcset", DescriptorKind::kTargets},
        {"method", DescriptorKind::kMethod},     {"class", DescriptorKind::kClass},
        {"field", DescriptorKind::kField},       {"global", DescriptorKind::kGlobal},
        {"driver", DescriptorKind::kJitDriver},
    };
    for (const auto& [word, kind] : kDescriptors) {
      if (consume_word(word)) {
        out.kind = TypePattern::Kind::kDescriptor;
        out.descriptor = kind;
        return true;
      }
    }
    return parse_type(out);
  }

  bool parse_type(TypePattern& out) {
    skip_space();
    if (!text_.empty() && std::isupper(static_cast<unsigned char>(text_[0])) &&
        (text_.size() == 1 || !std::isalnum(static_cast<unsigned char>(text_[1])))) {
      out.kind = TypePattern::Kind::kVariable;
      out.variable = text_[0];
      text_ = text_.drop_front();
      if (consume(":")) return parse_class(out.variable);
      return true;
    }
    static constexpr std::pair<llvm::StringLiteral, TypeKind> kConcrete[] = {
        {"bool", TypeKind::kBool}, {"f64", TypeKind::kFloat}, {"strbuilder", TypeKind::kStrBuilder},
        {"str", TypeKind::kStr},   {"void", TypeKind::kVoid},
    };
    for (const auto& [word, kind] : kConcrete) {
      if (consume_word(word)) {
        out.kind = TypePattern::Kind::kConcrete;
        out.concrete = kind;
        return true;
      }
    }
    for (llvm::StringLiteral prefix : {llvm::StringLiteral("i"), llvm::StringLiteral("u")}) {
      for (unsigned bits : {8u, 16u, 32u, 64u}) {
        if (consume_word((prefix + llvm::Twine(bits)).str())) {
          out.kind = TypePattern::Kind::kConcrete;
          out.concrete = TypeKind::kInt;
          out.bits = static_cast<uint8_t>(bits);
          out.is_signed = prefix == "i";
          return true;
        }
      }
    }
    static constexpr std::pair<llvm::StringLiteral, TypePattern::Kind> kGeneric[] = {
        {"list", TypePattern::Kind::kList},
        {"array", TypePattern::Kind::kArray},
        {"dictiter", TypePattern::Kind::kDictIter},
        {"dict", TypePattern::Kind::kDict},
    };
    for (const auto& [word, kind] : kGeneric) {
      if (!consume_word(word)) continue;
      out.kind = kind;
      unsigned arity = kind == TypePattern::Kind::kDict || kind == TypePattern::Kind::kDictIter ? 2 : 1;
      if (!expect("<")) return false;
      for (unsigned i = 0; i < arity; ++i) {
        if (i > 0 && !expect(",")) return false;
        TypePattern child;
        if (!parse_type(child)) return false;
        out.children.push_back(std::move(child));
      }
      return expect(">");
    }
    return fail("expected a type pattern");
  }

  bool parse_class(char variable) {
    static constexpr std::pair<llvm::StringLiteral, TypeClass> kClasses[] = {
        {"int", TypeClass::kInt},          {"sint", TypeClass::kSignedInt},
        {"uint", TypeClass::kUnsignedInt}, {"ref", TypeClass::kReference},
        {"ptr", TypeClass::kClassPointer}, {"fn", TypeClass::kFunction},
        {"struct", TypeClass::kStruct},    {"classref", TypeClass::kClassRef},
        {"dict", TypeClass::kDict},
    };
    for (const auto& [word, cls] : kClasses) {
      if (consume_word(word)) {
        TypeClass& slot = signature_.variable_class[variable - 'A'];
        if (slot != TypeClass::kAny && slot != cls) return fail("type variable restricted twice");
        slot = cls;
        return true;
      }
    }
    return fail("expected a type class");
  }

  void skip_space() { text_ = text_.ltrim(); }
  bool consume(llvm::StringRef token) {
    skip_space();
    return text_.consume_front(token);
  }
  bool consume_word(llvm::StringRef word) {
    skip_space();
    if (!text_.starts_with(word)) return false;
    if (text_.size() > word.size() &&
        (std::isalnum(static_cast<unsigned char>(text_[word.size()])) || text_[word.size()] == '_'))
      return false;
    text_ = text_.drop_front(word.size());
    return true;
  }
  bool expect(llvm::StringRef token) {
    if (consume(token)) return true;
    return fail(("expected '" + token + "'").str());
  }
  bool fail(const std::string& message) {
    if (error_) *error_ = message + " at '" + text_.str() + "'";
    return false;
  }

  llvm::StringRef text_;
  Signature& signature_;
  std::string* error_;
};

}  // namespace

std::optional<Signature> parse_signature(llvm::StringRef text, std::string* error) {
  Signature signature;
  if (!SignatureParser(text, signature, error).parse()) return std::nullopt;
  return signature;
}

}  // namespace rtoolchain::ir
