// Dicts: one helper per dict_* / dictiter_* operation of ops.def, over the erased key and value
// types EK, EV and a key policy Keys (docs/lowlevel.md). Each behaves exactly as the rt::Dict
// member of the same operation (rlib/include/rt/dict.h): insertion order, KeyError, the
// RuntimeError of a change during iteration, and the order of the calls of user key traits.
#pragma once

#include "common.h"
#include "list.h"
#include "str.h"

namespace rtll {

// --- Key policies: hash and equality of the erased key type. -----------------------------------
// Each takes the dict's user functions (null except for FnKeys) so that one dict layout serves
// every policy.

// Integers and bool by value.
template <class K>
struct IntKeys {
  static int64_t hash(int64_t (*)(K), K key) { return static_cast<int64_t>(key); }
  static bool equal(bool (*)(K, K), K a, K b) { return a == b; }
};

// Strings by content (rt::Str::hash's value).
struct StrKeys {
  static int64_t hash(int64_t (*)(Bytes*), Bytes* key) { return str_hash(key); }
  static bool equal(bool (*)(Bytes*, Bytes*), Bytes* a, Bytes* b) { return str_eq(a, b); }
};

// GC references by identity.
struct RefKeys {
  static int64_t hash(int64_t (*)(rt::Object*), rt::Object* key) { return rt::gc::identity_hash(key); }
  static bool equal(bool (*)(rt::Object*, rt::Object*), rt::Object* a, rt::Object* b) { return a == b; }
};

// The program's key traits: its hash and equal, as functions over the erased key (the rtyper
// makes adapters that cast the key back), stored in the dict by dict_new.
struct FnKeys {
  static int64_t hash(int64_t (*user_hash)(rt::Object*), rt::Object* key) { return user_hash(key); }
  static bool equal(bool (*user_equal)(rt::Object*, rt::Object*), rt::Object* a, rt::Object* b) {
    return user_equal(a, b);
  }
};

// rt::Dict's compact layout: entries appended in insertion order to keys/values/hashes/alive
// (`used` of them, `live` alive), an open-addressing index of `table_size` slots (a power of
// two, 0 before the first insertion) holding entry numbers, kEmpty or kDeleted. `version`
// changes at every insertion or removal of a key, which is what iteration checks.
template <class EK, class EV, class Keys>
class Dict : public rt::Object {
 public:
  rt::Array<EK>* keys = nullptr;
  rt::Array<EV>* values = nullptr;
  rt::Array<uint64_t>* hashes = nullptr;
  rt::Array<bool>* alive = nullptr;
  rt::Array<int64_t>* index = nullptr;
  int64_t used = 0;
  int64_t live = 0;
  int64_t table_size = 0;
  uint64_t version = 0;
  int64_t (*user_hash)(EK) = nullptr;
  bool (*user_equal)(EK, EK) = nullptr;
};

// A range-for over a dict (rt::Dict::Iterator): the current entry, and the dict's version when
// the iteration began.
template <class EK, class EV, class Keys>
class DictIter : public rt::Object {
 public:
  Dict<EK, EV, Keys>* dict = nullptr;
  int64_t entry = 0;
  uint64_t version = 0;
  bool started = false;
};

namespace detail {

constexpr int64_t kEmpty = -1;
constexpr int64_t kDeleted = -2;

// rt::detail::mix_hash: spreads a user hash so that sequential integers do not cluster.
inline uint64_t mix_hash(int64_t h) {
  uint64_t x = static_cast<uint64_t>(h);
  x = x ^ (x >> 33);
  x = x * 0xff51afd7ed558ccdU;
  x = x ^ (x >> 33);
  return x;
}

template <class EK, class EV, class Keys>
uint64_t key_hash(Dict<EK, EV, Keys>* d, EK key) {
  return mix_hash(Keys::hash(d->user_hash, key));
}

// The probe sequence of the index (rt::Dict's, CPython's): once `perturb` has shifted down to 0
// it is slot * 5 + 1 modulo a power of two, which visits every slot. Lookup, insertion and
// deletion all walk it.
template <class EK, class EV, class Keys>
int64_t find_entry_hashed(Dict<EK, EV, Keys>* d, EK key, uint64_t h) {
  if (d->table_size == 0) return -1;
  uint64_t mask = static_cast<uint64_t>(d->table_size - 1);
  uint64_t perturb = h;
  uint64_t slot = h & mask;
  while (true) {
    int64_t e = d->index->get(static_cast<int64_t>(slot));
    if (e == kEmpty) return -1;
    if (e != kDeleted && d->hashes->get(e) == h && Keys::equal(d->user_equal, d->keys->get(e), key)) return e;
    perturb = perturb >> 5;
    slot = (slot * 5 + 1 + perturb) & mask;
  }
}

// As rt: an empty dict answers without hashing the key.
template <class EK, class EV, class Keys>
int64_t find_entry(Dict<EK, EV, Keys>* d, EK key) {
  if (d->live == 0) return -1;
  return find_entry_hashed<EK, EV, Keys>(d, key, key_hash<EK, EV, Keys>(d, key));
}

// Puts `entry` in the first free (empty or deleted) slot of its probe sequence.
template <class EK, class EV, class Keys>
void insert_index(Dict<EK, EV, Keys>* d, uint64_t h, int64_t entry) {
  uint64_t mask = static_cast<uint64_t>(d->table_size - 1);
  uint64_t perturb = h;
  uint64_t slot = h & mask;
  while (d->index->get(static_cast<int64_t>(slot)) >= 0) {
    perturb = perturb >> 5;
    slot = (slot * 5 + 1 + perturb) & mask;
  }
  d->index->set(static_cast<int64_t>(slot), entry);
}

template <class EK, class EV, class Keys>
void erase_entry(Dict<EK, EV, Keys>* d, int64_t e) {
  uint64_t h = d->hashes->get(e);
  uint64_t mask = static_cast<uint64_t>(d->table_size - 1);
  uint64_t perturb = h;
  uint64_t slot = h & mask;
  while (d->index->get(static_cast<int64_t>(slot)) != e) {
    perturb = perturb >> 5;
    slot = (slot * 5 + 1 + perturb) & mask;
  }
  d->index->set(static_cast<int64_t>(slot), kDeleted);
  d->alive->set(e, false);
  d->keys->set(e, EK());
  d->values->set(e, EV());
  d->live = d->live - 1;
  d->version = d->version + 1;
}

// Compacts the live entries, in order, into arrays sized for `needed` live entries: the index
// keeps at most 2/3 of its slots used.
template <class EK, class EV, class Keys>
void rebuild(Dict<EK, EV, Keys>* d, int64_t needed) {
  int64_t table_size = 8;
  while (needed * 3 >= table_size * 2) table_size = table_size * 2;
  int64_t capacity = table_size * 2 / 3 + 1;
  rt::Array<EK>* keys = rt::make<rt::Array<EK>>(capacity, EK());
  rt::Array<EV>* values = rt::make<rt::Array<EV>>(capacity, EV());
  rt::Array<uint64_t>* hashes = rt::make<rt::Array<uint64_t>>(capacity, 0);
  rt::Array<bool>* alive = rt::make<rt::Array<bool>>(capacity, false);
  rt::Array<int64_t>* index = rt::make<rt::Array<int64_t>>(table_size, kEmpty);
  int64_t n = 0;
  for (int64_t e = 0; e < d->used; ++e) {
    if (!d->alive->get(e)) continue;
    keys->set(n, d->keys->get(e));
    values->set(n, d->values->get(e));
    hashes->set(n, d->hashes->get(e));
    alive->set(n, true);
    n = n + 1;
  }
  d->keys = keys;
  d->values = values;
  d->hashes = hashes;
  d->alive = alive;
  d->index = index;
  d->table_size = table_size;
  d->used = n;
  for (int64_t e = 0; e < n; ++e) insert_index<EK, EV, Keys>(d, hashes->get(e), e);
  d->version = d->version + 1;
}

// rt::Dict::Iterator::skip_dead.
template <class EK, class EV, class Keys>
void skip_dead(DictIter<EK, EV, Keys>* it) {
  while (it->entry < it->dict->used && !it->dict->alive->get(it->entry)) it->entry = it->entry + 1;
}

template <class EK, class EV, class Keys>
void check_unchanged(DictIter<EK, EV, Keys>* it) {
  if (it->version != it->dict->version)
    throw rt::make<rt::RuntimeError>("dict changed size during iteration");
}

}  // namespace detail

// `user_hash` and `user_equal` are the program's key traits for FnKeys, null for the others.
template <class EK, class EV, class Keys>
RT_LL_HELPER Dict<EK, EV, Keys>* dict_new(int64_t (*user_hash)(EK), bool (*user_equal)(EK, EK)) {
  Dict<EK, EV, Keys>* d = rt::make<Dict<EK, EV, Keys>>();
  d->user_hash = user_hash;
  d->user_equal = user_equal;
  return d;
}

template <class EK, class EV, class Keys>
RT_LL_HELPER int64_t dict_len(Dict<EK, EV, Keys>* d) {
  return d->live;
}

template <class EK, class EV, class Keys>
RT_LL_HELPER bool dict_is_empty(Dict<EK, EV, Keys>* d) {
  return d->live == 0;
}

template <class EK, class EV, class Keys>
RT_LL_HELPER bool dict_contains(Dict<EK, EV, Keys>* d, EK key) {
  return detail::find_entry<EK, EV, Keys>(d, key) >= 0;
}

template <class EK, class EV, class Keys>
RT_LL_HELPER EV dict_getitem(Dict<EK, EV, Keys>* d, EK key) {
  int64_t e = detail::find_entry<EK, EV, Keys>(d, key);
  if (e < 0) throw rt::make<rt::KeyError>("key not found");
  return d->values->get(e);
}

template <class EK, class EV, class Keys>
RT_LL_HELPER EV dict_get_or(Dict<EK, EV, Keys>* d, EK key, EV fallback) {
  int64_t e = detail::find_entry<EK, EV, Keys>(d, key);
  if (e < 0) return fallback;
  return d->values->get(e);
}

// Inserts or overwrites; an overwritten key keeps its place in the order.
template <class EK, class EV, class Keys>
RT_LL_HELPER void dict_setitem(Dict<EK, EV, Keys>* d, EK key, EV value) {
  uint64_t h = detail::key_hash<EK, EV, Keys>(d, key);
  int64_t e = detail::find_entry_hashed<EK, EV, Keys>(d, key, h);
  if (e >= 0) {
    d->values->set(e, value);
    return;
  }
  if ((d->used + 1) * 3 >= d->table_size * 2) detail::rebuild<EK, EV, Keys>(d, d->live + 1);
  e = d->used;
  d->used = d->used + 1;
  d->keys->set(e, key);
  d->values->set(e, value);
  d->hashes->set(e, h);
  d->alive->set(e, true);
  detail::insert_index<EK, EV, Keys>(d, h, e);
  d->live = d->live + 1;
  d->version = d->version + 1;
}

template <class EK, class EV, class Keys>
RT_LL_HELPER EV dict_pop(Dict<EK, EV, Keys>* d, EK key) {
  int64_t e = detail::find_entry<EK, EV, Keys>(d, key);
  if (e < 0) throw rt::make<rt::KeyError>("key not found");
  EV value = d->values->get(e);
  detail::erase_entry<EK, EV, Keys>(d, e);
  return value;
}

template <class EK, class EV, class Keys>
RT_LL_HELPER void dict_delitem(Dict<EK, EV, Keys>* d, EK key) {
  dict_pop<EK, EV, Keys>(d, key);
}

template <class EK, class EV, class Keys>
RT_LL_HELPER bool dict_discard(Dict<EK, EV, Keys>* d, EK key) {
  int64_t e = detail::find_entry<EK, EV, Keys>(d, key);
  if (e < 0) return false;
  detail::erase_entry<EK, EV, Keys>(d, e);
  return true;
}

template <class EK, class EV, class Keys>
RT_LL_HELPER void dict_clear(Dict<EK, EV, Keys>* d) {
  d->keys = nullptr;
  d->values = nullptr;
  d->hashes = nullptr;
  d->alive = nullptr;
  d->index = nullptr;
  d->used = 0;
  d->live = 0;
  d->table_size = 0;
  d->version = d->version + 1;
}

template <class EK, class EV, class Keys>
RT_LL_HELPER List<EK>* dict_keys(Dict<EK, EV, Keys>* d) {
  List<EK>* result = list_new<EK>();
  for (int64_t e = 0; e < d->used; ++e)
    if (d->alive->get(e)) list_append<EK>(result, d->keys->get(e));
  return result;
}

template <class EK, class EV, class Keys>
RT_LL_HELPER List<EV>* dict_values(Dict<EK, EV, Keys>* d) {
  List<EV>* result = list_new<EV>();
  for (int64_t e = 0; e < d->used; ++e)
    if (d->alive->get(e)) list_append<EV>(result, d->values->get(e));
  return result;
}

// As rt: the copy inserts every live entry afresh (so user traits hash each key again).
template <class EK, class EV, class Keys>
RT_LL_HELPER Dict<EK, EV, Keys>* dict_copy(Dict<EK, EV, Keys>* d) {
  Dict<EK, EV, Keys>* result = dict_new<EK, EV, Keys>(d->user_hash, d->user_equal);
  for (int64_t e = 0; e < d->used; ++e)
    if (d->alive->get(e)) dict_setitem<EK, EV, Keys>(result, d->keys->get(e), d->values->get(e));
  return result;
}

// Iteration replays rt's range-for: dict_iter is begin(); the first dictiter_next is `it != end`,
// later ones `++it` then `it != end`, each checking that no key was inserted or removed.
template <class EK, class EV, class Keys>
RT_LL_HELPER DictIter<EK, EV, Keys>* dict_iter(Dict<EK, EV, Keys>* d) {
  DictIter<EK, EV, Keys>* it = rt::make<DictIter<EK, EV, Keys>>();
  it->dict = d;
  it->version = d->version;
  detail::skip_dead<EK, EV, Keys>(it);
  return it;
}

template <class EK, class EV, class Keys>
RT_LL_HELPER bool dictiter_next(DictIter<EK, EV, Keys>* it) {
  if (it->started) {
    detail::check_unchanged<EK, EV, Keys>(it);
    it->entry = it->entry + 1;
    detail::skip_dead<EK, EV, Keys>(it);
  }
  it->started = true;
  detail::check_unchanged<EK, EV, Keys>(it);
  return it->entry < it->dict->used;
}

template <class EK, class EV, class Keys>
RT_LL_HELPER EK dictiter_key(DictIter<EK, EV, Keys>* it) {
  return it->dict->keys->get(it->entry);
}

template <class EK, class EV, class Keys>
RT_LL_HELPER EV dictiter_value(DictIter<EK, EV, Keys>* it) {
  return it->dict->values->get(it->entry);
}

}  // namespace rtll
