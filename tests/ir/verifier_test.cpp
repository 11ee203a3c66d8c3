// The verifier: one test per kind of error, each showing the exact report, and a test that a
// program with several errors gets all of them.
#include "ir_test_support.h"

namespace rtoolchain::ir {
namespace {

using testing::errors_of;
using Errors = std::vector<std::string>;

// A function `f(a: i64, b: i32) -> i64` whose body is `body` (blocks after the header line).
std::string function_with(const std::string& body) {
  return "function f(a: i64, b: i32) -> i64 {\nblock0(v0: i64, v1: i32):\n" + body + "}\n";
}

TEST_CASE("verifier: a valid function has no errors", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i64 = cast_int v1\n  v3: i64 = int_add v0, v2\n  goto return(v3)\n")).empty());
}

// --- Variables. -------------------------------------------------------------------------------

TEST_CASE("verifier: a variable defined twice", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i64 = int_add v0, v0\n  v2: i64 = int_sub v0, v0\n  goto return(v2)\n")) ==
        Errors{"error: function f: block0: `v2: i64 = int_sub v0, v0`: v2 is defined more than once (first in block0)"});
}

TEST_CASE("verifier: a variable used before its definition", "[verifier]") {
  CHECK(errors_of(function_with("  v3: i64 = int_add v0, v2\n  v2: i64 = int_add v0, v0\n  goto return(v3)\n")) ==
        // Names are the printer's, given in order of appearance: the late definition is v3.
        Errors{"error: function f: block0: `v2: i64 = int_add v0, v3`: v3 is used before its definition"});
}

TEST_CASE("verifier: a variable never defined", "[verifier]") {
  CHECK(errors_of(function_with("  goto return(v7)\n")) ==
        Errors{"error: function f: block0: exit `goto return(v2)`: v2 is never defined"});
}

TEST_CASE("verifier: a variable used in another block", "[verifier]") {
  CHECK(errors_of(function_with("  goto block1()\nblock1():\n  goto return(v0)\n")) ==
        Errors{"error: function f: block1: exit `goto return(v0)`: v0 is defined in block0; values reach other "
               "blocks only as link arguments"});
}

TEST_CASE("verifier: an exception variable used by another exit", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i64 = int_add_ovf v0, v0\n  switch exception\n    normal -> return(v2)\n"
                                "    catch rt::OverflowError as v3, v4 -> except(v3, v4)\n"
                                "    catch rt::Exception as v5, v6 -> except(v3, v6)\n")) ==
        Errors{"error: function f: block0: exit `catch rt::Exception as v5, v6 -> except(v3, v6)`: v3 is defined "
               "by another exit of the block"});
}

// --- Links. ----------------------------------------------------------------------------------------

TEST_CASE("verifier: link arity", "[verifier]") {
  CHECK(errors_of(function_with("  goto block1(v0, v1)\nblock1(v2: i64):\n  goto return(v2)\n")) ==
        Errors{"error: function f: block0: exit `goto block1(v0, v1)`: passes 2 arguments to block1, which takes 1"});
}

TEST_CASE("verifier: link argument types", "[verifier]") {
  CHECK(errors_of(function_with("  goto return(v1)\n")) ==
        Errors{"error: function f: block0: exit `goto return(v1)`: argument 1 has type i32, return expects i64"});
}

TEST_CASE("verifier: a subclass pointer goes where a base pointer is expected", "[verifier]") {
  const char* text = R"(class Base : rt::Object {
}

class Derived : Base {
}

function f(d: Derived*) -> Base* {
block0(v0: Derived*):
  goto return(v0)
}

function g(b: Base*) -> Derived* {
block0(v0: Base*):
  goto return(v0)
}
)";
  CHECK(errors_of(text) ==
        Errors{"error: function g: block0: exit `goto return(v0)`: argument 1 has type Base*, return expects Derived*"});
}

// --- Exits. ------------------------------------------------------------------------------------------

TEST_CASE("verifier: a block without exits", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i64 = int_add v0, v0\n")) == Errors{"error: function f: block0: has no exits"});
}

TEST_CASE("verifier: a block without switch has one exit", "[verifier]") {
  CHECK(errors_of(function_with("    normal -> return(v0)\n    normal -> return(v0)\n")) ==
        Errors{"error: function f: block0: a block without switch has exactly one exit, not 2"});
  CHECK(errors_of(function_with("    true -> return(v0)\n")) ==
        Errors{"error: function f: block0: exit `true -> return(v0)`: the exit of a block without switch has no case"});
}

TEST_CASE("verifier: a bool switch has exits false then true", "[verifier]") {
  CHECK(errors_of(function_with("  v2: bool = int_is_true v0\n  switch v2\n    true -> return(v0)\n"
                                "    false -> return(v0)\n")) ==
        Errors{"error: function f: block0: a bool switch has two exits, false then true"});
}

TEST_CASE("verifier: integer switch cases", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i8 = cast_int v1\n  switch v2\n    1 -> return(v0)\n    default -> return(v0)\n"
                                "    1 -> return(v0)\n    300 -> return(v0)\n")) ==
        Errors{"error: function f: block0: exit `default -> return(v0)`: the default exit must be the last",
               "error: function f: block0: exit `1 -> return(v0)`: the case repeats an earlier one",
               "error: function f: block0: exit `300 -> return(v0)`: the case does not fit i8"});
}

TEST_CASE("verifier: switching on a value that is not a bool or an integer", "[verifier]") {
  CHECK(errors_of(function_with("  v2: str = str_from_int v0\n  switch v2\n    default -> return(v0)\n")) ==
        Errors{"error: function f: block0: cannot switch on a value of type str"});
}

TEST_CASE("verifier: only the last operation may raise in an exception switch", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i64 = int_add_ovf v0, v0\n  v3: i64 = int_mul_ovf v2, v0\n"
                                "  switch exception\n    normal -> return(v3)\n"
                                "    catch rt::OverflowError as v4, v5 -> return(0:i64)\n")) ==
        Errors{"error: function f: block0: `v2: i64 = int_add_ovf v0, v0`: may raise, but only the last operation "
               "may when the block switches on an exception"});
}

TEST_CASE("verifier: the raising operation of an exception switch must be able to raise", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i64 = int_add v0, v0\n  switch exception\n    normal -> return(v2)\n"
                                "    catch rt::OverflowError as v3, v4 -> return(0:i64)\n")) ==
        Errors{"error: function f: block0: `v2: i64 = int_add v0, v0`: the block switches on an exception, but "
               "this last operation cannot raise"});
}

TEST_CASE("verifier: an exception exit cannot use the raising operation's result", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i64 = int_add_ovf v0, v0\n  switch exception\n    normal -> return(v2)\n"
                                "    catch rt::OverflowError as v3, v4 -> return(v2)\n")) ==
        Errors{"error: function f: block0: exit `catch rt::OverflowError as v3, v4 -> return(v2)`: v2 is the result "
               "of the operation that raised: it has no value here"});
}

TEST_CASE("verifier: exception switch exits", "[verifier]") {
  std::string text = "class NotAnError : rt::Object {\n}\n\n" +
                     function_with("  v2: i64 = int_add_ovf v0, v0\n  switch exception\n"
                                   "    normal -> return(v2)\n"
                                   "    catch rt::OverflowError as v3, v4 -> return(0:i64)\n"
                                   "    catch NotAnError as v5, v6 -> return(0:i64)\n"
                                   "    catch rt::OverflowError as v7, v8 -> return(0:i64)\n");
  CHECK(errors_of(text) ==
        Errors{"error: function f: block0: exit `catch NotAnError as v5, v6 -> return(0:i64)`: catches a class that "
               "is not an exception class",
               "error: function f: block0: exit `catch rt::OverflowError as v7, v8 -> return(0:i64)`: catches the "
               "same class as an earlier exit"});
  CHECK(errors_of(function_with("  v2: i64 = int_add_ovf v0, v0\n  switch exception\n"
                                "    catch rt::OverflowError as v3, v4 -> return(0:i64)\n"
                                "    normal -> return(v2)\n")) ==
        Errors{"error: function f: block0: exit `catch rt::OverflowError as v3, v4 -> return(0:i64)`: the first "
               "exit of an exception switch is the normal exit (no case)",
               "error: function f: block0: exit `normal -> return(v2)`: the exits after the first of an exception "
               "switch catch an exception class"});
  CHECK(errors_of(function_with("  v2: i64 = int_add_ovf v0, v0\n  switch exception\n    normal -> return(v2)\n")) ==
        Errors{"error: function f: block0: an exception switch needs at least one exception exit"});
}

// --- Operations. ---------------------------------------------------------------------------------------

TEST_CASE("verifier: operand types", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i64 = int_add v0, v1\n  goto return(v2)\n")) ==
        Errors{"error: function f: block0: `v2: i64 = int_add v0, v1`: operand 2 has type i32, expected i64"});
  CHECK(errors_of(function_with("  v2: i64 = int_lt v0, v0\n  goto return(v2)\n")) ==
        Errors{"error: function f: block0: `v2: i64 = int_lt v0, v0`: the result has type i64, expected bool"});
  CHECK(errors_of(function_with("  v2: bool = uint_lt v0, v0\n  goto return(v0)\n")) ==
        Errors{"error: function f: block0: `v2: bool = uint_lt v0, v0`: operand 1 has type i64, expected an "
               "unsigned integer type"});
  CHECK(errors_of(function_with("  v2: str = str_concat v0, \"x\"\n  goto return(v0)\n")) ==
        Errors{"error: function f: block0: `v2: str = str_concat v0, \"x\"`: operand 1 has type i64, expected str"});
}

TEST_CASE("verifier: operand counts and results", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i64 = int_add v0, v0, v0\n  goto return(v2)\n")) ==
        Errors{"error: function f: block0: `v2: i64 = int_add v0, v0, v0`: takes 2 operands, not 3"});
  CHECK(errors_of(function_with("  int_add v0, v0\n  goto return(v0)\n")) ==
        Errors{"error: function f: block0: `int_add v0, v0`: needs a result variable"});
}

TEST_CASE("verifier: container operations", "[verifier]") {
  CHECK(errors_of(function_with("  v2: list<i32> = list_new\n  list_append v2, v0\n"
                                "  v3: i32 = list_getitem v2, 0:i64\n  v4: str = list_getitem v2, 0:i64\n"
                                "  goto return(v0)\n")) ==
        Errors{"error: function f: block0: `list_append v2, v0`: operand 2 has type i64, expected i32",
               "error: function f: block0: `v4: str = list_getitem v2, 0:i64`: the result has type str, expected "
               "i32"});
}

TEST_CASE("verifier: shift counts are constants in range", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i64 = int_lshift v0, 64:i64\n  v3: i64 = int_rshift v0, v0\n"
                                "  goto return(v2)\n")) ==
        Errors{"error: function f: block0: `v2: i64 = int_lshift v0, 64:i64`: the shift count must be a constant "
               "in [0, 64); shift by a variable with int_lshift_var and friends",
               "error: function f: block0: `v3: i64 = int_rshift v0, v0`: the shift count must be a constant in "
               "[0, 64); shift by a variable with int_lshift_var and friends"});
}

TEST_CASE("verifier: descriptor operands", "[verifier]") {
  CHECK(errors_of(function_with("  v2: i64 = direct_call v0\n  goto return(v2)\n")) ==
        Errors{"error: function f: block0: `v2: i64 = direct_call v0`: operand 1 must be a function (@f)"});
}

TEST_CASE("verifier: calls", "[verifier]") {
  std::string text = "extern function g(x: i64) -> str\n\nextern function h() -> void\n\n" +
                     function_with("  v2: str = direct_call @g, v1\n  v3: str = direct_call @g\n"
                                   "  v4: i64 = direct_call @g, v0\n  v5: i64 = direct_call @h\n  goto return(v0)\n");
  CHECK(errors_of(text) ==
        Errors{"error: function f: block0: `v2: str = direct_call @g, v1`: argument 1 has type i32, the callee "
               "expects i64",
               "error: function f: block0: `v3: str = direct_call @g`: passes 0 arguments, the callee takes 1",
               "error: function f: block0: `v4: i64 = direct_call @g, v0`: the result has type i64, expected str",
               "error: function f: block0: `v5: i64 = direct_call @h`: the callee returns void, so the call has no "
               "result variable"});
}

TEST_CASE("verifier: virtual calls and indirect calls", "[verifier]") {
  const char* text = R"(class A : rt::Object {
  method get: fn(A*) -> i64 = @A::get
}

class B : rt::Object {
}

function A::get(this: A*) -> i64 {
block0(v0: A*):
  goto return(1:i64)
}

function other(x: i64) -> i64 {
block0(v0: i64):
  goto return(v0)
}

function f(a: A*, b: B*) -> i64 {
block0(v0: A*, v1: B*):
  v2: i64 = virtual_call method A.get, v0
  v3: i64 = virtual_call method A.put, v0
  v4: i64 = virtual_call method A.get, v1
  v5: fn(A*) -> i64 = same_as @A::get
  v6: i64 = indirect_call v5, targets(@A::get, @other), v0
  goto return(v2)
}
)";
  CHECK(errors_of(text) ==
        Errors{"error: function f: block0: `v3: i64 = virtual_call method A.put, v0`: A has no method put",
               "error: function f: block0: `v4: i64 = virtual_call method A.get, v1`: the receiver has type B*, "
               "expected A*",
               "error: function f: block0: `v6: i64 = indirect_call v5, targets(@A::get, @other), v0`: target @other "
               "has type fn(i64) -> i64, the callee fn(A*) -> i64"});
}

TEST_CASE("verifier: fields and globals", "[verifier]") {
  const char* text = R"(class A : rt::Object {
  field x: i64
}

class B : rt::Object {
}

global g: str

function f(a: A*, b: B*) -> i64 {
block0(v0: A*, v1: B*):
  v2: i64 = getfield v1, field A.x
  v3: str = getfield v0, field A.x
  setfield v0, field A.x, "no"
  setglobal global g, 1:i64
  v4: i64 = getglobal global g
  goto return(0:i64)
}
)";
  CHECK(errors_of(text) ==
        Errors{"error: function f: block0: `v2: i64 = getfield v1, field A.x`: the field does not belong to B*",
               "error: function f: block0: `v3: str = getfield v0, field A.x`: the result has type str, expected i64",
               "error: function f: block0: `setfield v0, field A.x, \"no\"`: the value has type str, the field i64",
               "error: function f: block0: `setglobal global g, 1:i64`: the value has type i64, the global str",
               "error: function f: block0: `v4: i64 = getglobal global g`: the result has type i64, expected str"});
}

TEST_CASE("verifier: JIT merge points match their driver", "[verifier]") {
  std::string text = "jitdriver d greens(i64) reds(i32)\n\n" +
                     function_with("  jit_merge_point driver d, v0, v1\n  jit_merge_point driver d, v0\n"
                                   "  can_enter_jit driver d, v0, v0\n  goto return(v0)\n");
  CHECK(errors_of(text) ==
        Errors{"error: function f: block0: `jit_merge_point driver d, v0`: passes 1 values, the driver has 1 greens "
               "and 1 reds",
               "error: function f: block0: `can_enter_jit driver d, v0, v0`: red 1 has type i64, the driver's i32"});
}

TEST_CASE("verifier: pointer casts and comparisons need related classes", "[verifier]") {
  const char* text = R"(class A : rt::Object {
}

class B : rt::Object {
}

function f(a: A*, b: B*) -> bool {
block0(v0: A*, v1: B*):
  v2: B* = cast_pointer v0
  v3: bool = ptr_eq v0, v1
  v4: rt::Object* = cast_pointer v0
  goto return(v3)
}
)";
  CHECK(errors_of(text) ==
        Errors{"error: function f: block0: `v2: B* = cast_pointer v0`: casts between unrelated types A* and B*",
               "error: function f: block0: `v3: bool = ptr_eq v0, v1`: compares unrelated types A* and B*"});
}

TEST_CASE("verifier: constants built through the API are checked", "[verifier]") {
  Program program;
  TypeTable& types = program.types();
  FunctionId fn = program.add_function("f", {}, types.i8());
  Builder b(program, fn);
  b.ret(program.const_int(types.i8(), 300));
  CHECK(errors_of(program) ==
        Errors{"error: function f: block0: exit `goto return(300:i8)`: a constant `300:i8` does not fit its type"});
}

// --- Graph shape and the function's signature. ---------------------------------------------------------

TEST_CASE("verifier: the start block takes the parameters", "[verifier]") {
  CHECK(errors_of("function f(a: i64) -> i64 {\nblock0(v0: i32):\n  goto return(0:i64)\n}\n") ==
        Errors{"error: function f: block0: argument 1 has type i32, the parameter i64"});
  CHECK(errors_of("function f(a: i64) -> i64 {\nblock0():\n  goto return(0:i64)\n}\n") ==
        Errors{"error: function f: block0: the start block takes 0 arguments, the function has 1 parameters"});
}

TEST_CASE("verifier: the return and except blocks", "[verifier]") {
  Program program;
  TypeTable& types = program.types();
  FunctionId fn = program.add_function("f", {}, types.i64());
  Builder b(program, fn);
  b.ret(program.const_int(types.i64(), 1));
  Graph& graph = b.graph();
  graph.add_inputarg(graph.return_block(), types.i64());
  graph.append_op(graph.except_block(), Opcode::jit_loop_header, {});
  CHECK(errors_of(program) == Errors{"error: function f: return block: takes 2 arguments instead of 1",
                                     "error: function f: except block: has operations",
                                     "error: function f: block0: exit `goto return(1:i64)`: passes 1 arguments to "
                                     "return, which takes 2"});
}

// --- The program model. -------------------------------------------------------------------------------------

TEST_CASE("verifier: classes", "[verifier]") {
  Program program;
  TypeTable& types = program.types();
  ClassId orphan = program.add_class("Orphan", ClassId());
  ClassId a = program.add_class("A", program.object_class());
  ClassId b = program.add_class("B", a);
  program.class_info_mut(a).base = b;  // A -> B -> A
  program.add_field(orphan, "x", types.i64(), kImmutableField | kQuasiImmutableField);
  program.add_field(orphan, "y", types.i64(), kImmutableItems);
  program.add_field(orphan, "x", types.void_type());
  (void)orphan;
  CHECK(errors_of(program) ==
        Errors{"error: class Orphan: has no base class (every class derives from rt::Object)",
               "error: class Orphan: field x is both immutable and quasi_immutable",
               "error: class Orphan: field y has item flags but is not a list or array",
               "error: class Orphan: field x is declared twice", "error: class Orphan: field x cannot be void",
               "error: class A: the class hierarchy has a cycle", "error: class B: the class hierarchy has a cycle"});
}

TEST_CASE("verifier: methods and overrides", "[verifier]") {
  const char* text = R"(class A : rt::Object {
  method get: fn(A*, i64) -> i64 = abstract
  method bad: fn(i64) -> i64 = abstract
}

class B : A {
  method get: fn(B*, str) -> i64 = @B::get
}

function B::get(this: B*, s: i64) -> i64 {
block0(v0: B*, v1: i64):
  goto return(v1)
}
)";
  CHECK(errors_of(text) ==
        Errors{"error: class A: method bad: the signature must be a function type whose first parameter is A*",
               "error: class B: method get: the implementation @B::get has type fn(B*, i64) -> i64, the method "
               "fn(B*, str) -> i64",
               "error: class B: method get: overrides A.get (fn(A*, i64) -> i64) with an incompatible signature"});
}

TEST_CASE("verifier: function attributes", "[verifier]") {
  const char* text = R"(extern function a() -> void elidable unroll_safe
extern function b(x: i64) -> i64 dont_look_inside unroll_safe loop_invariant
extern function c(x: i64) -> i64 look_inside_iff(@a)
)";
  CHECK(errors_of(text) ==
        Errors{"error: function a: elidable and unroll_safe contradict each other",
               "error: function a: an elidable function must return a value",
               "error: function b: dont_look_inside and unroll_safe contradict each other",
               "error: function b: a loop_invariant function takes no parameters",
               "error: function c: the look_inside_iff predicate @a must take the same parameters and return bool"});
}

TEST_CASE("verifier: globals, prebuilts, enums, key traits, drivers, entry", "[verifier]") {
  const char* text = R"(enum E: u8 {
  a = 1
  a = 2
}

keytraits K: str {
  hash = @h
  equal = @h
}

class A : rt::Object {
  field x: i64
}

class B : rt::Object {
  field y: i64
}

jitdriver d greens(i64) reds()

global g: i64 = "text"

prebuilt p: A* {
  A.x = 1:i64
  B.y = 2:i64
  A.x = 3:i64
}

prebuilt q: list<i64> [
  1:i64
  "two"
]

extern function h(s: str) -> i64

function main() -> i64 {
block0():
  goto return(0:i64)
}

entry @main
)";
  CHECK(errors_of(text) ==
        Errors{"error: enum E: enumerator a is declared twice",
               "error: keytraits K: the equal function @h must have type fn(K, K) -> bool for K = str",
               "error: jitdriver d: needs at least one red variable",
               "error: global g: the initial value has type str, the global i64",
               "error: prebuilt p: field y is not a field of A", "error: prebuilt p: field x is given twice",
               "error: prebuilt q: item 2 has type str, expected i64",
               "error: entry: the entry point @main must have type fn(list<str>) -> i64"});
}

TEST_CASE("verifier: names are unique, graphs present where expected", "[verifier]") {
  Program program;
  TypeTable& types = program.types();
  program.add_class("Twice", program.object_class());
  program.add_struct("Twice");
  program.add_function("no_graph", {}, types.void_type());
  FunctionId external = program.add_external_function("ext", {}, types.void_type());
  program.create_graph(external);
  CHECK(errors_of(program) == Errors{"error: class Twice: the name is already used by struct Twice",
                                     "error: function no_graph: has no graph (and is not external)",
                                     "error: function ext: an external function has a graph",
                                     "error: function ext: block0: has no exits"});
}

// --- Collecting. ---------------------------------------------------------------------------------------------

TEST_CASE("verifier: every error of a graph is reported", "[verifier]") {
  // Three independent errors in three blocks: none hides another.
  std::string text = function_with(
      "  v2: i64 = int_add v0, v1\n"                      // operand type
      "  goto block1(v0, v0)\n"                           // arity
      "block1(v3: i64):\n"
      "  v4: bool = int_is_true v3\n"
      "  switch v4\n"
      "    true -> return(v3)\n"                          // bool switch order
      "    false -> return(v3)\n");
  std::vector<VerifierError> errors = verify_program(testing::parse(text));
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].function == "f");
  CHECK(errors[0].location == "block0: `v2: i64 = int_add v0, v1`");
  CHECK(errors[0].message == "operand 2 has type i32, expected i64");
  CHECK(errors[1].to_string() ==
        "error: function f: block0: exit `goto block1(v0, v0)`: passes 2 arguments to block1, which takes 1");
  CHECK(errors[2].to_string() == "error: function f: block1: a bool switch has two exits, false then true");
  // verify_function sees the same graph errors.
  Program program = testing::parse(text);
  CHECK(verify_function(program, program.find_function("f")).size() == 3);
}

}  // namespace
}  // namespace rtoolchain::ir
