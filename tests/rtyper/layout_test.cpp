// Type-id numbering and layout (rtyper/src/layout.cpp), and the verifier accepting the result.
#include <catch2/catch.hpp>

#include "rtoolchain/ir/ir.h"
#include "rtoolchain/rtyper/rtyper.h"

using namespace rtoolchain;
using namespace rtoolchain::ir;

namespace {

Program parse(const std::string& text) {
  auto program = parse_program(text);
  REQUIRE(static_cast<bool>(program));
  return std::move(*program);
}

// Classes only: valid at both levels.
constexpr const char* kClasses = R"(
class A : rt::Object {
  field x: i8
}
class B : A {
  field y: i64
}
class C : rt::Object {
}
class D : A {
  field z: i16
  field w: i8
}
class E : B {
}
class "rtll::List<rt::Array<signed char> *>" : rt::Object {
  field length: i64
  field items: array<array<i8>>
}
)";

// A whole program: the classes and an entry point (whose list<str> the rtyper makes the rtll
// list class above, as the rlib/ll helpers define it).
const std::string kTree = std::string(kClasses) + R"(
function rt_main(argv: list<str>) -> i64 {
block0(v0: list<str>):
  goto return(0:i64)
}
entry @rt_main
)";

}  // namespace

TEST_CASE("type ids number the class tree in preorder, children in ClassId order") {
  Program program = parse(kTree);
  std::vector<ClassLayout> ids = rtyper::number_classes(program);
  auto range = [&](const char* name) {
    const ClassLayout& l = ids[program.find_class(name).index()];
    return std::make_pair(l.min_type_id, l.max_type_id);
  };
  // rt::Object 1; rt::Exception 2..11 (its nine subclasses); then A (B (E), D), C, the list.
  CHECK(range("rt::Object") == std::make_pair(1u, 17u));
  CHECK(range("rt::Exception") == std::make_pair(2u, 11u));
  CHECK(range("A") == std::make_pair(12u, 15u));
  CHECK(range("B") == std::make_pair(13u, 14u));
  CHECK(range("E") == std::make_pair(14u, 14u));
  CHECK(range("D") == std::make_pair(15u, 15u));
  CHECK(range("C") == std::make_pair(16u, 16u));
}

TEST_CASE("isinstance is a range check: a range holds exactly the subclasses") {
  Program program = parse(kTree);
  std::vector<ClassLayout> ids = rtyper::number_classes(program);
  for (uint32_t c = 0; c < program.num_classes(); ++c)
    for (uint32_t d = 0; d < program.num_classes(); ++d) {
      bool in_range = ids[d].min_type_id >= ids[c].min_type_id && ids[d].min_type_id <= ids[c].max_type_id;
      CHECK(in_range == program.is_subclass(ClassId(d), ClassId(c)));
    }
}

TEST_CASE("layout: header, bases' fields first at their offsets, alignment, sizes") {
  Program program = parse(kClasses);
  program.set_level(Level::kLow);
  rtyper::compute_layout(program);
  auto offset = [&](const char* cls, const char* field) {
    return program.field_offset(program.find_own_field(program.find_class(cls), field));
  };
  auto size = [&](const char* cls) { return program.class_layout(program.find_class(cls)).size; };
  CHECK(size("rt::Object") == 8);
  CHECK(offset("A", "x") == 8);
  CHECK(size("A") == 16);  // i8 after the header, rounded to the 8-byte alignment
  CHECK(offset("B", "y") == 16);
  CHECK(size("B") == 24);
  CHECK(offset("D", "z") == 16);
  CHECK(offset("D", "w") == 18);
  CHECK(size("D") == 24);
  CHECK(size("E") == 24);
  CHECK(program.class_layout(program.find_class("D")).align == 8);
  CHECK(verify_program(program).empty());
}

TEST_CASE("rtype_program output verifies and prints back identically") {
  Program program = parse(kTree);
  auto low = rtyper::rtype_program(program);
  REQUIRE(static_cast<bool>(low));
  CHECK(low->level() == Level::kLow);
  for (const VerifierError& error : verify_program(*low)) FAIL(error.to_string());
  std::string text = program_to_string(*low);
  auto again = parse_program(text);
  REQUIRE(static_cast<bool>(again));
  CHECK(program_to_string(*again) == text);
  auto twice = rtyper::rtype_program(*low);  // already low level
  CHECK(!static_cast<bool>(twice));
  llvm::consumeError(twice.takeError());
}

TEST_CASE("struct layout follows C rules, nested structs included") {
  Program program = parse(R"(
struct Outer {
  field tag: u8
  field inner: struct Inner
}
struct Inner {
  field a: i16
  field b: i32
}
)");
  program.set_level(Level::kLow);
  rtyper::compute_layout(program);
  StructLayout inner = program.struct_layout(program.find_struct("Inner"));
  StructLayout outer = program.struct_layout(program.find_struct("Outer"));
  CHECK(inner.size == 8);
  CHECK(inner.align == 4);
  CHECK(program.field_offset(program.find_struct_field(program.find_struct("Outer"), "inner")) == 4);
  CHECK(outer.size == 12);
}

TEST_CASE("the low level keeps what the entry point reaches; function_map says where it went") {
  Program program = parse(std::string(kClasses) + R"(
function unused() -> i64 {
block0():
  goto return(1:i64)
}
function helper() -> i64 {
block0():
  goto return(2:i64)
}
function rt_main(argv: list<str>) -> i64 {
block0(v0: list<str>):
  v1: i64 = direct_call @helper
  goto return(v1)
}
entry @rt_main
)");
  std::vector<FunctionId> map;
  rtyper::Options options;
  options.function_map = &map;
  auto low = rtyper::rtype_program(program, options);
  REQUIRE(static_cast<bool>(low));
  REQUIRE(map.size() == program.num_functions());
  CHECK(!map[program.find_function("unused").index()].valid());
  CHECK(!low->find_function("unused").valid());
  for (const char* name : {"rt_main", "helper"}) {
    FunctionId mapped = map[program.find_function(name).index()];
    REQUIRE(mapped.valid());
    CHECK(low->function_info(mapped).name == name);
  }
  CHECK(low->entry_point() == map[program.entry_point().index()]);
}
