// The string and string-builder helpers (str.h), and the shared details of common.h.
#include "str.h"

namespace rtll {
namespace detail {

void raise_index_error(rt::Str what, int64_t index, int64_t size) {
  throw rt::make<rt::IndexError>(what + " " + rt::Str::from_int(index) + " out of range for size " +
                                 rt::Str::from_int(size));
}

void check_index(rt::Str what, int64_t index, int64_t size) {
  if (static_cast<uint64_t>(index) >= static_cast<uint64_t>(size)) raise_index_error(what, index, size);
}

Bytes* empty_bytes() { return rt::make<Bytes>(0, 0); }

rt::Str to_message(Bytes* text) {
  rt::StrBuilder builder(text->size());
  for (int64_t i = 0; i < text->size(); ++i) builder.append_char(static_cast<char>(text->get(i)));
  return builder.build();
}

bool item_eq(Bytes* a, Bytes* b) { return str_eq(a, b); }

namespace {

// A string of `size` bytes for the caller to fill. rt::Str refuses more than 2^61 bytes with
// "string too large"; below that a string the heap cannot hold is the collector's "out of
// memory", which is also what an array past the low level's limit (2^59 items) gets here.
Bytes* allocate(int64_t size) {
  if (size > (INT64_MAX >> 2)) throw rt::make<rt::MemoryError>("string too large");
  if (size > (INT64_MAX >> 4)) throw rt::make<rt::MemoryError>("out of memory");
  return rt::make<Bytes>(size, 0);
}

void copy_bytes(Bytes* to, int64_t at, Bytes* from, int64_t start, int64_t count) {
  for (int64_t i = 0; i < count; ++i) to->set(at + i, from->get(start + i));
}

bool is_space(int8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// Whether `needle` occurs in `s` at `at` (at + size of needle <= size of s).
bool matches_at(Bytes* s, Bytes* needle, int64_t at) {
  for (int64_t i = 0; i < needle->size(); ++i)
    if (s->get(at + i) != needle->get(i)) return false;
  return true;
}

}  // namespace
}  // namespace detail

int64_t str_len(Bytes* s) { return s->size(); }

bool str_is_empty(Bytes* s) { return s->size() == 0; }

int8_t str_getitem(Bytes* s, int64_t index) {
  detail::check_index("string index", index, s->size());
  return s->get(index);
}

int64_t str_byte_at(Bytes* s, int64_t index) {
  return static_cast<int64_t>(static_cast<uint8_t>(str_getitem(s, index)));
}

Bytes* str_concat(Bytes* a, Bytes* b) {
  if (b->size() == 0) return a;
  if (a->size() == 0) return b;
  Bytes* result = detail::allocate(a->size() + b->size());
  detail::copy_bytes(result, 0, a, 0, a->size());
  detail::copy_bytes(result, a->size(), b, 0, b->size());
  return result;
}

// Bytewise, as unsigned bytes (std::string_view::compare, which rt::Str uses).
int64_t str_compare(Bytes* a, Bytes* b) {
  int64_t n = a->size() < b->size() ? a->size() : b->size();
  for (int64_t i = 0; i < n; ++i) {
    uint8_t x = static_cast<uint8_t>(a->get(i));
    uint8_t y = static_cast<uint8_t>(b->get(i));
    if (x != y) return x < y ? -1 : 1;
  }
  if (a->size() == b->size()) return 0;
  return a->size() < b->size() ? -1 : 1;
}

bool str_eq(Bytes* a, Bytes* b) {
  if (a == b) return true;
  if (a->size() != b->size()) return false;
  return detail::matches_at(a, b, 0);
}
bool str_ne(Bytes* a, Bytes* b) { return !str_eq(a, b); }
bool str_lt(Bytes* a, Bytes* b) { return str_compare(a, b) < 0; }
bool str_le(Bytes* a, Bytes* b) { return str_compare(a, b) <= 0; }
bool str_gt(Bytes* a, Bytes* b) { return str_compare(a, b) > 0; }
bool str_ge(Bytes* a, Bytes* b) { return str_compare(a, b) >= 0; }

Bytes* str_slice(Bytes* s, int64_t start, int64_t stop) {
  if (start < 0) start = 0;
  if (stop > s->size()) stop = s->size();
  if (start >= stop) return detail::empty_bytes();
  if (start == 0 && stop == s->size()) return s;
  Bytes* result = detail::allocate(stop - start);
  detail::copy_bytes(result, 0, s, start, stop - start);
  return result;
}

Bytes* str_slice_from(Bytes* s, int64_t start) { return str_slice(s, start, s->size()); }

int64_t str_find(Bytes* s, Bytes* needle, int64_t start) {
  if (start < 0) start = 0;
  if (start > s->size()) return -1;
  for (int64_t at = start; at + needle->size() <= s->size(); ++at)
    if (detail::matches_at(s, needle, at)) return at;
  return -1;
}

int64_t str_rfind(Bytes* s, Bytes* needle) {
  for (int64_t at = s->size() - needle->size(); at >= 0; --at)
    if (detail::matches_at(s, needle, at)) return at;
  return -1;
}

bool str_contains(Bytes* s, Bytes* needle) { return str_find(s, needle, 0) >= 0; }

bool str_startswith(Bytes* s, Bytes* prefix) {
  return prefix->size() <= s->size() && detail::matches_at(s, prefix, 0);
}

bool str_endswith(Bytes* s, Bytes* suffix) {
  return suffix->size() <= s->size() && detail::matches_at(s, suffix, s->size() - suffix->size());
}

int64_t str_count(Bytes* s, Bytes* needle) {
  if (needle->size() == 0) throw rt::make<rt::ValueError>("empty substring");
  int64_t n = 0;
  for (int64_t pos = str_find(s, needle, 0); pos >= 0; pos = str_find(s, needle, pos + needle->size())) n = n + 1;
  return n;
}

List<Bytes*>* str_split(Bytes* s, Bytes* sep) {
  if (sep->size() == 0) throw rt::make<rt::ValueError>("empty separator");
  List<Bytes*>* pieces = list_new<Bytes*>();
  int64_t start = 0;
  for (int64_t pos = str_find(s, sep, 0); pos >= 0; pos = str_find(s, sep, start)) {
    list_append<Bytes*>(pieces, str_slice(s, start, pos));
    start = pos + sep->size();
  }
  list_append<Bytes*>(pieces, str_slice(s, start, s->size()));
  return pieces;
}

List<Bytes*>* str_split_whitespace(Bytes* s) {
  List<Bytes*>* pieces = list_new<Bytes*>();
  int64_t i = 0;
  while (i < s->size()) {
    while (i < s->size() && detail::is_space(s->get(i))) i = i + 1;
    int64_t start = i;
    while (i < s->size() && !detail::is_space(s->get(i))) i = i + 1;
    if (i > start) list_append<Bytes*>(pieces, str_slice(s, start, i));
  }
  return pieces;
}

Bytes* str_join(Bytes* sep, List<Bytes*>* pieces) {
  int64_t n = list_len<Bytes*>(pieces);
  if (n == 0) return detail::empty_bytes();
  if (n == 1) return list_getitem<Bytes*>(pieces, 0);
  int64_t total = sep->size() * (n - 1);
  for (int64_t i = 0; i < n; ++i) total = total + list_getitem<Bytes*>(pieces, i)->size();
  Bytes* result = detail::allocate(total);
  int64_t at = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (i > 0) {
      detail::copy_bytes(result, at, sep, 0, sep->size());
      at = at + sep->size();
    }
    Bytes* piece = list_getitem<Bytes*>(pieces, i);
    detail::copy_bytes(result, at, piece, 0, piece->size());
    at = at + piece->size();
  }
  return result;
}

Bytes* str_replace(Bytes* s, Bytes* old, Bytes* replacement) {
  if (old->size() == 0) throw rt::make<rt::ValueError>("empty substring");
  if (str_find(s, old, 0) < 0) return s;
  return str_join(replacement, str_split(s, old));
}

Bytes* str_strip(Bytes* s) { return str_rstrip(str_lstrip(s)); }

Bytes* str_lstrip(Bytes* s) {
  int64_t i = 0;
  while (i < s->size() && detail::is_space(s->get(i))) i = i + 1;
  return str_slice(s, i, s->size());
}

Bytes* str_rstrip(Bytes* s) {
  int64_t i = s->size();
  while (i > 0 && detail::is_space(s->get(i - 1))) i = i - 1;
  return str_slice(s, 0, i);
}

Bytes* str_upper(Bytes* s) {
  Bytes* result = detail::allocate(s->size());
  for (int64_t i = 0; i < s->size(); ++i) {
    int8_t c = s->get(i);
    result->set(i, (c >= 'a' && c <= 'z') ? static_cast<int8_t>(c - 32) : c);
  }
  return result;
}

Bytes* str_lower(Bytes* s) {
  Bytes* result = detail::allocate(s->size());
  for (int64_t i = 0; i < s->size(); ++i) {
    int8_t c = s->get(i);
    result->set(i, (c >= 'A' && c <= 'Z') ? static_cast<int8_t>(c + 32) : c);
  }
  return result;
}

Bytes* str_repeat(Bytes* s, int64_t times) {
  if (times <= 0 || s->size() == 0) return detail::empty_bytes();
  // rt::Str refuses a product that overflows int64_t, and allocate() one past 2^61, with the
  // same message: one test covers both.
  if (times > rt::div_c(INT64_MAX >> 2, s->size())) throw rt::make<rt::MemoryError>("string too large");
  Bytes* result = detail::allocate(s->size() * times);
  for (int64_t i = 0; i < times; ++i) detail::copy_bytes(result, i * s->size(), s, 0, s->size());
  return result;
}

// FNV-1a over the bytes, 0 mapped to 1: rt::Str::hash's value (not cached: strings are plain
// byte arrays at the low level).
int64_t str_hash(Bytes* s) {
  uint64_t h = 0xcbf29ce484222325U;
  for (int64_t i = 0; i < s->size(); ++i) {
    h = h ^ static_cast<uint64_t>(static_cast<uint8_t>(s->get(i)));
    h = h * 0x100000001b3U;
  }
  int64_t result = static_cast<int64_t>(h);
  if (result == 0) result = 1;
  return result;
}

Bytes* str_from_int(int64_t value) {
  if (value == 0) return str_from_char('0');
  bool negative = value < 0;
  // The magnitude as unsigned, so that INT64_MIN needs no special case.
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  int64_t ndigits = 0;
  for (uint64_t m = magnitude; m > 0; m = m / 10) ndigits = ndigits + 1;
  int64_t size = negative ? ndigits + 1 : ndigits;
  Bytes* result = detail::allocate(size);
  if (negative) result->set(0, '-');
  int64_t at = size - 1;
  for (uint64_t m = magnitude; m > 0; m = m / 10) {
    result->set(at, static_cast<int8_t>('0' + static_cast<int64_t>(m % 10)));
    at = at - 1;
  }
  return result;
}

Bytes* str_from_double(double value) { return rt::ll::format_double(value); }

Bytes* str_from_char(int8_t c) { return rt::make<Bytes>(1, c); }

int64_t str_to_int(Bytes* s, int64_t base) {
  if (base < 2 || base > 36) throw rt::make<rt::ValueError>("int base must be in 2..36");
  Bytes* text = str_strip(s);
  int64_t i = 0;
  bool negative = false;
  if (text->size() > 0 && (text->get(0) == '+' || text->get(0) == '-')) {
    negative = text->get(0) == '-';
    i = 1;
  }
  if (i == text->size())
    throw rt::make<rt::ValueError>(rt::Str("invalid integer literal: '") + detail::to_message(s) + "'");
  // Accumulate as a negative number so that INT64_MIN parses. After an overflow the (wrapped)
  // value no longer matters, but the remaining digits are still checked, as rt::Str does.
  int64_t value = 0;
  bool overflow = false;
  int64_t lowest = rt::div_c(INT64_MIN, base);  // value * base fits when value >= lowest
  for (; i < text->size(); ++i) {
    int8_t c = text->get(i);
    int64_t digit = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'z' ? c - 'a' + 10
                    : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                                           : 99;
    if (digit >= base)
      throw rt::make<rt::ValueError>(rt::Str("invalid integer literal: '") + detail::to_message(s) + "'");
    if (value < lowest) overflow = true;
    value = value * base;
    if (value < INT64_MIN + digit) overflow = true;
    value = value - digit;
  }
  if (overflow || (!negative && value == INT64_MIN))
    throw rt::make<rt::OverflowError>(rt::Str("integer literal too large: '") + detail::to_message(s) + "'");
  return negative ? value : -value;
}

double str_to_double(Bytes* s) { return rt::ll::parse_double(s); }

// --- StrBuilder ----------------------------------------------------------------------------------

namespace detail {
namespace {

void reserve(StrBuilder* sb, int64_t needed) {
  int64_t capacity = sb->buffer == nullptr ? 0 : sb->buffer->size();
  if (needed <= capacity) return;
  if (capacity == 0) capacity = 16;
  while (capacity < needed) {
    if (capacity > (INT64_MAX >> 3)) throw rt::make<rt::MemoryError>("string too large");
    capacity = capacity * 2;
  }
  Bytes* buffer = allocate(capacity);
  if (sb->length > 0) copy_bytes(buffer, 0, sb->buffer, 0, sb->length);
  sb->buffer = buffer;
}

}  // namespace
}  // namespace detail

StrBuilder* strbuilder_new(int64_t size_hint) {
  StrBuilder* sb = rt::make<StrBuilder>();
  detail::reserve(sb, size_hint > 0 ? size_hint : 16);
  return sb;
}

void strbuilder_append(StrBuilder* sb, Bytes* piece) {
  detail::reserve(sb, sb->length + piece->size());
  detail::copy_bytes(sb->buffer, sb->length, piece, 0, piece->size());
  sb->length = sb->length + piece->size();
}

void strbuilder_append_char(StrBuilder* sb, int8_t c) {
  detail::reserve(sb, sb->length + 1);
  sb->buffer->set(sb->length, c);
  sb->length = sb->length + 1;
}

void strbuilder_append_int(StrBuilder* sb, int64_t value) { strbuilder_append(sb, str_from_int(value)); }

void strbuilder_append_double(StrBuilder* sb, double value) { strbuilder_append(sb, str_from_double(value)); }

int64_t strbuilder_len(StrBuilder* sb) { return sb->length; }

Bytes* strbuilder_build(StrBuilder* sb) {
  Bytes* result = detail::allocate(sb->length);
  detail::copy_bytes(result, 0, sb->buffer, 0, sb->length);
  return result;
}

void strbuilder_clear(StrBuilder* sb) { sb->length = 0; }

}  // namespace rtll
