#include "rt/str.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "rt/exceptions.h"
#include "rt/list.h"

namespace rt {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace

detail::StrData* Str::empty_data() {
  // Static, not GC memory: the empty string exists before the collector is set up.
  static detail::StrData empty = {0, 0, {0}};
  return &empty;
}

detail::StrData* Str::allocate(int64_t size) {
  if (size < 0 || size > (INT64_MAX >> 2)) raise<MemoryError>("string too large");
  auto* data = static_cast<detail::StrData*>(
      gc::alloc_atomic(offsetof(detail::StrData, bytes) + static_cast<size_t>(size) + 1));
  data->hash = 0;
  data->size = size;
  data->bytes[size] = 0;
  return data;
}

Str::Str(const char* cstr) : Str(from_bytes(cstr ? std::string_view(cstr) : std::string_view())) {}

Str Str::from_bytes(std::string_view bytes) {
  if (bytes.empty()) return Str();
  detail::StrData* data = allocate(static_cast<int64_t>(bytes.size()));
  std::memcpy(data->bytes, bytes.data(), bytes.size());
  return Str(data);
}

Str Str::from_char(char c) { return from_bytes(std::string_view(&c, 1)); }

Str Str::from_int(int64_t value) {
  char text[24];
  auto result = std::to_chars(text, text + sizeof text, value);
  return from_bytes(std::string_view(text, result.ptr - text));
}

Str Str::from_double(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // The shortest digits that round-trip, then laid out as Python's repr does: positional
  // notation when the decimal exponent is in [-4, 16), scientific otherwise.
  char sci[40];
  auto result = std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific);
  std::string_view text(sci, result.ptr - sci);
  bool negative = text[0] == '-';
  if (negative) text.remove_prefix(1);
  size_t e_pos = text.find('e');
  std::string_view mantissa = text.substr(0, e_pos);
  int exponent = 0;
  std::string_view exponent_text = text.substr(e_pos + 1);
  if (exponent_text[0] == '+') exponent_text.remove_prefix(1);
  std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
  char digits[24];
  size_t ndigits = 0;
  for (char c : mantissa)
    if (c != '.') digits[ndigits++] = c;

  char out[64];
  size_t n = 0;
  if (negative) out[n++] = '-';
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      out[n++] = '0';
      out[n++] = '.';
      for (int i = -1; i > exponent; --i) out[n++] = '0';
      for (size_t i = 0; i < ndigits; ++i) out[n++] = digits[i];
    } else {
      size_t int_digits = static_cast<size_t>(exponent) + 1;
      for (size_t i = 0; i < int_digits; ++i) out[n++] = i < ndigits ? digits[i] : '0';
      out[n++] = '.';
      if (ndigits > int_digits) {
        for (size_t i = int_digits; i < ndigits; ++i) out[n++] = digits[i];
      } else {
        out[n++] = '0';
      }
    }
  } else {
    out[n++] = digits[0];
    if (ndigits > 1) {
      out[n++] = '.';
      for (size_t i = 1; i < ndigits; ++i) out[n++] = digits[i];
    }
    n += static_cast<size_t>(std::snprintf(out + n, sizeof out - n, "e%c%02d", exponent < 0 ? '-' : '+',
                                           exponent < 0 ? -exponent : exponent));
  }
  return from_bytes(std::string_view(out, n));
}

Str Str::slice(int64_t start, int64_t stop) const {
  if (start < 0) start = 0;
  if (stop > size()) stop = size();
  if (start >= stop) return Str();
  if (start == 0 && stop == size()) return *this;
  return from_bytes(view().substr(static_cast<size_t>(start), static_cast<size_t>(stop - start)));
}

int64_t Str::find(Str needle, int64_t start) const {
  if (start < 0) start = 0;
  if (start > size()) return -1;
  size_t pos = view().find(needle.view(), static_cast<size_t>(start));
  return pos == std::string_view::npos ? -1 : static_cast<int64_t>(pos);
}

int64_t Str::rfind(Str needle) const {
  size_t pos = view().rfind(needle.view());
  return pos == std::string_view::npos ? -1 : static_cast<int64_t>(pos);
}

bool Str::starts_with(Str prefix) const { return view().starts_with(prefix.view()); }
bool Str::ends_with(Str suffix) const { return view().ends_with(suffix.view()); }

int64_t Str::count(Str needle) const {
  if (needle.empty()) raise<ValueError>("empty substring");
  int64_t n = 0;
  for (int64_t pos = find(needle); pos >= 0; pos = find(needle, pos + needle.size())) ++n;
  return n;
}

List<Str>* Str::split(Str sep) const {
  if (sep.empty()) raise<ValueError>("empty separator");
  auto* pieces = make<List<Str>>();
  int64_t start = 0;
  for (int64_t pos = find(sep); pos >= 0; pos = find(sep, start)) {
    pieces->append(slice(start, pos));
    start = pos + sep.size();
  }
  pieces->append(slice(start, size()));
  return pieces;
}

List<Str>* Str::split_whitespace() const {
  auto* pieces = make<List<Str>>();
  int64_t i = 0;
  while (i < size()) {
    while (i < size() && is_space(data_->bytes[i])) ++i;
    int64_t start = i;
    while (i < size() && !is_space(data_->bytes[i])) ++i;
    if (i > start) pieces->append(slice(start, i));
  }
  return pieces;
}

Str Str::join(List<Str>* pieces) const {
  int64_t n = pieces->size();
  if (n == 0) return Str();
  if (n == 1) return pieces->get(0);
  int64_t total = size() * (n - 1);
  for (Str piece : *pieces) total += piece.size();
  detail::StrData* data = allocate(total);
  char* out = data->bytes;
  for (int64_t i = 0; i < n; ++i) {
    if (i > 0) {
      std::memcpy(out, data_->bytes, static_cast<size_t>(size()));
      out += size();
    }
    Str piece = pieces->get(i);
    std::memcpy(out, piece.data_->bytes, static_cast<size_t>(piece.size()));
    out += piece.size();
  }
  return Str(data);
}

Str Str::replace(Str old, Str replacement) const {
  if (old.empty()) raise<ValueError>("empty substring");
  if (find(old) < 0) return *this;
  return replacement.join(split(old));
}

Str Str::strip() const { return lstrip().rstrip(); }

Str Str::lstrip() const {
  int64_t i = 0;
  while (i < size() && is_space(data_->bytes[i])) ++i;
  return slice(i, size());
}

Str Str::rstrip() const {
  int64_t i = size();
  while (i > 0 && is_space(data_->bytes[i - 1])) --i;
  return slice(0, i);
}

Str Str::upper() const {
  detail::StrData* data = allocate(size());
  for (int64_t i = 0; i < size(); ++i) {
    char c = data_->bytes[i];
    data->bytes[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  }
  return Str(data);
}

Str Str::lower() const {
  detail::StrData* data = allocate(size());
  for (int64_t i = 0; i < size(); ++i) {
    char c = data_->bytes[i];
    data->bytes[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return Str(data);
}

Str Str::repeat(int64_t times) const {
  if (times <= 0 || empty()) return Str();
  int64_t total;
  if (__builtin_mul_overflow(size(), times, &total)) raise<MemoryError>("string too large");
  detail::StrData* data = allocate(total);
  for (int64_t i = 0; i < times; ++i)
    std::memcpy(data->bytes + i * size(), data_->bytes, static_cast<size_t>(size()));
  return Str(data);
}

Str Str::operator+(Str other) const {
  if (other.empty()) return *this;
  if (empty()) return other;
  detail::StrData* data = allocate(size() + other.size());
  std::memcpy(data->bytes, data_->bytes, static_cast<size_t>(size()));
  std::memcpy(data->bytes + size(), other.data_->bytes, static_cast<size_t>(other.size()));
  return Str(data);
}

int64_t Str::compare(Str other) const {
  int c = view().compare(other.view());
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

bool Str::operator==(Str other) const {
  if (data_ == other.data_) return true;
  if (size() != other.size()) return false;
  if (data_->hash && other.data_->hash && data_->hash != other.data_->hash) return false;
  return std::memcmp(data_->bytes, other.data_->bytes, static_cast<size_t>(size())) == 0;
}

int64_t Str::hash() const {
  if (data_->hash) return data_->hash;
  uint64_t h = 0xcbf29ce484222325ULL;
  for (int64_t i = 0; i < size(); ++i) {
    h ^= static_cast<unsigned char>(data_->bytes[i]);
    h *= 0x100000001b3ULL;
  }
  int64_t result = static_cast<int64_t>(h);
  if (result == 0) result = 1;
  data_->hash = result;
  return result;
}

int64_t Str::to_int(int64_t base) const {
  if (base < 2 || base > 36) raise<ValueError>("int base must be in 2..36");
  std::string_view text = strip().view();
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) raise<ValueError>(Str("invalid integer literal: '") + *this + "'");
  // Accumulate as a negative number so that INT64_MIN parses.
  int64_t value = 0;
  bool overflow = false;
  for (char c : text) {
    int64_t digit = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'z' ? c - 'a' + 10
                    : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                                           : 99;
    if (digit >= base) raise<ValueError>(Str("invalid integer literal: '") + *this + "'");
    if (__builtin_mul_overflow(value, base, &value) || __builtin_sub_overflow(value, digit, &value))
      overflow = true;
  }
  if (overflow || (!negative && value == INT64_MIN))
    raise<OverflowError>(Str("integer literal too large: '") + *this + "'");
  return negative ? value : -value;
}

double Str::to_double() const {
  std::string_view text = strip().view();
  std::string_view body = text;
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  auto lower_equals = [](std::string_view s, std::string_view word) {
    if (s.size() != word.size()) return false;
    for (size_t i = 0; i < s.size(); ++i)
      if ((s[i] | 0x20) != word[i]) return false;
    return true;
  };
  if (lower_equals(body, "inf") || lower_equals(body, "infinity"))
    return negative ? -HUGE_VAL : HUGE_VAL;
  if (lower_equals(body, "nan")) return negative ? -NAN : NAN;
  // What is left must be digits with an optional point and exponent. from_chars alone would
  // also take a second sign ("--5") and "nan(chars)", so the first byte is checked here.
  double value = 0;
  bool digits_seen = false;
  for (char c : body) {
    if (c >= '0' && c <= '9') digits_seen = true;
    if (c == 'e' || c == 'E') break;
  }
  bool starts_well = !body.empty() && ((body[0] >= '0' && body[0] <= '9') || body[0] == '.');
  auto result = std::from_chars(body.data(), body.data() + body.size(), value,
                                std::chars_format::general);
  if (!starts_well || !digits_seen || result.ec == std::errc::invalid_argument ||
      result.ptr != body.data() + body.size())
    raise<ValueError>(Str("invalid float literal: '") + *this + "'");
  if (result.ec == std::errc::result_out_of_range) {
    // Overflow becomes infinity and underflow zero, as strtod and Python do.
    value = std::strtod(std::string(body).c_str(), nullptr);
  }
  return negative ? -value : value;
}

// --- StrBuilder --------------------------------------------------------------------------------

StrBuilder::StrBuilder(int64_t size_hint) : buffer_(nullptr), size_(0), capacity_(0) {
  reserve(size_hint > 0 ? size_hint : 16);
}

void StrBuilder::reserve(int64_t needed) {
  if (needed <= capacity_) return;
  int64_t capacity = capacity_ ? capacity_ : 16;
  while (capacity < needed) {
    if (capacity > (INT64_MAX >> 3)) raise<MemoryError>("string too large");
    capacity *= 2;
  }
  auto* buffer = static_cast<char*>(gc::alloc_atomic(static_cast<size_t>(capacity)));
  if (size_) std::memcpy(buffer, buffer_, static_cast<size_t>(size_));
  buffer_ = buffer;
  capacity_ = capacity;
}

void StrBuilder::append(Str piece) {
  reserve(size_ + piece.size());
  std::memcpy(buffer_ + size_, piece.c_str(), static_cast<size_t>(piece.size()));
  size_ += piece.size();
}

void StrBuilder::append_char(char c) {
  reserve(size_ + 1);
  buffer_[size_++] = c;
}

Str StrBuilder::build() const { return Str::from_bytes(std::string_view(buffer_, size_)); }

}  // namespace rt
