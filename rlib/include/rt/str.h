// rt::Str and rt::StrBuilder.
//
// Decision (docs/rlib.md): Str is an immutable *value handle*. Copying a Str copies one pointer to
// shared, immutable, GC-allocated bytes, so Str is passed and stored by value and compared by
// content; it never needs an rt::make. Containers (List, Array, Dict), whose identity matters,
// are GC objects used through pointers.
//
// Bytes are arbitrary (UTF-8 by convention); every operation works on bytes. Indices and sizes
// are int64_t. Every operation is defined for every input: out-of-range indices raise
// rt::IndexError, malformed numbers rt::ValueError.
#pragma once

#include <cstdint>
#include <string_view>

#include "rt/library_ops.h"

namespace rt {

template <class T> class List;

namespace detail {
// GC-allocated string payload: immutable after construction except for the hash cache.
struct StrData {
  mutable int64_t hash;  // 0 until computed; a computed hash of 0 is stored as 1
  int64_t size;
  char bytes[1];         // `size` bytes followed by a NUL, for the externals
};
[[noreturn]] void throw_index_error(const char* what, int64_t index, int64_t size);
}  // namespace detail

class Str {
 public:
  RT_OP(str_literal) Str() : data_(empty_data()) {}
  // From a string literal or any NUL-terminated bytes (copied).
  RT_OP(str_literal) Str(const char* cstr);  // NOLINT(google-explicit-constructor): literals are RC++ constants
  static Str from_bytes(std::string_view bytes);
  RT_OP(str_from_char) static Str from_char(char c);

  // Formatting. from_double gives the shortest text that parses back to the same double, in the
  // style of Python's repr: "1.0", "0.1", "1e+16", "1.5e-05", "inf", "-inf", "nan", "-0.0".
  RT_OP(str_from_int) static Str from_int(int64_t value);
  RT_OP(str_from_double) static Str from_double(double value);

  RT_OP(str_len) int64_t size() const { return data_->size; }
  RT_OP(str_is_empty) bool empty() const { return data_->size == 0; }
  // The byte at `index` (0 <= index < size), raising IndexError otherwise.
  RT_OP(str_getitem) char at(int64_t index) const {
    if (static_cast<uint64_t>(index) >= static_cast<uint64_t>(data_->size))
      detail::throw_index_error("string index", index, data_->size);
    return data_->bytes[index];
  }
  RT_OP(str_getitem) char operator[](int64_t index) const { return at(index); }
  // The byte at `index` as an unsigned value 0..255.
  RT_OP(str_byte_at) int64_t byte_at(int64_t index) const { return static_cast<unsigned char>(at(index)); }

  // Bytes [start, stop), with both bounds clamped to [0, size]; empty when start >= stop.
  RT_OP(str_slice) Str slice(int64_t start, int64_t stop) const;
  RT_OP(str_slice_from) Str slice_from(int64_t start) const { return slice(start, size()); }
  // First index >= start where `needle` occurs, or -1. An empty needle is found at start
  // (when start <= size).
  RT_OP(str_find) int64_t find(Str needle, int64_t start = 0) const;
  // Last index where `needle` occurs, or -1.
  RT_OP(str_rfind) int64_t rfind(Str needle) const;
  RT_OP(str_contains) bool contains(Str needle) const { return find(needle) >= 0; }
  RT_OP(str_startswith) bool starts_with(Str prefix) const;
  RT_OP(str_endswith) bool ends_with(Str suffix) const;
  RT_OP(str_count) int64_t count(Str needle) const;  // non-overlapping occurrences; ValueError if needle empty

  // Splits on every occurrence of `sep` (ValueError if sep is empty): "a,,b" -> ["a","","b"].
  RT_OP(str_split) List<Str>* split(Str sep) const;
  // Splits on runs of ASCII whitespace, dropping empty pieces (Python's str.split()).
  RT_OP(str_split_whitespace) List<Str>* split_whitespace() const;
  // The pieces with this string between them.
  RT_OP(str_join) Str join(List<Str>* pieces) const;
  RT_OP(str_replace) Str replace(Str old, Str replacement) const;  // every non-overlapping occurrence
  RT_OP(str_strip) Str strip() const;                            // ASCII whitespace at both ends
  RT_OP(str_lstrip) Str lstrip() const;
  RT_OP(str_rstrip) Str rstrip() const;
  RT_OP(str_upper) Str upper() const;  // ASCII letters only
  RT_OP(str_lower) Str lower() const;
  RT_OP(str_repeat) Str repeat(int64_t times) const;  // empty when times <= 0

  RT_OP(str_concat) Str operator+(Str other) const;
  // Bytewise lexicographic comparison: negative, zero or positive.
  RT_OP(str_compare) int64_t compare(Str other) const;
  RT_OP(str_eq) bool operator==(Str other) const;
  RT_OP(str_ne) bool operator!=(Str other) const { return !(*this == other); }
  RT_OP(str_lt) bool operator<(Str other) const { return compare(other) < 0; }
  RT_OP(str_le) bool operator<=(Str other) const { return compare(other) <= 0; }
  RT_OP(str_gt) bool operator>(Str other) const { return compare(other) > 0; }
  RT_OP(str_ge) bool operator>=(Str other) const { return compare(other) >= 0; }

  // A content hash, the same in every mode and every run (FNV-1a, 64-bit), cached.
  RT_OP(str_hash) int64_t hash() const;

  // Parsing. to_int accepts optional ASCII whitespace around an optional sign and digits of
  // `base` (2..36), with no prefix; ValueError when malformed, OverflowError when the value does
  // not fit in int64_t. to_double accepts what from_double prints plus the usual decimal and
  // exponent forms ("1", ".5", "1e3", "inf", "nan", with optional sign and surrounding spaces);
  // ValueError otherwise.
  RT_OP(str_to_int) int64_t to_int(int64_t base = 10) const;
  RT_OP(str_to_double) double to_double() const;

  // For the rt library and externals only (not RC++): the bytes, NUL-terminated.
  std::string_view view() const { return {data_->bytes, static_cast<size_t>(data_->size)}; }
  const char* c_str() const { return data_->bytes; }

 private:
  explicit Str(detail::StrData* data) : data_(data) {}
  static detail::StrData* empty_data();
  static detail::StrData* allocate(int64_t size);
  friend class StrBuilder;

  detail::StrData* data_;
};

// Builds a string piece by piece in amortised linear time. A value type; build() copies the
// bytes out, so the builder can go on growing afterwards.
class StrBuilder {
 public:
  RT_OP(strbuilder_new) explicit StrBuilder(int64_t size_hint = 16);
  StrBuilder(const StrBuilder&) = delete;
  StrBuilder& operator=(const StrBuilder&) = delete;

  RT_OP(strbuilder_append) void append(Str piece);
  RT_OP(strbuilder_append_char) void append_char(char c);
  RT_OP(strbuilder_append_int) void append_int(int64_t value) { append(Str::from_int(value)); }
  RT_OP(strbuilder_append_double) void append_double(double value) { append(Str::from_double(value)); }
  RT_OP(strbuilder_len) int64_t size() const { return size_; }
  RT_OP(strbuilder_build) Str build() const;
  RT_OP(strbuilder_clear) void clear() { size_ = 0; }

 private:
  void reserve(int64_t needed);
  char* buffer_;
  int64_t size_;
  int64_t capacity_;
};

}  // namespace rt
