// prune_program (rtyper/src/prune.cpp): the classes and functions the low level does not use go,
// what it uses (directly, through a field, a base, a high-level type the lowering erases) stays.
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

// Base <- Used (allocated) holds an Item; Unused and Orphan are named only by a function nothing
// calls; Lonely by nothing at all. The list class is what the entry point's list<str> becomes.
constexpr const char* kProgram = R"(
class Unused : rt::Object {
}
class Base : rt::Object {
}
class Used : Base {
  field item: Item*
}
class Item : rt::Object {
}
class Lonely : rt::Object {
}
class Orphan : Unused {
}
class "rtll::List<rt::Array<signed char> *>" : rt::Object {
  field length: i64
  field items: array<array<i8>>
}

function never_called(o: Orphan*) -> i64 {
block0(v0: Orphan*):
  goto return(1:i64)
}

function rt_main(argv: list<str>) -> i64 {
block0(v0: list<str>):
  v1: Used* = new_object class Used
  goto return(0:i64)
}

entry @rt_main
)";

}  // namespace

TEST_CASE("pruning keeps the classes the low level names, and their bases and field types") {
  Program program = parse(kProgram);
  REQUIRE(verify_program(program).empty());
  auto pruned = rtyper::prune_program(program);
  REQUIRE(static_cast<bool>(pruned));
  CHECK(verify_program(*pruned).empty());
  for (const char* kept : {"Base", "Used", "Item", "rtll::List<rt::Array<signed char> *>", "rt::IndexError"})
    CHECK(pruned->find_class(kept).valid());
  for (const char* gone : {"Unused", "Lonely", "Orphan"}) CHECK_FALSE(pruned->find_class(gone).valid());
  CHECK_FALSE(pruned->find_function("never_called").valid());
  // The kept classes are numbered without gaps: rt::Object, the ten exception classes, then the
  // four program classes in their order (Base (Used), Item, the list).
  auto low = rtyper::rtype_program(*pruned);
  REQUIRE(static_cast<bool>(low));
  CHECK(verify_program(*low).empty());
  CHECK(low->class_layout(low->object_class()).max_type_id == 15);
  CHECK(low->class_layout(low->find_class("Base")).min_type_id == 12);
  CHECK(low->class_layout(low->find_class("Used")).min_type_id == 13);
  CHECK(low->class_layout(low->find_class("Item")).min_type_id == 14);
}

TEST_CASE("pruning a pruned program changes nothing") {
  auto once = rtyper::prune_program(parse(kProgram));
  REQUIRE(static_cast<bool>(once));
  auto twice = rtyper::prune_program(*once);
  REQUIRE(static_cast<bool>(twice));
  CHECK(program_to_string(*twice) == program_to_string(*once));
}
