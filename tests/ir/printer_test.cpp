// The text printer: canonical numbering, determinism, spelling of names and constants.
#include "ir_test_support.h"

namespace rtoolchain::ir {
namespace {

TEST_CASE("printer: numbering follows the graph, not the order of creation", "[printer]") {
  // The same graph built twice, its blocks and variables created in opposite orders.
  auto build = [](bool reversed) {
    Program program;
    TypeTable& types = program.types();
    TypeId i64 = types.i64();
    FunctionId fn = program.add_function("pick", {Param{"x", i64}}, i64);
    Builder b(program, fn);
    BlockId first, second;
    if (reversed) {
      second = b.new_block({i64});
      first = b.new_block({i64});
    } else {
      first = b.new_block({i64});
      second = b.new_block({i64});
    }
    // Unused variables and an unreachable block leave no trace in the text.
    b.graph().new_variable(types.str());
    BlockId unreachable = b.new_block({types.f64()});
    Value is_zero = b.emit(Opcode::int_eq, {b.arg(0), program.const_int(i64, 0)}, types.bool_type());
    b.branch(is_zero, first, {b.arg(0)}, second, {b.arg(0)});
    b.set_block(second);
    b.ret(b.emit(Opcode::int_neg, {b.arg(0)}, i64));
    b.set_block(first);
    b.ret(b.arg(0));
    b.set_block(unreachable);
    b.ret(program.const_int(i64, 7));
    return program_to_string(program);
  };
  std::string forward = build(false);
  CHECK(forward == build(true));
  CHECK(forward ==
        "function pick(x: i64) -> i64 {\n"
        "block0(v0: i64):\n"
        "  v1: bool = int_eq v0, 0:i64\n"
        "  switch v1\n"
        "    false -> block1(v0)\n"
        "    true -> block2(v0)\n"
        "block1(v2: i64):\n"
        "  v3: i64 = int_neg v2\n"
        "  goto return(v3)\n"
        "block2(v4: i64):\n"
        "  goto return(v4)\n"
        "}\n");
}

TEST_CASE("printer: printing twice gives the same text", "[printer]") {
  Program program = testing::parse(
      "function f(a: i64) -> i64 {\n"
      "start(v7: i64):\n"
      "  v3: i64 = int_mul v7, v7\n"
      "  goto return(v3)\n"
      "}\n");
  std::string once = program_to_string(program);
  CHECK(once == program_to_string(program));
  CHECK(once ==
        "function f(a: i64) -> i64 {\n"
        "block0(v0: i64):\n"
        "  v1: i64 = int_mul v0, v0\n"
        "  goto return(v1)\n"
        "}\n");
}

TEST_CASE("printer: constants", "[printer]") {
  Program program;
  TypeTable& types = program.types();
  ClassId frame = program.add_class("Frame", program.object_class());
  FieldId pc = program.add_field(frame, "pc", types.i64());
  GlobalId counter = program.add_global("counter", types.i64());
  JitDriverId driver = program.add_jit_driver("tiny", {types.i64()}, {types.pointer(frame)});
  PrebuiltId top = program.add_prebuilt("top", types.pointer(frame));
  StructId point = program.add_struct("Point");
  program.add_struct_field(point, "x", types.i8());
  FunctionId f = program.add_function("operator+", {}, types.void_type());
  FunctionId g = program.add_function("g", {}, types.void_type());

  auto text = [&](ConstId constant) { return constant_to_string(program, constant); };
  CHECK(text(program.const_int(types.i64(), -5)) == "-5:i64");
  CHECK(text(program.const_int(types.u8(), 255)) == "255:u8");
  CHECK(text(program.const_int(types.u64(), -1)) == "18446744073709551615:u64");
  CHECK(text(program.const_bool(true)) == "true");
  CHECK(text(program.const_none()) == "none");
  CHECK(text(program.const_float(1.0)) == "1.0:f64");
  CHECK(text(program.const_float(0.1)) == "0.1:f64");
  CHECK(text(program.const_float(-0.0)) == "-0.0:f64");
  CHECK(text(program.const_float(1e16)) == "1e+16:f64");
  CHECK(text(program.const_float(1.0 / 0.0)) == "inf:f64");
  CHECK(text(program.const_float(-1.0 / 0.0)) == "-inf:f64");
  CHECK(text(program.const_float(std::nan(""))) == "nan:f64");
  CHECK(text(program.const_str("a\"b\\c\n\t\x01\xff")) == "\"a\\\"b\\\\c\\n\\t\\x01\\xff\"");
  CHECK(text(program.const_null(types.pointer(frame))) == "null:Frame*");
  CHECK(text(program.const_function(f)) == "@\"operator+\"");
  CHECK(text(program.const_class(frame)) == "class Frame");
  CHECK(text(program.const_field(pc)) == "field Frame.pc");
  CHECK(text(program.const_method(frame, "run")) == "method Frame.run");
  CHECK(text(program.const_global(counter)) == "global counter");
  CHECK(text(program.const_jit_driver(driver)) == "driver tiny");
  CHECK(text(program.const_prebuilt(top)) == "prebuilt top");
  CHECK(text(program.const_targets({g, f})) == "targets(@\"operator+\", @g)");
  CHECK(text(program.const_unknown_targets()) == "unknown_targets");
  CHECK(text(program.const_struct(point, {program.const_int(types.i8(), 97)})) == "struct Point {97:i8}");
}

TEST_CASE("printer: the program header", "[printer]") {
  Program program;
  TypeTable& types = program.types();
  StructId point = program.add_struct("Point");
  program.add_struct_field(point, "x", types.i64());
  EnumId color = program.add_enum("Color", types.u8());
  program.add_enumerator(color, "red", 0);
  program.add_enumerator(color, "blue", 200);
  ClassId code = program.add_class("Code", program.object_class(), kImmutableClass);
  FieldId ops = program.add_field(code, "ops", types.array(types.u8()), kImmutableField | kImmutableItems);
  FunctionId size = program.add_function("Code::size", {Param{"this", types.pointer(code)}}, types.i64(),
                                         kElidable | kDontLookInside);
  program.add_method(code, "size", program.function_info(size).type, size);
  program.add_method(code, "name", types.function(types.str(), {types.pointer(code)}), FunctionId());
  program.add_jit_driver("tiny", {types.i64(), types.pointer(code)}, {types.i64()}, kRecursiveDriver);
  PrebuiltId bytes = program.add_prebuilt("bytes", types.array(types.u8()));
  program.prebuilt_info_mut(bytes).items = {program.const_int(types.u8(), 1), program.const_int(types.u8(), 2)};
  PrebuiltId empty = program.add_prebuilt("empty", types.pointer(code));
  program.prebuilt_info_mut(empty).field_values = {{ops, program.const_prebuilt(bytes)}};
  program.add_global("current", types.pointer(code), program.const_prebuilt(empty), kConstantGlobal);
  program.add_global("count", types.i64());
  program.add_external_function("rt::os::time", {}, types.f64(), kNoThrow);
  program.function_info_mut(size).oopspec = "code.size(c)";
  program.function_info_mut(size).look_inside_iff = size;

  CHECK(program_to_string(program) ==
        "struct Point {\n"
        "  field x: i64\n"
        "}\n"
        "\n"
        "enum Color: u8 {\n"
        "  red = 0\n"
        "  blue = 200\n"
        "}\n"
        "\n"
        "class Code : rt::Object immutable {\n"
        "  field ops: array<u8> immutable immutable_items\n"
        "  method size: fn(Code*) -> i64 = @Code::size\n"
        "  method name: fn(Code*) -> str = abstract\n"
        "}\n"
        "\n"
        "jitdriver tiny greens(i64, Code*) reds(i64) recursive\n"
        "\n"
        "global current: Code* = prebuilt empty constant\n"
        "global count: i64\n"
        "\n"
        "prebuilt bytes: array<u8> [\n"
        "  1:u8\n"
        "  2:u8\n"
        "]\n"
        "\n"
        "prebuilt empty: Code* {\n"
        "  Code.ops = prebuilt bytes\n"
        "}\n"
        "\n"
        "function Code::size(this: Code*) -> i64 elidable dont_look_inside look_inside_iff(@Code::size) "
        "oopspec(\"code.size(c)\") {\n"
        "}\n"
        "\n"
        "extern function rt::os::time() -> f64 nothrow\n");
}

}  // namespace
}  // namespace rtoolchain::ir
