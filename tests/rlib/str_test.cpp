// rt::Str and rt::StrBuilder: construction, indexing, searching, splitting, comparison, hashing,
// number formatting (Python repr) and parsing.
#include "test_util.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "rt/rt.h"

namespace {

struct ReprCase {
  uint64_t bits;
  const char* repr;
};
#include "float_repr_table.inc"

std::string S(rt::Str s) { return std::string(s.view()); }

std::string joined(rt::List<rt::Str>* pieces) {
  std::string out = "[";
  for (int64_t i = 0; i < pieces->size(); ++i) {
    if (i) out += "|";
    out += S(pieces->get(i));
  }
  return out + "]";
}

uint64_t bits_of(double x) { return std::bit_cast<uint64_t>(x); }

// splitmix64: a deterministic stream of bit patterns.
uint64_t next_random(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

TEST_CASE("Str construction", "[str]") {
  rt::Str empty;
  CHECK(empty.size() == 0);
  CHECK(empty.empty());
  CHECK(std::strcmp(empty.c_str(), "") == 0);

  rt::Str null_text(static_cast<const char*>(nullptr));
  CHECK(null_text.size() == 0);
  CHECK(null_text == empty);

  rt::Str hello = "hello";
  CHECK(hello.size() == 5);
  CHECK_FALSE(hello.empty());
  CHECK(std::strcmp(hello.c_str(), "hello") == 0);

  // Arbitrary bytes, embedded NULs included; c_str() is NUL-terminated after them.
  rt::Str bytes = rt::Str::from_bytes(std::string_view("a\0b\xff", 4));
  CHECK(bytes.size() == 4);
  CHECK(bytes.at(1) == '\0');
  CHECK(bytes.byte_at(3) == 255);
  CHECK(bytes.c_str()[4] == '\0');
  CHECK(bytes != "a");

  CHECK(rt::Str::from_bytes("").empty());
  CHECK(rt::Str::from_char('x') == "x");
  CHECK(rt::Str::from_char('\0').size() == 1);
  CHECK(rt::Str::from_char('\0').byte_at(0) == 0);
  CHECK(rt::Str::from_char('\x80').byte_at(0) == 128);

  // Copies share the bytes and compare equal; the value is immutable.
  rt::Str copy = hello;
  CHECK(copy.c_str() == hello.c_str());
  copy = "other";
  CHECK(hello == "hello");
}

TEST_CASE("Str empty strings are interchangeable", "[str]") {
  rt::Str a;
  rt::Str b = "";
  rt::Str c = rt::Str("abc").slice(2, 1);
  rt::Str d = rt::Str().upper();
  CHECK(a == b);
  CHECK(b == c);
  CHECK(c == d);
  CHECK(a.hash() == d.hash());
  CHECK(a.compare(d) == 0);
  CHECK(a.hash() == static_cast<int64_t>(0xcbf29ce484222325ULL));  // FNV-1a offset basis
  CHECK(a + a == "");
  CHECK(a.find("") == 0);
}

TEST_CASE("Str indexing", "[str]") {
  rt::Str s = "abc";
  CHECK(s.at(0) == 'a');
  CHECK(s.at(2) == 'c');
  CHECK(s[0] == 'a');
  CHECK(s[2] == 'c');
  CHECK(s.byte_at(1) == 'b');
  for (int64_t bad : {int64_t{3}, int64_t{4}, int64_t{-1}, int64_t{-3}, INT64_MIN, INT64_MAX}) {
    CHECK_THROWS_AS(s.at(bad), rt::IndexError*);
    CHECK_THROWS_AS(s[bad], rt::IndexError*);
    CHECK_THROWS_AS(s.byte_at(bad), rt::IndexError*);
  }
  CHECK_THROWS_AS(rt::Str().at(0), rt::IndexError*);
  try {
    s.at(7);
    FAIL("no IndexError");
  } catch (rt::IndexError* e) {
    CHECK(S(e->message) == "string index 7 out of range for size 3");
    CHECK(e->type_name() == "IndexError");
  }
}

TEST_CASE("Str slice clamps both bounds", "[str]") {
  rt::Str s = "hello";
  CHECK(s.slice(1, 3) == "el");
  CHECK(s.slice(0, 5) == "hello");
  CHECK(s.slice(0, 5).c_str() == s.c_str());  // whole string: no copy
  CHECK(s.slice(-10, 2) == "he");
  CHECK(s.slice(3, 100) == "lo");
  CHECK(s.slice(INT64_MIN, INT64_MAX) == "hello");
  CHECK(s.slice(3, 3).empty());
  CHECK(s.slice(4, 2).empty());
  CHECK(s.slice(7, 9).empty());
  CHECK(s.slice(-5, -1).empty());
  CHECK(s.slice_from(2) == "llo");
  CHECK(s.slice_from(-2) == "hello");
  CHECK(s.slice_from(5).empty());
  CHECK(s.slice_from(INT64_MAX).empty());
}

TEST_CASE("Str find, rfind, contains, starts_with, ends_with, count", "[str]") {
  rt::Str s = "abcabc";
  CHECK(s.find("bc") == 1);
  CHECK(s.find("bc", 2) == 4);
  CHECK(s.find("bc", 5) == -1);
  CHECK(s.find("bc", -100) == 1);
  CHECK(s.find("x") == -1);
  CHECK(s.find("") == 0);
  CHECK(s.find("", 4) == 4);
  CHECK(s.find("", 6) == 6);
  CHECK(s.find("", 7) == -1);
  CHECK(s.find("a", INT64_MAX) == -1);
  CHECK(s.find("abcabcd") == -1);
  CHECK(s.rfind("bc") == 4);
  CHECK(s.rfind("a") == 3);
  CHECK(s.rfind("x") == -1);
  CHECK(s.rfind("") == 6);
  CHECK(s.contains("ca"));
  CHECK_FALSE(s.contains("cb"));
  CHECK(s.contains(""));
  CHECK(s.starts_with("abc"));
  CHECK(s.starts_with(""));
  CHECK_FALSE(s.starts_with("bc"));
  CHECK_FALSE(rt::Str("ab").starts_with("abc"));
  CHECK(s.ends_with("bc"));
  CHECK(s.ends_with(""));
  CHECK_FALSE(s.ends_with("ab"));
  CHECK(s.count("bc") == 2);
  CHECK(rt::Str("aaaa").count("aa") == 2);  // non-overlapping
  CHECK(rt::Str("aaaa").count("b") == 0);
  CHECK(rt::Str().count("a") == 0);
  CHECK_THROWS_AS(s.count(""), rt::ValueError*);
  // Bytes, not characters: a NUL inside the needle is matched like any other byte.
  rt::Str with_nul = rt::Str::from_bytes(std::string_view("x\0y\0z", 5));
  CHECK(with_nul.find(rt::Str::from_bytes(std::string_view("\0z", 2))) == 3);
}

TEST_CASE("Str split and split_whitespace", "[str]") {
  CHECK(joined(rt::Str("a,,b").split(",")) == "[a||b]");
  CHECK(joined(rt::Str("a,b,").split(",")) == "[a|b|]");
  CHECK(joined(rt::Str(",").split(",")) == "[|]");
  CHECK(rt::Str("").split(",")->size() == 1);
  CHECK(rt::Str("").split(",")->get(0).empty());
  CHECK(joined(rt::Str("abc").split(",")) == "[abc]");
  CHECK(joined(rt::Str("a::b:::c").split("::")) == "[a|b|:c]");
  CHECK_THROWS_AS(rt::Str("abc").split(""), rt::ValueError*);

  CHECK(joined(rt::Str("  a b\t\tc\n").split_whitespace()) == "[a|b|c]");
  CHECK(rt::Str("").split_whitespace()->size() == 0);
  CHECK(rt::Str(" \t\r\n\v\f").split_whitespace()->size() == 0);
  CHECK(joined(rt::Str("one").split_whitespace()) == "[one]");
}

TEST_CASE("Str join and replace", "[str]") {
  auto* pieces = rt::make<rt::List<rt::Str>>();
  CHECK(rt::Str(", ").join(pieces).empty());
  pieces->append("a");
  CHECK(rt::Str(", ").join(pieces) == "a");
  pieces->append("");
  pieces->append("ccc");
  CHECK(rt::Str(", ").join(pieces) == "a, , ccc");
  CHECK(rt::Str().join(pieces) == "accc");
  CHECK(rt::Str(", ").join(rt::Str("x,y,z").split(",")) == "x, y, z");

  CHECK(rt::Str("a-b-c").replace("-", "+=") == "a+=b+=c");
  CHECK(rt::Str("aaaa").replace("aa", "b") == "bb");
  CHECK(rt::Str("abc").replace("x", "y") == "abc");
  CHECK(rt::Str("abc").replace("abc", "") == "");
  CHECK(rt::Str("").replace("a", "b") == "");
  CHECK_THROWS_AS(rt::Str("abc").replace("", "x"), rt::ValueError*);
}

TEST_CASE("Str strip, case and repeat", "[str]") {
  CHECK(rt::Str("  a b \t\n").strip() == "a b");
  CHECK(rt::Str("  a b \t\n").lstrip() == "a b \t\n");
  CHECK(rt::Str("  a b \t\n").rstrip() == "  a b");
  CHECK(rt::Str(" \v\f\r ").strip().empty());
  CHECK(rt::Str("").strip().empty());
  CHECK(rt::Str("x").strip() == "x");

  CHECK(rt::Str("Hello, World! 123 \xc3\xa9").upper() == "HELLO, WORLD! 123 \xc3\xa9");
  CHECK(rt::Str("Hello, World! 123 \xc3\x89").lower() == "hello, world! 123 \xc3\x89");
  CHECK(rt::Str("@[`{").upper() == "@[`{");  // the neighbours of the letter ranges
  CHECK(rt::Str("@[`{").lower() == "@[`{");

  CHECK(rt::Str("ab").repeat(3) == "ababab");
  CHECK(rt::Str("ab").repeat(1) == "ab");
  CHECK(rt::Str("ab").repeat(0).empty());
  CHECK(rt::Str("ab").repeat(-5).empty());
  CHECK(rt::Str("ab").repeat(INT64_MIN).empty());
  CHECK(rt::Str("").repeat(INT64_MAX).empty());
  CHECK_THROWS_AS(rt::Str("ab").repeat(INT64_MAX), rt::MemoryError*);
  CHECK_THROWS_AS(rt::Str("abcd").repeat(INT64_MAX / 4), rt::MemoryError*);
}

TEST_CASE("Str huge sizes", "[str]") {
  rt::Str big = rt::Str("0123456789").repeat(1000000);  // 10 MB
  REQUIRE(big.size() == 10000000);
  CHECK(big.at(9999999) == '9');
  CHECK(big.at(5000000) == '0');
  CHECK(big.count("89") == 1000000);
  CHECK(big.find("90", 9999990) == -1);
  CHECK(big.rfind("90") == 9999989);
  rt::Str doubled = big + big;
  CHECK(doubled.size() == 20000000);
  CHECK(doubled.slice(9999995, 10000005) == "5678901234");
  CHECK(doubled.hash() == (big + big).hash());
  CHECK(doubled != big);
}

TEST_CASE("Str concatenation and comparison", "[str]") {
  rt::Str a = "abc";
  CHECK(a + "def" == "abcdef");
  CHECK(a + "" == "abc");
  CHECK(rt::Str() + a == "abc");
  CHECK((a + "").c_str() == a.c_str());

  CHECK(a.compare("abc") == 0);
  CHECK(a.compare("abd") == -1);
  CHECK(a.compare("abb") == 1);
  CHECK(a.compare("ab") == 1);
  CHECK(a.compare("abcd") == -1);
  CHECK(rt::Str().compare("") == 0);
  CHECK(rt::Str().compare("a") == -1);
  // Bytes compare as unsigned: 0xff sorts after 'z'.
  CHECK(rt::Str("\xff").compare("z") == 1);
  CHECK(rt::Str("z") < rt::Str("\xff"));
  CHECK(a < "abd");
  CHECK(a <= "abc");
  CHECK(a > "ab");
  CHECK(a >= "abc");
  CHECK_FALSE(a < "abc");
  CHECK(a == "abc");
  CHECK(a != "abC");
  CHECK(a != "ab");
}

TEST_CASE("Str hash is FNV-1a and cached", "[str]") {
  // Reference values computed with python3 (64-bit FNV-1a, as a signed int64).
  CHECK(rt::Str("a").hash() == -5808556873153909620LL);
  CHECK(rt::Str("hello").hash() == -6615550055289275125LL);
  CHECK(rt::Str("foobar").hash() == -8821353812377114648LL);
  CHECK(rt::Str::from_bytes(std::string_view("\xff\x00", 2)).hash() == 763824163880569834LL);

  rt::Str s = rt::Str("hel") + "lo";
  CHECK(s.hash() == rt::Str("hello").hash());
  CHECK(s.hash() == s.hash());  // second call: the cached value
  rt::Str copy = s;
  CHECK(copy.hash() == -6615550055289275125LL);
  // Equality with a cached hash on one side only, on both sides, and a same-size mismatch.
  rt::Str other = rt::Str("hellp");
  CHECK(other != s);
  other.hash();
  CHECK(other != s);
  CHECK(rt::Str("hello") == s);
  rt::Str h2 = "hello";
  h2.hash();
  CHECK(h2 == s);
}

TEST_CASE("Str::from_int", "[str]") {
  CHECK(rt::Str::from_int(0) == "0");
  CHECK(rt::Str::from_int(-1) == "-1");
  CHECK(rt::Str::from_int(1234567890) == "1234567890");
  CHECK(rt::Str::from_int(INT64_MAX) == "9223372036854775807");
  CHECK(rt::Str::from_int(INT64_MIN) == "-9223372036854775808");
}

TEST_CASE("Str::from_double matches Python's repr", "[str][float]") {
  for (const ReprCase& c : kPythonRepr) {
    double x = std::bit_cast<double>(c.bits);
    INFO("bits 0x" << std::hex << c.bits);
    CHECK(S(rt::Str::from_double(x)) == c.repr);
  }
  CHECK(rt::Str::from_double(std::numeric_limits<double>::quiet_NaN()) == "nan");
  CHECK(rt::Str::from_double(-std::numeric_limits<double>::quiet_NaN()) == "nan");
  CHECK(rt::Str::from_double(std::bit_cast<double>(0x7ff0000000000001ULL)) == "nan");
  // The cases named in docs/rlib.md.
  CHECK(rt::Str::from_double(1e16) == "1e+16");
  CHECK(rt::Str::from_double(1e15) == "1000000000000000.0");
  CHECK(rt::Str::from_double(1.5e-05) == "1.5e-05");
  CHECK(rt::Str::from_double(0.0001) == "0.0001");
  CHECK(rt::Str::from_double(-0.0) == "-0.0");
  CHECK(rt::Str::from_double(1e-310) == "1e-310");
  CHECK(rt::Str::from_double(1e+308) == "1e+308");
  CHECK(rt::Str::from_double(-5e-324) == "-5e-324");
  CHECK(rt::Str::from_double(-1.7976931348623157e+308) == "-1.7976931348623157e+308");
}

TEST_CASE("Str::to_double parses what from_double prints, bit-exactly", "[str][float]") {
  for (const ReprCase& c : kPythonRepr) {
    INFO(c.repr);
    CHECK(bits_of(rt::Str(c.repr).to_double()) == c.bits);
  }
  // A deterministic sweep over bit patterns (every exponent, subnormals included), NaNs skipped.
  uint64_t state = 20240601;
  int64_t checked = 0, mismatches = 0;
  for (int i = 0; i < 300000; ++i) {
    uint64_t bits = next_random(state);
    if (i % 4 == 1) bits &= 0x800fffffffffffffULL;  // subnormals and zeros
    if (i % 4 == 2)
      bits = (bits & 0x800fffffffffffffULL) | 0x7fe0000000000000ULL;  // the top binade
    double x = std::bit_cast<double>(bits);
    if (std::isnan(x)) continue;
    ++checked;
    double back = rt::Str::from_double(x).to_double();
    if (bits_of(back) != bits) {
      ++mismatches;
      if (mismatches < 5) FAIL_CHECK("round trip of 0x" << std::hex << bits);
    }
  }
  CHECK(checked > 290000);
  CHECK(mismatches == 0);
}

TEST_CASE("Str::to_double accepted forms", "[str][float]") {
  CHECK(rt::Str("1").to_double() == 1.0);
  CHECK(rt::Str("-1").to_double() == -1.0);
  CHECK(rt::Str("+1.5").to_double() == 1.5);
  CHECK(rt::Str(".5").to_double() == 0.5);
  CHECK(rt::Str("5.").to_double() == 5.0);
  CHECK(rt::Str("-.5e1").to_double() == -5.0);
  CHECK(rt::Str("1e3").to_double() == 1000.0);
  CHECK(rt::Str("1E3").to_double() == 1000.0);
  CHECK(rt::Str("1e+3").to_double() == 1000.0);
  CHECK(rt::Str("2.5e-3").to_double() == 0.0025);
  CHECK(rt::Str("  \t42.25\n ").to_double() == 42.25);
  CHECK(rt::Str("007").to_double() == 7.0);
  CHECK(bits_of(rt::Str("-0").to_double()) == 0x8000000000000000ULL);
  CHECK(bits_of(rt::Str("-0.0").to_double()) == 0x8000000000000000ULL);
  CHECK(bits_of(rt::Str("0.0").to_double()) == 0);
  // Out of range: overflow gives infinity, underflow zero (with the sign), as Python's float().
  CHECK(rt::Str("1e400").to_double() == HUGE_VAL);
  CHECK(rt::Str("-1e400").to_double() == -HUGE_VAL);
  CHECK(bits_of(rt::Str("1e-400").to_double()) == 0);
  CHECK(bits_of(rt::Str("-1e-400").to_double()) == 0x8000000000000000ULL);
  CHECK(bits_of(rt::Str("2.4703282292062328e-324").to_double()) == 1);  // rounds up to 5e-324
  CHECK(bits_of(rt::Str("2.4703282292062327e-324").to_double()) == 0);  // rounds down to 0
  CHECK(bits_of(rt::Str("1.7976931348623158e308").to_double()) == 0x7fefffffffffffffULL);
  CHECK(rt::Str("1.7976931348623159e308").to_double() == HUGE_VAL);
  // Words, any case, with a sign.
  CHECK(rt::Str("inf").to_double() == HUGE_VAL);
  CHECK(rt::Str("-inf").to_double() == -HUGE_VAL);
  CHECK(rt::Str("+Infinity").to_double() == HUGE_VAL);
  CHECK(rt::Str(" -INFINITY ").to_double() == -HUGE_VAL);
  CHECK(std::isnan(rt::Str("nan").to_double()));
  CHECK(std::isnan(rt::Str("-NaN").to_double()));
  CHECK(std::isnan(rt::Str("+nan").to_double()));
}

TEST_CASE("Str::to_double rejects malformed text", "[str][float]") {
  for (const char* bad :
       {"",      " ",       "+",     "-",     ".",       "e5",        ".e5",  "1e",
        "1e+",   "1.5x",    "x1",    "1 2",   "--5",     "+-5",       "-+5",  "++5",
        "0x10",  "0x1p3",   "1_000", "1,5",   "infinit", "infinityx", "nana", "nan(123)",
        "nan()", "-nan(1)", "in f",  "1e5.5", "1..2",    "\xff"}) {
    INFO("'" << bad << "'");
    CHECK_THROWS_AS(rt::Str(bad).to_double(), rt::ValueError*);
  }
  CHECK_THROWS_AS(rt::Str::from_bytes(std::string_view("1\0", 2)).to_double(), rt::ValueError*);
  try {
    rt::Str("abc").to_double();
    FAIL("no ValueError");
  } catch (rt::ValueError* e) {
    CHECK(S(e->message) == "invalid float literal: 'abc'");
  }
}

TEST_CASE("Str::to_int", "[str]") {
  CHECK(rt::Str("0").to_int() == 0);
  CHECK(rt::Str("42").to_int() == 42);
  CHECK(rt::Str("-42").to_int() == -42);
  CHECK(rt::Str("+42").to_int() == 42);
  CHECK(rt::Str("-0").to_int() == 0);
  CHECK(rt::Str("  \t 17 \n").to_int() == 17);
  CHECK(rt::Str(" -17 ").to_int() == -17);
  CHECK(rt::Str("0007").to_int() == 7);
  CHECK(rt::Str("9223372036854775807").to_int() == INT64_MAX);
  CHECK(rt::Str("-9223372036854775808").to_int() == INT64_MIN);
  CHECK(rt::Str("-0000000000000000000009223372036854775808").to_int() == INT64_MIN);
  // Bases 2..36, digits in either case, no prefix.
  CHECK(rt::Str("1010").to_int(2) == 10);
  CHECK(rt::Str("-1010").to_int(2) == -10);
  CHECK(rt::Str("777").to_int(8) == 511);
  CHECK(rt::Str("ff").to_int(16) == 255);
  CHECK(rt::Str("FF").to_int(16) == 255);
  CHECK(rt::Str("7fffffffffffffff").to_int(16) == INT64_MAX);
  CHECK(rt::Str("-8000000000000000").to_int(16) == INT64_MIN);
  CHECK(rt::Str("zz").to_int(36) == 36 * 35 + 35);
  CHECK(rt::Str("Zz").to_int(36) == 1295);
  CHECK(rt::Str("1y2p0ij32e8e7").to_int(36) == INT64_MAX);
  CHECK(rt::Str("10").to_int(3) == 3);

  // Overflow by one and by far.
  CHECK_THROWS_AS(rt::Str("9223372036854775808").to_int(), rt::OverflowError*);
  CHECK_THROWS_AS(rt::Str("-9223372036854775809").to_int(), rt::OverflowError*);
  CHECK_THROWS_AS(rt::Str("99999999999999999999999999").to_int(), rt::OverflowError*);
  CHECK_THROWS_AS(rt::Str("8000000000000000").to_int(16), rt::OverflowError*);
  CHECK_THROWS_AS(rt::Str("1y2p0ij32e8e8").to_int(36), rt::OverflowError*);

  // Garbage.
  for (const char* bad : {"", " ", "+", "-", "+-1", "--1", "1 2", "1.0", "1e3", "0x10", "12a", "a",
                          "1_000", "١", "\xff"}) {
    INFO("'" << bad << "'");
    CHECK_THROWS_AS(rt::Str(bad).to_int(), rt::ValueError*);
  }
  CHECK_THROWS_AS(rt::Str("2").to_int(2), rt::ValueError*);
  CHECK_THROWS_AS(rt::Str("g").to_int(16), rt::ValueError*);
  CHECK_THROWS_AS(rt::Str("10").to_int(1), rt::ValueError*);
  CHECK_THROWS_AS(rt::Str("10").to_int(37), rt::ValueError*);
  CHECK_THROWS_AS(rt::Str("10").to_int(0), rt::ValueError*);
  CHECK_THROWS_AS(rt::Str("10").to_int(-10), rt::ValueError*);
  // Garbage after an overflowing prefix is still garbage.
  CHECK_THROWS_AS(rt::Str("99999999999999999999x").to_int(), rt::ValueError*);
  try {
    rt::Str(" x ").to_int();
    FAIL("no ValueError");
  } catch (rt::ValueError* e) {
    CHECK(S(e->message) == "invalid integer literal: ' x '");
  }
}

TEST_CASE("Str round-trips through to_int and from_int", "[str]") {
  uint64_t state = 7;
  for (int i = 0; i < 10000; ++i) {
    int64_t v = static_cast<int64_t>(next_random(state)) >> (i % 64);
    REQUIRE(rt::Str::from_int(v).to_int() == v);
  }
}

TEST_CASE("StrBuilder", "[str][builder]") {
  rt::StrBuilder b;
  CHECK(b.size() == 0);
  CHECK(b.build().empty());
  b.append("abc");
  b.append_char('-');
  b.append_int(-42);
  b.append_char('/');
  b.append_double(0.5);
  b.append("");
  CHECK(b.size() == 11);
  rt::Str first = b.build();
  CHECK(first == "abc--42/0.5");
  // The builder keeps working after build(), and the built string does not change.
  b.append(" more");
  CHECK(b.build() == "abc--42/0.5 more");
  CHECK(first == "abc--42/0.5");
  b.clear();
  CHECK(b.size() == 0);
  CHECK(b.build().empty());
  b.append_char('\0');
  b.append("z");
  CHECK(b.build() == rt::Str::from_bytes(std::string_view("\0z", 2)));
  CHECK(first == "abc--42/0.5");
}

TEST_CASE("StrBuilder size hints and growth", "[str][builder]") {
  for (int64_t hint : {int64_t{0}, int64_t{-5}, int64_t{1}, int64_t{16}, int64_t{1000}}) {
    rt::StrBuilder b(hint);
    for (int i = 0; i < 100; ++i) b.append_char(static_cast<char>('a' + i % 26));
    CHECK(b.size() == 100);
    CHECK(b.build().slice(24, 28) == "yzab");
  }
  CHECK_THROWS_AS(rt::StrBuilder(INT64_MAX), rt::MemoryError*);

  rt::StrBuilder big;
  std::string expected;
  for (int i = 0; i < 200000; ++i) {
    big.append_int(i);
    expected += std::to_string(i);
    if (i % 1000 == 0) {
      rt::Str snapshot = big.build();
      REQUIRE(snapshot.size() == static_cast<int64_t>(expected.size()));
    }
  }
  rt::Str all = big.build();
  CHECK(all.size() == static_cast<int64_t>(expected.size()));
  CHECK(S(all) == expected);
  rt::StrBuilder huge_piece;
  huge_piece.append("x");
  huge_piece.append(rt::Str("y").repeat(5000000));
  CHECK(huge_piece.size() == 5000001);
  CHECK(huge_piece.build().rfind("x") == 0);
}
