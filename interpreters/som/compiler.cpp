#include "compiler.h"

#include "opcodes.h"
#include "parser.h"
#include "primitives.h"
#include "universe.h"

namespace som {

namespace {

// The parser and the compiler recurse once per nesting level; bounding the nesting bounds their
// use of the native stack, whatever the input.
constexpr int64_t kMaxNesting = 200;

}  // namespace

ClassDef* Parser::parse_class() {
  Token* name = expect(Tok::Identifier, "a class name");
  def->name = symbol(name->text);
  expect_operator("=");
  if (kind() == Tok::Identifier) {
    Token* super_name = advance();
    if (super_name->text != "nil") {
      def->superclass = superclass_named(super_name);
    }
  } else if (def->name->value != "Object") {
    def->superclass = superclass_named(nullptr);
  }
  expect(Tok::LParen, "'('");
  if (def->superclass != nullptr) {
    for (auto f : *def->superclass->instance_fields) def->instance_fields->append(f);
    for (auto f : *def->superclass->cls->instance_fields) def->class_fields->append(f);
  } else if (g_universe->class_class != nullptr) {
    for (auto f : *g_universe->class_class->instance_fields) def->class_fields->append(f);
  }
  class_side = false;
  parse_fields(def->instance_fields);
  while (kind() != Tok::Separator && kind() != Tok::RParen) def->instance_methods->append(parse_method());
  if (kind() == Tok::Separator) {
    advance();
    class_side = true;
    parse_fields(def->class_fields);
    while (kind() != Tok::RParen) def->class_methods->append(parse_method());
  }
  expect(Tok::RParen, "')'");
  expect(Tok::End, "the end of the file");
  return def;
}

Token* Parser::advance() {
  Token* token = current();
  if (index < tokens->size() - 1) index += 1;
  return token;
}

void Parser::fail_at(Token* token, rt::Str message) {
  throw rt::make<ParseError>(message, token->line, token->column);
}

rt::Str Parser::describe(Token* token) const {
  if (token->kind == Tok::End) return "end of file";
  if (token->kind == Tok::String) return rt::Str("string '") + token->text + "'";
  if (token->kind == Tok::Symbol) return rt::Str("symbol #") + token->text;
  return rt::Str("'") + token->text + "'";
}

Token* Parser::expect(Tok expected, rt::Str what) {
  if (kind() != expected) fail_at(current(), rt::Str("expected ") + what + " but found " + describe(current()));
  return advance();
}

void Parser::expect_operator(rt::Str text) {
  if (!at_operator(text))
    fail_at(current(), rt::Str("expected '") + text + "' but found " + describe(current()));
  advance();
}

SClass* Parser::superclass_named(Token* token) {
  SSymbol* name = symbol(token == nullptr ? rt::Str("Object") : token->text);
  Value* existing = global(name);
  SClass* cls = dynamic_cast<SClass*>(existing);
  if (cls == nullptr && existing == nullptr) cls = load_class(name, nullptr);
  if (cls == nullptr) fail_at(token == nullptr ? current() : token, rt::Str("unknown superclass ") + name->value);
  return cls;
}

void Parser::parse_fields(rt::List<SSymbol*>* fields) {
  if (!at_operator("|")) return;
  advance();
  while (kind() == Tok::Identifier) fields->append(symbol(advance()->text));
  expect_operator("|");
}

void Parser::parse_locals(MethodGen* gen) {
  if (!at_operator("|")) return;
  advance();
  while (kind() == Tok::Identifier) {
    Token* name = advance();
    if (gen->locals->contains(name->text) || gen->args->contains(name->text))
      fail_at(name, rt::Str("duplicate name '") + name->text + "'");
    gen->add_local(name->text);
  }
  expect_operator("|");
}

Invokable* Parser::parse_method() {
  MethodGen* gen = rt::make<MethodGen>(nullptr, false);
  gen->args->append("self");
  rt::StrBuilder signature;
  Token* start = current();
  if (kind() == Tok::Identifier) {
    signature.append(advance()->text);
  } else if (kind() == Tok::Operator) {
    signature.append(advance()->text);
    gen->args->append(expect(Tok::Identifier, "an argument name")->text);
  } else if (kind() == Tok::Keyword) {
    while (kind() == Tok::Keyword) {
      signature.append(advance()->text);
      gen->args->append(expect(Tok::Identifier, "an argument name")->text);
    }
  } else {
    fail_at(start, rt::Str("expected a method definition but found ") + describe(start));
  }
  SSymbol* selector = symbol(signature.build());
  expect_operator("=");
  if (kind() == Tok::Identifier && current()->text == "primitive") {
    advance();
    rt::Str holder = def->name->value;
    if (class_side) holder = holder + " class";
    return make_primitive(holder, selector);
  }
  expect(Tok::LParen, "'(' or 'primitive'");
  parse_locals(gen);
  parse_body(gen, Tok::RParen, 0);
  expect(Tok::RParen, "')'");
  return gen->finish(selector, file);
}

// Statements up to `terminator`. A method without a final ^ returns self; a block returns its
// last value (nil when empty).
void Parser::parse_body(MethodGen* gen, Tok terminator, int64_t nesting) {
  bool has_value = false;
  bool returned = false;
  while (kind() != terminator) {
    if (has_value) {
      gen->emit(Op::kPop, current()->line, -1);
      has_value = false;
    }
    if (kind() == Tok::Caret) {
      Token* caret = advance();
      parse_expression(gen, nesting);
      gen->emit(gen->is_block ? Op::kReturnNonLocal : Op::kReturnLocal, caret->line, -1);
      returned = true;
      if (kind() == Tok::Period) advance();
      if (kind() != terminator)
        fail_at(current(), rt::Str("expected the end of the ") + (gen->is_block ? "block" : "method") +
                               " after a return but found " + describe(current()));
      break;
    }
    parse_expression(gen, nesting);
    has_value = true;
    if (kind() != Tok::Period) break;
    advance();
  }
  if (kind() != terminator)
    fail_at(current(), rt::Str("expected '.' or '") + (terminator == Tok::RParen ? ")" : "]") +
                           "' but found " + describe(current()));
  if (returned) return;
  int64_t line = current()->line;
  if (gen->is_block) {
    if (!has_value) push_constant(gen, nil(), line);
    gen->emit(Op::kReturnLocal, line, -1);
  } else {
    if (has_value) gen->emit(Op::kPop, line, -1);
    gen->emit(Op::kPushArgument, line, 1);
    gen->operand(0);
    gen->operand(0);
    gen->emit(Op::kReturnLocal, line, -1);
  }
}

void Parser::parse_expression(MethodGen* gen, int64_t nesting) {
  if (nesting > kMaxNesting) fail_at(current(), "expression nested too deeply");
  if (kind() == Tok::Identifier && peek_token(1)->kind == Tok::Assign) {
    Token* name = advance();
    advance();
    parse_expression(gen, nesting + 1);
    gen->emit(Op::kDup, name->line, 1);
    store_variable(gen, name);
    return;
  }
  if (kind() == Tok::LBracket && try_inline_loop(gen, nesting)) {
    parse_messages(gen, false, nesting);
    return;
  }
  bool is_super = parse_primary(gen, nesting);
  parse_messages(gen, is_super, nesting);
}

void Parser::parse_messages(MethodGen* gen, bool is_super, int64_t nesting) {
  is_super = parse_unary_sends(gen, is_super);
  while (kind() == Tok::Operator) {
    Token* op = advance();
    parse_binary_operand(gen, nesting);
    send(gen, op, op->text, is_super);
    is_super = false;
  }
  if (kind() != Tok::Keyword) return;
  if (!is_super && try_inline_keyword_message(gen, nesting)) return;
  Token* first = current();
  rt::StrBuilder selector;
  while (kind() == Tok::Keyword) {
    selector.append(advance()->text);
    parse_keyword_argument(gen, nesting + 1);
  }
  send(gen, first, selector.build(), is_super);
}

// A keyword message's argument: a primary with its unary and binary messages.
void Parser::parse_keyword_argument(MethodGen* gen, int64_t nesting) {
  bool is_super = parse_primary(gen, nesting);
  is_super = parse_unary_sends(gen, is_super);
  while (kind() == Tok::Operator) {
    Token* op = advance();
    parse_binary_operand(gen, nesting);
    send(gen, op, op->text, is_super);
    is_super = false;
  }
}

bool Parser::parse_unary_sends(MethodGen* gen, bool is_super) {
  while (kind() == Tok::Identifier) {
    Token* name = advance();
    send(gen, name, name->text, is_super);
    is_super = false;
  }
  return is_super;
}

void Parser::parse_binary_operand(MethodGen* gen, int64_t nesting) {
  bool is_super = parse_primary(gen, nesting + 1);
  parse_unary_sends(gen, is_super);
}

void Parser::send(MethodGen* gen, Token* at, rt::Str selector_text, bool is_super) {
  SSymbol* selector = symbol(selector_text);
  gen->emit(is_super ? Op::kSuperSend : Op::kSend, at->line, -selector->num_args);
  gen->operand(gen->literal(selector));
}

// Pushes one primary; tells whether it was `super`.
bool Parser::parse_primary(MethodGen* gen, int64_t nesting) {
  if (nesting > kMaxNesting) fail_at(current(), "expression nested too deeply");
  Token* token = current();
  switch (kind()) {
    case Tok::Identifier:
      advance();
      if (token->text == "super") {
        push_self(gen, token->line);
        return true;
      }
      push_variable(gen, token);
      return false;
    case Tok::LParen:
      advance();
      parse_expression(gen, nesting + 1);
      expect(Tok::RParen, "')'");
      return false;
    case Tok::LBracket:
      advance();
      parse_block(gen, token, nesting + 1);
      return false;
    case Tok::ArrayStart:
      advance();
      push_constant(gen, parse_literal_array(nesting + 1), token->line);
      return false;
    default:
      break;
  }
  push_constant(gen, parse_literal(), token->line);
  return false;
}

// A number (with its sign), string or symbol.
Value* Parser::parse_literal() {
  Token* token = current();
  bool negative = false;
  if (at_operator("-") && (peek_token(1)->kind == Tok::Integer || peek_token(1)->kind == Tok::Double)) {
    advance();
    negative = true;
  }
  Token* literal = current();
  switch (literal->kind) {
    case Tok::Integer: {
      advance();
      BigInt* value = BigInt::parse(negative ? rt::Str("-") + literal->text : literal->text);
      return make_integer(value);
    }
    case Tok::Double: {
      advance();
      double value = literal->text.to_double();
      return rt::make<SDouble>(negative ? -value : value);
    }
    case Tok::String:
      advance();
      return som_string(literal->text);
    case Tok::Symbol:
      advance();
      return symbol(literal->text);
    default:
      break;
  }
  fail_at(token, rt::Str("expected an expression but found ") + describe(token));
}

// After `#(` (or a nested `(`): literals up to `)`; bare names are symbols.
Value* Parser::parse_literal_array(int64_t nesting) {
  if (nesting > kMaxNesting) fail_at(current(), "literal array nested too deeply");
  rt::List<Value*>* items = rt::make<rt::List<Value*>>();
  while (kind() != Tok::RParen) {
    Token* token = current();
    if (kind() == Tok::ArrayStart || kind() == Tok::LParen) {
      advance();
      items->append(parse_literal_array(nesting + 1));
    } else if (kind() == Tok::Identifier) {
      advance();
      if (token->text == "nil") {
        items->append(nil());
      } else if (token->text == "true") {
        items->append(som_bool(true));
      } else if (token->text == "false") {
        items->append(som_bool(false));
      } else {
        items->append(symbol(token->text));
      }
    } else if (kind() == Tok::Keyword) {
      rt::StrBuilder text;
      while (kind() == Tok::Keyword) text.append(advance()->text);
      items->append(symbol(text.build()));
    } else if (kind() == Tok::Operator && !(at_operator("-") && (peek_token(1)->kind == Tok::Integer ||
                                                                peek_token(1)->kind == Tok::Double))) {
      items->append(symbol(advance()->text));
    } else if (kind() == Tok::End) {
      fail_at(token, "unterminated literal array");
    } else {
      items->append(parse_literal());
    }
  }
  advance();
  return rt::make<SArray>(rt::Array<Value*>::from_list(items));
}

void Parser::parse_block(MethodGen* outer, Token* start, int64_t nesting) {
  MethodGen* gen = rt::make<MethodGen>(outer, true);
  gen->args->append("$block");
  while (kind() == Tok::Colon) {
    advance();
    Token* name = expect(Tok::Identifier, "a block parameter name");
    if (gen->args->contains(name->text)) fail_at(name, rt::Str("duplicate name '") + name->text + "'");
    gen->args->append(name->text);
  }
  if (gen->args->size() > 1) expect_operator("|");
  parse_locals(gen);
  parse_body(gen, Tok::RBracket, nesting);
  expect(Tok::RBracket, "']'");
  rt::Str selector = "value";
  for (int64_t i = 1; i < gen->args->size(); ++i) selector = i == 1 ? rt::Str("value:") : selector + "with:";
  SMethod* method = gen->finish(symbol(selector), file);
  outer->emit(Op::kPushBlock, start->line, 1);
  outer->operand(outer->literal(method));
}

void Parser::push_self(MethodGen* gen, int64_t line) {
  gen->emit(Op::kPushArgument, line, 1);
  gen->operand(0);
  gen->operand(gen->method_level());
}

void Parser::push_constant(MethodGen* gen, Value* value, int64_t line) {
  gen->emit(Op::kPushConstant, line, 1);
  gen->operand(gen->literal(value));
}

// Finds `name` among the locals and arguments of `gen` and its enclosing blocks, the innermost
// declaration first (an inlined block's variables are the last locals and may shadow others).
// Returns the opcode kind (0 none, 1 local, 2 argument), with index and level in `where`.
int64_t Parser::resolve(MethodGen* gen, rt::Str name, rt::Array<int64_t>* where) {
  int64_t level = 0;
  for (MethodGen* g = gen; g != nullptr; g = g->outer) {
    for (int64_t i = g->locals->size() - 1; i >= 0; --i) {
      if (g->locals->get(i) != name) continue;
      // Real blocks compiled for a fallback send do not count: everything they refer to is
      // compiled in the inlined code too, where a real capture shows.
      if (level > 0 && fallback_depth == 0) g->captured->set(i, true);
      where->set(0, i);
      where->set(1, level);
      return 1;
    }
    int64_t i = g->args->index_of(name);
    if (i > 0) {
      where->set(0, i);
      where->set(1, level);
      return 2;
    }
    level += 1;
  }
  return 0;
}

// Emits a load or store of a local of `gen` itself.
void Parser::emit_local(MethodGen* gen, Op op, int64_t slot, int64_t line) {
  gen->emit(op, line, op == Op::kPushLocal ? 1 : -1);
  gen->operand(slot);
  gen->operand(0);
}

void Parser::push_variable(MethodGen* gen, Token* token) {
  rt::Str name = token->text;
  if (name == "self") {
    push_self(gen, token->line);
    return;
  }
  if (name == "nil" || name == "true" || name == "false") {
    push_constant(gen, name == "nil" ? nil() : som_bool(name == "true"), token->line);
    return;
  }
  rt::Array<int64_t>* where = rt::make<rt::Array<int64_t>>(2, 0);
  int64_t found = resolve(gen, name, where);
  if (found != 0) {
    gen->emit(found == 1 ? Op::kPushLocal : Op::kPushArgument, token->line, 1);
    gen->operand(where->get(0));
    gen->operand(where->get(1));
    return;
  }
  int64_t field = field_index(name);
  if (field >= 0) {
    gen->emit(Op::kPushField, token->line, 1);
    gen->operand(field);
    gen->operand(gen->method_level());
    return;
  }
  gen->emit(Op::kPushGlobal, token->line, 1);
  gen->operand(gen->literal(symbol(name)));
}

int64_t Parser::field_index(rt::Str name) const {
  rt::List<SSymbol*>* names = fields();
  for (int64_t i = names->size() - 1; i >= 0; --i) {
    if (names->get(i)->value == name) return i;
  }
  return -1;
}

void Parser::store_variable(MethodGen* gen, Token* token) {
  rt::Str name = token->text;
  if (name == "self" || name == "super" || name == "nil" || name == "true" || name == "false")
    fail_at(token, rt::Str("cannot assign to '") + name + "'");
  rt::Array<int64_t>* where = rt::make<rt::Array<int64_t>>(2, 0);
  int64_t found = resolve(gen, name, where);
  if (found != 0) {
    gen->emit(found == 1 ? Op::kPopLocal : Op::kPopArgument, token->line, -1);
    gen->operand(where->get(0));
    gen->operand(where->get(1));
    return;
  }
  int64_t field = field_index(name);
  if (field < 0) fail_at(token, rt::Str("cannot assign to undeclared variable '") + name + "'");
  gen->emit(Op::kPopField, token->line, -1);
  gen->operand(field);
  gen->operand(gen->method_level());
}

int64_t selector_arity(rt::Str selector) {
  if (selector.empty()) return 0;
  if (is_operator_char(selector.byte_at(0))) return 1;
  return selector.count(":");
}

ClassDef* compile_class(rt::Str source, rt::Str file) {
  return rt::make<Parser>(tokenize(source), file)->parse_class();
}

}  // namespace som
