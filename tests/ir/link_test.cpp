// link_programs: merging two programs equals reading them as one, shared definitions are kept
// once, conflicting ones are errors that leave the program unchanged.
#include "ir_test_support.h"
#include "rtoolchain/ir/link.h"

#include <llvm/ADT/StringExtras.h>

namespace rtoolchain::ir {
namespace {

using testing::errors_of;
using testing::parse;

// A library: a class hierarchy, a struct, an enum, key traits, a global, a prebuilt, a driver
// and functions whose graphs use every kind of constant and a caught exception class.
const char* const kLibrary = R"(struct Pair {
  field first: i64
  field second: f64
}

enum Kind: u8 {
  small = 1
  large = 200
}

keytraits ByBox: Box* {
  hash = @box_hash
  equal = @box_equal
}

class Box : rt::Object {
  field value: i64 immutable
  field kind: enum Kind
  method get: fn(Box*) -> i64 = @Box::get
}

class BigBox : Box {
  field extra: list<Box*>
  method get: fn(BigBox*) -> i64 = @BigBox::get
}

class Failure : rt::Exception {
}

jitdriver loop greens(i64) reds(Box*)

global counter: i64 = 3:i64

prebuilt unit_box: Box* {
  Box.value = 1:i64
}

prebuilt boxes: array<Box*> immutable [
  prebuilt unit_box
  null:Box*
]

extern function rt::print_line(text: str) -> void nothrow

function Box::get(this: Box*) -> i64 {
block0(v0: Box*):
  v1: i64 = getfield v0, field Box.value
  goto return(v1)
}

function BigBox::get(this: BigBox*) -> i64 {
block0(v0: BigBox*):
  v1: i64 = getfield v0, field Box.value
  v2: i64 = int_mul v1, 2:i64
  goto return(v2)
}

function box_hash(b: Box*) -> i64 elidable {
block0(v0: Box*):
  v1: i64 = virtual_call method Box.get, v0
  goto return(v1)
}

function box_equal(a: Box*, b: Box*) -> bool {
block0(v0: Box*, v1: Box*):
  v2: bool = ptr_eq v0, v1
  goto return(v2)
}

function use_all(d: dict<Box*, struct Pair, ByBox>, k: enum Kind) -> f64 {
block0(v0: dict<Box*, struct Pair, ByBox>, v1: enum Kind):
  v2: BigBox* = new_object class BigBox
  v3: struct Pair = same_as struct Pair {0:i64, 0.5:f64}
  v4: f64 = struct_getfield v3, field Pair.second
  setglobal global counter, 4:i64
  v5: fn(Box*) -> i64 = same_as @box_hash
  direct_call @rt::print_line, "linked"
  goto block1(v2, v4, v5)
block1(v6: BigBox*, v7: f64, v8: fn(Box*) -> i64):
  v9: i64 = indirect_call v8, targets(@box_hash), v6
  switch exception
    normal -> return(v7)
    catch Failure as v10, v11 -> return(-1.0:f64)
}
)";

// A program that uses the library: it repeats some of the library's declarations identically,
// as a program converted with the library's headers does.
const char* const kProgramHead = R"(class Box : rt::Object {
  field value: i64 immutable
  field kind: enum Kind
  method get: fn(Box*) -> i64 = @Box::get
}

class Shelf : rt::Object {
  field boxes: list<Box*>
}
)";
const char* const kProgramShared = R"(enum Kind: u8 {
  small = 1
  large = 200
}

extern function rt::print_line(text: str) -> void nothrow

function Box::get(this: Box*) -> i64 {
block0(v0: Box*):
  v1: i64 = getfield v0, field Box.value
  goto return(v1)
}
)";
const char* const kProgramMain = R"(function rt_main(argv: list<str>) -> i64 {
block0(v0: list<str>):
  v1: Shelf* = new_object class Shelf
  v2: Box* = new_object class Box
  v3: i64 = direct_call @Box::get, v2
  goto return(v3)
}

entry @rt_main
)";

std::string program_text() { return std::string(kProgramHead) + kProgramShared + kProgramMain; }

std::string printed(const Program& program) { return program_to_string(program); }

TEST_CASE("linking two programs equals reading them as one", "[link]") {
  Program program = parse(program_text());
  Program library = parse(kLibrary);
  REQUIRE(errors_of(library).empty());
  REQUIRE_FALSE(llvm::errorToBool(link_programs(program, library)));
  CHECK(errors_of(program).empty());
  // Reading the program, then the library's declarations the program does not have, gives the
  // same entities in the same order: the linker appends in the library's id order.
  std::string library_only = kLibrary;
  for (const char* shared : {R"(class Box : rt::Object {
  field value: i64 immutable
  field kind: enum Kind
  method get: fn(Box*) -> i64 = @Box::get
}

)", kProgramShared}) {
    std::string text = shared;
    if (text.back() != '\n') text += '\n';
    // Each shared declaration is removed from the library's text piece by piece.
    for (llvm::StringRef piece : llvm::split(llvm::StringRef(text), "\n\n")) {
      size_t at = library_only.find(piece.str());
      REQUIRE(at != std::string::npos);
      library_only.erase(at, piece.size());
    }
  }
  Program expected = parse(program_text() + library_only);
  REQUIRE(errors_of(expected).empty());
  CHECK(printed(program) == printed(expected));
}

TEST_CASE("linking translates types, constants and caught classes to the program's ids", "[link]") {
  // The program declares classes first, so every class of the library has another id here.
  Program program = parse("class Early : rt::Object {\n}\n\nclass Earlier : Early {\n}\n");
  Program library = parse(kLibrary);
  REQUIRE_FALSE(llvm::errorToBool(link_programs(program, library)));
  REQUIRE(errors_of(program).empty());
  ClassId box = program.find_class("Box");
  REQUIRE(box.valid());
  CHECK(box != library.find_class("Box"));
  CHECK(program.class_info(program.find_class("BigBox")).base == box);
  FunctionId use_all = program.find_function("use_all");
  REQUIRE(use_all.valid());
  CHECK(program.type_name(program.function_info(use_all).params[0].type) == "dict<Box*, struct Pair, ByBox>");
  // Linked after two classes of its own, the library prints as it reads.
  std::string text = printed(program);
  Program expected = parse("class Early : rt::Object {\n}\n\nclass Earlier : Early {\n}\n" + std::string(kLibrary));
  CHECK(text == printed(expected));
}

TEST_CASE("linking into an empty program reproduces the library", "[link]") {
  Program empty;
  Program library = parse(kLibrary);
  REQUIRE_FALSE(llvm::errorToBool(link_programs(empty, library)));
  CHECK(printed(empty) == printed(library));
  // Linking the same library again changes nothing: every definition is shared.
  REQUIRE_FALSE(llvm::errorToBool(link_programs(empty, library)));
  CHECK(printed(empty) == printed(library));
}

std::string link_error(const std::string& into_text, const std::string& from_text) {
  Program into = parse(into_text);
  std::string before = printed(into);
  Program from = parse(from_text);
  llvm::Error error = link_programs(into, from);
  if (!error) return "";
  CHECK(printed(into) == before);  // unchanged
  return llvm::toString(std::move(error));
}

TEST_CASE("conflicting definitions are link errors naming the entity", "[link]") {
  CHECK(link_error(kLibrary, kLibrary) == "");
  CHECK(link_error("class Box : rt::Object {\n  field value: i32\n}\n", kLibrary) ==
        "link: conflicting definitions of class Box: `field value: i32` against `field value: i64 immutable`");
  CHECK(link_error("function Box::get(this: Box*) -> i64 {\nblock0(v0: Box*):\n  goto return(0:i64)\n}\n"
                   "class Box : rt::Object {\n  field value: i64 immutable\n  field kind: enum Kind\n"
                   "  method get: fn(Box*) -> i64 = @Box::get\n}\nenum Kind: u8 {\n  small = 1\n  large = 200\n}\n",
                   kLibrary) ==
        "link: conflicting definitions of function @Box::get: `goto return(0:i64)` against "
        "`v1: i64 = getfield v0, field Box.value`");
  CHECK(link_error("global counter: i64 = 3:i64 constant\n", kLibrary) ==
        "link: conflicting definitions of global counter: `global counter: i64 = 3:i64 constant` against "
        "`global counter: i64 = 3:i64`");
  CHECK(link_error("extern function box_equal(a: Box*, b: Box*) -> bool\nclass Box : rt::Object {\n}\n", kLibrary) ==
        "link: conflicting definitions of class Box: `}` against `field value: i64 immutable`\n"
        "link: conflicting definitions of function @box_equal: `extern function box_equal(a: Box*, b: Box*) -> bool` "
        "against `function box_equal(a: Box*, b: Box*) -> bool {`");
  CHECK(link_error("struct Box {\n}\n", kLibrary) ==
        "link: Box is a class in one program and another kind of type in the other");
  CHECK(link_error("enum Kind: u16 {\n  small = 1\n}\n", kLibrary) ==
        "link: conflicting definitions of enum Kind: `enum Kind: u16 {` against `enum Kind: u8 {`");
  CHECK(link_error("jitdriver loop greens(i64) reds(i64)\n", kLibrary) ==
        "link: conflicting definitions of jitdriver loop: `jitdriver loop greens(i64) reds(i64)` against "
        "`jitdriver loop greens(i64) reds(Box*)`");
  CHECK(link_error(program_text(), program_text()) ==
        "link: both programs have an entry point (@rt_main, @rt_main)");
}

TEST_CASE("low-level programs do not link", "[link]") {
  Program low = parse("level low\n\nlayout {\n  class rt::Object typeid 1 last 1 size 8 align 8\n}\n");
  Program library = parse(kLibrary);
  llvm::Error error = link_programs(low, library);
  bool failed = static_cast<bool>(error);
  REQUIRE(failed);
  CHECK(llvm::StringRef(llvm::toString(std::move(error))).starts_with("link: only high-level programs link"));
}

}  // namespace
}  // namespace rtoolchain::ir
