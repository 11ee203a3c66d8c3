// The one-pass parser and bytecode compiler (compiler.cpp), and the inlining of control
// structures with literal blocks (inliner.cpp). Private to the compiler.
#pragma once

#include "compiler.h"
#include "method_gen.h"
#include "universe.h"

namespace som {

class Parser : public rt::Object {
 public:
  Parser(rt::List<Token*>* tokens, rt::Str file) : tokens(tokens), file(file) {}

  ClassDef* parse_class();

 private:
  // ---- tokens (compiler.cpp) ----
  Token* current() const { return tokens->get(index); }
  Tok kind() const { return current()->kind; }
  Token* token_at(int64_t i) const { return tokens->get(i < tokens->size() ? i : tokens->size() - 1); }
  Token* peek_token(int64_t ahead) const { return token_at(index + ahead); }
  Token* advance();
  bool at_operator(rt::Str text) const { return kind() == Tok::Operator && current()->text == text; }
  [[noreturn]] void fail_at(Token* token, rt::Str message);
  rt::Str describe(Token* token) const;
  Token* expect(Tok expected, rt::Str what);
  void expect_operator(rt::Str text);

  // ---- declarations ----
  SClass* superclass_named(Token* token);
  void parse_fields(rt::List<SSymbol*>* fields);
  void parse_locals(MethodGen* gen);
  Invokable* parse_method();

  // ---- statements and expressions ----
  void parse_body(MethodGen* gen, Tok terminator, int64_t nesting);
  void parse_expression(MethodGen* gen, int64_t nesting);
  void parse_messages(MethodGen* gen, bool is_super, int64_t nesting);
  void parse_keyword_argument(MethodGen* gen, int64_t nesting);
  bool parse_unary_sends(MethodGen* gen, bool is_super);
  void parse_binary_operand(MethodGen* gen, int64_t nesting);
  void send(MethodGen* gen, Token* at, rt::Str selector_text, bool is_super);
  bool parse_primary(MethodGen* gen, int64_t nesting);
  Value* parse_literal();
  Value* parse_literal_array(int64_t nesting);
  void parse_block(MethodGen* outer, Token* start, int64_t nesting);

  // ---- variables ----
  void push_self(MethodGen* gen, int64_t line);
  void push_constant(MethodGen* gen, Value* value, int64_t line);
  void push_nil(MethodGen* gen, int64_t line) { push_constant(gen, nil(), line); }
  rt::List<SSymbol*>* fields() const { return class_side ? def->class_fields : def->instance_fields; }
  int64_t resolve(MethodGen* gen, rt::Str name, rt::Array<int64_t>* where);
  void push_variable(MethodGen* gen, Token* token);
  int64_t field_index(rt::Str name) const;
  void store_variable(MethodGen* gen, Token* token);
  void emit_local(MethodGen* gen, Op op, int64_t slot, int64_t line);

  // ---- inlining (inliner.cpp) ----
  bool try_inline_keyword_message(MethodGen* gen, int64_t nesting);
  bool try_inline_loop(MethodGen* gen, int64_t nesting);
  bool inline_conditional(MethodGen* gen, SSymbol* selector, Op test, rt::List<int64_t>* blocks,
                          Value* otherwise, int64_t nesting);
  bool inline_counting_loop(MethodGen* gen, SSymbol* selector, rt::List<int64_t>* args,
                            int64_t step, int64_t nesting);
  bool inline_while(MethodGen* gen, int64_t condition, int64_t body, bool while_true,
                    int64_t nesting);
  int64_t open_inlined_block(MethodGen* gen);
  bool inlined_block_body(MethodGen* gen, int64_t first_slot, int64_t arity, int64_t nesting);
  void real_block_at(MethodGen* gen, int64_t open, int64_t nesting);
  void abandon_inlining(MethodGen* gen, int64_t code_start, int64_t depth, int64_t token);
  int64_t matching_close(int64_t open) const;
  int64_t skip_argument(int64_t i) const;
  int64_t block_arity(int64_t open) const;
  bool is_literal_block(int64_t start, int64_t stop, int64_t arity) const;
  bool integer_literal_at(int64_t start, int64_t stop, rt::Array<int64_t>* value) const;

  rt::List<Token*>* tokens;
  rt::Str file;
  int64_t index = 0;
  ClassDef* def = rt::make<ClassDef>();
  bool class_side = false;
  // Above 0 while compiling the real blocks of an inlined construct's fallback send, which run
  // only for unusual receivers: no inlining there, so that nesting does not multiply the code.
  int64_t fallback_depth = 0;
  // Inlining attempts abandoned because a nested block captured an inlined variable; bounded so
  // that a pathological nesting of such blocks cannot make compilation exponential.
  int64_t abandoned = 0;
};

}  // namespace som
