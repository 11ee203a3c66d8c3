// rtll::dict_* and dictiter_* against rt::Dict: every key policy, deletions and re-insertions,
// collisions through user key traits (with the calls they receive counted), iteration and its
// invalidation.
#include "agree.h"

namespace {

using HostIntDict = rt::Dict<int64_t, int64_t>;
using LlIntDict = rtll::Dict<int64_t, int64_t, rtll::IntKeys<int64_t>>;

rt::Str show_host(HostIntDict* d) {
  rt::Str text = rt::Str("len ") + rt::Str::from_int(d->size()) + " {";
  for (auto [key, value] : *d) text = text + " " + rt::Str::from_int(key) + ":" + rt::Str::from_int(value);
  return text + " }";
}

rt::Str show_ll(LlIntDict* d) {
  rt::Str text = rt::Str("len ") + rt::Str::from_int(rtll::dict_len(d)) + " {";
  rtll::DictIter<int64_t, int64_t, rtll::IntKeys<int64_t>>* it = rtll::dict_iter(d);
  while (rtll::dictiter_next(it))
    text = text + " " + rt::Str::from_int(rtll::dictiter_key(it)) + ":" + rt::Str::from_int(rtll::dictiter_value(it));
  return text + " }";
}

enum class DictOp : int64_t { kGet, kGetOr, kSet, kPop, kDel, kDiscard, kContains, kClear, kKeys, kCopy };

rt::Str host_op(HostIntDict* d, DictOp op, int64_t k) {
  rt::Str result = "-";
  try {
    switch (op) {
      case DictOp::kGet: result = rt::Str::from_int(d->get(k)); break;
      case DictOp::kGetOr: result = rt::Str::from_int(d->get_or(k, -1)); break;
      case DictOp::kSet: d->set(k, k * 10); break;
      case DictOp::kPop: result = rt::Str::from_int(d->pop(k)); break;
      case DictOp::kDel: d->remove(k); break;
      case DictOp::kDiscard: result = show_bool(d->discard(k)); break;
      case DictOp::kContains: result = show_bool(d->contains(k)) + show_bool(d->empty()); break;
      case DictOp::kClear: d->clear(); break;
      case DictOp::kKeys: {
        result = "keys";
        for (int64_t key : *d->keys()) result = result + " " + rt::Str::from_int(key);
        result = result + " values";
        for (int64_t value : *d->values()) result = result + " " + rt::Str::from_int(value);
        break;
      }
      case DictOp::kCopy: result = show_host(d->copy()); break;
    }
  } catch (rt::Exception* e) {
    result = error_text(e);
  }
  return result + " " + show_host(d);
}

rt::Str ll_op(LlIntDict* d, DictOp op, int64_t k) {
  rt::Str result = "-";
  try {
    switch (op) {
      case DictOp::kGet: result = rt::Str::from_int(rtll::dict_getitem(d, k)); break;
      case DictOp::kGetOr: result = rt::Str::from_int(rtll::dict_get_or(d, k, static_cast<int64_t>(-1))); break;
      case DictOp::kSet: rtll::dict_setitem(d, k, k * 10); break;
      case DictOp::kPop: result = rt::Str::from_int(rtll::dict_pop(d, k)); break;
      case DictOp::kDel: rtll::dict_delitem(d, k); break;
      case DictOp::kDiscard: result = show_bool(rtll::dict_discard(d, k)); break;
      case DictOp::kContains: result = show_bool(rtll::dict_contains(d, k)) + show_bool(rtll::dict_is_empty(d)); break;
      case DictOp::kClear: rtll::dict_clear(d); break;
      case DictOp::kKeys: {
        result = "keys";
        rtll::List<int64_t>* keys = rtll::dict_keys(d);
        for (int64_t i = 0; i < rtll::list_len(keys); ++i) result = result + " " + rt::Str::from_int(rtll::list_getitem(keys, i));
        result = result + " values";
        rtll::List<int64_t>* values = rtll::dict_values(d);
        for (int64_t i = 0; i < rtll::list_len(values); ++i) result = result + " " + rt::Str::from_int(rtll::list_getitem(values, i));
        break;
      }
      case DictOp::kCopy: result = show_ll(rtll::dict_copy(d)); break;
    }
  } catch (rt::Exception* e) {
    result = error_text(e);
  }
  return result + " " + show_ll(d);
}

void step(HostIntDict* h, LlIntDict* l, DictOp op, int64_t k) {
  agree(rt::Str("dict op#") + rt::Str::from_int(static_cast<int64_t>(op)) + "(" + rt::Str::from_int(k) + ")",
        host_op(h, op, k), ll_op(l, op, k));
}

// User key traits that make every key collide, counting the calls they receive.
int64_t g_hash_calls = 0;
int64_t g_equal_calls = 0;

struct CollidingKeys {
  static int64_t hash(Box* key) {
    g_hash_calls = g_hash_calls + 1;
    return key->value & 3;
  }
  static bool equal(Box* a, Box* b) {
    g_equal_calls = g_equal_calls + 1;
    return a->value == b->value;
  }
};

// The adapters the rtyper would generate: the same traits over the erased key.
int64_t colliding_hash(rt::Object* key) { return CollidingKeys::hash(dynamic_cast<Box*>(key)); }
bool colliding_equal(rt::Object* a, rt::Object* b) {
  return CollidingKeys::equal(dynamic_cast<Box*>(a), dynamic_cast<Box*>(b));
}

rt::Str calls() {
  rt::Str text = rt::Str("hash ") + rt::Str::from_int(g_hash_calls) + " equal " + rt::Str::from_int(g_equal_calls);
  g_hash_calls = 0;
  g_equal_calls = 0;
  return text;
}

void check_user_traits() {
  auto* h = rt::make<rt::Dict<Box*, int64_t, CollidingKeys>>();
  rtll::Dict<rt::Object*, int64_t, rtll::FnKeys>* l =
      rtll::dict_new<rt::Object*, int64_t, rtll::FnKeys>(colliding_hash, colliding_equal);
  rt::Str host_text = "";
  rt::Str ll_text = "";
  // Lookups in an empty dict do not hash.
  host_text = show_bool(h->contains(rt::make<Box>(5))) + " " + calls();
  ll_text = show_bool(rtll::dict_contains<rt::Object*, int64_t, rtll::FnKeys>(l, rt::make<Box>(5))) + " " + calls();
  agree("fnkeys empty", host_text, ll_text);
  for (int64_t i = 0; i < 40; ++i) h->set(rt::make<Box>(i % 25), i);
  host_text = rt::Str::from_int(h->size()) + " " + calls();
  for (int64_t i = 0; i < 40; ++i) rtll::dict_setitem<rt::Object*, int64_t, rtll::FnKeys>(l, rt::make<Box>(i % 25), i);
  ll_text = rt::Str::from_int(rtll::dict_len(l)) + " " + calls();
  agree("fnkeys insert", host_text, ll_text);
  for (int64_t i = 0; i < 25; i = i + 2) h->discard(rt::make<Box>(i));
  host_text = rt::Str::from_int(h->get(rt::make<Box>(7))) + " " + rt::Str::from_int(h->size()) + " " + calls();
  for (int64_t i = 0; i < 25; i = i + 2) rtll::dict_discard<rt::Object*, int64_t, rtll::FnKeys>(l, rt::make<Box>(i));
  ll_text = rt::Str::from_int(rtll::dict_getitem<rt::Object*, int64_t, rtll::FnKeys>(l, rt::make<Box>(7))) + " " +
            rt::Str::from_int(rtll::dict_len(l)) + " " + calls();
  agree("fnkeys delete", host_text, ll_text);
  for (auto [key, value] : *h->copy()) host_text = host_text + " " + rt::Str::from_int(key->value) + ":" + rt::Str::from_int(value);
  host_text = host_text + " " + calls();
  auto* copy = rtll::dict_copy(l);
  auto* it = rtll::dict_iter(copy);
  while (rtll::dictiter_next(it))
    ll_text = ll_text + " " + rt::Str::from_int(dynamic_cast<Box*>(rtll::dictiter_key(it))->value) + ":" +
              rt::Str::from_int(rtll::dictiter_value(it));
  ll_text = ll_text + " " + calls();
  agree("fnkeys copy", host_text, ll_text);
}

}  // namespace

void check_dicts() {
  rt::print_line("== dicts");
  HostIntDict* h = rt::make<HostIntDict>();
  LlIntDict* l = rtll::dict_new<int64_t, int64_t, rtll::IntKeys<int64_t>>(nullptr, nullptr);
  step(h, l, DictOp::kGet, 1);
  step(h, l, DictOp::kPop, 1);
  step(h, l, DictOp::kDel, 1);
  step(h, l, DictOp::kDiscard, 1);
  step(h, l, DictOp::kContains, 1);
  for (int64_t k = 0; k < 12; ++k) step(h, l, DictOp::kSet, (k * 7) % 12 - 3);
  step(h, l, DictOp::kSet, 4);
  step(h, l, DictOp::kGet, 4);
  step(h, l, DictOp::kGet, 99);
  step(h, l, DictOp::kGetOr, 99);
  step(h, l, DictOp::kGetOr, -3);
  step(h, l, DictOp::kPop, 2);
  step(h, l, DictOp::kDel, 2);
  step(h, l, DictOp::kDel, 3);
  step(h, l, DictOp::kDiscard, 5);
  step(h, l, DictOp::kDiscard, 5);
  step(h, l, DictOp::kSet, 2);
  step(h, l, DictOp::kKeys, 0);
  step(h, l, DictOp::kCopy, 0);
  // Growth past several rebuilds with deletions in between, then re-insertions go last.
  for (int64_t k = 0; k < 300; ++k) {
    h->set(k * 1000003, k);
    rtll::dict_setitem(l, k * 1000003, k);
    if (k % 3 == 0) {
      h->discard((k / 2) * 1000003);
      rtll::dict_discard(l, (k / 2) * 1000003);
    }
  }
  step(h, l, DictOp::kSet, 0);
  step(h, l, DictOp::kContains, 0);
  step(h, l, DictOp::kClear, 0);
  step(h, l, DictOp::kContains, 0);
  step(h, l, DictOp::kSet, INT64_MIN);
  step(h, l, DictOp::kSet, -1);

  // Strings by content, with non-ASCII bytes.
  auto* hs = rt::make<rt::Dict<rt::Str, rt::Str>>();
  auto* ls = rtll::dict_new<Bytes*, Bytes*, rtll::StrKeys>(nullptr, nullptr);
  hs->set("\xc3\xa9t\xc3\xa9", "summer");
  hs->set("", "empty");
  hs->set("\xc3\xa9t\xc3\xa9", "ete");
  rtll::dict_setitem(ls, to_bytes("\xc3\xa9t\xc3\xa9"), to_bytes("summer"));
  rtll::dict_setitem(ls, to_bytes(""), to_bytes("empty"));
  rtll::dict_setitem(ls, to_bytes("\xc3\xa9t\xc3\xa9"), to_bytes("ete"));
  agree("str keys", quote(hs->get("\xc3\xa9t\xc3\xa9")) + rt::Str::from_int(hs->size()) + show_bool(hs->contains("\xc3\xa9")),
        quote_bytes(rtll::dict_getitem(ls, to_bytes("\xc3\xa9t\xc3\xa9"))) + rt::Str::from_int(rtll::dict_len(ls)) +
            show_bool(rtll::dict_contains(ls, to_bytes("\xc3\xa9"))));

  // References by identity.
  Box* a = rt::make<Box>(1);
  Box* twin = rt::make<Box>(1);
  auto* hr = rt::make<rt::Dict<Box*, double>>();
  auto* lr = rtll::dict_new<rt::Object*, double, rtll::RefKeys>(nullptr, nullptr);
  hr->set(a, 0.5);
  hr->set(nullptr, -0.0);
  rtll::dict_setitem<rt::Object*, double, rtll::RefKeys>(lr, a, 0.5);
  rtll::dict_setitem<rt::Object*, double, rtll::RefKeys>(lr, nullptr, -0.0);
  agree("ref keys", rt::Str::from_double(hr->get(a)) + show_bool(hr->contains(twin)) + rt::Str::from_double(hr->get(nullptr)),
        rt::Str::from_double(rtll::dict_getitem<rt::Object*, double, rtll::RefKeys>(lr, a)) +
            show_bool(rtll::dict_contains<rt::Object*, double, rtll::RefKeys>(lr, twin)) +
            rt::Str::from_double(rtll::dict_getitem<rt::Object*, double, rtll::RefKeys>(lr, nullptr)));

  // Narrow, unsigned and bool keys hash by value.
  rt::Dict<int8_t, bool>* h8 = rt::make<rt::Dict<int8_t, bool>>();
  rtll::Dict<int8_t, bool, rtll::IntKeys<int8_t>>* l8 = rtll::dict_new<int8_t, bool, rtll::IntKeys<int8_t>>(nullptr, nullptr);
  rt::Dict<uint64_t, uint8_t>* hu = rt::make<rt::Dict<uint64_t, uint8_t>>();
  rtll::Dict<uint64_t, uint8_t, rtll::IntKeys<uint64_t>>* lu = rtll::dict_new<uint64_t, uint8_t, rtll::IntKeys<uint64_t>>(nullptr, nullptr);
  auto* hb = rt::make<rt::Dict<bool, int32_t>>();
  auto* lb = rtll::dict_new<bool, int32_t, rtll::IntKeys<bool>>(nullptr, nullptr);
  for (int64_t i = -130; i < 130; i = i + 7) {
    h8->set(static_cast<int8_t>(i), i > 0);
    rtll::dict_setitem(l8, static_cast<int8_t>(i), i > 0);
    hu->set(UINT64_MAX - static_cast<uint64_t>(i), static_cast<uint8_t>(i));
    rtll::dict_setitem(lu, UINT64_MAX - static_cast<uint64_t>(i), static_cast<uint8_t>(i));
    hb->set(i % 2 == 0, static_cast<int32_t>(i));
    rtll::dict_setitem(lb, i % 2 == 0, static_cast<int32_t>(i));
  }
  agree("narrow keys",
        rt::Str::from_int(h8->size()) + show_bool(h8->get(-4)) + rt::Str::from_int(hu->size()) +
            rt::Str::from_int(hu->get(UINT64_MAX - 3)) + rt::Str::from_int(hb->get(true)) + rt::Str::from_int(hb->get(false)),
        rt::Str::from_int(rtll::dict_len(l8)) + show_bool(rtll::dict_getitem(l8, static_cast<int8_t>(-4))) +
            rt::Str::from_int(rtll::dict_len(lu)) + rt::Str::from_int(rtll::dict_getitem(lu, UINT64_MAX - 3)) +
            rt::Str::from_int(rtll::dict_getitem(lb, true)) + rt::Str::from_int(rtll::dict_getitem(lb, false)));

  check_user_traits();
}
