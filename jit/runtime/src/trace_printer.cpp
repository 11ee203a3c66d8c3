// The trace's text form (trace.h): PyPy's log syntax.
//
//   [i0, p1]
//   label(i0, p1, descr=TargetToken(1))
//   i2 = int_add(i0, 1)
//   guard_true(i3, descr=<Guard4>) [i0, p1]
//   jump(i2, p1, descr=TargetToken(1))
//
// Values are named by kind ('i', 'p', 'f') and a number counting the inputs, then the results.
// DescrTable descrs print as their name when it is a plain token unique in its category, else as
// "#index". Ref constants print as ConstPtr(null) or ConstPtr(0x...), non-finite floats as
// ConstFloat(inf), a call's constant function as @name.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "rtoolchain/jit/backend.h"
#include "rtoolchain/jit/trace.h"
#include "trace_text.h"

namespace rtoolchain::jit {

bool is_plain_descr_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == ':' ||
          c == '$'))
      return false;
  return true;
}

std::string_view descr_name(const DescrTable& descrs, TraceDescrKind kind, uint32_t index) {
  switch (kind) {
    case TraceDescrKind::kField: return descrs.fields[index].name;
    case TraceDescrKind::kArray: return descrs.arrays[index].name;
    case TraceDescrKind::kSize: return descrs.sizes[index].name;
    case TraceDescrKind::kCall: return descrs.calls[index].name;
    default: return {};
  }
}

size_t descr_count(const DescrTable& descrs, TraceDescrKind kind) {
  switch (kind) {
    case TraceDescrKind::kField: return descrs.fields.size();
    case TraceDescrKind::kArray: return descrs.arrays.size();
    case TraceDescrKind::kSize: return descrs.sizes.size();
    case TraceDescrKind::kCall: return descrs.calls.size();
    default: return 0;
  }
}

std::string format_float(double v) {
  if (std::isnan(v)) return "ConstFloat(nan)";
  if (std::isinf(v)) return v > 0 ? "ConstFloat(inf)" : "ConstFloat(-inf)";
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  std::string text(buffer, end);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

namespace {

class Printer {
 public:
  Printer(const Trace& trace, const DescrTable& descrs) : trace_(trace), descrs_(descrs) {
    uint32_t next = 0;
    input_numbers_.resize(trace.inputs.size());
    for (auto& n : input_numbers_) n = next++;
    op_numbers_.resize(trace.ops.size(), kNoIndex);
    for (size_t i = 0; i < trace.ops.size(); ++i)
      if (trace.ops[i].info().result != Kind::kVoid) op_numbers_[i] = next++;
  }

  std::string value(TraceValue v) const {
    size_t limit = v.tag() == TraceValue::Tag::kInput ? trace_.inputs.size()
                   : v.tag() == TraceValue::Tag::kOp  ? trace_.ops.size()
                                                      : trace_.constants.size();
    if (v.index() >= limit) return "?" + std::to_string(v.index());
    switch (v.tag()) {
      case TraceValue::Tag::kInput:
        return letter(trace_.inputs[v.index()]) + std::to_string(input_numbers_[v.index()]);
      case TraceValue::Tag::kOp:
        if (op_numbers_[v.index()] == kNoIndex) return "?void" + std::to_string(v.index());
        return letter(trace_.ops[v.index()].info().result) + std::to_string(op_numbers_[v.index()]);
      case TraceValue::Tag::kConst: return constant(v.index());
    }
    return "?";
  }

  std::string constant(uint32_t index) const {
    AnyValue v = trace_.constants.value(index);
    switch (trace_.constants.kind(index)) {
      case Kind::kInt: return std::to_string(v.i);
      case Kind::kFloat: return format_float(v.f);
      case Kind::kRef: {
        if (v.r == 0) return "ConstPtr(null)";
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "ConstPtr(0x%llx)", static_cast<unsigned long long>(v.r));
        return buffer;
      }
      case Kind::kVoid: break;
    }
    return "?";
  }

  std::string op(size_t index) const {
    const TraceOp& op = trace_.ops[index];
    const TraceOpInfo& info = op.info();
    std::string out;
    if (info.result != Kind::kVoid) out += value(TraceValue::op(static_cast<uint32_t>(index))) + " = ";
    out += info.name;
    out += '(';
    bool first = true;
    auto separate = [&] {
      if (!first) out += ", ";
      first = false;
    };
    for (size_t a = 0; a < op.args.size(); ++a) {
      separate();
      out += a == 0 && info.descr == TraceDescrKind::kCall ? callee(op.args[0]) : value(op.args[a]);
    }
    std::string descr = this->descr(op);
    if (!descr.empty()) {
      separate();
      out += "descr=" + descr;
    }
    out += ')';
    if (info.is_guard()) {
      out += " [";
      for (size_t a = 0; a < op.fail_args.size(); ++a) {
        if (a) out += ", ";
        out += value(op.fail_args[a]);
      }
      out += ']';
    }
    return out;
  }

  std::string inputs() const {
    std::string out = "[";
    for (size_t i = 0; i < trace_.inputs.size(); ++i) {
      if (i) out += ", ";
      out += value(TraceValue::input(static_cast<uint32_t>(i)));
    }
    return out + "]";
  }

 private:
  static std::string letter(Kind kind) { return kind == Kind::kRef ? "p" : std::string(1, kind_letter(kind)); }

  std::string callee(TraceValue v) const {
    if (v.is_const() && trace_.constants.kind(v.index()) == Kind::kInt) {
      int64_t f = trace_.constants.value(v.index()).i;
      if (f >= 0 && static_cast<size_t>(f) < descrs_.functions.size()) {
        const std::string& name = descrs_.functions[f].name;
        if (is_plain_descr_name(name) && unique_function(name)) return "@" + name;
      }
    }
    return value(v);
  }

  bool unique_function(std::string_view name) const {
    int count = 0;
    for (const auto& f : descrs_.functions) count += f.name == name;
    return count == 1;
  }

  std::string descr(const TraceOp& op) const {
    const TraceOpInfo& info = op.info();
    switch (info.descr) {
      case TraceDescrKind::kNone: return {};
      case TraceDescrKind::kFail:
        if (!op.fail) return "<null>";
        return std::string(op.fail->type == FailDescr::Type::kGuard ? "<Guard" : "<Finish") +
               std::to_string(op.fail->number) + ">";
      case TraceDescrKind::kTarget:
        return op.target ? "TargetToken(" + std::to_string(op.target->number) + ")" : "<null>";
      case TraceDescrKind::kLoop:
        return op.loop ? "Loop(" + std::to_string(op.loop->number) + ")" : "<null>";
      case TraceDescrKind::kField:
      case TraceDescrKind::kArray:
      case TraceDescrKind::kSize:
      case TraceDescrKind::kCall: {
        if (op.descr >= descr_count(descrs_, info.descr)) return "#" + std::to_string(op.descr);
        std::string_view name = descr_name(descrs_, info.descr, op.descr);
        size_t same = 0;
        for (size_t i = 0; i < descr_count(descrs_, info.descr); ++i)
          same += descr_name(descrs_, info.descr, static_cast<uint32_t>(i)) == name;
        if (is_plain_descr_name(name) && same == 1) return std::string(name);
        return "#" + std::to_string(op.descr);
      }
    }
    return {};
  }

  const Trace& trace_;
  const DescrTable& descrs_;
  std::vector<uint32_t> input_numbers_, op_numbers_;
};

}  // namespace

std::string print_trace(const Trace& trace, const DescrTable& descrs,
                        const TracePrintOptions& options) {
  Printer printer(trace, descrs);
  std::string out = printer.inputs() + "\n";
  for (size_t i = 0; i < trace.ops.size(); ++i) {
    out += printer.op(i);
    if (options.describe_merge_point && trace.ops[i].opcode == TraceOpcode::op_debug_merge_point) {
      std::string where = options.describe_merge_point(trace.ops[i], trace, options.context);
      if (!where.empty()) out += "  # " + where;
    }
    out += '\n';
  }
  return out;
}

std::string print_op(const Trace& trace, const DescrTable& descrs, size_t op_index) {
  return Printer(trace, descrs).op(op_index);
}

}  // namespace rtoolchain::jit
