// Strings, string builders, lists, arrays and dicts (default and program key traits).
#include "test_util.h"

TEST_CASE("string operations are rt::Str's") {
  Run run(op_function("str_getitem", {"str", "i64"}, "i8") +
          rename(op_function("str_slice", {"str", "i64", "i64"}, "str"), "slice") +
          rename(op_function("str_find", {"str", "str", "i64"}, "i64"), "find") +
          rename(op_function("str_to_int", {"str", "i64"}, "i64"), "to_int") +
          rename(op_function("str_from_double", {"f64"}, "str"), "repr") +
          rename(op_function("str_compare", {"str", "str"}, "i64"), "cmp") +
          rename(op_function("str_hash", {"str"}, "i64"), "str_hash_of"));
  CHECK(run.value("f", {S("\xff" "a"), I(0)}).as_int() == -1);
  gi::Outcome o = run.call("f", {S("abc"), I(3)});
  CHECK(o.type_name == "IndexError");
  CHECK(o.message == "string index 3 out of range for size 3");
  CHECK(str(run.value("slice", {S("hello"), I(-5), I(99)})) == "hello");
  CHECK(str(run.value("slice", {S("hello"), I(3), I(1)})) == "");
  CHECK(run.value("find", {S("banana"), S("na"), I(3)}).as_int() == 4);
  CHECK(run.value("to_int", {S(" -ff "), I(16)}).as_int() == -255);
  CHECK(run.call("to_int", {S("12x"), I(10)}).type_name == "ValueError");
  CHECK(run.call("to_int", {S("99999999999999999999"), I(10)}).type_name == "OverflowError");
  CHECK(str(run.value("repr", {F(0.1 + 0.2)})) == "0.30000000000000004");
  CHECK(str(run.value("repr", {F(1e16)})) == "1e+16");
  CHECK(run.value("cmp", {S("a"), S("b")}).as_int() < 0);
  CHECK(run.value("str_hash_of", {S("abc")}).as_int() == rt::Str("abc").hash());
}

TEST_CASE("string builders") {
  Run run(R"(
function f(n: i64) -> str {
block0(v0: i64):
  v1: strbuilder = strbuilder_new 4:i64
  strbuilder_append v1, "ab"
  strbuilder_append_char v1, 99:i8
  v2: str = strbuilder_build v1
  strbuilder_clear v1
  strbuilder_append v1, v2
  strbuilder_append v1, v2
  v3: i64 = strbuilder_len v1
  v4: str = str_from_int v3
  v5: str = strbuilder_build v1
  v6: str = str_concat v5, v4
  goto return(v6)
}
)");
  CHECK(str(run.value("f", {I(0)})) == "abcabc6");
}

TEST_CASE("lists: rt::List semantics, identity and errors") {
  Run run(R"(
function build(n: i64) -> list<i64> {
block0(v0: i64):
  v1: list<i64> = list_new_filled v0, 7:i64
  list_append v1, 8:i64
  list_insert v1, 0:i64, 6:i64
  v2: list<i64> = list_copy v1
  list_extend v1, v2
  list_reverse v1
  v3: i64 = list_pop_at v1, 1:i64
  list_setitem v1, 0:i64, v3
  goto return(v1)
}
function get(l: list<i64>, i: i64) -> i64 {
block0(v0: list<i64>, v1: i64):
  v2: i64 = list_getitem v0, v1
  goto return(v2)
}
function pop(l: list<i64>) -> i64 {
block0(v0: list<i64>):
  v1: i64 = list_pop v0
  goto return(v1)
}
function index(l: list<str>, s: str) -> i64 {
block0(v0: list<str>, v1: str):
  v2: i64 = list_index_of v0, v1
  goto return(v2)
}
function resize(n: i64) -> list<i64> {
block0(v0: i64):
  v1: list<i64> = list_new
  list_resize v1, v0, 1:i64
  goto return(v1)
}
function arr(n: i64) -> i64 {
block0(v0: i64):
  v1: array<i64> = array_new v0, 3:i64
  array_setitem v1, 0:i64, 5:i64
  v2: i64 = array_getitem v1, 0:i64
  v3: i64 = array_len v1
  v4: i64 = int_add v2, v3
  goto return(v4)
}
)");
  gi::Value list = run.value("build", {I(2)});
  // [6, 7, 7, 8] + copy, reversed: [8, 7, 7, 6, 8, 7, 7, 6]; pop_at 1 -> 7; [7, 7, 6, 8, 7, 7, 6]
  REQUIRE(run.interp->length(list) == 7);
  std::vector<int64_t> items;
  for (int64_t i = 0; i < 7; ++i) items.push_back(run.interp->item(list, i).as_int());
  CHECK(items == std::vector<int64_t>{7, 7, 6, 8, 7, 7, 6});
  gi::Outcome o = run.call("get", {list, I(7)});
  CHECK(o.type_name == "IndexError");
  CHECK(o.message == "list index 7 out of range for size 7");
  CHECK(run.call("get", {list, I(-1)}).type_name == "IndexError");
  gi::Value empty = run.value("resize", {I(0)});
  CHECK(run.call("pop", {empty}).message == "pop from empty list");
  CHECK(run.call("resize", {I(-1)}).message == "negative list size");
  gi::Value strs = run.interp->make_str_list({"a", "b", "c"});
  CHECK(run.value("index", {strs, S("c")}).as_int() == 2);
  CHECK(run.value("index", {strs, S("z")}).as_int() == -1);
  CHECK(run.value("arr", {I(4)}).as_int() == 9);
  CHECK(run.call("arr", {I(0)}).type_name == "IndexError");
  CHECK(run.call("arr", {I(-1)}).message == "negative array size");
  // A null list is a null dereference.
  CHECK(run.call("get", {gi::Value::ref(gi::Tag::kList, nullptr), I(0)}).kind == gi::Outcome::kFatal);
}

TEST_CASE("dicts: insertion order, deletion, KeyError, iteration, pointer keys") {
  Run run(R"(
class Key : rt::Object {
  field n: i64
}
function order(n: i64) -> str {
block0(v0: i64):
  v1: dict<str, i64> = dict_new
  dict_setitem v1, "b", 1:i64
  dict_setitem v1, "a", 2:i64
  dict_setitem v1, "c", 3:i64
  dict_setitem v1, "b", 4:i64
  dict_delitem v1, "a"
  dict_setitem v1, "a", 5:i64
  v2: dictiter<str, i64> = dict_iter v1
  v3: strbuilder = strbuilder_new 16:i64
  goto loop(v2, v3)
loop(v4: dictiter<str, i64>, v5: strbuilder):
  v6: bool = dictiter_next v4
  switch v6
    false -> done(v5)
    true -> body(v4, v5)
body(v7: dictiter<str, i64>, v8: strbuilder):
  v9: str = dictiter_key v7
  v10: i64 = dictiter_value v7
  v11: str = str_from_int v10
  strbuilder_append v8, v9
  strbuilder_append v8, v11
  goto loop(v7, v8)
done(v12: strbuilder):
  v13: str = strbuilder_build v12
  goto return(v13)
}
function missing(n: i64) -> i64 {
block0(v0: i64):
  v1: dict<i64, i64> = dict_new
  dict_setitem v1, 1:i64, 10:i64
  v2: i64 = dict_get_or v1, 2:i64, 20:i64
  v3: bool = dict_discard v1, 1:i64
  v4: i64 = dict_getitem v1, v0
  goto return(v4)
}
function mutate(n: i64) -> i64 {
block0(v0: i64):
  v1: dict<i64, i64> = dict_new
  dict_setitem v1, 1:i64, 10:i64
  v2: dictiter<i64, i64> = dict_iter v1
  v3: bool = dictiter_next v2
  dict_setitem v1, 2:i64, 20:i64
  v4: bool = dictiter_next v2
  goto return(0:i64)
}
function pointers(n: i64) -> i64 {
block0(v0: i64):
  v1: Key* = new_object class Key
  v2: Key* = new_object class Key
  v3: dict<Key*, i64> = dict_new
  dict_setitem v3, v1, 1:i64
  dict_setitem v3, v2, 2:i64
  dict_setitem v3, v1, 3:i64
  v4: i64 = dict_getitem v3, v1
  v5: i64 = dict_len v3
  v6: i64 = int_mul v4, 10:i64
  v7: i64 = int_add v6, v5
  goto return(v7)
}
)");
  CHECK(str(run.value("order", {I(0)})) == "b4c3a5");
  gi::Outcome o = run.call("missing", {I(1)});
  CHECK(o.type_name == "KeyError");
  CHECK(o.message == "key not found");
  gi::Outcome changed = run.call("mutate", {I(0)});
  CHECK(changed.type_name == "RuntimeError");
  CHECK(changed.message == "dict changed size during iteration");
  CHECK(run.value("pointers", {I(0)}).as_int() == 32);
}

TEST_CASE("dicts with program key traits call the traits' graphs") {
  Run run(R"(
keytraits ByNumber: Key* {
  hash = @Key::hash
  equal = @Key::equal
}
class Key : rt::Object {
  field n: i64
}
global hashes: i64
function Key::hash(k: Key*) -> i64 {
block0(v0: Key*):
  v1: i64 = getglobal global hashes
  v2: i64 = int_add v1, 1:i64
  setglobal global hashes, v2
  v3: i64 = getfield v0, field Key.n
  v4: bool = int_lt v3, 0:i64
  switch v4
    false -> ok(v3)
    true -> bad()
ok(v5: i64):
  goto return(v5)
bad():
  v6: rt::ValueError* = new_object class rt::ValueError
  setfield v6, field rt::Exception.message, "negative key"
  v7: classref<rt::ValueError> = classof v6
  goto except(v7, v6)
}
function Key::equal(a: Key*, b: Key*) -> bool {
block0(v0: Key*, v1: Key*):
  v2: i64 = getfield v0, field Key.n
  v3: i64 = getfield v1, field Key.n
  v4: bool = int_eq v2, v3
  goto return(v4)
}
function key(n: i64) -> Key* {
block0(v0: i64):
  v1: Key* = new_object class Key
  setfield v1, field Key.n, v0
  goto return(v1)
}
function f(n: i64) -> i64 {
block0(v0: i64):
  v1: dict<Key*, i64, ByNumber> = dict_new
  v2: Key* = direct_call @key, 5:i64
  v3: Key* = direct_call @key, 5:i64
  dict_setitem v1, v2, 1:i64
  dict_setitem v1, v3, 2:i64
  v4: Key* = direct_call @key, v0
  v5: bool = dict_contains v1, v4
  v6: i64 = dict_len v1
  v7: i64 = getglobal global hashes
  v8: i64 = int_mul v7, 10:i64
  v9: i64 = int_add v8, v6
  goto return(v9)
}
)");
  CHECK(run.value("f", {I(5)}).as_int() == 31);  // three hashes, one entry
  gi::Outcome o = run.call("f", {I(-1)});
  CHECK(o.kind == gi::Outcome::kRaised);
  CHECK(o.type_name == "ValueError");
  CHECK(o.message == "negative key");
}

TEST_CASE("more string operations: rt::Str's methods") {
  Run run(op_function("str_byte_at", {"str", "i64"}, "i64") +
          rename(op_function("str_lt", {"str", "str"}, "bool"), "lt") +
          rename(op_function("str_count", {"str", "str"}, "i64"), "count") +
          rename(op_function("str_replace", {"str", "str", "str"}, "str"), "replace") +
          rename(op_function("str_strip", {"str"}, "str"), "strip") +
          rename(op_function("str_repeat", {"str", "i64"}, "str"), "repeat") +
          rename(op_function("str_split", {"str", "str"}, "list<str>"), "split") +
          rename(op_function("str_join", {"str", "list<str>"}, "str"), "join") +
          rename(op_function("str_split_whitespace", {"str"}, "list<str>"), "words") +
          rename(op_function("list_contains", {"list<str>", "str"}, "bool"), "has") +
          rename(op_function("str_rfind", {"str", "str"}, "i64"), "rfind"));
  CHECK(run.value("f", {S("\xff"), I(0)}).as_int() == 255);
  CHECK(run.call("f", {S(""), I(0)}).type_name == "IndexError");
  CHECK(run.value("lt", {S("ab"), S("b")}).as_bool());
  CHECK(run.value("count", {S("aaaa"), S("aa")}).as_int() == 2);
  CHECK(run.call("count", {S("aaaa"), S("")}).type_name == "ValueError");
  CHECK(str(run.value("replace", {S("a-b-c"), S("-"), S("+")})) == "a+b+c");
  CHECK(str(run.value("strip", {S(" \t x \n")})) == "x");
  CHECK(str(run.value("repeat", {S("ab"), I(-1)})) == "");
  gi::Value parts = run.value("split", {S("a,,b"), S(",")});
  CHECK(run.interp->length(parts) == 3);
  CHECK(str(run.value("join", {S("/"), parts})) == "a//b");
  CHECK(run.call("split", {S("a"), S("")}).type_name == "ValueError");
  CHECK(run.interp->length(run.value("words", {S("  a b\tc ")})) == 3);
  CHECK(run.value("has", {parts, S("b")}).as_bool());
  CHECK(run.value("rfind", {S("abab"), S("ab")}).as_int() == 2);
}
