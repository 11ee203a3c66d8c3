// Building graphs with the Builder: structure, verification and printed text.
#include "ir_test_support.h"

namespace rtoolchain::ir {
namespace {

using testing::errors_of;

// fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)
FunctionId build_fib(Program& program) {
  TypeTable& types = program.types();
  TypeId i64 = types.i64();
  FunctionId fib = program.add_function("fib", {Param{"n", i64}}, i64, kElidable);
  Builder b(program, fib);
  Value n = b.arg(0);
  Value small = b.emit(Opcode::int_lt, {n, program.const_int(i64, 2)}, types.bool_type());
  BlockId base = b.new_block({i64});
  BlockId recurse = b.new_block({i64});
  b.branch(small, base, {n}, recurse, {n});
  b.set_block(base);
  b.ret(b.arg(0));
  b.set_block(recurse);
  Value m = b.arg(0);
  Value a = b.call(fib, {b.emit(Opcode::int_sub, {m, program.const_int(i64, 1)}, i64)});
  Value c = b.call(fib, {b.emit(Opcode::int_sub, {m, program.const_int(i64, 2)}, i64)});
  b.ret(b.emit(Opcode::int_add, {a, c}, i64));
  return fib;
}

TEST_CASE("builder: fib", "[builder]") {
  Program program;
  FunctionId fib = build_fib(program);
  const Graph& graph = *program.function_info(fib).graph;
  const Block& start = graph.block(graph.start_block());
  CHECK(start.inputargs.size() == 1);
  CHECK(start.operations.size() == 1);
  CHECK(start.exitswitch.is_variable());
  REQUIRE(start.exits.size() == 2);
  CHECK(graph.link(start.exits[0]).exitcase == ExitCase::boolean(false));
  CHECK(graph.link(start.exits[1]).exitcase == ExitCase::boolean(true));
  CHECK(graph.reachable_blocks().size() == 3);

  CHECK(errors_of(program).empty());
  CHECK(program_to_string(program) ==
        "function fib(n: i64) -> i64 elidable {\n"
        "block0(v0: i64):\n"
        "  v1: bool = int_lt v0, 2:i64\n"
        "  switch v1\n"
        "    false -> block1(v0)\n"
        "    true -> block2(v0)\n"
        "block1(v2: i64):\n"
        "  v3: i64 = int_sub v2, 1:i64\n"
        "  v4: i64 = direct_call @fib, v3\n"
        "  v5: i64 = int_sub v2, 2:i64\n"
        "  v6: i64 = direct_call @fib, v5\n"
        "  v7: i64 = int_add v4, v6\n"
        "  goto return(v7)\n"
        "block2(v8: i64):\n"
        "  goto return(v8)\n"
        "}\n");
}

TEST_CASE("builder: a loop passes its state through block arguments", "[builder]") {
  // sum(n): i = 0; s = 0; while (i < n) { s += i; ++i; } return s;
  Program program;
  TypeTable& types = program.types();
  TypeId i64 = types.i64();
  FunctionId sum = program.add_function("sum", {Param{"n", i64}}, i64);
  Builder b(program, sum);
  BlockId head = b.new_block({i64, i64, i64});
  BlockId body = b.new_block({i64, i64, i64});
  BlockId done = b.new_block({i64});
  b.jump(head, {b.arg(0), program.const_int(i64, 0), program.const_int(i64, 0)});
  b.set_block(head);
  Value more = b.emit(Opcode::int_lt, {b.arg(1), b.arg(0)}, types.bool_type());
  b.branch(more, body, {b.arg(0), b.arg(1), b.arg(2)}, done, {b.arg(2)});
  b.set_block(body);
  Value s = b.emit(Opcode::int_add, {b.arg(2), b.arg(1)}, i64);
  Value i = b.emit(Opcode::int_add, {b.arg(1), program.const_int(i64, 1)}, i64);
  b.jump(head, {b.arg(0), i, s});
  b.set_block(done);
  b.ret(b.arg(0));

  CHECK(errors_of(program).empty());
  CHECK(program_to_string(program) ==
        "function sum(n: i64) -> i64 {\n"
        "block0(v0: i64):\n"
        "  goto block1(v0, 0:i64, 0:i64)\n"
        "block1(v1: i64, v2: i64, v3: i64):\n"
        "  v4: bool = int_lt v2, v1\n"
        "  switch v4\n"
        "    false -> block2(v3)\n"
        "    true -> block3(v1, v2, v3)\n"
        "block2(v5: i64):\n"
        "  goto return(v5)\n"
        "block3(v6: i64, v7: i64, v8: i64):\n"
        "  v9: i64 = int_add v8, v7\n"
        "  v10: i64 = int_add v7, 1:i64\n"
        "  goto block1(v6, v10, v9)\n"
        "}\n");
}

TEST_CASE("builder: integer switch with a default exit", "[builder]") {
  Program program;
  TypeTable& types = program.types();
  TypeId i64 = types.i64();
  FunctionId classify = program.add_function("classify", {Param{"op", types.u8()}}, i64);
  Builder b(program, classify);
  BlockId one = b.new_block();
  BlockId other = b.new_block({types.u8()});
  b.switch_on(b.arg(0), {{0, one, {}}, {255, one, {}}}, other, {b.arg(0)});
  b.set_block(one);
  b.ret(program.const_int(i64, 1));
  b.set_block(other);
  b.ret(b.emit(Opcode::cast_int, {b.arg(0)}, i64));

  CHECK(errors_of(program).empty());
  CHECK(program_to_string(program) ==
        "function classify(op: u8) -> i64 {\n"
        "block0(v0: u8):\n"
        "  switch v0\n"
        "    0 -> block1()\n"
        "    255 -> block1()\n"
        "    default -> block2(v0)\n"
        "block1():\n"
        "  goto return(1:i64)\n"
        "block2(v1: u8):\n"
        "  v2: i64 = cast_int v1\n"
        "  goto return(v2)\n"
        "}\n");
}

TEST_CASE("builder: catching exceptions and raising", "[builder]") {
  // try { return ovf_add(a, b); } catch (rt::OverflowError* e) { throw make<Boom>(); }
  Program program;
  TypeTable& types = program.types();
  TypeId i64 = types.i64();
  ClassId boom = program.add_class("Boom", program.exception_class());
  FunctionId add = program.add_function("add", {Param{"a", i64}, Param{"b", i64}}, i64);
  Builder b(program, add);
  BlockId ok = b.new_block({i64});
  BlockId overflow = b.new_block();
  Value total = b.emit(Opcode::int_add_ovf, {b.arg(0), b.arg(1)}, i64);
  b.on_exception(ok, {total});
  Builder::Handler handler = b.add_handler(program.rt_exception_class(RtException::kOverflowError));
  b.set_target(handler.link, overflow, {});
  Builder::Handler other = b.add_handler(program.exception_class());
  b.set_target(other.link, program.function_info(add).graph->except_block(),
               {other.exception_class, other.exception_object});
  b.set_block(ok);
  b.ret(b.arg(0));
  b.set_block(overflow);
  b.raise(b.emit(Opcode::new_object, {program.const_class(boom)}, types.pointer(boom)));

  const Graph& graph = b.graph();
  const Link& caught = graph.link(handler.link);
  CHECK(caught.exitcase == ExitCase::exception(program.rt_exception_class(RtException::kOverflowError)));
  CHECK(graph.variable(caught.last_exc_value).type ==
        types.pointer(program.rt_exception_class(RtException::kOverflowError)));

  CHECK(errors_of(program).empty());
  CHECK(program_to_string(program) ==
        "class Boom : rt::Exception {\n"
        "}\n"
        "\n"
        "function add(a: i64, b: i64) -> i64 {\n"
        "block0(v0: i64, v1: i64):\n"
        "  v2: i64 = int_add_ovf v0, v1\n"
        "  switch exception\n"
        "    normal -> block1(v2)\n"
        "    catch rt::OverflowError as v3, v4 -> block2()\n"
        "    catch rt::Exception as v5, v6 -> except(v5, v6)\n"
        "block1(v7: i64):\n"
        "  goto return(v7)\n"
        "block2():\n"
        "  v8: Boom* = new_object class Boom\n"
        "  v9: classref<Boom> = classof v8\n"
        "  goto except(v9, v8)\n"
        "}\n");
}

TEST_CASE("builder: void functions return none", "[builder]") {
  Program program;
  TypeTable& types = program.types();
  FunctionId print = program.add_external_function("rt::print", {Param{"text", types.str()}}, types.void_type());
  FunctionId hello = program.add_function("hello", {}, types.void_type());
  Builder b(program, hello);
  Value result = b.call(print, {program.const_str("hi")});
  CHECK(result.is_none());
  b.ret_void();
  CHECK(errors_of(program).empty());
  CHECK(program_to_string(program) ==
        "extern function rt::print(text: str) -> void\n"
        "\n"
        "function hello() -> void {\n"
        "block0():\n"
        "  direct_call @rt::print, \"hi\"\n"
        "  goto return(none)\n"
        "}\n");
}

}  // namespace
}  // namespace rtoolchain::ir
