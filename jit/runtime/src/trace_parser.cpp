// Reads the trace text that trace_printer.cpp writes (trace.h), so tests write traces by hand.
// Beyond the printed form it accepts '#' comments (after whitespace), any name after the kind
// letter (i, p, f), guards and finishes without a descr (a fresh one is made) and
// descr=<AnyName> for a fail descr, found again by TraceParseResult::fail_descr("AnyName").
#include <charconv>
#include <cmath>
#include <map>

#include "rtoolchain/jit/backend.h"
#include "rtoolchain/jit/trace.h"
#include "trace_text.h"

namespace rtoolchain::jit {
namespace {

struct ParseError {
  std::string message;
};

class Parser {
 public:
  Parser(std::string_view text, const DescrTable& descrs, JitHeap* heap,
         const TraceParseContext& context, TraceParseResult& result)
      : text_(text), descrs_(descrs), context_(context), result_(result),
        trace_(std::make_unique<Trace>(heap)) {}

  std::unique_ptr<Trace> run() {
    skip_space();
    if (peek() == '[') parse_inputs();
    while (true) {
      skip_space();
      if (at_end()) break;
      parse_op();
    }
    return std::move(trace_);
  }

  std::string location() const {
    size_t line = 1, col = 1;
    for (size_t i = 0; i < mark_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    return std::to_string(line) + ":" + std::to_string(col);
  }

 private:
  // ---- characters ----
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  void skip_space() {
    while (!at_end()) {
      char c = text_[pos_];
      if (c == '#' && (pos_ == 0 || std::isspace(static_cast<unsigned char>(text_[pos_ - 1])))) {
        while (!at_end() && text_[pos_] != '\n') ++pos_;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else {
        break;
      }
    }
  }

  // Spaces on the current line only: fail-args must follow their guard on its line.
  void skip_inline_space() {
    while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  [[noreturn]] void fail(const std::string& message) { throw ParseError{message}; }

  void expect(char c) {
    skip_space();
    mark_ = pos_;
    if (peek() != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }

  bool accept(char c) {
    skip_space();
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  static bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == ':' || c == '$';
  }

  std::string_view word() {
    skip_space();
    size_t start = mark_ = pos_;
    while (!at_end() && is_word_char(text_[pos_])) ++pos_;
    if (start == pos_) fail("expected a name");
    return text_.substr(start, pos_ - start);
  }

  std::string_view until(char close) {
    size_t start = mark_ = pos_;
    while (!at_end() && text_[pos_] != close && text_[pos_] != '\n') ++pos_;
    if (peek() != close) fail(std::string("expected '") + close + "'");
    std::string_view inside = text_.substr(start, pos_ - start);
    ++pos_;
    return inside;
  }

  // ---- values ----
  static std::optional<Kind> kind_of_name(std::string_view name) {
    if (name.size() < 2) return std::nullopt;
    switch (name[0]) {
      case 'i': return Kind::kInt;
      case 'p': return Kind::kRef;
      case 'f': return Kind::kFloat;
      default: return std::nullopt;
    }
  }

  void define(std::string_view name, TraceValue value, Kind kind, size_t at) {
    mark_ = at;
    auto name_kind = kind_of_name(name);
    if (!name_kind) fail("'" + std::string(name) + "' is no value name (i…, p…, f…)");
    if (*name_kind != kind)
      fail("'" + std::string(name) + "' names a value of kind " + kind_letter(kind));
    if (!values_.emplace(std::string(name), value).second)
      fail("'" + std::string(name) + "' is defined twice");
  }

  void parse_inputs() {
    expect('[');
    if (accept(']')) return;
    do {
      std::string_view name = word();
      auto kind = kind_of_name(name);
      if (!kind) fail("'" + std::string(name) + "' is no value name (i…, p…, f…)");
      define(name, trace_->add_input(*kind), *kind, mark_);
    } while (accept(','));
    expect(']');
  }

  TraceValue parse_number() {
    size_t start = mark_ = pos_;
    if (peek() == '-' || peek() == '+') ++pos_;
    while (!at_end() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.' ||
                         ((text_[pos_] == '-' || text_[pos_] == '+') &&
                          (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E'))))
      ++pos_;
    std::string_view token = text_.substr(start, pos_ - start);
    const char* first = token.data();
    const char* last = token.data() + token.size();
    if (*first == '+') ++first;
    if (token.find_first_of(".eE") == std::string_view::npos) {
      int64_t v = 0;
      auto [end, ec] = std::from_chars(first, last, v);
      if (ec != std::errc() || end != last) fail("bad integer '" + std::string(token) + "'");
      return trace_->constants.add_int(v);
    }
    double v = 0;
    auto [end, ec] = std::from_chars(first, last, v);
    if (ec != std::errc() || end != last) fail("bad float '" + std::string(token) + "'");
    return trace_->constants.add_float(v);
  }

  TraceValue parse_const_call(std::string_view head) {
    expect('(');
    skip_space();
    std::string_view inside = until(')');
    if (head == "ConstInt") {
      int64_t v = 0;
      auto [end, ec] = std::from_chars(inside.data(), inside.data() + inside.size(), v);
      if (ec != std::errc() || end != inside.data() + inside.size()) fail("bad ConstInt");
      return trace_->constants.add_int(v);
    }
    if (head == "ConstFloat") {
      if (inside == "inf") return trace_->constants.add_float(INFINITY);
      if (inside == "-inf") return trace_->constants.add_float(-INFINITY);
      if (inside == "nan") return trace_->constants.add_float(NAN);
      double v = 0;
      auto [end, ec] = std::from_chars(inside.data(), inside.data() + inside.size(), v);
      if (ec != std::errc() || end != inside.data() + inside.size()) fail("bad ConstFloat");
      return trace_->constants.add_float(v);
    }
    // ConstPtr
    if (inside == "null") return trace_->constants.add_ref(kNullRef);
    if (inside.starts_with("0x")) {
      uint64_t bits = 0;
      auto [end, ec] = std::from_chars(inside.data() + 2, inside.data() + inside.size(), bits, 16);
      if (ec != std::errc() || end != inside.data() + inside.size()) fail("bad ConstPtr address");
      return trace_->constants.add_ref(make_ref(bits));
    }
    for (const auto& [name, ref] : context_.named_refs)
      if (name == inside) return trace_->constants.add_ref(ref);
    fail("unknown ConstPtr name '" + std::string(inside) + "'");
  }

  TraceValue parse_value() {
    skip_space();
    char c = peek();
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+') return parse_number();
    if (c == '@') {
      ++pos_;
      std::string_view name = word();
      for (size_t i = 0; i < descrs_.functions.size(); ++i)
        if (descrs_.functions[i].name == name) return trace_->constants.add_int(static_cast<int64_t>(i));
      fail("unknown function '@" + std::string(name) + "'");
    }
    std::string_view name = word();
    if (name == "ConstInt" || name == "ConstFloat" || name == "ConstPtr") return parse_const_call(name);
    auto it = values_.find(std::string(name));
    if (it == values_.end()) fail("unknown value '" + std::string(name) + "'");
    return it->second;
  }

  // ---- descrs ----
  void parse_descr(TraceOp& op) {
    const TraceOpInfo& info = op.info();
    skip_space();
    switch (info.descr) {
      case TraceDescrKind::kNone: fail("'" + std::string(info.name) + "' takes no descr");
      case TraceDescrKind::kFail: {
        expect('<');
        std::string name(until('>'));
        for (const auto& [known, descr] : result_.fail_descrs)
          if (known == name) fail("descr <" + name + "> is used twice");
        FailDescr::Type type = op.opcode == TraceOpcode::op_finish ? FailDescr::Type::kFinish
                                                                   : FailDescr::Type::kGuard;
        std::string_view prefix = type == FailDescr::Type::kGuard ? "Guard" : "Finish";
        uint32_t number = 0;
        std::string_view digits = std::string_view(name).substr(
            std::min(name.size(), prefix.size()));
        bool numbered = std::string_view(name).starts_with(prefix) && !digits.empty() &&
                        std::from_chars(digits.data(), digits.data() + digits.size(), number).ptr ==
                            digits.data() + digits.size();
        op.fail = trace_->new_fail_descr(type, numbered ? number : FailDescr::next_number());
        result_.fail_descrs.emplace_back(name, op.fail);
        return;
      }
      case TraceDescrKind::kTarget: {
        uint32_t number = parse_numbered("TargetToken");
        if (op.opcode == TraceOpcode::op_label) {
          for (const auto& t : trace_->target_tokens)
            if (t->number == number) fail("TargetToken(" + std::to_string(number) + ") is defined twice");
          op.target = trace_->new_target_token(number);
          return;
        }
        for (const auto& t : trace_->target_tokens)
          if (t->number == number) op.target = t.get();
        for (TargetToken* t : context_.targets)
          if (!op.target && t->number == number) op.target = t;
        if (!op.target) fail("unknown TargetToken(" + std::to_string(number) + ")");
        return;
      }
      case TraceDescrKind::kLoop: {
        uint32_t number = parse_numbered("Loop");
        for (LoopToken* loop : context_.loops)
          if (loop->number == number) op.loop = loop;
        if (!op.loop) fail("unknown Loop(" + std::to_string(number) + ")");
        return;
      }
      case TraceDescrKind::kField:
      case TraceDescrKind::kArray:
      case TraceDescrKind::kSize:
      case TraceDescrKind::kCall: {
        size_t count = descr_count(descrs_, info.descr);
        if (accept('#')) {
          std::string_view digits = word();
          uint32_t index = 0;
          if (std::from_chars(digits.data(), digits.data() + digits.size(), index).ptr !=
                  digits.data() + digits.size() ||
              index >= count)
            fail("bad descr index #" + std::string(digits));
          op.descr = index;
          return;
        }
        std::string_view name = word();
        for (size_t i = 0; i < count; ++i) {
          if (descr_name(descrs_, info.descr, static_cast<uint32_t>(i)) != name) continue;
          if (op.descr != kNoIndex) fail("descr name '" + std::string(name) + "' is ambiguous");
          op.descr = static_cast<uint32_t>(i);
        }
        if (op.descr == kNoIndex) fail("unknown descr '" + std::string(name) + "'");
        return;
      }
    }
  }

  uint32_t parse_numbered(std::string_view head) {
    if (word() != head) fail("expected " + std::string(head) + "(N)");
    size_t head_at = mark_;
    expect('(');
    std::string_view digits = word();
    uint32_t number = 0;
    if (std::from_chars(digits.data(), digits.data() + digits.size(), number).ptr !=
        digits.data() + digits.size())
      fail("bad number in " + std::string(head));
    expect(')');
    mark_ = head_at;
    return number;
  }

  // ---- operations ----
  void parse_op() {
    std::string_view first = word();
    size_t first_at = mark_;
    std::string_view result_name, op_name = first;
    if (accept('=')) {
      result_name = first;
      op_name = word();
    }
    auto opcode = trace_opcode_named(op_name);
    if (!opcode) fail("unknown operation '" + std::string(op_name) + "'");
    TraceOp op;
    op.opcode = *opcode;
    const TraceOpInfo& info = op.info();
    expect('(');
    if (!accept(')')) {
      do {
        skip_space();
        if (text_.substr(pos_).starts_with("descr=")) {
          pos_ += 6;
          parse_descr(op);
          break;
        }
        op.args.push_back(parse_value());
      } while (accept(','));
      expect(')');
    }
    if (info.descr == TraceDescrKind::kFail && !op.fail) {
      op.fail = trace_->new_fail_descr(op.opcode == TraceOpcode::op_finish ? FailDescr::Type::kFinish
                                                                            : FailDescr::Type::kGuard,
                                       FailDescr::next_number());
    }
    if (op.opcode == TraceOpcode::op_label && op.target)
      for (TraceValue v : op.args) op.target->arg_kinds.push_back(trace_->kind_of(v));
    skip_inline_space();
    if (peek() == '[') {
      mark_ = pos_;
      if (!info.is_guard()) fail("only guards have fail-args");
      ++pos_;
      if (!accept(']')) {
        do op.fail_args.push_back(parse_value());
        while (accept(','));
        expect(']');
      }
    }
    bool has_result = info.result != Kind::kVoid;
    mark_ = first_at;
    if (has_result && result_name.empty())
      fail("'" + std::string(op_name) + "' has a result: write NAME = " + std::string(op_name) + "(...)");
    if (!has_result && !result_name.empty()) fail("'" + std::string(op_name) + "' has no result");
    Kind result = info.result;
    TraceValue value = trace_->record(std::move(op));
    if (has_result) define(result_name, value, result, first_at);
  }

  std::string_view text_;
  size_t pos_ = 0;
  size_t mark_ = 0;  // where the token being read starts: errors point there
  const DescrTable& descrs_;
  const TraceParseContext& context_;
  TraceParseResult& result_;
  std::unique_ptr<Trace> trace_;
  std::map<std::string, TraceValue> values_;
};

}  // namespace

FailDescr* TraceParseResult::fail_descr(std::string_view name) const {
  for (const auto& [known, descr] : fail_descrs)
    if (known == name) return descr;
  return nullptr;
}

TargetToken* TraceParseResult::target(uint32_t number) const {
  if (!trace) return nullptr;
  for (const auto& t : trace->target_tokens)
    if (t->number == number) return t.get();
  return nullptr;
}

TraceParseResult parse_trace(std::string_view text, const DescrTable& descrs, JitHeap* heap,
                             const TraceParseContext& context) {
  TraceParseResult result;
  Parser parser(text, descrs, heap, context, result);
  try {
    result.trace = parser.run();
  } catch (const ParseError& e) {
    result.error = parser.location() + ": " + e.message;
    result.fail_descrs.clear();
  }
  return result;
}

}  // namespace rtoolchain::jit
