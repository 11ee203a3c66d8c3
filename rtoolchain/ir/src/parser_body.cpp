// The IR text parser: function bodies (blocks, operations, exits).
#include <charconv>

#include "parser.h"
#include "text_syntax.h"

namespace rtoolchain::ir {

bool Parser::is_variable_name(llvm::StringRef name) {
  return name.size() >= 2 && name[0] == 'v' &&
         llvm::all_of(name.drop_front(), [](char c) { return c >= '0' && c <= '9'; });
}

bool Parser::parse_body(FunctionId function) {
  if (!expect(TokenKind::kLBrace, "'{'")) return false;
  if (consume(TokenKind::kRBrace)) return true;  // a function whose graph is not built yet
  BodyState state;
  state.function = function;
  state.graph = &program_.create_graph(function);
  // The text's first block gives the start block its input arguments.
  state.graph->block_mut(state.graph->start_block()).inputargs.clear();
  bool is_start = true;
  while (!consume(TokenKind::kRBrace)) {
    if (!parse_block(state, is_start)) return false;
    is_start = false;
  }
  const Token* first_undefined = nullptr;
  for (const auto& entry : state.block_first_use) {
    if (state.block_defined.lookup(entry.getKey())) continue;
    const Token* use = entry.getValue();
    if (!first_undefined || use->line < first_undefined->line ||
        (use->line == first_undefined->line && use->column < first_undefined->column))
      first_undefined = use;
  }
  if (first_undefined) return fail(*first_undefined, "undefined block '" + first_undefined->text + "'");
  return true;
}

bool Parser::block_for_label(BodyState& state, const Token& label, BlockId& block) {
  auto found = state.blocks.find(label.text);
  if (found != state.blocks.end()) {
    block = found->second;
  } else {
    block = state.graph->new_block();
    state.blocks[label.text] = block;
  }
  state.block_first_use.try_emplace(label.text, &label);
  return true;
}

bool Parser::define_variable(BodyState& state, const Token& name, TypeId type, VarId& var) {
  auto found = state.variables.find(name.text);
  if (found != state.variables.end()) {
    // The same name is the same variable: defining it twice is for the verifier to report.
    var = found->second;
    Variable& data = state.graph->variable_mut(var);
    if (!data.type.valid()) {
      data.type = type;  // used before this definition
    } else if (data.type != type) {
      return fail(name, "variable " + name.text + " redefined with another type");
    }
    return true;
  }
  var = state.graph->new_variable(type);
  state.variables[name.text] = var;
  return true;
}

VarId Parser::use_variable(BodyState& state, llvm::StringRef name) {
  // A use may come before the definition, or have none: the verifier reports both, so that the
  // printer's text of any graph parses back.
  auto found = state.variables.find(name);
  if (found != state.variables.end()) return found->second;
  VarId var = state.graph->new_variable(TypeId());
  state.variables[name] = var;
  return var;
}

bool Parser::parse_block(BodyState& state, bool is_start) {
  const Token& label = peek();
  if (label.kind != TokenKind::kName || is_variable_name(label.text)) return fail_here("expected a block label");
  if (label.text == "return" || label.text == "except")
    return fail_here("the return and except blocks are implicit and cannot be defined");
  if (is_reserved_word(label.text)) return fail_here("expected a block label, found '" + label.text + "'");
  next();
  BlockId block;
  if (is_start) {
    block = state.graph->start_block();
    state.blocks[label.text] = block;
  } else {
    block_for_label(state, label, block);
  }
  if (state.block_defined.lookup(label.text)) return fail(label, "block '" + label.text + "' defined twice");
  state.block_defined[label.text] = true;

  if (!expect(TokenKind::kLParen, "'('")) return false;
  if (!consume(TokenKind::kRParen)) {
    do {
      const Token& name = peek();
      if (name.kind != TokenKind::kName || !is_variable_name(name.text))
        return fail_here("expected a variable (v0, v1...)");
      next();
      TypeId type;
      VarId var;
      if (!expect(TokenKind::kColon, "':'") || !parse_type(type) || !define_variable(state, name, type, var))
        return false;
      state.graph->block_mut(block).inputargs.push_back(var);
    } while (consume(TokenKind::kComma));
    if (!expect(TokenKind::kRParen, "',' or ')'")) return false;
  }
  if (!expect(TokenKind::kColon, "':' after the block's arguments")) return false;

  while (true) {
    if (at(TokenKind::kRBrace)) return true;
    if (at(TokenKind::kEnd)) return fail_here("expected '}' at the end of the function");
    if (at_exit_start()) return parse_exits(state, block);
    if (at(TokenKind::kName) && at(TokenKind::kLParen, 1)) return true;  // the next block
    if (!parse_op(state, block)) return false;
  }
}

bool Parser::at_exit_start() const {
  if (at(TokenKind::kInteger)) return true;
  static constexpr llvm::StringLiteral kWords[] = {"goto", "switch", "normal", "true",
                                                   "false", "default", "catch"};
  return at(TokenKind::kName) && llvm::is_contained(kWords, peek().text);
}

bool Parser::parse_op(BodyState& state, BlockId block) {
  const Token* result_name = nullptr;
  TypeId result_type;
  if (at(TokenKind::kName) && is_variable_name(peek().text) && at(TokenKind::kColon, 1)) {
    result_name = &next();
    next();
    const Token& type_token = peek();
    if (!parse_type(result_type) || !expect(TokenKind::kEquals, "'='")) return false;
    if (program_.types().is_void(result_type))
      return fail(type_token, "an operation without result has no result variable");
  }
  const Token& op_token = peek();
  if (op_token.kind != TokenKind::kName) return fail_here("expected an operation");
  std::optional<Opcode> opcode = find_opcode(op_token.text);
  if (!opcode) return fail_here("unknown operation '" + op_token.text + "'");
  next();
  llvm::SmallVector<Value, 4> args;
  // Operands are the rest of the operation's line.
  if (!at(TokenKind::kEnd) && peek().line == op_token.line) {
    do {
      Value value;
      if (!parse_operand(state, value)) return false;
      args.push_back(value);
    } while (consume(TokenKind::kComma));
    if (!at(TokenKind::kEnd) && peek().line == op_token.line)
      return fail_here("expected ',' or the end of the line");
  }
  VarId result;
  if (result_name && !define_variable(state, *result_name, result_type, result)) return false;
  state.graph->append_op(block, *opcode, args, result);
  return true;
}

bool Parser::parse_operand(BodyState& state, Value& value) {
  const Token& token = peek();
  if (token.kind == TokenKind::kName && is_variable_name(token.text)) {
    next();
    value = use_variable(state, token.text);
    return true;
  }
  ConstId constant;
  if (!parse_constant(constant)) return false;
  value = constant;
  return true;
}

bool Parser::parse_exits(BodyState& state, BlockId block) {
  Graph& graph = *state.graph;
  if (consume_word("goto")) {
    LinkId link = graph.add_link(block, BlockId(), {}, ExitCase::none());
    return parse_target(state, link);
  }
  if (consume_word("switch")) {
    if (consume_word("exception")) {
      graph.set_exitswitch(block, ExitSwitch::last_exception());
    } else {
      const Token& token = peek();
      if (token.kind != TokenKind::kName || !is_variable_name(token.text))
        return fail_here("expected a variable or 'exception' after 'switch'");
      next();
      graph.set_exitswitch(block, ExitSwitch::on(use_variable(state, token.text)));
    }
  }
  while (at_exit_start() && !at_word("goto") && !at_word("switch"))
    if (!parse_exit_line(state, block)) return false;
  return true;
}

bool Parser::parse_exit_line(BodyState& state, BlockId block) {
  Graph& graph = *state.graph;
  const Token& token = peek();
  ExitCase exitcase = ExitCase::none();
  ClassId caught;
  const Token* exception_names[2] = {nullptr, nullptr};
  if (consume_word("normal")) {
    exitcase = ExitCase::none();
  } else if (consume_word("true") || consume_word("false")) {
    exitcase = ExitCase::boolean(token.text == "true");
  } else if (consume_word("default")) {
    exitcase = ExitCase::default_case();
  } else if (at(TokenKind::kInteger)) {
    next();
    llvm::StringRef text = token.text;
    const char* end = text.data() + text.size();
    int64_t value;
    if (text.starts_with("-")) {
      auto [ptr, ec] = std::from_chars(text.data(), end, value);
      if (ec != std::errc() || ptr != end) return fail(token, "case " + text + " is out of range");
    } else {
      uint64_t bits;
      auto [ptr, ec] = std::from_chars(text.data(), end, bits);
      if (ec != std::errc() || ptr != end) return fail(token, "case " + text + " is out of range");
      value = static_cast<int64_t>(bits);
    }
    exitcase = ExitCase::integer(value);
  } else if (consume_word("catch")) {
    if (!parse_class_ref(caught)) return false;
    exitcase = ExitCase::exception(caught);
    if (consume_word("as")) {
      for (int i = 0; i < 2; ++i) {
        if (i == 1 && !expect(TokenKind::kComma, "','")) return false;
        const Token& name = peek();
        if (name.kind != TokenKind::kName || !is_variable_name(name.text))
          return fail_here("expected a variable (v0, v1...)");
        exception_names[i] = &next();
      }
    }
  } else {
    return fail_here("expected an exit");
  }
  if (!expect(TokenKind::kArrow, "'->'")) return false;
  LinkId link = graph.add_link(block, BlockId(), {}, exitcase);
  if (exception_names[0]) {
    VarId exception_class, exception_object;
    if (!define_variable(state, *exception_names[0], program_.types().class_ref(caught), exception_class) ||
        !define_variable(state, *exception_names[1], program_.types().pointer(caught), exception_object))
      return false;
    graph.link_mut(link).last_exception = exception_class;
    graph.link_mut(link).last_exc_value = exception_object;
  }
  return parse_target(state, link);
}

bool Parser::parse_target(BodyState& state, LinkId link) {
  Graph& graph = *state.graph;
  const Token& label = peek();
  BlockId target;
  if (consume_word("return")) {
    target = graph.return_block();
  } else if (consume_word("except")) {
    target = graph.except_block();
  } else {
    if (label.kind != TokenKind::kName || is_reserved_word(label.text) || is_variable_name(label.text))
      return fail_here("expected a block label, 'return' or 'except'");
    next();
    block_for_label(state, label, target);
  }
  llvm::SmallVector<Value, 4> args;
  if (!expect(TokenKind::kLParen, "'('")) return false;
  if (!consume(TokenKind::kRParen)) {
    do {
      Value value;
      if (!parse_operand(state, value)) return false;
      args.push_back(value);
    } while (consume(TokenKind::kComma));
    if (!expect(TokenKind::kRParen, "',' or ')'")) return false;
  }
  Link& data = graph.link_mut(link);
  data.target = target;
  data.args.assign(args.begin(), args.end());
  return true;
}

}  // namespace rtoolchain::ir
