// The host-mode heap: objects reachable only through containers, fields and strings survive
// collections, garbage is reclaimed, and allocation failure raises MemoryError.
#include "test_util.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "rt/rt.h"

namespace {

class Tree : public rt::Object {
 public:
  Tree(int64_t value, Tree* left, Tree* right)
      : value(value),
        left(left),
        right(right),
        label(rt::Str("node-") + rt::Str::from_int(value)) {}
  int64_t value;
  Tree* left;
  Tree* right;
  rt::Str label;
  rt::List<int64_t>* payload = nullptr;
};

struct Entry {  // a value struct holding GC references
  rt::Str name;
  Tree* tree = nullptr;
};

class Holder : public rt::Object {
 public:
  rt::StrBuilder builder;
  rt::Dict<rt::Str, Tree*>* by_name = nullptr;
  rt::List<rt::List<rt::Str>*>* nested = nullptr;
  rt::Array<rt::Str>* names = nullptr;
  rt::Exception* error = nullptr;
  rt::List<Entry>* entries = nullptr;
};

Tree* build_tree(int64_t depth, int64_t& next) {
  if (depth == 0) return nullptr;
  Tree* left = build_tree(depth - 1, next);
  int64_t value = next++;
  Tree* right = build_tree(depth - 1, next);
  Tree* t = rt::make<Tree>(value, left, right);
  t->payload = rt::make<rt::List<int64_t>>(3, value * 2);
  return t;
}

int64_t check_tree(Tree* t, int64_t& count) {
  if (!t) return 0;
  ++count;
  int64_t sum = t->value;
  REQUIRE(t->label == rt::Str("node-") + rt::Str::from_int(t->value));
  REQUIRE(t->payload->size() == 3);
  REQUIRE(t->payload->get(2) == t->value * 2);
  return sum + check_tree(t->left, count) + check_tree(t->right, count);
}

// Allocates and drops a lot, so that freed memory gets reused by whatever comes next.
[[gnu::noinline]] void churn(int64_t rounds) {
  for (int64_t r = 0; r < rounds; ++r) {
    auto* junk = rt::make<rt::List<rt::Str>>();
    for (int i = 0; i < 2000; ++i) junk->append(rt::Str("garbage-garbage-") + rt::Str::from_int(i));
    auto* d = rt::make<rt::Dict<int64_t, Tree*>>();
    for (int i = 0; i < 500; ++i) d->set(i, rt::make<Tree>(-i, nullptr, nullptr));
  }
}

void collect_and_churn() {
  for (int i = 0; i < 3; ++i) {
    rt::gc::collect();
    churn(20);
  }
  rt::gc::collect();
}

// Builds everything in a frame that is gone when the test looks at it: the only references
// left are those inside the Holder.
[[gnu::noinline]] Holder* build_holder() {
  auto* h = rt::make<Holder>();
  for (int i = 0; i < 1000; ++i) h->builder.append(rt::Str::from_int(i % 10));
  h->by_name = rt::make<rt::Dict<rt::Str, Tree*>>();
  for (int64_t i = 0; i < 2000; ++i) {
    Tree* t = rt::make<Tree>(i, nullptr, nullptr);
    t->payload = rt::make<rt::List<int64_t>>(3, i * 2);
    h->by_name->set(rt::Str("key") + rt::Str::from_int(i), t);
  }
  for (int64_t i = 0; i < 2000; i += 2) h->by_name->remove(rt::Str("key") + rt::Str::from_int(i));
  h->nested = rt::make<rt::List<rt::List<rt::Str>*>>();
  for (int64_t i = 0; i < 100; ++i) {
    auto* inner = rt::make<rt::List<rt::Str>>();
    for (int64_t j = 0; j < 50; ++j) inner->append(rt::Str::from_int(i * 1000 + j) + "-item");
    h->nested->append(inner);
  }
  h->names = rt::make<rt::Array<rt::Str>>(300);
  for (int64_t i = 0; i < 300; ++i) h->names->set(i, rt::Str("name").repeat(i % 7 + 1));
  h->error = rt::make<rt::ValueError>(rt::Str("message built at ") + rt::Str::from_int(12345));
  h->entries = rt::make<rt::List<Entry>>();
  for (int64_t i = 0; i < 500; ++i)
    h->entries->append(
        Entry{rt::Str("entry-") + rt::Str::from_int(i), rt::make<Tree>(i, nullptr, nullptr)});
  return h;
}

[[gnu::noinline]] Tree* build_big_tree(int64_t& count) {
  count = 0;
  return build_tree(13, count);
}

[[gnu::noinline]] bool allocation_fails_with_preallocated_error(rt::MemoryError*& error) {
  try {
    rt::gc::alloc(SIZE_MAX / 2);
  } catch (rt::MemoryError* e) {
    error = e;
    return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Objects reachable through fields survive collections", "[gc]") {
  int64_t built = 0;
  Tree* root = build_big_tree(built);
  REQUIRE(built == 8191);
  collect_and_churn();
  int64_t count = 0;
  CHECK(check_tree(root, count) == 8191 * 8190 / 2);
  CHECK(count == 8191);
}

TEST_CASE("Objects reachable through containers and strings survive collections", "[gc]") {
  Holder* h = build_holder();
  collect_and_churn();
  rt::Str built = h->builder.build();
  REQUIRE(built.size() == 1000);
  CHECK(built.slice(0, 12) == "012345678901");
  CHECK(built.slice(990, 1000) == "0123456789");
  CHECK(h->by_name->size() == 1000);
  int64_t expected = 1;
  for (auto item : *h->by_name) {
    REQUIRE(item.key == rt::Str("key") + rt::Str::from_int(expected));
    REQUIRE(item.value->value == expected);
    REQUIRE(item.value->label == rt::Str("node-") + rt::Str::from_int(expected));
    REQUIRE(item.value->payload->get(0) == expected * 2);
    expected += 2;
  }
  CHECK(h->nested->size() == 100);
  CHECK(h->nested->get(99)->get(49) == "99049-item");
  CHECK(h->nested->get(0)->get(0) == "0-item");
  CHECK(h->names->get(299) == rt::Str("name").repeat(299 % 7 + 1));
  CHECK(h->names->get(2) == "namenamename");
  CHECK(h->error->message == "message built at 12345");
  CHECK(h->error->type_name() == "ValueError");
  for (int64_t i = 0; i < 500; ++i) {
    Entry e = h->entries->get(i);
    REQUIRE(e.name == rt::Str("entry-") + rt::Str::from_int(i));
    REQUIRE(e.tree->label == rt::Str("node-") + rt::Str::from_int(i));
  }
  // The builder in a GC object keeps growing after collections.
  h->builder.append("!");
  rt::gc::collect();
  CHECK(h->builder.build().size() == 1001);
}

TEST_CASE("Strings survive while only a Str value refers to them", "[gc][str]") {
  rt::Str s = rt::Str("abc").repeat(1000) + "tail";
  int64_t hash = s.hash();
  collect_and_churn();
  CHECK(s.size() == 3004);
  CHECK(s.ends_with("abctail"));
  CHECK(s.hash() == hash);
  CHECK(s == rt::Str("abc").repeat(1000) + "tail");
}

TEST_CASE("gc::alloc zeroes, alloc_atomic gives usable memory", "[gc]") {
  for (size_t size : {size_t{0}, size_t{1}, size_t{24}, size_t{4096}, size_t{1} << 20}) {
    auto* bytes = static_cast<unsigned char*>(rt::gc::alloc(size));
    REQUIRE(bytes != nullptr);
    bool all_zero = true;
    for (size_t i = 0; i < size; ++i) all_zero = all_zero && bytes[i] == 0;
    CHECK(all_zero);
    auto* raw = static_cast<unsigned char*>(rt::gc::alloc_atomic(size));
    REQUIRE(raw != nullptr);
    if (size) {
      std::memset(raw, 0xab, size);
      CHECK(raw[size - 1] == 0xab);
    }
  }
}

TEST_CASE("An impossible allocation raises the preallocated MemoryError", "[gc]") {
  rt::MemoryError* first = nullptr;
  REQUIRE(allocation_fails_with_preallocated_error(first));
  CHECK(first->message == "out of memory");
  CHECK(first->type_name() == "MemoryError");
  // Its message must stay valid whatever the collector does meanwhile: fill the heap with
  // strings of the same size, which would reuse the message's memory if it were not kept alive.
  for (int round = 0; round < 5; ++round) {
    rt::gc::collect();
    auto* filler = rt::make<rt::List<rt::Str>>();
    for (int i = 0; i < 20000; ++i) filler->append(rt::Str::from_int(1000000000000 + i) + "X");
  }
  rt::MemoryError* second = nullptr;
  REQUIRE(allocation_fails_with_preallocated_error(second));
  CHECK(second == first);
  CHECK(second->message == "out of memory");
  // Container sizes that cannot be allocated raise MemoryError too.
  CHECK_THROWS_AS(rt::make<rt::Array<int64_t>>(int64_t{1} << 58), rt::MemoryError*);
  CHECK_THROWS_AS(rt::make<rt::List<rt::Str>>(int64_t{1} << 57), rt::MemoryError*);
}

TEST_CASE("Garbage is reclaimed: allocation loops run in bounded memory", "[gc][big]") {
  if (rt::gc::is_malloc_build()) {
    // Sanitizer builds never collect (docs/rlib.md); the loops below would need gigabytes.
    CHECK(rt::gc::heap_size() == 0);
    return;
  }
  CHECK_FALSE(rt::gc::is_malloc_build());
  rt::gc::collect();
  CHECK(rt::gc::heap_size() > 0);
  const std::size_t limit = std::size_t{512} << 20;
  // 4 GB of 1 MB strings, none kept.
  rt::Str one_mb = rt::Str("x").repeat(1 << 20);
  int64_t total = 0;
  for (int i = 0; i < 4096; ++i) {
    rt::Str copy = one_mb + "y";
    total += copy.size();
  }
  CHECK(total == 4096 * ((int64_t{1} << 20) + 1));
  CHECK(rt::gc::heap_size() < limit);
  // Five million small objects with strings and lists, none kept.
  int64_t sum = 0;
  for (int64_t i = 0; i < 5000000; ++i) {
    Tree* t = rt::make<Tree>(i, nullptr, nullptr);
    sum += t->label.size();
  }
  CHECK(sum > 5000000 * 6);
  CHECK(rt::gc::heap_size() < limit);
  // Growing lists and dicts that are dropped each round.
  for (int round = 0; round < 50; ++round) {
    auto* list = rt::make<rt::List<int64_t>>();
    for (int64_t i = 0; i < 200000; ++i) list->append(i);
    auto* dict = rt::make<rt::Dict<int64_t, rt::Str>>();
    for (int64_t i = 0; i < 20000; ++i) dict->set(i, "v");
    REQUIRE(list->size() == 200000);
    REQUIRE(dict->size() == 20000);
  }
  CHECK(rt::gc::heap_size() < limit);
}
