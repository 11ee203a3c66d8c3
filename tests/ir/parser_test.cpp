// The text parser: print -> parse -> print is the identity; errors are located; malformed text
// never crashes it.
#include "ir_test_support.h"

namespace rtoolchain::ir {
namespace {

using testing::parse;
using testing::parse_error;

// Parses `text`, which must be in printed form, and checks that it prints back unchanged.
void check_round_trip(const std::string& text) {
  Program program = parse(text);
  CHECK(program_to_string(program) == text);
  // And once more from the printed text, as the tool's --check-roundtrip does.
  CHECK(program_to_string(parse(program_to_string(program))) == text);
}

const char* const kLoop = R"(function sum(n: i64) -> i64 {
block0(v0: i64):
  goto block1(v0, 0:i64, 0:i64)
block1(v1: i64, v2: i64, v3: i64):
  v4: bool = int_lt v2, v1
  switch v4
    false -> block2(v3)
    true -> block3(v1, v2, v3)
block2(v5: i64):
  goto return(v5)
block3(v6: i64, v7: i64, v8: i64):
  v9: i64 = int_add v8, v7
  v10: i64 = int_add v7, 1:i64
  goto block1(v6, v10, v9)
}
)";

const char* const kSwitchAndExceptions = R"(class Boom : rt::Exception {
  field code: i32
}

extern function parse(text: str) -> i64

function run(op: enum Op, text: str) -> i64 {
block0(v0: enum Op, v1: str):
  switch v0
    -3 -> block1(v1)
    0 -> block4()
    7 -> block4()
    default -> block5(v0)
block1(v2: str):
  v3: i64 = direct_call @parse, v2
  switch exception
    normal -> block2(v3)
    catch rt::ValueError as v4, v5 -> block3(v5)
    catch rt::Exception as v6, v7 -> except(v6, v7)
block2(v8: i64):
  goto return(v8)
block3(v9: rt::ValueError*):
  v10: str = getfield v9, field rt::Exception.message
  v11: i64 = str_len v10
  goto return(v11)
block4():
  goto return(0:i64)
block5(v12: enum Op):
  v13: Boom* = new_object class Boom
  v14: classref<Boom> = classof v13
  goto except(v14, v13)
}
)";

const char* const kEnumHeader = "enum Op: i16 {\n  neg = -3\n  zero = 0\n  seven = 7\n}\n\n";

TEST_CASE("parser: round trip of a loop", "[parser]") { check_round_trip(kLoop); }

TEST_CASE("parser: round trip of switches and exception exits", "[parser]") {
  check_round_trip(std::string(kEnumHeader) + kSwitchAndExceptions);
  CHECK(testing::errors_of(std::string(kEnumHeader) + kSwitchAndExceptions).empty());
}

TEST_CASE("parser: round trip of a whole program", "[parser]") {
  const char* program = R"(struct Point {
  field x: i64
  field y: i64
}

keytraits ByName: Code* {
  hash = @Code::hash
  equal = @Code::equal
}

class Code : rt::Object immutable {
  field bytecode: array<u8> immutable immutable_items
  field name: str quasi_immutable
  field origin: struct Point
}

class Frame : rt::Object virtualizable {
  field code: Code* immutable
  field sp: i64 vable_field
  method run: fn(Frame*, i64) -> i64 = @Frame::run
  method describe: fn(Frame*) -> str = abstract
}

jitdriver tiny greens(i64, Code*) reds(Frame*) recursive
jitdriver other greens() reds(i64)

global names: dict<Code*, str, ByName>
global weird: f64 = -inf:f64 constant
global origin: struct Point = struct Point {1:i64, -2:i64}

prebuilt empty_code: Code* {
  Code.bytecode = prebuilt no_bytes
  Code.name = "empty\n\"quoted\"\x01"
}

prebuilt no_bytes: array<u8> [
  0:u8
  255:u8
]

extern function rt::print_line(text: str) -> void nothrow

function Code::hash(c: Code*) -> i64 elidable {
block0(v0: Code*):
  v1: str = getfield v0, field Code.name
  v2: i64 = str_hash v1
  goto return(v2)
}

function Code::equal(a: Code*, b: Code*) -> bool {
block0(v0: Code*, v1: Code*):
  v2: bool = ptr_eq v0, v1
  goto return(v2)
}

function Frame::run(this: Frame*, pc: i64) -> i64 unroll_safe {
block0(v0: Frame*, v1: i64):
  v2: Code* = getfield v0, field Frame.code
  jit_merge_point driver tiny, v1, v2, v0
  v3: fn(Frame*, i64) -> i64 = same_as @Frame::run
  v4: i64 = indirect_call v3, targets(@Frame::run), v0, v1
  v5: i64 = virtual_call method Frame.run, v0, v4
  v6: struct Point = struct_new 3:i64, 4:i64
  v7: i64 = struct_getfield v6, field Point.x
  v8: dict<Code*, str, ByName> = getglobal global names
  v9: dictiter<Code*, str> = dict_iter v8
  v10: f64 = cast_int_to_float v7
  v11: f64 = float_mul v10, 0.5:f64
  jit_loop_header
  goto return(v5)
}

function rt_main(argv: list<str>) -> i64 {
block0(v0: list<str>):
  v1: Frame* = new_object class Frame
  v2: i64 = direct_call @Frame::run, v1, 0:i64
  goto return(v2)
}

entry @rt_main
)";
  check_round_trip(program);
  CHECK(testing::errors_of(program).empty());
}

TEST_CASE("parser: non-canonical text prints canonically", "[parser]") {
  // Any labels and variable numbers, blocks in any order, quoted plain names, comments.
  Program program = parse(R"(; a comment
function "count"(n: i64) -> i64 {   ; trailing comment
start(v10: i64):
  goto loop(v10)
done(v99: i64):
  goto return(v99)
loop(v5: i64):
  v6: bool = int_gt v5, 0:i64
  switch v6
    false -> done(v5)
    true -> step(v5)
step(v1: i64):
  v2: i64 = int_sub v1, 1:i64
  goto loop(v2)
}
)");
  CHECK(program_to_string(program) ==
        "function count(n: i64) -> i64 {\n"
        "block0(v0: i64):\n"
        "  goto block1(v0)\n"
        "block1(v1: i64):\n"
        "  v2: bool = int_gt v1, 0:i64\n"
        "  switch v2\n"
        "    false -> block2(v1)\n"
        "    true -> block3(v1)\n"
        "block2(v3: i64):\n"
        "  goto return(v3)\n"
        "block3(v4: i64):\n"
        "  v5: i64 = int_sub v4, 1:i64\n"
        "  goto block1(v5)\n"
        "}\n");
}

TEST_CASE("parser: references may come before declarations, ids follow the text", "[parser]") {
  Program program = parse(R"(class Node : rt::Object {
  field next: Node*
  field tree: Tree*
}

class Tree : Node {
}

function first() -> i64 {
block0():
  v0: i64 = direct_call @second
  goto return(v0)
}

function second() -> i64 {
block0():
  goto return(2:i64)
}
)");
  ClassId node = program.find_class("Node");
  ClassId tree = program.find_class("Tree");
  CHECK(node < tree);
  CHECK(program.find_function("first") < program.find_function("second"));
  CHECK(program.class_info(tree).base == node);
  CHECK(program.field_info(program.find_own_field(node, "tree")).type == program.types().pointer(tree));
  CHECK(testing::errors_of(program).empty());
}

TEST_CASE("parser: a use before the definition parses and fails verification", "[parser]") {
  // Text the printer gives for an invalid graph (v2 is defined in the block printed after its
  // use) must parse back, so the verifier, not the parser, reports it.
  const char* text = R"(function f(a: i64) -> i64 {
block0(v0: i64):
  v1: bool = int_eq v0, 0:i64
  switch v1
    false -> block1()
    true -> block2()
block1():
  goto return(v2)
block2():
  v2: i64 = int_add v0, 1:i64
  goto return(v2)
}
)";
  check_round_trip(text);
  CHECK(testing::errors_of(text) ==
        std::vector<std::string>{
            "error: function f: block1: exit `goto return(v2)`: v2 is defined in block2; values reach other "
            "blocks only as link arguments",
            "error: function f: block2: `v2: i64 = int_add v0, 1:i64`: v0 is defined in block0; values reach "
            "other blocks only as link arguments"});
}

TEST_CASE("parser: errors are located", "[parser]") {
  CHECK(parse_error("function f() -> i64 {\nblock0():\n  v0: i64 = int_frob 1:i64\n  goto return(v0)\n}\n") ==
        "test:3:13: error: unknown operation 'int_frob'");
  CHECK(parse_error("global s: str = \"abc\n") == "test:1:17: error: unterminated string");
  CHECK(parse_error("global n: Nope* = null:Nope*\n") == "test:1:11: error: unknown class 'Nope'");
  CHECK(parse_error("global n: u8 = 256:u8\n") == "test:1:16: error: integer 256 does not fit u8");
  CHECK(parse_error("global n: i8 = -129:i8\n") == "test:1:16: error: integer -129 does not fit i8");
  CHECK(parse_error("function f() i64 {\n}\n") == "test:1:14: error: expected '->'");
  CHECK(parse_error("class A : rt::Object {\n}\nclass A : rt::Object {\n}\n") ==
        "test:3:7: error: redefinition of 'A'");
  CHECK(parse_error("class rt::Exception : rt::Object {\n}\n") == "test:1:7: error: redefinition of 'rt::Exception'");
  CHECK(parse_error("function f() -> void {\nblock0():\n  goto nowhere()\n}\n") ==
        "test:3:8: error: undefined block 'nowhere'");
  CHECK(parse_error("global a: i64 $\n") == "test:1:15: error: unexpected character '$'");
  CHECK(parse_error("global a: i64 global b: i64\n") == "test:1:15: error: a declaration must start a line");
  CHECK(parse_error("function f(a: i64) -> void {\nblock0(v0: i64):\n  v0: bool = int_is_true v0\n"
                    "  goto return(none)\n}\n") == "test:3:3: error: variable v0 redefined with another type");
  CHECK(parse_error("function f() -> void {\nblock0():\n  v0: void = jit_loop_header\n}\n") ==
        "test:3:7: error: an operation without result has no result variable");
  CHECK(parse_error("function f() -> void {\nblock0():\n  jit_debug \"a\" \"b\"\n}\n") ==
        "test:3:17: error: expected ',' or the end of the line");
  CHECK(parse_error("function f() -> void {\nreturn():\n}\n") ==
        "test:2:1: error: the return and except blocks are implicit and cannot be defined");
  CHECK(parse_error("global f: fn(i64) -> void = @missing\n") == "test:1:29: error: unknown function 'missing'");
  CHECK(parse_error("prebuilt p: Frame* {\n  Frame.nope = 1:i64\n}\nclass Frame : rt::Object {\n}\n") ==
        "test:2:3: error: 'Frame' declares no field 'nope'");
  CHECK(parse_error("}\n") == "test:1:1: error: expected a declaration");
  CHECK(parse_error("function f() -> void {\nblock0():\n  goto return(none)\n") ==
        "test:4:1: error: expected a block label");
}

TEST_CASE("parser: malformed text never crashes it", "[parser]") {
  std::string text = std::string(kEnumHeader) + kSwitchAndExceptions;
  // Every prefix, and every prefix with one character dropped, parses or fails cleanly.
  for (size_t end = 0; end <= text.size(); ++end) {
    std::string prefix = text.substr(0, end);
    llvm::Expected<Program> program = parse_program(prefix, "test");
    if (program) {
      (void)verify_program(*program);
      CHECK(program_to_string(parse(program_to_string(*program))) == program_to_string(*program));
    } else {
      CHECK(llvm::StringRef(llvm::toString(program.takeError())).starts_with("test:"));
    }
    if (end < text.size()) {
      std::string dropped = text.substr(0, end) + text.substr(end + 1);
      llvm::Expected<Program> other = parse_program(dropped, "test");
      if (other)
        (void)verify_program(*other);
      else
        llvm::consumeError(other.takeError());
    }
  }
}

}  // namespace
}  // namespace rtoolchain::ir
