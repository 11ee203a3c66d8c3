// Inlining of the control structures whose block arguments are literal blocks (docs/som.md,
// "Inlining"): ifTrue: and friends, and: or:, whileTrue: and friends, to:do: to:by:do:
// downTo:do: timesRepeat:. The blocks' code goes into the enclosing method with jumps and
// their variables become its locals. Each construct keeps the real send, with real blocks, for
// receivers that are not Booleans (or small integers for the counting loops), so the semantics
// stay those of the library's methods.
#include "parser.h"
#include "universe.h"

namespace som {

namespace {

// How many abandoned inlining attempts a class file may cost (see Parser::abandoned).
constexpr int64_t kMaxAbandoned = 1000;

bool is_opener(Tok kind) { return kind == Tok::LParen || kind == Tok::LBracket || kind == Tok::ArrayStart; }
bool is_closer(Tok kind) { return kind == Tok::RParen || kind == Tok::RBracket; }

}  // namespace

// The token closing the bracket (or parenthesis) opened at `open`; the end token if none.
int64_t Parser::matching_close(int64_t open) const {
  int64_t depth = 0;
  for (int64_t i = open; i < tokens->size(); ++i) {
    Tok k = token_at(i)->kind;
    if (k == Tok::End) return i;
    if (is_opener(k)) depth += 1;
    if (is_closer(k)) {
      depth -= 1;
      if (depth == 0) return i;
    }
  }
  return tokens->size() - 1;
}

// The token after a keyword message's argument starting at `i`: the argument is a primary with
// unary and binary messages, so it ends at the next keyword, period or unmatched closer.
int64_t Parser::skip_argument(int64_t i) const {
  int64_t depth = 0;
  while (true) {
    Tok k = token_at(i)->kind;
    if (k == Tok::End) return i;
    if (depth == 0 && (k == Tok::Keyword || k == Tok::Period || is_closer(k))) return i;
    if (is_opener(k)) depth += 1;
    if (is_closer(k)) depth -= 1;
    i += 1;
  }
}

// The number of parameters of the block opened at `open`.
int64_t Parser::block_arity(int64_t open) const {
  int64_t count = 0;
  int64_t i = open + 1;
  while (token_at(i)->kind == Tok::Colon && token_at(i + 1)->kind == Tok::Identifier) {
    count += 1;
    i += 2;
  }
  return count;
}

// Whether the tokens [start, stop) are exactly one literal block with `arity` parameters.
bool Parser::is_literal_block(int64_t start, int64_t stop, int64_t arity) const {
  return token_at(start)->kind == Tok::LBracket && matching_close(start) + 1 == stop &&
         token_at(stop - 1)->kind == Tok::RBracket && block_arity(start) == arity;
}

// Whether the tokens [start, stop) are exactly an integer literal that fits in 64 bits.
bool Parser::integer_literal_at(int64_t start, int64_t stop, rt::Array<int64_t>* value) const {
  bool negative = token_at(start)->kind == Tok::Operator && token_at(start)->text == "-";
  int64_t digits = negative ? start + 1 : start;
  if (digits + 1 != stop || token_at(digits)->kind != Tok::Integer) return false;
  rt::Str text = token_at(digits)->text;
  if (negative) text = rt::Str("-") + text;
  Value* literal = make_integer(BigInt::parse(text));
  SInteger* small = dynamic_cast<SInteger*>(literal);
  if (small == nullptr) return false;
  value->set(0, small->value);
  return true;
}

// At a keyword message whose receiver is on the stack: compiles it inlined when it is one of
// the inlined selectors with literal blocks, and tells whether it did.
bool Parser::try_inline_keyword_message(MethodGen* gen, int64_t nesting) {
  if (fallback_depth > 0 || abandoned > kMaxAbandoned) return false;
  rt::StrBuilder selector_text;
  rt::List<int64_t>* starts = rt::make<rt::List<int64_t>>();
  rt::List<int64_t>* stops = rt::make<rt::List<int64_t>>();
  int64_t i = index;
  while (token_at(i)->kind == Tok::Keyword) {
    selector_text.append(token_at(i)->text);
    starts->append(i + 1);
    i = skip_argument(i + 1);
    stops->append(i);
  }
  rt::Str name = selector_text.build();
  SSymbol* selector = symbol(name);
  int64_t last = starts->size() - 1;
  rt::List<int64_t>* blocks = rt::make<rt::List<int64_t>>();
  for (int64_t k = 0; k < starts->size(); ++k) blocks->append(starts->get(k));
  if (name == "ifTrue:" || name == "ifFalse:" || name == "and:" || name == "or:") {
    if (!is_literal_block(starts->get(0), stops->get(0), 0)) return false;
    Op test = name == "ifTrue:" || name == "and:" ? Op::kJumpIfFalse : Op::kJumpIfTrue;
    Value* otherwise = nil();
    if (name == "and:") otherwise = som_bool(false);
    if (name == "or:") otherwise = som_bool(true);
    return inline_conditional(gen, selector, test, blocks, otherwise, nesting);
  }
  if (name == "ifTrue:ifFalse:" || name == "ifFalse:ifTrue:") {
    if (!is_literal_block(starts->get(0), stops->get(0), 0) ||
        !is_literal_block(starts->get(1), stops->get(1), 0))
      return false;
    Op test = name == "ifTrue:ifFalse:" ? Op::kJumpIfFalse : Op::kJumpIfTrue;
    return inline_conditional(gen, selector, test, blocks, nullptr, nesting);
  }
  if (name == "timesRepeat:") {
    if (!is_literal_block(starts->get(0), stops->get(0), 0)) return false;
    return inline_counting_loop(gen, selector, starts, 1, nesting);
  }
  if (name == "to:do:" || name == "downTo:do:" || name == "to:by:do:") {
    if (!is_literal_block(starts->get(last), stops->get(last), 1)) return false;
    int64_t step = name == "downTo:do:" ? -1 : 1;
    if (name == "to:by:do:") {
      rt::Array<int64_t>* value = rt::make<rt::Array<int64_t>>(1, 0);
      if (!integer_literal_at(starts->get(1), stops->get(1), value)) return false;
      step = value->get(0);
    }
    return inline_counting_loop(gen, selector, starts, step, nesting);
  }
  return false;
}

// At a literal block: compiles `[...] whileTrue: [...]` (whileFalse:, or the unary whileTrue and
// whileFalse) inlined, and tells whether it did.
bool Parser::try_inline_loop(MethodGen* gen, int64_t nesting) {
  if (fallback_depth > 0 || abandoned > kMaxAbandoned) return false;
  int64_t condition = index;
  int64_t after = matching_close(condition) + 1;
  if (token_at(after - 1)->kind != Tok::RBracket || block_arity(condition) != 0) return false;
  Token* message = token_at(after);
  if (message->kind == Tok::Identifier && (message->text == "whileTrue" || message->text == "whileFalse"))
    return inline_while(gen, condition, -1, message->text == "whileTrue", nesting);
  if (message->kind != Tok::Keyword || (message->text != "whileTrue:" && message->text != "whileFalse:"))
    return false;
  int64_t stop = skip_argument(after + 1);
  if (token_at(stop)->kind == Tok::Keyword || !is_literal_block(after + 1, stop, 0)) return false;
  return inline_while(gen, condition, after + 1, message->text == "whileTrue:", nesting);
}

// receiver ifTrue: [A] ifFalse: [B] and the like: `test` jumps to the second branch (B, or the
// constant `otherwise` when there is one block); a receiver that is not a Boolean gets the real
// message with real blocks.
bool Parser::inline_conditional(MethodGen* gen, SSymbol* selector, Op test,
                                rt::List<int64_t>* blocks, Value* otherwise, int64_t nesting) {
  int64_t code_start = gen->here();
  int64_t depth = gen->depth;  // with the receiver
  int64_t token_start = index;
  int64_t line = current()->line;
  gen->emit(test, line, 0);
  int64_t to_second = gen->jump_operand();
  int64_t to_send = gen->jump_operand();
  gen->set_depth(depth - 1);
  index = blocks->get(0);
  if (!inlined_block_body(gen, open_inlined_block(gen), 0, nesting)) {
    abandon_inlining(gen, code_start, depth, token_start);
    return false;
  }
  gen->emit(Op::kJump, line, 0);
  int64_t first_done = gen->jump_operand();
  gen->land(to_second);
  gen->set_depth(depth - 1);
  if (blocks->size() == 2) {
    index = blocks->get(1);
    if (!inlined_block_body(gen, open_inlined_block(gen), 0, nesting)) {
      abandon_inlining(gen, code_start, depth, token_start);
      return false;
    }
  } else {
    push_constant(gen, otherwise, line);
  }
  int64_t end = index;
  gen->emit(Op::kJump, line, 0);
  int64_t second_done = gen->jump_operand();
  gen->land(to_send);
  gen->set_depth(depth);
  for (int64_t k = 0; k < blocks->size(); ++k) real_block_at(gen, blocks->get(k), nesting);
  gen->emit(Op::kSend, line, -selector->num_args);
  gen->operand(gen->literal(selector));
  gen->land(first_done);
  gen->land(second_done);
  index = end;
  return true;
}

// receiver to: limit do: [:i | ...], to:by:do: with a literal step, downTo:do:, timesRepeat:.
// The counter and the limit are hidden locals; the loop answers the receiver, as the library's
// methods do. Receivers and limits other than small integers get the real message.
bool Parser::inline_counting_loop(MethodGen* gen, SSymbol* selector, rt::List<int64_t>* args,
                                  int64_t step, int64_t nesting) {
  bool times = selector->value == "timesRepeat:";
  int64_t code_start = gen->here();
  int64_t depth = gen->depth;  // with the receiver
  int64_t token_start = index;
  int64_t line = current()->line;
  if (!times) {
    index = args->get(0);
    parse_keyword_argument(gen, nesting + 1);
  }
  gen->emit(Op::kJumpUnlessIntegers, line, 0);
  int64_t to_send = gen->jump_operand();
  gen->operand(times ? 1 : 2);
  int64_t counter = gen->add_local("$counter");
  int64_t limit = gen->add_local("$limit");
  if (times) {
    gen->emit(Op::kDup, line, 1);
    emit_local(gen, Op::kPopLocal, limit, line);
    push_constant(gen, make_integer(BigInt::parse("1")), line);
  } else {
    emit_local(gen, Op::kPopLocal, limit, line);
    gen->emit(Op::kDup, line, 1);
  }
  emit_local(gen, Op::kPopLocal, counter, line);
  int64_t block = args->get(args->size() - 1);
  index = block;
  int64_t first_slot = open_inlined_block(gen);
  int64_t loop = gen->here();
  gen->emit(Op::kForTest, line, 0);
  int64_t to_exit = gen->jump_operand();
  gen->operand(counter);
  gen->operand(limit);
  gen->operand(times ? -1 : first_slot);
  gen->operand(step <= 0 ? 1 : 0);
  if (!inlined_block_body(gen, first_slot, times ? 0 : 1, nesting)) {
    abandon_inlining(gen, code_start, depth, token_start);
    return false;
  }
  int64_t end = index;
  gen->emit(Op::kPop, line, -1);
  gen->emit(Op::kForNext, line, 0);
  gen->operand(loop);
  gen->operand(counter);
  gen->operand(step);
  gen->emit(Op::kJump, line, 0);
  int64_t overflowed = gen->jump_operand();
  gen->land(to_send);
  gen->set_depth(times ? depth : depth + 1);
  if (selector->value == "to:by:do:") push_constant(gen, make_integer(BigInt::parse(rt::Str::from_int(step))), line);
  real_block_at(gen, block, nesting);
  gen->emit(Op::kSend, line, -selector->num_args);
  gen->operand(gen->literal(selector));
  gen->land(to_exit);
  gen->land(overflowed);
  index = end;
  return true;
}

// [condition] whileTrue: [body] (body -1 for the unary forms). The loop answers nil. A condition
// that is not a Boolean gets the message the library's loop sends it (ifFalse: for whileTrue:,
// ifTrue: for whileFalse:), with nil for the block, and ends the loop.
bool Parser::inline_while(MethodGen* gen, int64_t condition, int64_t body, bool while_true,
                          int64_t nesting) {
  int64_t code_start = gen->here();
  int64_t depth = gen->depth;
  int64_t token_start = index;
  int64_t line = current()->line;
  int64_t loop = gen->here();
  index = condition;
  if (!inlined_block_body(gen, open_inlined_block(gen), 0, nesting)) {
    abandon_inlining(gen, code_start, depth, token_start);
    return false;
  }
  int64_t end = index + 1;  // after the unary selector
  gen->emit(while_true ? Op::kJumpIfFalse : Op::kJumpIfTrue, line, 0);
  int64_t to_exit = gen->jump_operand();
  int64_t to_other = gen->jump_operand();
  gen->set_depth(depth);
  if (body >= 0) {
    index = body;
    if (!inlined_block_body(gen, open_inlined_block(gen), 0, nesting)) {
      abandon_inlining(gen, code_start, depth, token_start);
      return false;
    }
    end = index;
    gen->emit(Op::kPop, line, -1);
  }
  gen->emit(Op::kJumpBackward, line, 0);
  gen->operand(loop);
  gen->land(to_other);
  gen->set_depth(depth + 1);
  push_nil(gen, line);
  send(gen, token_at(token_start), while_true ? "ifFalse:" : "ifTrue:", false);
  gen->emit(Op::kPop, line, -1);
  gen->land(to_exit);
  gen->set_depth(depth);
  push_nil(gen, line);
  index = end;
  return true;
}

// At the `[` of an inlined block: declares its parameters and locals as new locals of `gen`
// (they shadow outer names until the block's end) and returns the first one's slot.
int64_t Parser::open_inlined_block(MethodGen* gen) {
  int64_t first = gen->locals->size();
  expect(Tok::LBracket, "'['");
  bool has_params = false;
  while (kind() == Tok::Colon) {
    advance();
    Token* name = expect(Tok::Identifier, "a block parameter name");
    for (int64_t i = first; i < gen->locals->size(); ++i) {
      if (gen->locals->get(i) == name->text) fail_at(name, rt::Str("duplicate name '") + name->text + "'");
    }
    gen->add_local(name->text);
    has_params = true;
  }
  if (has_params) expect_operator("|");
  if (at_operator("|")) {
    advance();
    while (kind() == Tok::Identifier) {
      Token* name = advance();
      for (int64_t i = first; i < gen->locals->size(); ++i) {
        if (gen->locals->get(i) == name->text) fail_at(name, rt::Str("duplicate name '") + name->text + "'");
      }
      gen->add_local(name->text);
    }
    expect_operator("|");
  }
  return first;
}

// The statements of an inlined block up to its `]`, leaving its value on the stack (`^` returns
// from the method, or from the home method inside a real block, as in the block itself). The
// block's locals are reset to nil first, as each evaluation of a real block starts with fresh
// ones. Hides the block's variables again; answers false when a nested real block captured one
// of them, in which case the caller abandons the inlining.
bool Parser::inlined_block_body(MethodGen* gen, int64_t first_slot, int64_t arity, int64_t nesting) {
  int64_t line = current()->line;
  int64_t end_slot = gen->locals->size();
  for (int64_t slot = first_slot + arity; slot < end_slot; ++slot) {
    push_nil(gen, line);
    emit_local(gen, Op::kPopLocal, slot, line);
  }
  bool has_value = false;
  while (kind() != Tok::RBracket) {
    if (has_value) {
      gen->emit(Op::kPop, current()->line, -1);
      has_value = false;
    }
    if (kind() == Tok::Caret) {
      Token* caret = advance();
      parse_expression(gen, nesting + 1);
      gen->emit(gen->is_block ? Op::kReturnNonLocal : Op::kReturnLocal, caret->line, -1);
      gen->set_depth(gen->depth + 1);  // no value arrives from here, but the join expects one
      has_value = true;
      if (kind() == Tok::Period) advance();
      if (kind() != Tok::RBracket)
        fail_at(current(), rt::Str("expected the end of the block after a return but found ") + describe(current()));
      break;
    }
    parse_expression(gen, nesting + 1);
    has_value = true;
    if (kind() != Tok::Period) break;
    advance();
  }
  if (kind() != Tok::RBracket) fail_at(current(), rt::Str("expected '.' or ']' but found ") + describe(current()));
  if (!has_value) push_nil(gen, current()->line);
  advance();
  bool captured = false;
  for (int64_t slot = first_slot; slot < end_slot; ++slot) {
    gen->locals->set(slot, "");
    if (gen->captured->get(slot)) captured = true;
  }
  return !captured;
}

// Compiles the literal block at token `open` as a real block (for a fallback send).
void Parser::real_block_at(MethodGen* gen, int64_t open, int64_t nesting) {
  index = open;
  Token* start = advance();
  fallback_depth += 1;
  parse_block(gen, start, nesting + 1);
  fallback_depth -= 1;
}

// Forgets an inlining attempt; the caller compiles the message as a real send instead.
void Parser::abandon_inlining(MethodGen* gen, int64_t code_start, int64_t depth, int64_t token) {
  gen->truncate(code_start);
  gen->set_depth(depth);
  index = token;
  abandoned += 1;
}

}  // namespace som
