// Calls, exceptions, virtual and indirect calls, recursion, null dereferences, structs, globals.
#include "rt/list.h"
#include "test_util.h"

namespace {

const char* kExceptions = R"(
class LangError : rt::Exception {
  field code: i64
}
class ParseError : LangError {
}
; raise_it(k): 0 -> ParseError, 1 -> IndexError from an op, 2 -> LangError thrown as rt::Exception
function raise_it(k: i64) -> i64 {
block0(v0: i64):
  switch v0
    0 -> parse()
    1 -> index()
    default -> wide()
parse():
  v1: ParseError* = new_object class ParseError
  setfield v1, field rt::Exception.message, "bad token"
  setfield v1, field LangError.code, 42:i64
  v2: classref<ParseError> = classof v1
  goto except(v2, v1)
index():
  v3: list<i64> = list_new
  v4: i64 = list_getitem v3, 5:i64
  goto return(v4)
wide():
  v5: LangError* = new_object class LangError
  v6: rt::Exception* = cast_pointer v5
  goto except(class rt::Exception, v6)
}
; catches LangError (and subclasses) -> its code; IndexError -> -1; anything else propagates
function catcher(k: i64) -> i64 {
block0(v0: i64):
  v1: i64 = direct_call @raise_it, v0
  switch exception
    normal -> return(v1)
    catch LangError as v2, v3 -> lang(v3)
    catch rt::IndexError as v4, v5 -> return(-1:i64)
lang(v6: LangError*):
  v7: i64 = getfield v6, field LangError.code
  goto return(v7)
}
)";

}  // namespace

TEST_CASE("exceptions: caught by class (subclass-aware), propagated, and as raised (X5)") {
  Run run(kExceptions);
  CHECK(run.value("catcher", {I(0)}).as_int() == 42);
  CHECK(run.value("catcher", {I(1)}).as_int() == -1);
  // Thrown with static type rt::Exception: LangError's handler does not match (rule X5).
  gi::Outcome o = run.call("catcher", {I(2)});
  REQUIRE(o.kind == gi::Outcome::kRaised);
  CHECK(run.program.class_info(o.exc_class).name == "rt::Exception");
  CHECK(o.type_name == "Exception");  // LangError does not override type_name
  gi::Outcome raised = run.call("raise_it", {I(0)});
  CHECK(run.program.class_info(raised.exc_class).name == "ParseError");
  CHECK(raised.message == "bad token");
  CHECK(run.interp->field(raised.value, "LangError", "code").as_int() == 42);
}

TEST_CASE("virtual calls dispatch on the receiver's class; indirect calls on function values") {
  Run run(R"(
class Shape : rt::Object {
  method area: fn(Shape*) -> i64 = abstract
  method name: fn(Shape*) -> str = @Shape::name
}
class Square : Shape {
  field side: i64
  method area: fn(Square*) -> i64 = @Square::area
}
class Named : Square {
  method name: fn(Named*) -> str = @Named::name
}
function Shape::name(this: Shape*) -> str {
block0(v0: Shape*):
  goto return("shape")
}
function Named::name(this: Named*) -> str {
block0(v0: Named*):
  goto return("named")
}
function Square::area(this: Square*) -> i64 {
block0(v0: Square*):
  v1: i64 = getfield v0, field Square.side
  v2: i64 = int_mul v1, v1
  goto return(v2)
}
function describe(s: Shape*) -> str {
block0(v0: Shape*):
  v1: str = virtual_call method Shape.name, v0
  v2: i64 = virtual_call method Shape.area, v0
  v3: str = str_from_int v2
  v4: str = str_concat v1, v3
  goto return(v4)
}
function make(k: i64) -> Shape* {
block0(v0: i64):
  switch v0
    0 -> nothing()
    1 -> named()
    default -> square()
nothing():
  goto return(null:Shape*)
named():
  v1: Named* = new_object class Named
  setfield v1, field Square.side, 3:i64
  goto return(v1)
square():
  v2: Square* = new_object class Square
  setfield v2, field Square.side, 4:i64
  goto return(v2)
}
function run(k: i64) -> str {
block0(v0: i64):
  v1: Shape* = direct_call @make, v0
  v2: str = direct_call @describe, v1
  goto return(v2)
}
function twice(x: i64) -> i64 {
block0(v0: i64):
  v1: i64 = int_mul v0, 2:i64
  goto return(v1)
}
function apply(k: i64) -> i64 {
block0(v0: i64):
  v1: bool = int_is_true v0
  switch v1
    false -> call(null:fn(i64) -> i64)
    true -> call(@twice)
call(v2: fn(i64) -> i64):
  v3: i64 = indirect_call v2, targets(@twice), 21:i64
  goto return(v3)
}
)");
  CHECK(str(run.value("run", {I(1)})) == "named9");
  CHECK(str(run.value("run", {I(2)})) == "shape16");
  gi::Outcome null = run.call("run", {I(0)});
  CHECK(null.kind == gi::Outcome::kFatal);
  CHECK(null.message == "invalid memory access (null pointer dereference?)");
  CHECK(run.value("apply", {I(1)}).as_int() == 42);
  CHECK(run.call("apply", {I(0)}).kind == gi::Outcome::kFatal);
}

TEST_CASE("null dereferences are fatal, not exceptions") {
  Run run(R"(
class Box : rt::Object {
  field v: i64
}
function get(b: Box*) -> i64 {
block0(v0: Box*):
  v1: i64 = getfield v0, field Box.v
  goto return(v1)
}
function set(b: Box*) -> i64 {
block0(v0: Box*):
  setfield v0, field Box.v, 1:i64
  goto return(0:i64)
}
function throw_null(b: rt::Exception*) -> i64 {
block0(v0: rt::Exception*):
  v1: classref<rt::Exception> = classof v0
  goto except(v1, v0)
}
)");
  gi::Value null = gi::Value::ref(gi::Tag::kObject, nullptr);
  CHECK(run.call("get", {null}).kind == gi::Outcome::kFatal);
  CHECK(run.call("set", {null}).kind == gi::Outcome::kFatal);
  CHECK(run.call("throw_null", {null}).kind == gi::Outcome::kFatal);
}

TEST_CASE("deep recursion raises RecursionError past the depth limit, and it can be caught") {
  Run run(R"(
function depth(n: i64) -> i64 {
block0(v0: i64):
  v1: bool = int_le v0, 0:i64
  switch v1
    false -> rec(v0)
    true -> return(0:i64)
rec(v2: i64):
  v3: i64 = int_sub v2, 1:i64
  v4: i64 = direct_call @depth, v3
  v5: i64 = int_add v4, 1:i64
  goto return(v5)
}
function safe(n: i64) -> i64 {
block0(v0: i64):
  v1: i64 = direct_call @depth, v0
  switch exception
    normal -> return(v1)
    catch rt::RecursionError as v2, v3 -> return(-1:i64)
}
)");
  CHECK(run.value("depth", {I(gi::kMaxCallDepth - 1)}).as_int() == gi::kMaxCallDepth - 1);
  gi::Outcome o = run.call("depth", {I(gi::kMaxCallDepth)});
  CHECK(o.type_name == "RecursionError");
  CHECK(o.message == "maximum recursion depth exceeded");
  CHECK(run.value("safe", {I(1000000)}).as_int() == -1);
  CHECK(run.value("safe", {I(10)}).as_int() == 10);
}

TEST_CASE("value structs, globals, prebuilt objects and JIT hints") {
  Run run(R"(
struct Pair {
  field a: i64
  field b: str
}
class Code : rt::Object {
  field name: str
  field next: Code*
}
jitdriver d greens(i64) reds(Code*)
global counter: i64 = 5:i64
global origin: struct Pair = struct Pair {1:i64, "one"}
prebuilt first: Code* {
  Code.name = "first"
  Code.next = prebuilt second
}
prebuilt second: Code* {
  Code.name = "second"
  Code.next = prebuilt first
}
function f(n: i64) -> str {
block0(v0: i64):
  jit_merge_point driver d, v0, prebuilt first
  v1: struct Pair = getglobal global origin
  v2: struct Pair = struct_setfield v1, field Pair.a, v0
  v3: i64 = struct_getfield v2, field Pair.a
  v4: i64 = struct_getfield v1, field Pair.a
  v5: i64 = getglobal global counter
  v6: i64 = int_add v5, v3
  v7: i64 = int_add v6, v4
  setglobal global counter, v7
  v8: Code* = getfield prebuilt first, field Code.next
  v9: Code* = getfield v8, field Code.next
  v10: str = getfield v9, field Code.name
  v11: i64 = jit_promote v7
  v12: bool = jit_we_are_jitted
  v13: str = str_from_int v11
  v14: str = str_concat v10, v13
  goto return(v14)
}
)");
  CHECK(str(run.value("f", {I(10)})) == "first16");
  CHECK(str(run.value("f", {I(10)})) == "first27");  // the global persists in one interpreter
}

TEST_CASE("identity hashes come from counters: the same on every run") {
  const char* text = R"(
class Box : rt::Object {
}
function f(n: i64) -> Box* {
block0(v0: i64):
  v1: Box* = new_object class Box
  v2: list<i64> = list_new
  v3: Box* = new_object class Box
  goto return(v3)
}
)";
  Run a(text), b(text);
  gi::Value x = a.value("f", {I(0)});
  rt::make<rt::List<int64_t>>();  // allocations between runs change addresses, not hashes
  gi::Value y = b.value("f", {I(0)});
  CHECK(a.interp->identity_hash(x) == b.interp->identity_hash(y));
  CHECK(a.interp->identity_hash(x) == 3);
}

TEST_CASE("objects survive garbage collections (every reference is visible to the GC)") {
  Run run(R"(
class Node : rt::Object {
  field value: i64
  field next: Node*
  field name: str
}
extern function rt::gc::collect() -> void
function build(n: i64) -> i64 {
block0(v0: i64):
  goto loop(v0, null:Node*)
loop(v1: i64, v2: Node*):
  v3: bool = int_gt v1, 0:i64
  switch v3
    false -> sum(v2, 0:i64)
    true -> body(v1, v2)
body(v4: i64, v5: Node*):
  v6: Node* = new_object class Node
  setfield v6, field Node.value, v4
  setfield v6, field Node.next, v5
  v7: str = str_from_int v4
  setfield v6, field Node.name, v7
  v8: list<i64> = list_new_filled 64:i64, v4
  v9: i64 = int_sub v4, 1:i64
  goto loop(v9, v6)
sum(v10: Node*, v11: i64):
  direct_call @rt::gc::collect
  v12: bool = ptr_iszero v10
  switch v12
    false -> next(v10, v11)
    true -> return(v11)
next(v13: Node*, v14: i64):
  v15: str = getfield v13, field Node.name
  v16: i64 = str_to_int v15, 10:i64
  v17: i64 = int_add v14, v16
  v18: Node* = getfield v13, field Node.next
  goto sum(v18, v17)
}
)");
  CHECK(run.value("build", {I(2000)}).as_int() == 2000 * 2001 / 2);
}

TEST_CASE("an external without a graph-mode implementation is an error, not a crash") {
  Run run(R"(
extern function callback(x: i64) -> void
function f(n: i64) -> i64 {
block0(v0: i64):
  direct_call @callback, v0
  goto return(v0)
}
)");
  gi::Outcome o = run.call("f", {I(1)});
  CHECK(o.kind == gi::Outcome::kError);
  CHECK(o.message == "external function callback has no graph-mode implementation");
}

TEST_CASE("a member function called through null is a null dereference; recursion through key traits stops") {
  Run run(R"(
keytraits Deep: Key* {
  hash = @Key::hash
  equal = @Key::equal
}
class Key : rt::Object {
  field n: i64
}
global table: dict<Key*, i64, Deep>
function Key::value(this: Key*) -> i64 {
block0(v0: Key*):
  goto return(7:i64)
}
function call_on_null(n: i64) -> i64 {
block0(v0: i64):
  v1: i64 = direct_call @Key::value, null:Key*
  goto return(v1)
}
; hashing a key looks the key up in the table again: native recursion through rt's dict
function Key::hash(k: Key*) -> i64 {
block0(v0: Key*):
  v1: dict<Key*, i64, Deep> = getglobal global table
  v2: bool = dict_contains v1, v0
  goto return(1:i64)
}
function Key::equal(a: Key*, b: Key*) -> bool {
block0(v0: Key*, v1: Key*):
  goto return(true)
}
function deep(n: i64) -> i64 {
block0(v0: i64):
  v1: dict<Key*, i64, Deep> = dict_new
  setglobal global table, v1
  v2: Key* = new_object class Key
  dict_setitem v1, v2, 1:i64
  v3: Key* = new_object class Key
  dict_setitem v1, v3, 2:i64
  goto return(0:i64)
}
)");
  CHECK(run.call("call_on_null", {I(0)}).kind == gi::Outcome::kFatal);
  gi::Outcome o = run.call("deep", {I(0)});
  CHECK(o.kind == gi::Outcome::kRaised);
  CHECK(o.type_name == "RecursionError");
}
