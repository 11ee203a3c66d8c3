// rt::Dict<K, V, Traits>: an insertion-ordered hash map, a GC object used through a pointer.
//
// Iteration visits entries in insertion order; deleting a key keeps the order of the others, and
// re-inserting a deleted key puts it last. Keys are hashed by Traits:
//   - integers, bool and enums by value, rt::Str by content, pointers by identity (defaults);
//   - any other key, or another notion of equality, through a user traits class:
//       struct ByValue { static int64_t hash(Value* v); static bool equal(Value* a, Value* b); };
//       rt::Dict<Value*, Value*, ByValue>
//
// Layout (as CPython's compact dict): entries are appended to dense arrays in insertion order and
// an open-addressing index table maps hashes to entry numbers. Deletion leaves a hole in the
// entries and a tombstone in the index; both are compacted when the table is rebuilt.
#pragma once

#include <cstdint>
#include <type_traits>

#include "rt/exceptions.h"
#include "rt/list.h"
#include "rt/object.h"
#include "rt/str.h"

RT_LIBRARY_CODE_BEGIN
namespace rt {

template <class K, class Enable = void>
struct DefaultKeyTraits;

template <class K>
struct DefaultKeyTraits<K, std::enable_if_t<std::is_integral_v<K> || std::is_enum_v<K>>> {
  static int64_t hash(K key) { return static_cast<int64_t>(key); }
  static bool equal(K a, K b) { return a == b; }
};
template <>
struct DefaultKeyTraits<Str> {
  static int64_t hash(Str key) { return key.hash(); }
  static bool equal(Str a, Str b) { return a == b; }
};
template <class P>
struct DefaultKeyTraits<P*> {
  // Identity. Boehm never moves objects, so the address is a stable identity hash.
  static int64_t hash(P* key) { return static_cast<int64_t>(reinterpret_cast<uintptr_t>(key) >> 4); }
  static bool equal(P* a, P* b) { return a == b; }
};

template <class K, class V>
struct DictItem {
  RT_OP(dictiter_key) K key;
  RT_OP(dictiter_value) V value;
};

namespace detail {
[[noreturn]] void throw_key_error();
[[noreturn]] void throw_dict_changed();
// Spreads the bits of a user hash so that sequential integers do not cluster.
inline uint64_t mix_hash(int64_t h) {
  uint64_t x = static_cast<uint64_t>(h);
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}
}  // namespace detail

template <class K, class V, class Traits = DefaultKeyTraits<K>>
class Dict : public Object {
  static_assert(std::is_trivially_copyable_v<K> && std::is_trivially_copyable_v<V>,
                "rt::Dict: keys and values must be RC++ values");

 public:
  RT_OP(dict_new) Dict() = default;

  RT_OP(dict_len) int64_t size() const { return live_; }
  RT_OP(dict_is_empty) bool empty() const { return live_ == 0; }
  RT_OP(dict_contains) bool contains(K key) const { return find_entry(key) >= 0; }
  // The value of `key`; KeyError when absent.
  RT_OP(dict_getitem) V get(K key) const {
    int64_t e = find_entry(key);
    if (e < 0) detail::throw_key_error();
    return values_[e];
  }
  RT_OP(dict_get_or) V get_or(K key, V fallback) const {
    int64_t e = find_entry(key);
    return e < 0 ? fallback : values_[e];
  }
  // Inserts or overwrites; an overwritten key keeps its place in the order.
  RT_OP(dict_setitem) void set(K key, V value) {
    uint64_t h = detail::mix_hash(Traits::hash(key));
    int64_t e = find_entry_hashed(key, h);
    if (e >= 0) {
      values_[e] = value;
      return;
    }
    if ((used_ + 1) * 3 >= table_size_ * 2) rebuild(live_ + 1);
    e = used_++;
    keys_[e] = key;
    values_[e] = value;
    hashes_[e] = h;
    alive_[e] = true;
    insert_index(h, e);
    ++live_;
    ++version_;
  }
  // Removes `key` and returns its value; KeyError when absent.
  RT_OP(dict_pop) V pop(K key) {
    int64_t e = find_entry(key);
    if (e < 0) detail::throw_key_error();
    V value = values_[e];
    erase_entry(e);
    return value;
  }
  RT_OP(dict_delitem) void remove(K key) { pop(key); }
  // Removes `key` if present; tells whether it was.
  RT_OP(dict_discard) bool discard(K key) {
    int64_t e = find_entry(key);
    if (e < 0) return false;
    erase_entry(e);
    return true;
  }
  RT_OP(dict_clear) void clear() {
    keys_ = nullptr;
    values_ = nullptr;
    hashes_ = nullptr;
    alive_ = nullptr;
    index_ = nullptr;
    used_ = live_ = table_size_ = 0;
    ++version_;
  }
  RT_OP(dict_keys) List<K>* keys() const {
    List<K>* result = make<List<K>>();
    for (int64_t e = 0; e < used_; ++e)
      if (alive_[e]) result->append(keys_[e]);
    return result;
  }
  RT_OP(dict_values) List<V>* values() const {
    List<V>* result = make<List<V>>();
    for (int64_t e = 0; e < used_; ++e)
      if (alive_[e]) result->append(values_[e]);
    return result;
  }
  RT_OP(dict_copy) Dict<K, V, Traits>* copy() const {
    auto* result = make<Dict<K, V, Traits>>();
    for (int64_t e = 0; e < used_; ++e)
      if (alive_[e]) result->set(keys_[e], values_[e]);
    return result;
  }

  // Range-for yields DictItem{key, value} in insertion order. Inserting or removing keys during
  // the loop raises rt::RuntimeError at the next step; overwriting values is allowed.
  class Iterator {
   public:
    RT_OP(range_for) Iterator(const Dict* dict, int64_t entry) : dict_(dict), entry_(entry), version_(dict->version_) {
      skip_dead();
    }
    RT_OP(range_for) DictItem<K, V> operator*() const { return {dict_->keys_[entry_], dict_->values_[entry_]}; }
    RT_OP(range_for) Iterator& operator++() {
      if (version_ != dict_->version_) detail::throw_dict_changed();
      ++entry_;
      skip_dead();
      return *this;
    }
    RT_OP(range_for) bool operator!=(const Iterator&) const {
      if (version_ != dict_->version_) detail::throw_dict_changed();
      return entry_ < dict_->used_;
    }

   private:
    void skip_dead() {
      while (entry_ < dict_->used_ && !dict_->alive_[entry_]) ++entry_;
    }
    const Dict* dict_;
    int64_t entry_;
    uint64_t version_;
  };
  RT_OP(range_for) Iterator begin() const { return Iterator(this, 0); }
  RT_OP(range_for) Iterator end() const { return Iterator(this, used_); }

 private:
  static constexpr int64_t kEmpty = -1;
  static constexpr int64_t kDeleted = -2;

  int64_t find_entry(K key) const {
    if (live_ == 0) return -1;
    return find_entry_hashed(key, detail::mix_hash(Traits::hash(key)));
  }
  // The probe sequence of the index, as CPython's (perturbed linear congruential): once
  // `perturb` has shifted down to 0 it is slot * 5 + 1 modulo a power of two, which visits every
  // slot, so a probe always ends at an empty slot. Lookup, insertion and deletion must all walk
  // this one sequence.
  static uint64_t next_slot(uint64_t slot, uint64_t& perturb, uint64_t mask) {
    perturb >>= 5;
    return (slot * 5 + 1 + perturb) & mask;
  }
  int64_t find_entry_hashed(K key, uint64_t h) const {
    if (table_size_ == 0) return -1;
    uint64_t mask = static_cast<uint64_t>(table_size_ - 1);
    uint64_t perturb = h;
    for (uint64_t slot = h & mask;; slot = next_slot(slot, perturb, mask)) {
      int64_t e = index_[slot];
      if (e == kEmpty) return -1;
      if (e != kDeleted && hashes_[e] == h && Traits::equal(keys_[e], key)) return e;
    }
  }
  // Puts `entry` in the first free (empty or deleted) slot of its probe sequence.
  void insert_index(uint64_t h, int64_t entry) {
    uint64_t mask = static_cast<uint64_t>(table_size_ - 1);
    uint64_t perturb = h;
    uint64_t slot = h & mask;
    while (index_[slot] >= 0) slot = next_slot(slot, perturb, mask);
    index_[slot] = entry;
  }
  void erase_entry(int64_t e) {
    uint64_t h = hashes_[e];
    uint64_t mask = static_cast<uint64_t>(table_size_ - 1);
    uint64_t perturb = h;
    uint64_t slot = h & mask;
    while (index_[slot] != e) slot = next_slot(slot, perturb, mask);
    index_[slot] = kDeleted;
    alive_[e] = false;
    keys_[e] = K();
    values_[e] = V();
    --live_;
    ++version_;
  }
  // Compacts the live entries, in order, into arrays sized for `needed` live entries.
  void rebuild(int64_t needed) {
    int64_t table_size = 8;
    while (needed * 3 >= table_size * 2) table_size *= 2;
    int64_t capacity = table_size * 2 / 3 + 1;
    K* keys = alloc_items<K>(capacity);
    V* values = alloc_items<V>(capacity);
    uint64_t* hashes = alloc_items<uint64_t>(capacity);
    bool* alive = alloc_items<bool>(capacity);
    int64_t* index = alloc_items<int64_t>(table_size);
    for (int64_t i = 0; i < capacity; ++i) {
      keys[i] = K();
      values[i] = V();
      alive[i] = false;
    }
    for (int64_t i = 0; i < table_size; ++i) index[i] = kEmpty;
    int64_t n = 0;
    for (int64_t e = 0; e < used_; ++e) {
      if (!alive_[e]) continue;
      keys[n] = keys_[e];
      values[n] = values_[e];
      hashes[n] = hashes_[e];
      alive[n] = true;
      ++n;
    }
    keys_ = keys;
    values_ = values;
    hashes_ = hashes;
    alive_ = alive;
    index_ = index;
    table_size_ = table_size;
    used_ = n;
    for (int64_t e = 0; e < n; ++e) insert_index(hashes_[e], e);
    ++version_;
  }

  K* keys_ = nullptr;
  V* values_ = nullptr;
  uint64_t* hashes_ = nullptr;
  bool* alive_ = nullptr;
  int64_t* index_ = nullptr;  // table_size_ slots: entry number, kEmpty or kDeleted
  int64_t used_ = 0;          // entries appended since the last rebuild (live or dead)
  int64_t live_ = 0;
  int64_t table_size_ = 0;    // a power of two, or 0 before the first insertion
  uint64_t version_ = 0;      // bumped by every insertion or removal of a key
};

}  // namespace rt
RT_LIBRARY_CODE_END
