// Lists and arrays: one helper per list_* operation of ops.def (and the array_* operations that
// are not primitives), over the erased item type E (docs/lowlevel.md). Each behaves exactly as
// the rt::List / rt::Array member of the same operation (rlib/include/rt/list.h).
#pragma once

#include "common.h"

namespace rtll {

// rt::List<T>: `length` items of `items`, whose size is the capacity (null while it is 0).
// Items past `length` are E() so the collector keeps nothing alive through them.
template <class E>
class List : public rt::Object {
 public:
  int64_t length = 0;
  rt::Array<E>* items = nullptr;
};

namespace detail {

// Item equality of list_index_of / list_contains: operator== of the item, by content for
// strings (as rt::List<rt::Str> compares).
template <class E>
bool item_eq(E a, E b) {
  return a == b;
}
bool item_eq(Bytes* a, Bytes* b);

template <class E>
int64_t capacity(List<E>* l) {
  if (l->items == nullptr) return 0;
  return l->items->size();
}

// Growth policy (rt::List's, so that capacities and the MemoryError limit agree): room for
// `needed` items plus 1/8 and a constant (3 below 9 items, else 6), as CPython's lists; amortised
// O(1) append and at most 1/8 + 6 items of waste.
template <class E>
void grow(List<E>* l, int64_t needed) {
  if (needed > (INT64_MAX >> 4)) throw rt::make<rt::MemoryError>("list too large");
  int64_t capacity = needed + (needed >> 3) + (needed < 9 ? 3 : 6);
  if (capacity > (INT64_MAX >> 4)) capacity = INT64_MAX >> 4;
  rt::Array<E>* items = rt::make<rt::Array<E>>(capacity, E());
  for (int64_t i = 0; i < l->length; ++i) items->set(i, l->items->get(i));
  l->items = items;
}

}  // namespace detail

template <class E>
RT_LL_HELPER void list_resize(List<E>* l, int64_t count, E fill);

template <class E>
RT_LL_HELPER List<E>* list_new() {
  return rt::make<List<E>>();
}

template <class E>
RT_LL_HELPER List<E>* list_new_filled(int64_t count, E fill) {
  if (count < 0) throw rt::make<rt::ValueError>("negative list size");
  List<E>* l = rt::make<List<E>>();
  list_resize<E>(l, count, fill);
  return l;
}

template <class E>
RT_LL_HELPER int64_t list_len(List<E>* l) {
  return l->length;
}

template <class E>
RT_LL_HELPER bool list_is_empty(List<E>* l) {
  return l->length == 0;
}

template <class E>
RT_LL_HELPER E list_getitem(List<E>* l, int64_t index) {
  detail::check_index("list index", index, l->length);
  return l->items->get(index);
}

template <class E>
RT_LL_HELPER void list_setitem(List<E>* l, int64_t index, E value) {
  detail::check_index("list assignment index", index, l->length);
  l->items->set(index, value);
}

template <class E>
RT_LL_HELPER void list_append(List<E>* l, E value) {
  if (l->length == detail::capacity<E>(l)) detail::grow<E>(l, l->length + 1);
  l->items->set(l->length, value);
  l->length = l->length + 1;
}

template <class E>
RT_LL_HELPER E list_pop(List<E>* l) {
  if (l->length == 0) throw rt::make<rt::IndexError>("pop from empty list");
  l->length = l->length - 1;
  E value = l->items->get(l->length);
  l->items->set(l->length, E());
  return value;
}

template <class E>
RT_LL_HELPER E list_pop_at(List<E>* l, int64_t index) {
  detail::check_index("pop index", index, l->length);
  E value = l->items->get(index);
  for (int64_t i = index + 1; i < l->length; ++i) l->items->set(i - 1, l->items->get(i));
  l->length = l->length - 1;
  l->items->set(l->length, E());
  return value;
}

template <class E>
RT_LL_HELPER void list_insert(List<E>* l, int64_t index, E value) {
  if (index != l->length) detail::check_index("insert index", index, l->length);
  if (l->length == detail::capacity<E>(l)) detail::grow<E>(l, l->length + 1);
  for (int64_t i = l->length; i > index; --i) l->items->set(i, l->items->get(i - 1));
  l->items->set(index, value);
  l->length = l->length + 1;
}

template <class E>
RT_LL_HELPER void list_extend(List<E>* l, List<E>* other) {
  int64_t n = other->length;  // read first: `other` may be `l`
  if (l->length + n > detail::capacity<E>(l)) detail::grow<E>(l, l->length + n);
  for (int64_t i = 0; i < n; ++i) l->items->set(l->length + i, other->items->get(i));
  l->length = l->length + n;
}

template <class E>
RT_LL_HELPER void list_resize(List<E>* l, int64_t count, E fill) {
  if (count < 0) throw rt::make<rt::ValueError>("negative list size");
  if (count > detail::capacity<E>(l)) detail::grow<E>(l, count);
  for (int64_t i = l->length; i < count; ++i) l->items->set(i, fill);
  for (int64_t i = count; i < l->length; ++i) l->items->set(i, E());
  l->length = count;
}

template <class E>
RT_LL_HELPER void list_clear(List<E>* l) {
  list_resize<E>(l, 0, E());
}

template <class E>
RT_LL_HELPER void list_reverse(List<E>* l) {
  int64_t j = l->length - 1;
  for (int64_t i = 0; i < j; ++i) {
    E tmp = l->items->get(i);
    l->items->set(i, l->items->get(j));
    l->items->set(j, tmp);
    j = j - 1;
  }
}

template <class E>
RT_LL_HELPER int64_t list_index_of(List<E>* l, E value) {
  for (int64_t i = 0; i < l->length; ++i)
    if (detail::item_eq(l->items->get(i), value)) return i;
  return -1;
}

template <class E>
RT_LL_HELPER bool list_contains(List<E>* l, E value) {
  return list_index_of<E>(l, value) >= 0;
}

template <class E>
RT_LL_HELPER List<E>* list_slice(List<E>* l, int64_t start, int64_t stop) {
  if (start < 0) start = 0;
  if (stop > l->length) stop = l->length;
  List<E>* result = rt::make<List<E>>();
  if (start < stop) {
    detail::grow<E>(result, stop - start);
    for (int64_t i = start; i < stop; ++i) result->items->set(i - start, l->items->get(i));
    result->length = stop - start;
  }
  return result;
}

template <class E>
RT_LL_HELPER List<E>* list_copy(List<E>* l) {
  return list_slice<E>(l, 0, l->length);
}

// Arrays are the low level's own GC arrays: array_new, array_len, array_getitem and
// array_setitem are the primitives these helpers are written in (the rtyper lowers them inline);
// the two operations with a loop are helpers.
template <class E>
RT_LL_HELPER void array_fill(rt::Array<E>* a, E value) {
  for (int64_t i = 0; i < a->size(); ++i) a->set(i, value);
}

template <class E>
RT_LL_HELPER rt::Array<E>* array_from_list(List<E>* l) {
  rt::Array<E>* a = rt::make<rt::Array<E>>(l->length, E());
  for (int64_t i = 0; i < l->length; ++i) a->set(i, l->items->get(i));
  return a;
}

}  // namespace rtll
