// The lattice of facts (docs/annotator.md, "Lattice"): joins, widening, and facts as text.
#include <algorithm>

#include "engine.h"

namespace rtoolchain::annotator {

using namespace ir;

bool Fact::has_member(uint32_t index) const { return std::binary_search(members.begin(), members.end(), index); }

bool operator==(const Fact& a, const Fact& b) {
  return a.reached == b.reached && a.lo == b.lo && a.hi == b.hi && a.constant == b.constant &&
         a.may_be_null == b.may_be_null && a.unknown_members == b.unknown_members && a.members == b.members;
}

Fact bottom() { return Fact(); }

bool is_integer_like(const Program& program, TypeId type) {
  TypeKind kind = program.types().kind(type);
  return kind == TypeKind::kInt || kind == TypeKind::kEnum || kind == TypeKind::kBool;
}

void type_range(const Program& program, TypeId type, int64_t& lo, int64_t& hi) {
  lo = Fact::kMin;
  hi = Fact::kMax;
  if (program.types().kind(type) == TypeKind::kBool) {
    lo = 0;
    hi = 1;
    return;
  }
  std::optional<IntegerLayout> layout = program.integer_layout(type);
  if (!layout || layout->bits >= 64) {
    if (layout && !layout->is_signed) return;  // u64: every bit pattern
    return;
  }
  if (layout->is_signed) {
    lo = -(int64_t(1) << (layout->bits - 1));
    hi = (int64_t(1) << (layout->bits - 1)) - 1;
  } else {
    lo = 0;
    hi = (int64_t(1) << layout->bits) - 1;
  }
}

Fact top_fact(const Program& program, TypeId type) {
  Fact fact;
  fact.reached = true;
  type_range(program, type, fact.lo, fact.hi);
  if (program.types().is_reference(type)) {
    fact.may_be_null = true;
    fact.unknown_members = true;
  }
  return fact;
}

Fact zero_fact(const Program& program, TypeId type) {
  Fact fact;
  fact.reached = true;
  if (is_integer_like(program, type)) {
    fact.lo = fact.hi = 0;
  } else if (program.types().is_reference(type)) {
    fact.may_be_null = true;  // null: no member
  }
  return fact;
}

void add_member(Fact& fact, uint32_t member) {
  auto it = std::lower_bound(fact.members.begin(), fact.members.end(), member);
  if (it == fact.members.end() || *it != member) fact.members.insert(it, member);
}

namespace {

void union_members(Fact& into, const Fact& from) {
  for (uint32_t m : from.members) add_member(into, m);
}

}  // namespace

Fact join(const Fact& a, const Fact& b) {
  if (!a.reached) return b;
  if (!b.reached) return a;
  Fact fact = a;
  fact.lo = std::min(a.lo, b.lo);
  fact.hi = std::max(a.hi, b.hi);
  if (a.constant != b.constant) fact.constant = ConstId();
  fact.may_be_null = a.may_be_null || b.may_be_null;
  fact.unknown_members = a.unknown_members || b.unknown_members;
  union_members(fact, b);
  return fact;
}

bool join_into(Fact& into, const Fact& from, bool widen) {
  if (!from.reached) return false;
  if (!into.reached) {
    into = from;
    return true;
  }
  Fact joined = join(into, from);
  // Widening with thresholds: a bound that moves jumps to the next threshold, so an interval
  // changes a bounded number of times however often a loop goes round. The thresholds are 0
  // and the bounds of the integer types, so a bool or a u8 keeps its range.
  static constexpr int64_t kHigh[] = {0, 1, 127, 255, 32767, 65535, 2147483647, 4294967295, Fact::kMax};
  static constexpr int64_t kLow[] = {0, -1, -128, -32768, -2147483648LL, Fact::kMin};
  if (widen && joined.lo < into.lo)
    for (int64_t t : kLow)
      if (t <= joined.lo) {
        joined.lo = t;
        break;
      }
  if (widen && joined.hi > into.hi)
    for (int64_t t : kHigh)
      if (t >= joined.hi) {
        joined.hi = t;
        break;
      }
  if (joined == into) return false;
  into = std::move(joined);
  return true;
}

namespace {

std::string bound(int64_t v) {
  if (v == Fact::kMax) return "+inf";
  if (v == Fact::kMin) return "-inf";
  return std::to_string(v);
}

}  // namespace

std::string fact_to_string(const Program& program, TypeId type, const Fact& fact) {
  if (!fact.reached) return "unreached";
  const TypeTable& types = program.types();
  TypeKind kind = types.kind(type);
  std::string text;
  if (is_integer_like(program, type)) {
    if (kind == TypeKind::kBool && fact.lo == fact.hi) return fact.lo ? "true" : "false";
    if (fact.lo == fact.hi) return std::to_string(fact.lo);
    int64_t lo, hi;
    type_range(program, type, lo, hi);
    if (fact.lo <= lo && fact.hi >= hi) return "any";
    return "[" + bound(fact.lo) + ", " + bound(fact.hi) + "]";
  }
  if (fact.constant.valid()) return "constant " + constant_to_string(program, fact.constant);
  if (!types.is_reference(type)) return "any";
  if (fact.unknown_members) {
    text = "unknown";
  } else if (fact.members.empty()) {
    return fact.may_be_null ? "null" : "impossible";
  } else {
    std::vector<std::string> names;
    for (uint32_t m : fact.members) {
      if (kind == TypeKind::kPointer || kind == TypeKind::kClassRef)
        names.push_back(program.class_info(ClassId(m)).name);
      else if (kind == TypeKind::kFunction)
        names.push_back("@" + program.function_info(FunctionId(m)).name);
      else
        names.push_back("site" + std::to_string(m));
    }
    std::sort(names.begin(), names.end());
    if (names.size() == 1) {
      text = names[0];
      if (kind == TypeKind::kPointer || kind == TypeKind::kClassRef) text += " exact";
    } else {
      text = "{";
      for (size_t i = 0; i < names.size(); ++i) text += (i ? ", " : "") + names[i];
      text += "}";
    }
  }
  if (kind != TypeKind::kClassRef) text += fact.may_be_null ? " or null" : " nonnull";
  return text;
}

}  // namespace rtoolchain::annotator
