// rt::Dict<K, V, Traits>: insertion order, deletion and reinsertion, iteration rules, key
// kinds, collisions, and growth/shrink against a reference model.
#include "test_util.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "rt/rt.h"

namespace {

using IntDict = rt::Dict<int64_t, int64_t>;
using Pairs = std::vector<std::pair<int64_t, int64_t>>;

template <class D>
Pairs items_of(D* dict) {
  Pairs out;
  for (auto item : *dict) out.emplace_back(item.key, item.value);
  return out;
}

std::vector<int64_t> keys_of(rt::List<int64_t>* keys) {
  std::vector<int64_t> out;
  for (int64_t k : *keys) out.push_back(k);
  return out;
}

// Every key hashes alike: every lookup probes the whole collision chain.
struct ConstantHash {
  static int64_t hash(int64_t) { return 42; }
  static bool equal(int64_t a, int64_t b) { return a == b; }
};
// Four distinct hashes in all.
struct FourBuckets {
  static int64_t hash(int64_t key) { return key & 3; }
  static bool equal(int64_t a, int64_t b) { return a == b; }
};

class Point : public rt::Object {
 public:
  Point(int64_t x, int64_t y) : x(x), y(y) {}
  int64_t x, y;
};
// Value semantics for a GC class through user traits.
struct PointByValue {
  static int64_t hash(Point* p) { return p->x * 31 + p->y; }
  static bool equal(Point* a, Point* b) { return a->x == b->x && a->y == b->y; }
};
// Case-insensitive string keys.
struct NoCase {
  static int64_t hash(rt::Str s) { return s.lower().hash(); }
  static bool equal(rt::Str a, rt::Str b) { return a.lower() == b.lower(); }
};

enum class Color : int64_t { red = -1, green = 0, blue = 1 };

}  // namespace

TEST_CASE("Dict empty", "[dict]") {
  auto* d = rt::make<IntDict>();
  CHECK(d->size() == 0);
  CHECK(d->empty());
  CHECK_FALSE(d->contains(0));
  CHECK_THROWS_AS(d->get(0), rt::KeyError*);
  CHECK(d->get_or(0, -7) == -7);
  CHECK_THROWS_AS(d->pop(0), rt::KeyError*);
  CHECK_THROWS_AS(d->remove(0), rt::KeyError*);
  CHECK_FALSE(d->discard(0));
  CHECK(d->keys()->size() == 0);
  CHECK(d->values()->size() == 0);
  CHECK(d->copy()->size() == 0);
  CHECK(items_of(d).empty());
  d->clear();
  CHECK(d->empty());
}

TEST_CASE("Dict insertion order, overwrite and reinsertion", "[dict]") {
  auto* d = rt::make<IntDict>();
  d->set(3, 30);
  d->set(1, 10);
  d->set(2, 20);
  CHECK(items_of(d) == Pairs{{3, 30}, {1, 10}, {2, 20}});
  d->set(3, 33);  // overwrite keeps the place
  CHECK(items_of(d) == Pairs{{3, 33}, {1, 10}, {2, 20}});
  CHECK(d->size() == 3);
  CHECK(d->pop(1) == 10);
  CHECK(items_of(d) == Pairs{{3, 33}, {2, 20}});
  d->set(1, 11);  // deleted then reinserted: last
  CHECK(items_of(d) == Pairs{{3, 33}, {2, 20}, {1, 11}});
  d->remove(3);
  CHECK(d->discard(2));
  CHECK_FALSE(d->discard(2));
  CHECK(items_of(d) == Pairs{{1, 11}});
  d->set(3, 1);
  d->set(2, 2);
  CHECK(items_of(d) == Pairs{{1, 11}, {3, 1}, {2, 2}});
  CHECK(keys_of(d->keys()) == std::vector<int64_t>{1, 3, 2});
  CHECK(keys_of(d->values()) == std::vector<int64_t>{11, 1, 2});
  CHECK(d->get(3) == 1);
  CHECK(d->get_or(3, 99) == 1);
  CHECK(d->get_or(4, 99) == 99);
  try {
    d->get(4);
    FAIL("no KeyError");
  } catch (rt::KeyError* e) {
    CHECK(e->type_name() == "KeyError");
  }
}

TEST_CASE("Dict int keys at the extremes", "[dict]") {
  auto* d = rt::make<IntDict>();
  const int64_t keys[] = {0,  -1,        1,           INT64_MIN, INT64_MAX, INT64_MIN + 1,
                          -2, 1LL << 32, -(1LL << 32)};
  int64_t v = 0;
  for (int64_t k : keys) d->set(k, v++);
  CHECK(d->size() == 9);
  v = 0;
  for (int64_t k : keys) CHECK(d->get(k) == v++);
  CHECK_FALSE(d->contains(2));
  CHECK_FALSE(d->contains(INT64_MAX - 1));
  CHECK(d->pop(INT64_MIN) == 3);
  CHECK_FALSE(d->contains(INT64_MIN));
  CHECK(d->contains(INT64_MIN + 1));
  d->set(INT64_MIN, 100);
  CHECK(items_of(d).back() == std::make_pair(INT64_MIN, int64_t{100}));
}

TEST_CASE("Dict with other integer-like keys", "[dict]") {
  auto* by_bool = rt::make<rt::Dict<bool, rt::Str>>();
  by_bool->set(true, "yes");
  by_bool->set(false, "no");
  CHECK(by_bool->get(true) == "yes");
  CHECK(by_bool->get(false) == "no");
  auto* by_color = rt::make<rt::Dict<Color, int64_t>>();
  by_color->set(Color::red, 1);
  by_color->set(Color::blue, 2);
  CHECK(by_color->get(Color::red) == 1);
  CHECK_FALSE(by_color->contains(Color::green));
  auto* by_u8 = rt::make<rt::Dict<uint8_t, int64_t>>();
  for (int i = 0; i < 256; ++i) by_u8->set(static_cast<uint8_t>(i), i);
  CHECK(by_u8->size() == 256);
  CHECK(by_u8->get(255) == 255);
}

TEST_CASE("Dict Str keys compare by content", "[dict][str]") {
  auto* d = rt::make<rt::Dict<rt::Str, int64_t>>();
  d->set("apple", 1);
  d->set(rt::Str("ban") + "ana", 2);
  d->set("", 3);
  CHECK(d->get(rt::Str("app") + "le") == 1);
  CHECK(d->get("banana") == 2);
  CHECK(d->get(rt::Str()) == 3);
  CHECK_FALSE(d->contains("Apple"));
  d->set(rt::Str("apple").slice(0, 5), 10);  // same content, another object: overwrite
  CHECK(d->size() == 3);
  CHECK(d->get("apple") == 10);
  auto* keys = d->keys();
  CHECK(keys->get(0) == "apple");
  CHECK(keys->get(1) == "banana");
  CHECK(keys->get(2) == "");
  // Many keys built at run time.
  for (int64_t i = 0; i < 5000; ++i) d->set(rt::Str("k") + rt::Str::from_int(i), i);
  for (int64_t i = 0; i < 5000; ++i) REQUIRE(d->get(rt::Str("k") + rt::Str::from_int(i)) == i);
  CHECK(d->size() == 5003);
}

TEST_CASE("Dict pointer keys use identity", "[dict]") {
  auto* d = rt::make<rt::Dict<Point*, int64_t>>();
  Point* a = rt::make<Point>(1, 2);
  Point* a_twin = rt::make<Point>(1, 2);
  d->set(a, 1);
  d->set(nullptr, 0);
  CHECK(d->get(a) == 1);
  CHECK_FALSE(d->contains(a_twin));
  CHECK(d->get(nullptr) == 0);
  d->set(a_twin, 2);
  CHECK(d->size() == 3);
  auto* points = rt::make<rt::List<Point*>>();
  for (int64_t i = 0; i < 1000; ++i) {
    Point* p = rt::make<Point>(i, i);
    points->append(p);
    d->set(p, i);
  }
  for (int64_t i = 0; i < 1000; ++i) REQUIRE(d->get(points->get(i)) == i);
}

TEST_CASE("Dict with user traits: value semantics and case-insensitive keys", "[dict]") {
  auto* d = rt::make<rt::Dict<Point*, rt::Str, PointByValue>>();
  d->set(rt::make<Point>(1, 2), "a");
  d->set(rt::make<Point>(2, 1), "b");
  CHECK(d->size() == 2);
  CHECK(d->get(rt::make<Point>(1, 2)) == "a");
  d->set(rt::make<Point>(1, 2), "c");  // an equal key: overwrite
  CHECK(d->size() == 2);
  CHECK(d->values()->get(0) == "c");

  auto* nc = rt::make<rt::Dict<rt::Str, int64_t, NoCase>>();
  nc->set("Hello", 1);
  nc->set("HELLO", 2);
  CHECK(nc->size() == 1);
  CHECK(nc->get("hello") == 2);
  CHECK(nc->keys()->get(0) == "Hello");  // the first spelling stays
}

TEMPLATE_TEST_CASE("Dict with colliding hashes", "[dict][collisions]", ConstantHash, FourBuckets) {
  auto* d = rt::make<rt::Dict<int64_t, int64_t, TestType>>();
  const int64_t n = 600;
  for (int64_t i = 0; i < n; ++i) d->set(i * 7 - 300, i);
  CHECK(d->size() == n);
  for (int64_t i = 0; i < n; ++i) REQUIRE(d->get(i * 7 - 300) == i);
  CHECK_FALSE(d->contains(2));  // every key is 1 modulo 7
  CHECK_FALSE(d->contains(-301));
  // Delete every other key, then look up the rest past the tombstones.
  for (int64_t i = 0; i < n; i += 2) REQUIRE(d->pop(i * 7 - 300) == i);
  CHECK(d->size() == n / 2);
  for (int64_t i = 0; i < n; ++i) REQUIRE(d->contains(i * 7 - 300) == (i % 2 == 1));
  // Reinsert: they go last, in reinsertion order.
  for (int64_t i = 0; i < n; i += 2) d->set(i * 7 - 300, -i);
  auto items = items_of(d);
  REQUIRE(items.size() == static_cast<size_t>(n));
  CHECK(items[0] == std::make_pair(int64_t{7 - 300}, int64_t{1}));
  CHECK(items[n / 2] == std::make_pair(int64_t{-300}, int64_t{0}));
  CHECK(items[n - 1] == std::make_pair(int64_t{(n - 2) * 7 - 300}, -(n - 2)));
  // Churn on one key: each set/discard pair leaves a hole and a tombstone.
  for (int64_t round = 0; round < 5000; ++round) {
    d->set(100000, round);
    REQUIRE(d->discard(100000));
  }
  CHECK(d->size() == n);
  CHECK_FALSE(d->contains(100000));
}

TEST_CASE("Dict iteration rules", "[dict][iteration]") {
  auto* d = rt::make<IntDict>();
  for (int64_t i = 0; i < 5; ++i) d->set(i, i);

  SECTION("overwriting values during the loop is allowed and visible") {
    Pairs seen;
    for (auto item : *d) {
      seen.emplace_back(item.key, item.value);
      d->set(item.key, item.value * 10);
      if (item.key == 0) d->set(4, -4);
    }
    CHECK(seen == Pairs{{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, -4}});
    CHECK(items_of(d) == Pairs{{0, 0}, {1, 10}, {2, 20}, {3, 30}, {4, -40}});
  }
  SECTION("inserting raises RuntimeError at the next step") {
    int visits = 0;
    auto loop = [&] {
      for (auto item : *d) {
        ++visits;
        if (item.key == 1) d->set(100, 0);
      }
    };
    CHECK_THROWS_AS(loop(), rt::RuntimeError*);
    CHECK(visits == 2);
    CHECK(d->size() == 6);
  }
  SECTION("deleting raises RuntimeError, even on the last item") {
    auto loop = [&] {
      for (auto item : *d)
        if (item.key == 4) d->remove(0);
    };
    CHECK_THROWS_AS(loop(), rt::RuntimeError*);
    CHECK(d->size() == 4);
  }
  SECTION("deleting and reinserting the same key still raises") {
    auto loop = [&] {
      for (auto item : *d)
        if (item.key == 2) d->set(2, d->pop(2));
    };
    CHECK_THROWS_AS(loop(), rt::RuntimeError*);
  }
  SECTION("clear raises") {
    auto loop = [&] {
      for (auto item : *d) {
        (void)item;
        d->clear();
      }
    };
    CHECK_THROWS_AS(loop(), rt::RuntimeError*);
    CHECK(d->empty());
  }
  SECTION("a discard of a missing key changes nothing") {
    int visits = 0;
    for (auto item : *d) {
      ++visits;
      CHECK_FALSE(d->discard(item.key + 1000));
    }
    CHECK(visits == 5);
  }
  SECTION("iteration skips holes left by earlier deletions") {
    d->remove(0);
    d->remove(2);
    d->remove(4);
    CHECK(items_of(d) == Pairs{{1, 1}, {3, 3}});
    auto* all_gone = rt::make<IntDict>();
    all_gone->set(1, 1);
    all_gone->remove(1);
    CHECK(items_of(all_gone).empty());
  }
  SECTION("a fresh loop after an error works") {
    try {
      for (auto item : *d)
        if (item.key == 0) d->set(-1, -1);
    } catch (rt::RuntimeError*) {
    }
    CHECK(items_of(d).size() == 6);
  }
}

TEST_CASE("Dict copy, keys, values, clear", "[dict]") {
  auto* d = rt::make<rt::Dict<rt::Str, int64_t>>();
  d->set("x", 1);
  d->set("y", 2);
  d->set("z", 3);
  d->remove("y");
  auto* c = d->copy();
  CHECK(c != d);
  CHECK(c->size() == 2);
  c->set("w", 4);
  c->set("x", 100);
  CHECK(d->size() == 2);
  CHECK(d->get("x") == 1);
  CHECK_FALSE(d->contains("w"));
  auto* ck = c->keys();
  CHECK(ck->size() == 3);
  CHECK(ck->get(0) == "x");
  CHECK(ck->get(1) == "z");
  CHECK(ck->get(2) == "w");
  auto* cv = c->values();
  CHECK(cv->get(0) == 100);
  CHECK(cv->get(2) == 4);
  // keys() is a snapshot.
  ck->append("extra");
  CHECK(c->size() == 3);
  c->clear();
  CHECK(c->empty());
  CHECK_FALSE(c->contains("x"));
  CHECK(c->keys()->size() == 0);
  c->set("again", 5);
  CHECK(c->get("again") == 5);
  CHECK(c->size() == 1);
  CHECK(d->size() == 2);
}

TEST_CASE("Dict grows through every table size, checked after each insertion", "[dict]") {
  // Each insertion may trigger a rebuild; the entries arrays must hold every entry that set()
  // appends before the next rebuild (the sanitizer build would see a write past them).
  auto* d = rt::make<IntDict>();
  for (int64_t n = 0; n < 3000; ++n) {
    d->set(n * 31, n);
    REQUIRE(d->size() == n + 1);
    if (n < 300 || n % 97 == 0)
      for (int64_t k = 0; k <= n; ++k) REQUIRE(d->get(k * 31) == k);
  }
  // Deletions leave holes that count against the table until the next rebuild compacts them.
  for (int64_t round = 0; round < 3000; ++round) {
    REQUIRE(d->pop(round * 31) == round);
    d->set(round * 31, -round);
  }
  CHECK(d->size() == 3000);
  auto items = items_of(d);
  CHECK(items.front() == std::make_pair(int64_t{0}, int64_t{0}));
  CHECK(items.back() == std::make_pair(int64_t{2999 * 31}, int64_t{-2999}));
}

TEST_CASE("Dict growth and shrink with many deletions match a reference model", "[dict][big]") {
  // The model: insertion-ordered entries with a sequence number; a deleted key is re-added with
  // a new number, as the documented order says.
  auto* d = rt::make<IntDict>();
  std::map<int64_t, std::pair<int64_t, int64_t>> model;  // key -> (order, value)
  int64_t order = 0;
  auto set = [&](int64_t k, int64_t v) {
    d->set(k, v);
    auto it = model.find(k);
    if (it == model.end())
      model[k] = {order++, v};
    else
      it->second.second = v;
  };
  auto erase = [&](int64_t k) { REQUIRE(d->discard(k) == (model.erase(k) == 1)); };
  auto check_against_model = [&] {
    std::map<int64_t, std::pair<int64_t, int64_t>> by_order;
    for (auto& [k, ov] : model) by_order[ov.first] = {k, ov.second};
    Pairs expected;
    for (auto& [o, kv] : by_order) expected.push_back(kv);
    REQUIRE(d->size() == static_cast<int64_t>(model.size()));
    REQUIRE(items_of(d) == expected);
  };

  const int64_t n = 100000;
  for (int64_t i = 0; i < n; ++i) set(i * 2654435761 % 1000003 - 500000, i);
  check_against_model();
  // Delete 90% of the keys, in a scattered order.
  for (int64_t i = 0; i < n; ++i)
    if (i % 10 != 3) erase(i * 2654435761 % 1000003 - 500000);
  check_against_model();
  CHECK(d->size() == n / 10);
  // Grow again with new keys and reinsertions, overwriting some.
  for (int64_t i = 0; i < n; ++i) {
    int64_t k = (i * 7919) % 150000 - 75000;
    set(k, -i);
    if (i % 3 == 0) erase((i * 104729) % 150000 - 75000);
  }
  check_against_model();
  for (auto& [k, ov] : model) REQUIRE(d->get(k) == ov.second);
  // Shrink to nothing and grow once more.
  std::vector<int64_t> all;
  for (auto& [k, ov] : model) all.push_back(k);
  for (int64_t k : all) erase(k);
  check_against_model();
  CHECK(d->empty());
  for (int64_t i = 0; i < 1000; ++i) set(i, i);
  check_against_model();
}

TEST_CASE("Dict with a pseudo-random operation mix matches a reference model", "[dict][big]") {
  auto* d = rt::make<rt::Dict<int64_t, int64_t, FourBuckets>>();
  auto* keys_in_order = rt::make<rt::List<int64_t>>();  // the model's order
  std::map<int64_t, int64_t> values;
  uint64_t seed = 99;
  for (int step = 0; step < 30000; ++step) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    int64_t key = static_cast<int64_t>((seed >> 33) % 200);
    if ((seed >> 60) < 10) {
      d->set(key, step);
      if (!values.count(key)) keys_in_order->append(key);
      values[key] = step;
    } else if (values.count(key)) {
      REQUIRE(d->pop(key) == values[key]);
      values.erase(key);
      keys_in_order->pop_at(keys_in_order->index_of(key));
    } else {
      REQUIRE_THROWS_AS(d->pop(key), rt::KeyError*);
    }
  }
  REQUIRE(keys_of(d->keys()) == keys_of(keys_in_order));
  for (auto& [k, v] : values) REQUIRE(d->get(k) == v);
}
