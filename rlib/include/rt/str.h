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
  Str() : data_(empty_data()) {}
  // From a string literal or any NUL-terminated bytes (copied).
  Str(const char* cstr);  // NOLINT(google-explicit-constructor): literals are RC++ constants
  static Str from_bytes(std::string_view bytes);
  static Str from_char(char c);

  // Formatting. from_double gives the shortest text that parses back to the same double, in the
  // style of Python's repr: "1.0", "0.1", "1e+16", "1.5e-05", "inf", "-inf", "nan", "-0.0".
  static Str from_int(int64_t value);
  static Str from_double(double value);

  int64_t size() const { return data_->size; }
  bool empty() const { return data_->size == 0; }
  // The byte at `index` (0 <= index < size), raising IndexError otherwise.
  char at(int64_t index) const {
    if (static_cast<uint64_t>(index) >= static_cast<uint64_t>(data_->size))
      detail::throw_index_error("string index", index, data_->size);
    return data_->bytes[index];
  }
  char operator[](int64_t index) const { return at(index); }
  // The byte at `index` as an unsigned value 0..255.
  int64_t byte_at(int64_t index) const { return static_cast<unsigned char>(at(index)); }

  // Bytes [start, stop), with both bounds clamped to [0, size]; empty when start >= stop.
  Str slice(int64_t start, int64_t stop) const;
  Str slice_from(int64_t start) const { return slice(start, size()); }
  // First index >= start where `needle` occurs, or -1. An empty needle is found at start
  // (when start <= size).
  int64_t find(Str needle, int64_t start = 0) const;
  // Last index where `needle` occurs, or -1.
  int64_t rfind(Str needle) const;
  bool contains(Str needle) const { return find(needle) >= 0; }
  bool starts_with(Str prefix) const;
  bool ends_with(Str suffix) const;
  int64_t count(Str needle) const;  // non-overlapping occurrences; ValueError if needle empty

  // Splits on every occurrence of `sep` (ValueError if sep is empty): "a,,b" -> ["a","","b"].
  List<Str>* split(Str sep) const;
  // Splits on runs of ASCII whitespace, dropping empty pieces (Python's str.split()).
  List<Str>* split_whitespace() const;
  // The pieces with this string between them.
  Str join(List<Str>* pieces) const;
  Str replace(Str old, Str replacement) const;  // every non-overlapping occurrence
  Str strip() const;                            // ASCII whitespace at both ends
  Str lstrip() const;
  Str rstrip() const;
  Str upper() const;  // ASCII letters only
  Str lower() const;
  Str repeat(int64_t times) const;  // empty when times <= 0

  Str operator+(Str other) const;
  // Bytewise lexicographic comparison: negative, zero or positive.
  int64_t compare(Str other) const;
  bool operator==(Str other) const;
  bool operator!=(Str other) const { return !(*this == other); }
  bool operator<(Str other) const { return compare(other) < 0; }
  bool operator<=(Str other) const { return compare(other) <= 0; }
  bool operator>(Str other) const { return compare(other) > 0; }
  bool operator>=(Str other) const { return compare(other) >= 0; }

  // A content hash, the same in every mode and every run (FNV-1a, 64-bit), cached.
  int64_t hash() const;

  // Parsing. to_int accepts optional ASCII whitespace around an optional sign and digits of
  // `base` (2..36), with no prefix; ValueError when malformed, OverflowError when the value does
  // not fit in int64_t. to_double accepts what from_double prints plus the usual decimal and
  // exponent forms ("1", ".5", "1e3", "inf", "nan", with optional sign and surrounding spaces);
  // ValueError otherwise.
  int64_t to_int(int64_t base = 10) const;
  double to_double() const;

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
  explicit StrBuilder(int64_t size_hint = 16);
  StrBuilder(const StrBuilder&) = delete;
  StrBuilder& operator=(const StrBuilder&) = delete;

  void append(Str piece);
  void append_char(char c);
  void append_int(int64_t value) { append(Str::from_int(value)); }
  void append_double(double value) { append(Str::from_double(value)); }
  int64_t size() const { return size_; }
  Str build() const;
  void clear() { size_ = 0; }

 private:
  void reserve(int64_t needed);
  char* buffer_;
  int64_t size_;
  int64_t capacity_;
};

}  // namespace rt
