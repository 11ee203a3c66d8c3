// rt::List<T> and rt::Array<T>: indexing, mutation, slicing, iteration semantics.
#include "test_util.h"

#include <cstdint>
#include <string>
#include <vector>

#include "rt/rt.h"

namespace {

using IntList = rt::List<int64_t>;

IntList* list_of(std::initializer_list<int64_t> items) {
  auto* list = rt::make<IntList>();
  for (int64_t x : items) list->append(x);
  return list;
}

std::vector<int64_t> items_of(const IntList* list) {
  std::vector<int64_t> out;
  for (int64_t i = 0; i < list->size(); ++i) out.push_back(list->get(i));
  return out;
}

using V = std::vector<int64_t>;

// A value struct (docs/rcpp.md T6), stored by value in containers.
struct Pos {
  int64_t line = 1;
  int64_t col = 1;
};
struct Token {
  int64_t kind = 0;
  rt::Str text;
  Pos pos;
};

class Node : public rt::Object {
 public:
  explicit Node(int64_t value) : value(value) {}
  int64_t value;
};

}  // namespace

TEST_CASE("List empty", "[list]") {
  auto* list = rt::make<IntList>();
  CHECK(list->size() == 0);
  CHECK(list->empty());
  CHECK_THROWS_AS(list->get(0), rt::IndexError*);
  CHECK_THROWS_AS(list->set(0, 1), rt::IndexError*);
  CHECK_THROWS_AS(list->pop(), rt::IndexError*);
  CHECK_THROWS_AS(list->pop_at(0), rt::IndexError*);
  CHECK(list->index_of(0) == -1);
  CHECK_FALSE(list->contains(0));
  CHECK(list->slice(0, 10)->size() == 0);
  CHECK(list->copy()->size() == 0);
  int visits = 0;
  for (int64_t x : *list) visits += static_cast<int>(x) + 1;
  CHECK(visits == 0);
  list->reverse();
  list->clear();
  CHECK(list->size() == 0);
}

TEST_CASE("List construction with a count", "[list]") {
  auto* zeros = rt::make<IntList>(3);
  CHECK(items_of(zeros) == V{0, 0, 0});
  auto* sevens = rt::make<IntList>(4, 7);
  CHECK(items_of(sevens) == V{7, 7, 7, 7});
  CHECK(rt::make<IntList>(0)->size() == 0);
  CHECK_THROWS_AS(rt::make<IntList>(-1), rt::ValueError*);
  CHECK_THROWS_AS(rt::make<IntList>(INT64_MIN), rt::ValueError*);
  CHECK_THROWS_AS(rt::make<IntList>(INT64_MAX), rt::MemoryError*);
}

TEST_CASE("List get and set with every kind of bad index", "[list]") {
  auto* list = list_of({10, 20, 30});
  CHECK(list->get(0) == 10);
  CHECK(list->get(2) == 30);
  list->set(1, 21);
  CHECK(list->get(1) == 21);
  for (int64_t bad : {int64_t{3}, int64_t{-1}, int64_t{-3}, INT64_MIN, INT64_MAX}) {
    CHECK_THROWS_AS(list->get(bad), rt::IndexError*);
    CHECK_THROWS_AS(list->set(bad, 0), rt::IndexError*);
    CHECK_THROWS_AS(list->pop_at(bad), rt::IndexError*);
  }
  CHECK(items_of(list) == V{10, 21, 30});
  try {
    list->get(-1);
    FAIL("no IndexError");
  } catch (rt::IndexError* e) {
    CHECK(std::string(e->message.view()) == "list index -1 out of range for size 3");
  }
}

TEST_CASE("List append, pop, pop_at, insert", "[list]") {
  auto* list = rt::make<IntList>();
  for (int64_t i = 0; i < 5; ++i) list->append(i);
  CHECK(items_of(list) == V{0, 1, 2, 3, 4});
  CHECK(list->pop() == 4);
  CHECK(list->size() == 4);
  CHECK(list->pop_at(0) == 0);
  CHECK(items_of(list) == V{1, 2, 3});
  CHECK(list->pop_at(1) == 2);
  CHECK(items_of(list) == V{1, 3});
  CHECK(list->pop_at(1) == 3);
  CHECK(items_of(list) == V{1});

  list->insert(0, 0);  // front
  list->insert(2, 9);  // at size: append
  list->insert(1, 5);  // middle
  CHECK(items_of(list) == V{0, 5, 1, 9});
  CHECK_THROWS_AS(list->insert(5, 0), rt::IndexError*);
  CHECK_THROWS_AS(list->insert(-1, 0), rt::IndexError*);
  CHECK_THROWS_AS(list->insert(INT64_MAX, 0), rt::IndexError*);
  CHECK_THROWS_AS(list->insert(INT64_MIN, 0), rt::IndexError*);
  CHECK(items_of(list) == V{0, 5, 1, 9});

  auto* empty = rt::make<IntList>();
  empty->insert(0, 42);
  CHECK(items_of(empty) == V{42});
  CHECK(empty->pop() == 42);
  CHECK_THROWS_AS(empty->pop(), rt::IndexError*);
  try {
    empty->pop();
    FAIL("no IndexError");
  } catch (rt::IndexError* e) {
    CHECK(e->message == "pop from empty list");
  }
  // The list stays usable after the error.
  empty->append(1);
  CHECK(items_of(empty) == V{1});
}

TEST_CASE("List insert and pop_at agree with a reference model", "[list]") {
  auto* list = rt::make<IntList>();
  std::vector<int64_t> model;
  uint64_t seed = 12345;
  for (int64_t step = 0; step < 20000; ++step) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    uint64_t r = seed >> 33;
    if (model.empty() || r % 3 != 0) {
      int64_t at = static_cast<int64_t>(r % (model.size() + 1));
      list->insert(at, step);
      model.insert(model.begin() + at, step);
    } else {
      int64_t at = static_cast<int64_t>(r % model.size());
      REQUIRE(list->pop_at(at) == model[static_cast<size_t>(at)]);
      model.erase(model.begin() + at);
    }
  }
  CHECK(items_of(list) == model);
}

TEST_CASE("List extend, including with itself", "[list]") {
  auto* a = list_of({1, 2});
  a->extend(list_of({3, 4, 5}));
  CHECK(items_of(a) == V{1, 2, 3, 4, 5});
  a->extend(rt::make<IntList>());
  CHECK(items_of(a) == V{1, 2, 3, 4, 5});
  a->extend(a);
  CHECK(items_of(a) == V{1, 2, 3, 4, 5, 1, 2, 3, 4, 5});
  auto* b = list_of({7});
  for (int i = 0; i < 20; ++i) b->extend(b);  // doubling: 2^20 items, grown each time
  CHECK(b->size() == (int64_t{1} << 20));
  CHECK(b->get((int64_t{1} << 20) - 1) == 7);
  auto* empty = rt::make<IntList>();
  empty->extend(empty);
  CHECK(empty->size() == 0);
}

TEST_CASE("List resize and clear", "[list]") {
  auto* list = list_of({1, 2, 3});
  list->resize(5, 9);
  CHECK(items_of(list) == V{1, 2, 3, 9, 9});
  list->resize(2);
  CHECK(items_of(list) == V{1, 2});
  // Shrinking then growing again within the capacity refills with the new fill value, never
  // with the old items.
  list->resize(4);
  CHECK(items_of(list) == V{1, 2, 0, 0});
  list->resize(0);
  CHECK(list->empty());
  CHECK_THROWS_AS(list->resize(-1), rt::ValueError*);
  CHECK_THROWS_AS(list->resize(INT64_MAX), rt::MemoryError*);
  CHECK(list->empty());
  list->resize(1000000, -1);
  CHECK(list->size() == 1000000);
  CHECK(list->get(999999) == -1);
  list->clear();
  CHECK(list->size() == 0);
  list->append(5);
  CHECK(items_of(list) == V{5});
}

TEST_CASE("List slice clamps and copies", "[list]") {
  auto* list = list_of({0, 1, 2, 3, 4});
  CHECK(items_of(list->slice(1, 3)) == V{1, 2});
  CHECK(items_of(list->slice(-100, 2)) == V{0, 1});
  CHECK(items_of(list->slice(3, 100)) == V{3, 4});
  CHECK(items_of(list->slice(INT64_MIN, INT64_MAX)) == V{0, 1, 2, 3, 4});
  CHECK(list->slice(3, 3)->size() == 0);
  CHECK(list->slice(4, 1)->size() == 0);
  CHECK(list->slice(7, 9)->size() == 0);
  CHECK(list->slice(-3, -1)->size() == 0);
  auto* whole = list->slice(0, 5);
  CHECK(whole != list);  // always a new list
  whole->set(0, 100);
  CHECK(list->get(0) == 0);
  auto* copy = list->copy();
  copy->append(5);
  CHECK(list->size() == 5);
  CHECK(items_of(copy) == V{0, 1, 2, 3, 4, 5});
  // A slice is an ordinary list that grows.
  auto* part = list->slice(1, 2);
  for (int i = 0; i < 100; ++i) part->append(i);
  CHECK(part->size() == 101);
  CHECK(part->get(100) == 99);
}

TEST_CASE("List reverse, index_of, contains", "[list]") {
  auto* list = list_of({1, 2, 3, 2});
  CHECK(list->index_of(2) == 1);
  CHECK(list->index_of(4) == -1);
  CHECK(list->contains(3));
  CHECK_FALSE(list->contains(0));
  list->reverse();
  CHECK(items_of(list) == V{2, 3, 2, 1});
  auto* odd = list_of({1, 2, 3});
  odd->reverse();
  CHECK(items_of(odd) == V{3, 2, 1});
  auto* one = list_of({1});
  one->reverse();
  CHECK(items_of(one) == V{1});
}

TEST_CASE("List range-for re-reads the size", "[list][iteration]") {
  SECTION("items appended during the loop are visited") {
    auto* list = list_of({1, 2, 3});
    std::vector<int64_t> seen;
    for (int64_t x : *list) {
      seen.push_back(x);
      if (x < 3) list->append(x + 10);
    }
    CHECK(seen == V{1, 2, 3, 11, 12});
    CHECK(items_of(list) == V{1, 2, 3, 11, 12});
  }
  SECTION("items removed during the loop are not") {
    auto* list = list_of({1, 2, 3, 4, 5});
    std::vector<int64_t> seen;
    for (int64_t x : *list) {
      seen.push_back(x);
      if (x == 2) {
        list->pop();
        list->pop();
      }
    }
    CHECK(seen == V{1, 2, 3});
  }
  SECTION("clearing ends the loop") {
    auto* list = list_of({1, 2, 3});
    std::vector<int64_t> seen;
    for (int64_t x : *list) {
      seen.push_back(x);
      list->clear();
    }
    CHECK(seen == V{1});
  }
  SECTION("the loop variable is a copy") {
    auto* list = list_of({1, 2});
    for (int64_t x : *list) list->set(0, x * 100);
    CHECK(items_of(list) == V{200, 2});
  }
}

TEST_CASE("List<Str>", "[list][str]") {
  auto* list = rt::make<rt::List<rt::Str>>();
  list->append("b");
  list->append(rt::Str("a") + "a");
  list->insert(0, "c");
  CHECK(list->size() == 3);
  CHECK(list->get(0) == "c");
  CHECK(list->index_of("aa") == 2);  // by content, not identity
  CHECK(list->contains(rt::Str("b")));
  CHECK_FALSE(list->contains("d"));
  CHECK(list->pop() == "aa");
  list->resize(4);
  CHECK(list->get(3).empty());
  CHECK(list->get(3) == rt::Str());
  auto* filled = rt::make<rt::List<rt::Str>>(3, "x");
  CHECK(rt::Str("").join(filled) == "xxx");
  std::string all;
  for (rt::Str s : *list) all += std::string(s.view()) + ";";
  CHECK(all == "c;b;;;");
}

TEST_CASE("List of other value types", "[list]") {
  auto* flags = rt::make<rt::List<bool>>(3, true);
  flags->append(false);
  CHECK(flags->get(0));
  CHECK_FALSE(flags->get(3));
  CHECK(flags->index_of(false) == 3);
  auto* doubles = rt::make<rt::List<double>>();
  doubles->append(0.5);
  doubles->append(-0.0);
  CHECK(doubles->index_of(0.0) == 1);  // operator==: -0.0 == 0.0
  auto* nodes = rt::make<rt::List<Node*>>();
  Node* n1 = rt::make<Node>(1);
  Node* n1_twin = rt::make<Node>(1);
  nodes->append(n1);
  nodes->append(nullptr);
  CHECK(nodes->index_of(n1_twin) == -1);  // pointers compare by identity
  CHECK(nodes->index_of(n1) == 0);
  CHECK(nodes->index_of(nullptr) == 1);
  CHECK(nodes->pop() == nullptr);
  CHECK(nodes->get(0)->value == 1);
  auto* bytes = rt::make<rt::List<uint8_t>>(2, uint8_t{255});
  CHECK(bytes->get(1) == 255);
}

TEST_CASE("List and Array of value structs", "[list][array]") {
  auto* tokens = rt::make<rt::List<Token>>();
  tokens->append(Token{1, "if", Pos{3, 7}});
  tokens->append(Token{2, rt::Str("x") + "y", Pos{3, 10}});
  tokens->insert(0, Token{});
  CHECK(tokens->size() == 3);
  CHECK(tokens->get(0).kind == 0);
  CHECK(tokens->get(0).text.empty());
  CHECK(tokens->get(0).pos.line == 1);  // default member initialisers
  CHECK(tokens->get(1).text == "if");
  CHECK(tokens->get(2).pos.col == 10);
  Token t = tokens->get(2);
  t.text = "changed";  // a copy: the item is unchanged
  CHECK(tokens->get(2).text == "xy");
  tokens->set(2, t);
  CHECK(tokens->get(2).text == "changed");
  tokens->resize(5);
  CHECK(tokens->get(4).pos.col == 1);
  CHECK(tokens->get(4).text.empty());
  CHECK(tokens->pop_at(1).text == "if");
  CHECK(tokens->get(1).text == "changed");
  auto* positions = rt::make<rt::Array<Pos>>(3, Pos{5, 6});
  CHECK(positions->get(2).line == 5);
  positions->set(0, Pos{});
  CHECK(positions->get(0).col == 1);
}

TEST_CASE("List huge sizes", "[list]") {
  auto* list = rt::make<IntList>();
  const int64_t n = 3000000;
  for (int64_t i = 0; i < n; ++i) list->append(i * 3);
  CHECK(list->size() == n);
  int64_t sum = 0;
  for (int64_t x : *list) sum += x;
  CHECK(sum == 3 * (n * (n - 1) / 2));
  CHECK(list->get(n - 1) == 3 * (n - 1));
  CHECK_THROWS_AS(list->get(n), rt::IndexError*);
  for (int64_t i = 0; i < n; ++i) list->pop();
  CHECK(list->empty());
}

TEST_CASE("Array basics", "[array]") {
  auto* array = rt::make<rt::Array<int64_t>>(4, 7);
  CHECK(array->size() == 4);
  CHECK(array->get(3) == 7);
  array->set(0, 1);
  array->set(3, 4);
  CHECK(array->get(0) == 1);
  for (int64_t bad : {int64_t{4}, int64_t{-1}, INT64_MIN, INT64_MAX}) {
    CHECK_THROWS_AS(array->get(bad), rt::IndexError*);
    CHECK_THROWS_AS(array->set(bad, 0), rt::IndexError*);
  }
  std::vector<int64_t> seen;
  for (int64_t x : *array) seen.push_back(x);
  CHECK(seen == V{1, 7, 7, 4});
  array->fill(-2);
  seen.clear();
  for (int64_t x : *array) seen.push_back(x);
  CHECK(seen == V{-2, -2, -2, -2});

  auto* zero = rt::make<rt::Array<int64_t>>(0);
  CHECK(zero->size() == 0);
  CHECK_THROWS_AS(zero->get(0), rt::IndexError*);
  zero->fill(3);
  int visits = 0;
  for (int64_t x : *zero) visits += static_cast<int>(x);
  CHECK(visits == 0);

  CHECK(rt::make<rt::Array<int64_t>>(3)->get(2) == 0);
  CHECK_THROWS_AS(rt::make<rt::Array<int64_t>>(-1), rt::ValueError*);
  CHECK_THROWS_AS(rt::make<rt::Array<int64_t>>(INT64_MIN), rt::ValueError*);
  CHECK_THROWS_AS(rt::make<rt::Array<int64_t>>(INT64_MAX), rt::MemoryError*);
  CHECK_THROWS_AS(rt::make<rt::Array<double>>(int64_t{1} << 59), rt::MemoryError*);
}

TEST_CASE("Array<bool>, Array<Str>, Array<double>", "[array]") {
  auto* flags = rt::make<rt::Array<bool>>(5);
  for (int64_t i = 0; i < 5; ++i) CHECK_FALSE(flags->get(i));
  flags->set(2, true);
  CHECK(flags->get(2));
  CHECK_FALSE(flags->get(1));
  CHECK_FALSE(flags->get(3));
  auto* all_true = rt::make<rt::Array<bool>>(1000, true);
  int64_t count = 0;
  for (bool b : *all_true) count += b;
  CHECK(count == 1000);
  all_true->fill(false);
  count = 0;
  for (bool b : *all_true) count += b;
  CHECK(count == 0);

  auto* strs = rt::make<rt::Array<rt::Str>>(2, "x");
  strs->set(1, "yz");
  CHECK(strs->get(0) == "x");
  CHECK(strs->get(1) == "yz");
  CHECK(rt::make<rt::Array<rt::Str>>(3)->get(2).empty());

  auto* ds = rt::make<rt::Array<double>>(2, 1.5);
  CHECK(ds->get(1) == 1.5);
}

TEST_CASE("Array::from_list copies", "[array]") {
  auto* list = list_of({1, 2, 3});
  auto* array = rt::Array<int64_t>::from_list(list);
  CHECK(array->size() == 3);
  list->set(0, 100);
  list->append(4);
  CHECK(array->get(0) == 1);
  CHECK(array->size() == 3);
  CHECK(rt::Array<int64_t>::from_list(rt::make<IntList>())->size() == 0);
}
