// rtll::str_* and strbuilder_* against rt::Str and rt::StrBuilder.
#include "agree.h"

namespace {

enum class Unary : int64_t {
  kLen, kIsEmpty, kStrip, kLstrip, kRstrip, kUpper, kLower, kHash, kSplitWhitespace,
  kToInt10, kToInt16, kToInt36, kToInt1, kToInt37, kToDouble, kRepeat3, kRepeat0, kRepeatNegative,
  kCount
};

rt::Str show_list(rt::List<rt::Str>* items) {
  rt::StrBuilder builder;
  builder.append("[");
  for (int64_t i = 0; i < items->size(); ++i) {
    if (i > 0) builder.append(", ");
    builder.append(quote(items->get(i)));
  }
  builder.append("]");
  return builder.build();
}

rt::Str show_ll_list(rtll::List<Bytes*>* items) {
  rt::StrBuilder builder;
  builder.append("[");
  for (int64_t i = 0; i < rtll::list_len<Bytes*>(items); ++i) {
    if (i > 0) builder.append(", ");
    builder.append(quote_bytes(rtll::list_getitem<Bytes*>(items, i)));
  }
  builder.append("]");
  return builder.build();
}

rt::Str host_unary(Unary op, rt::Str s) {
  try {
    switch (op) {
      case Unary::kLen: return rt::Str::from_int(s.size());
      case Unary::kIsEmpty: return show_bool(s.empty());
      case Unary::kStrip: return quote(s.strip());
      case Unary::kLstrip: return quote(s.lstrip());
      case Unary::kRstrip: return quote(s.rstrip());
      case Unary::kUpper: return quote(s.upper());
      case Unary::kLower: return quote(s.lower());
      case Unary::kHash: return rt::Str::from_int(s.hash());
      case Unary::kSplitWhitespace: return show_list(s.split_whitespace());
      case Unary::kToInt10: return rt::Str::from_int(s.to_int(10));
      case Unary::kToInt16: return rt::Str::from_int(s.to_int(16));
      case Unary::kToInt36: return rt::Str::from_int(s.to_int(36));
      case Unary::kToInt1: return rt::Str::from_int(s.to_int(1));
      case Unary::kToInt37: return rt::Str::from_int(s.to_int(37));
      case Unary::kToDouble: return rt::Str::from_double(s.to_double());
      case Unary::kRepeat3: return quote(s.repeat(3));
      case Unary::kRepeat0: return quote(s.repeat(0));
      case Unary::kRepeatNegative: return quote(s.repeat(-2));
      case Unary::kCount: break;
    }
  } catch (rt::Exception* e) {
    return error_text(e);
  }
  return "?";
}

rt::Str ll_unary(Unary op, Bytes* s) {
  try {
    switch (op) {
      case Unary::kLen: return rt::Str::from_int(rtll::str_len(s));
      case Unary::kIsEmpty: return show_bool(rtll::str_is_empty(s));
      case Unary::kStrip: return quote_bytes(rtll::str_strip(s));
      case Unary::kLstrip: return quote_bytes(rtll::str_lstrip(s));
      case Unary::kRstrip: return quote_bytes(rtll::str_rstrip(s));
      case Unary::kUpper: return quote_bytes(rtll::str_upper(s));
      case Unary::kLower: return quote_bytes(rtll::str_lower(s));
      case Unary::kHash: return rt::Str::from_int(rtll::str_hash(s));
      case Unary::kSplitWhitespace: return show_ll_list(rtll::str_split_whitespace(s));
      case Unary::kToInt10: return rt::Str::from_int(rtll::str_to_int(s, 10));
      case Unary::kToInt16: return rt::Str::from_int(rtll::str_to_int(s, 16));
      case Unary::kToInt36: return rt::Str::from_int(rtll::str_to_int(s, 36));
      case Unary::kToInt1: return rt::Str::from_int(rtll::str_to_int(s, 1));
      case Unary::kToInt37: return rt::Str::from_int(rtll::str_to_int(s, 37));
      case Unary::kToDouble: return rt::Str::from_double(rtll::str_to_double(s));
      case Unary::kRepeat3: return quote_bytes(rtll::str_repeat(s, 3));
      case Unary::kRepeat0: return quote_bytes(rtll::str_repeat(s, 0));
      case Unary::kRepeatNegative: return quote_bytes(rtll::str_repeat(s, -2));
      case Unary::kCount: break;
    }
  } catch (rt::Exception* e) {
    return error_text(e);
  }
  return "?";
}

enum class Binary : int64_t {
  kConcat, kCompare, kEq, kNe, kLt, kLe, kGt, kGe, kFind, kFindFrom2, kFindFromNegative, kFindPastEnd,
  kRfind, kContains, kStartswith, kEndswith, kCount, kSplit, kReplace, kJoin, kCountOps
};

rt::Str host_binary(Binary op, rt::Str s, rt::Str t) {
  try {
    switch (op) {
      case Binary::kConcat: return quote(s + t);
      case Binary::kCompare: return rt::Str::from_int(s.compare(t));
      case Binary::kEq: return show_bool(s == t);
      case Binary::kNe: return show_bool(s != t);
      case Binary::kLt: return show_bool(s < t);
      case Binary::kLe: return show_bool(s <= t);
      case Binary::kGt: return show_bool(s > t);
      case Binary::kGe: return show_bool(s >= t);
      case Binary::kFind: return rt::Str::from_int(s.find(t));
      case Binary::kFindFrom2: return rt::Str::from_int(s.find(t, 2));
      case Binary::kFindFromNegative: return rt::Str::from_int(s.find(t, -3));
      case Binary::kFindPastEnd: return rt::Str::from_int(s.find(t, s.size() + 1));
      case Binary::kRfind: return rt::Str::from_int(s.rfind(t));
      case Binary::kContains: return show_bool(s.contains(t));
      case Binary::kStartswith: return show_bool(s.starts_with(t));
      case Binary::kEndswith: return show_bool(s.ends_with(t));
      case Binary::kCount: return rt::Str::from_int(s.count(t));
      case Binary::kSplit: return show_list(s.split(t));
      case Binary::kReplace: return quote(s.replace(t, "<>"));
      case Binary::kJoin: return quote(t.join(s.split_whitespace()));
      case Binary::kCountOps: break;
    }
  } catch (rt::Exception* e) {
    return error_text(e);
  }
  return "?";
}

rt::Str ll_binary(Binary op, Bytes* s, Bytes* t) {
  try {
    switch (op) {
      case Binary::kConcat: return quote_bytes(rtll::str_concat(s, t));
      case Binary::kCompare: return rt::Str::from_int(rtll::str_compare(s, t));
      case Binary::kEq: return show_bool(rtll::str_eq(s, t));
      case Binary::kNe: return show_bool(rtll::str_ne(s, t));
      case Binary::kLt: return show_bool(rtll::str_lt(s, t));
      case Binary::kLe: return show_bool(rtll::str_le(s, t));
      case Binary::kGt: return show_bool(rtll::str_gt(s, t));
      case Binary::kGe: return show_bool(rtll::str_ge(s, t));
      case Binary::kFind: return rt::Str::from_int(rtll::str_find(s, t, 0));
      case Binary::kFindFrom2: return rt::Str::from_int(rtll::str_find(s, t, 2));
      case Binary::kFindFromNegative: return rt::Str::from_int(rtll::str_find(s, t, -3));
      case Binary::kFindPastEnd: return rt::Str::from_int(rtll::str_find(s, t, rtll::str_len(s) + 1));
      case Binary::kRfind: return rt::Str::from_int(rtll::str_rfind(s, t));
      case Binary::kContains: return show_bool(rtll::str_contains(s, t));
      case Binary::kStartswith: return show_bool(rtll::str_startswith(s, t));
      case Binary::kEndswith: return show_bool(rtll::str_endswith(s, t));
      case Binary::kCount: return rt::Str::from_int(rtll::str_count(s, t));
      case Binary::kSplit: return show_ll_list(rtll::str_split(s, t));
      case Binary::kReplace: return quote_bytes(rtll::str_replace(s, t, to_bytes("<>")));
      case Binary::kJoin: return quote_bytes(rtll::str_join(t, rtll::str_split_whitespace(s)));
      case Binary::kCountOps: break;
    }
  } catch (rt::Exception* e) {
    return error_text(e);
  }
  return "?";
}

// Indexing and slicing at the interesting positions around a string of size n.
rt::Str host_index(int64_t which, rt::Str s, int64_t i) {
  try {
    if (which == 0) return rt::Str::from_int(s.at(i));
    if (which == 1) return rt::Str::from_int(s.byte_at(i));
    if (which == 2) return quote(s.slice(i, s.size() - 1));
    if (which == 3) return quote(s.slice(1, i));
    return quote(s.slice_from(i));
  } catch (rt::Exception* e) {
    return error_text(e);
  }
}

rt::Str ll_index(int64_t which, Bytes* s, int64_t i) {
  try {
    if (which == 0) return rt::Str::from_int(rtll::str_getitem(s, i));
    if (which == 1) return rt::Str::from_int(rtll::str_byte_at(s, i));
    if (which == 2) return quote_bytes(rtll::str_slice(s, i, rtll::str_len(s) - 1));
    if (which == 3) return quote_bytes(rtll::str_slice(s, 1, i));
    return quote_bytes(rtll::str_slice_from(s, i));
  } catch (rt::Exception* e) {
    return error_text(e);
  }
}

rt::List<rt::Str>* samples() {
  rt::List<rt::Str>* s = rt::make<rt::List<rt::Str>>();
  s->append("");
  s->append("a");
  s->append("hello world");
  s->append("  padded\t\n");
  s->append("a,,b,");
  s->append("\xc3\xbcn\xc3\xaf \xff\x80");
  s->append("AbC123xyz");
  s->append("-42");
  s->append(" +7 ");
  s->append("9223372036854775807");
  s->append("-9223372036854775808");
  s->append("9223372036854775808");
  s->append("-9223372036854775809");
  s->append("99999999999999999999x");
  s->append("12x");
  s->append("ff");
  s->append("Zz");
  s->append("-");
  s->append("1e3");
  s->append(" -inf");
  s->append("nan");
  s->append("-0.0");
  s->append(".5");
  s->append("--5");
  s->append("1.5e-05");
  return s;
}

rt::List<rt::Str>* needles() {
  rt::List<rt::Str>* s = rt::make<rt::List<rt::Str>>();
  s->append("");
  s->append("a");
  s->append(",");
  s->append("l");
  s->append("hello world!");
  s->append("\xff");
  s->append("  ");
  return s;
}

}  // namespace

void check_strings() {
  rt::print_line("== strings");
  rt::List<rt::Str>* inputs = samples();
  rt::List<rt::Str>* others = needles();
  for (rt::Str s : *inputs) {
    rt::Str label = rt::Str("str ") + quote(s);
    Bytes* b = to_bytes(s);
    for (int64_t op = 0; op < static_cast<int64_t>(Unary::kCount); ++op)
      agree(label + " unary#" + rt::Str::from_int(op), host_unary(static_cast<Unary>(op), s),
            ll_unary(static_cast<Unary>(op), b));
    int64_t n = s.size();
    for (int64_t which = 0; which < 5; ++which) {
      rt::List<int64_t>* positions = rt::make<rt::List<int64_t>>();
      positions->append(-1);
      positions->append(0);
      positions->append(n - 1);
      positions->append(n);
      positions->append(n + 5);
      for (int64_t i : *positions)
        agree(label + " index#" + rt::Str::from_int(which) + "@" + rt::Str::from_int(i), host_index(which, s, i),
              ll_index(which, b, i));
    }
    for (rt::Str t : *others)
      for (int64_t op = 0; op < static_cast<int64_t>(Binary::kCountOps); ++op)
        agree(label + " " + quote(t) + " binary#" + rt::Str::from_int(op), host_binary(static_cast<Binary>(op), s, t),
              ll_binary(static_cast<Binary>(op), b, to_bytes(t)));
  }
  // Conversions from numbers and bytes.
  rt::List<int64_t>* ints = rt::make<rt::List<int64_t>>();
  ints->append(0);
  ints->append(-1);
  ints->append(7);
  ints->append(1234567890);
  ints->append(INT64_MAX);
  ints->append(INT64_MIN);
  for (int64_t v : *ints) agree("from_int", quote(rt::Str::from_int(v)), quote_bytes(rtll::str_from_int(v)));
  rt::List<double>* doubles = rt::make<rt::List<double>>();
  doubles->append(0.0);
  doubles->append(-0.0);
  doubles->append(1.0);
  doubles->append(0.1);
  doubles->append(1e16);
  doubles->append(1.5e-5);
  doubles->append(123.456);
  doubles->append(1e300);
  doubles->append(1.0 / 0.0);
  doubles->append(-1.0 / 0.0);
  doubles->append(0.0 / 0.0);
  for (double v : *doubles) agree("from_double", quote(rt::Str::from_double(v)), quote_bytes(rtll::str_from_double(v)));
  agree("from_char a", quote(rt::Str::from_char('a')), quote_bytes(rtll::str_from_char('a')));
  agree("from_char ff", quote(rt::Str::from_char('\xff')), quote_bytes(rtll::str_from_char('\xff')));
}
