// rt::List<T> (resizable) and rt::Array<T> (fixed size): GC objects used through pointers.
//
//   rt::List<int64_t>* xs = rt::make<rt::List<int64_t>>();
//   xs->append(3);
//   for (int64_t x : *xs) ...
//
// Indices are int64_t; an index outside [0, size) raises rt::IndexError (no negative-index
// wrap-around: that is the interpreted language's business). Range-for reads the size afresh at
// every step, so it behaves like an index loop: items appended during the loop are visited and
// items removed are not.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "rt/exceptions.h"
#include "rt/object.h"

RT_LIBRARY_CODE_BEGIN
namespace rt {

namespace detail {
// Iterator shared by List and Array: an index into a container that re-checks the size.
template <class Container, class T>
class IndexIterator {
 public:
  RT_OP(range_for) IndexIterator(Container* container, int64_t index) : container_(container), index_(index) {}
  RT_OP(range_for) T operator*() const { return container_->get(index_); }
  RT_OP(range_for) IndexIterator& operator++() {
    ++index_;
    return *this;
  }
  RT_OP(range_for) bool operator!=(const IndexIterator&) const { return index_ < container_->size(); }

 private:
  Container* container_;
  int64_t index_;
};

// IndexError("<message>") with nothing appended (for errors that have no index).
[[noreturn]] void throw_index_error_message(const char* message);
inline void check_index(const char* what, int64_t index, int64_t size) {
  if (static_cast<uint64_t>(index) >= static_cast<uint64_t>(size))
    throw_index_error(what, index, size);
}
[[noreturn]] void throw_value_error(const char* message);
}  // namespace detail

template <class T>
class List : public Object {
  static_assert(std::is_trivially_copyable_v<T>,
                "rt::List<T>: T must be an RC++ value (integer, double, bool, pointer, Str)");

 public:
  RT_OP(list_new) List() = default;
  // `count` copies of `fill`; ValueError if count < 0.
  RT_OP(list_new_filled) explicit List(int64_t count, T fill = T()) {
    if (count < 0) detail::throw_value_error("negative list size");
    resize(count, fill);
  }

  RT_OP(list_len) int64_t size() const { return size_; }
  RT_OP(list_is_empty) bool empty() const { return size_ == 0; }
  RT_OP(list_getitem) T get(int64_t index) const {
    detail::check_index("list index", index, size_);
    return items_[index];
  }
  RT_OP(list_setitem) void set(int64_t index, T value) {
    detail::check_index("list assignment index", index, size_);
    items_[index] = value;
  }
  RT_OP(list_append) void append(T value) {
    if (size_ == capacity_) grow(size_ + 1);
    items_[size_++] = value;
  }
  // Removes and returns the last item; IndexError when empty.
  RT_OP(list_pop) T pop() {
    if (size_ == 0) detail::throw_index_error_message("pop from empty list");
    T value = items_[--size_];
    items_[size_] = T();  // drop the reference for the collector
    return value;
  }
  // Removes and returns the item at `index`, shifting later items down.
  RT_OP(list_pop_at) T pop_at(int64_t index) {
    detail::check_index("pop index", index, size_);
    T value = items_[index];
    std::memmove(static_cast<void*>(items_ + index), items_ + index + 1,
                 sizeof(T) * (size_ - index - 1));
    items_[--size_] = T();
    return value;
  }
  // Inserts before `index`; 0 <= index <= size, IndexError otherwise.
  RT_OP(list_insert) void insert(int64_t index, T value) {
    if (index != size_) detail::check_index("insert index", index, size_);
    if (size_ == capacity_) grow(size_ + 1);
    std::memmove(static_cast<void*>(items_ + index + 1), items_ + index, sizeof(T) * (size_ - index));
    items_[index] = value;
    ++size_;
  }
  RT_OP(list_extend) void extend(const List<T>* other) {
    int64_t n = other->size_;  // read first: `other` may be this list
    if (size_ + n > capacity_) grow(size_ + n);
    for (int64_t i = 0; i < n; ++i) items_[size_ + i] = other->items_[i];
    size_ += n;
  }
  // Sets the size; new items are `fill`. ValueError if count < 0.
  RT_OP(list_resize) void resize(int64_t count, T fill = T()) {
    if (count < 0) detail::throw_value_error("negative list size");
    if (count > capacity_) grow(count);
    for (int64_t i = size_; i < count; ++i) items_[i] = fill;
    for (int64_t i = count; i < size_; ++i) items_[i] = T();
    size_ = count;
  }
  RT_OP(list_clear) void clear() { resize(0); }
  RT_OP(list_reverse) void reverse() {
    for (int64_t i = 0, j = size_ - 1; i < j; ++i, --j) {
      T tmp = items_[i];
      items_[i] = items_[j];
      items_[j] = tmp;
    }
  }
  // Index of the first item equal to `value` (operator==), or -1.
  RT_OP(list_index_of) int64_t index_of(T value) const {
    for (int64_t i = 0; i < size_; ++i)
      if (items_[i] == value) return i;
    return -1;
  }
  RT_OP(list_contains) bool contains(T value) const { return index_of(value) >= 0; }
  // Items [start, stop) clamped to [0, size], as a new list.
  RT_OP(list_slice) List<T>* slice(int64_t start, int64_t stop) const {
    if (start < 0) start = 0;
    if (stop > size_) stop = size_;
    List<T>* result = make<List<T>>();
    if (start < stop) {
      result->grow(stop - start);
      for (int64_t i = start; i < stop; ++i) result->items_[i - start] = items_[i];
      result->size_ = stop - start;
    }
    return result;
  }
  RT_OP(list_copy) List<T>* copy() const { return slice(0, size_); }

  RT_OP(range_for) detail::IndexIterator<const List<T>, T> begin() const { return {this, 0}; }
  RT_OP(range_for) detail::IndexIterator<const List<T>, T> end() const { return {this, 0}; }

 private:
  void grow(int64_t needed) {
    // Over-allocate by 1/8 plus a constant, as CPython does: amortised O(1) append without
    // wasting much on large lists.
    int64_t capacity = needed + (needed >> 3) + (needed < 9 ? 3 : 6);
    if (needed > (INT64_MAX >> 4)) throw make<MemoryError>("list too large");
    T* items = alloc_items<T>(static_cast<size_t>(capacity));
    for (int64_t i = 0; i < size_; ++i) items[i] = items_[i];
    for (int64_t i = size_; i < capacity; ++i) items[i] = T();
    items_ = items;
    capacity_ = capacity;
  }

  T* items_ = nullptr;
  int64_t size_ = 0;
  int64_t capacity_ = 0;
};

template <class T>
class Array : public Object {
  static_assert(std::is_trivially_copyable_v<T>,
                "rt::Array<T>: T must be an RC++ value (integer, double, bool, pointer, Str)");

 public:
  // `count` copies of `fill`; ValueError if count < 0.
  RT_OP(array_new) explicit Array(int64_t count, T fill = T()) : size_(count) {
    if (count < 0) detail::throw_value_error("negative array size");
    if (count > (INT64_MAX >> 4)) throw make<MemoryError>("array too large");
    items_ = alloc_items<T>(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) items_[i] = fill;
  }
  // A fixed-size copy of a list's items.
  RT_OP(array_from_list) static Array<T>* from_list(const List<T>* list) {
    Array<T>* array = make<Array<T>>(list->size());
    for (int64_t i = 0; i < list->size(); ++i) array->items_[i] = list->get(i);
    return array;
  }

  RT_OP(array_len) int64_t size() const { return size_; }
  RT_OP(array_getitem) T get(int64_t index) const {
    detail::check_index("array index", index, size_);
    return items_[index];
  }
  RT_OP(array_setitem) void set(int64_t index, T value) {
    detail::check_index("array assignment index", index, size_);
    items_[index] = value;
  }
  RT_OP(array_fill) void fill(T value) {
    for (int64_t i = 0; i < size_; ++i) items_[i] = value;
  }

  RT_OP(range_for) detail::IndexIterator<const Array<T>, T> begin() const { return {this, 0}; }
  RT_OP(range_for) detail::IndexIterator<const Array<T>, T> end() const { return {this, 0}; }

 private:
  T* items_;
  const int64_t size_;
};

}  // namespace rt
RT_LIBRARY_CODE_END
