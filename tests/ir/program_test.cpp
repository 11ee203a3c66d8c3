// Types, constants and the program model.
#include "ir_test_support.h"

namespace rtoolchain::ir {
namespace {

TEST_CASE("types are interned and printed", "[program]") {
  Program program;
  TypeTable& types = program.types();
  ClassId frame = program.add_class("Frame", program.object_class());
  StructId point = program.add_struct("Point");
  EnumId color = program.add_enum("Color", types.u8());
  FunctionId hash = program.add_function("hash", {Param{"f", types.pointer(frame)}}, types.i64());
  FunctionId equal = program.add_function("equal", {Param{"a", types.pointer(frame)}, Param{"b", types.pointer(frame)}},
                                          types.bool_type());
  KeyTraitsId by_frame = program.add_key_traits("ByFrame", types.pointer(frame), hash, equal);

  CHECK(types.i64() == types.int_type(64, true));
  CHECK(types.i64() != types.u64());
  CHECK(types.list(types.i64()) == types.list(types.i64()));
  CHECK(types.list(types.i64()) != types.array(types.i64()));
  CHECK(types.dict(types.str(), types.i64()) != types.dict(types.str(), types.i64(), by_frame));

  CHECK(program.type_name(types.void_type()) == "void");
  CHECK(program.type_name(types.u16()) == "u16");
  CHECK(program.type_name(types.pointer(frame)) == "Frame*");
  CHECK(program.type_name(types.class_ref(program.exception_class())) == "classref<rt::Exception>");
  CHECK(program.type_name(types.list(types.str())) == "list<str>");
  CHECK(program.type_name(types.array(types.f64())) == "array<f64>");
  CHECK(program.type_name(types.dict(types.pointer(frame), types.i64(), by_frame)) == "dict<Frame*, i64, ByFrame>");
  CHECK(program.type_name(types.dict_iter(types.str(), types.bool_type())) == "dictiter<str, bool>");
  CHECK(program.type_name(types.function(types.void_type(), {types.i64(), types.strbuilder()})) ==
        "fn(i64, strbuilder) -> void");
  CHECK(program.type_name(types.struct_type(point)) == "struct Point");
  CHECK(program.type_name(types.enum_type(color)) == "enum Color");
  // Names that are not plain identifiers are quoted.
  ClassId stack = program.add_class("Stack<i64>", program.object_class());
  CHECK(program.type_name(types.pointer(stack)) == "\"Stack<i64>\"*");
}

TEST_CASE("every program predefines the rt exception classes", "[program]") {
  Program program;
  ClassId exception = program.exception_class();
  CHECK(program.class_info(exception).name == "rt::Exception");
  CHECK(program.class_info(exception).base == program.object_class());
  CHECK(program.find_class("rt::Object") == program.object_class());
  ClassId index_error = program.rt_exception_class(RtException::kIndexError);
  CHECK(program.class_info(index_error).name == "rt::IndexError");
  CHECK(program.is_exception_class(index_error));
  CHECK_FALSE(program.is_exception_class(program.object_class()));

  FieldId message = program.find_own_field(exception, "message");
  REQUIRE(message.valid());
  CHECK(program.field_info(message).type == program.types().str());
  ClassId os_error = program.rt_exception_class(RtException::kOSError);
  FieldId errno_value = program.find_own_field(os_error, "errno_value");
  REQUIRE(errno_value.valid());
  CHECK(program.field_info(errno_value).type == program.types().i32());
  CHECK(program.all_fields(os_error) == std::vector<FieldId>{message, errno_value});

  ClassId declaring;
  const MethodDecl* type_name = program.resolve_method(index_error, "type_name", &declaring);
  REQUIRE(type_name);
  CHECK(declaring == index_error);
  CHECK(program.function_info(type_name->implementation).name == "rt::IndexError::type_name");
  CHECK(program.function_info(type_name->implementation).is_external);
  CHECK(program.method_introducer(index_error, "type_name") == exception);
  // The predefined entities print as nothing and verify cleanly.
  CHECK(program_to_string(program).empty());
  CHECK(verify_program(program).empty());
}

TEST_CASE("class pointers convert to base class pointers", "[program]") {
  Program program;
  TypeTable& types = program.types();
  ClassId base = program.add_class("Base", program.object_class());
  ClassId derived = program.add_class("Derived", base);
  CHECK(program.is_subclass(derived, base));
  CHECK(program.is_subclass(derived, derived));
  CHECK_FALSE(program.is_subclass(base, derived));
  CHECK(program.is_assignable(types.pointer(derived), types.pointer(base)));
  CHECK(program.is_assignable(types.class_ref(derived), types.class_ref(base)));
  CHECK_FALSE(program.is_assignable(types.pointer(base), types.pointer(derived)));
  // Containers do not convert: a list<Derived*> is not a list<Base*>.
  CHECK_FALSE(program.is_assignable(types.list(types.pointer(derived)), types.list(types.pointer(base))));
  CHECK_FALSE(program.is_assignable(types.i32(), types.i64()));
}

TEST_CASE("constants are interned", "[program]") {
  Program program;
  TypeTable& types = program.types();
  CHECK(program.const_int(types.i64(), 3) == program.const_int(types.i64(), 3));
  CHECK(program.const_int(types.i64(), 3) != program.const_int(types.i32(), 3));
  CHECK(program.const_str("a") == program.const_str("a"));
  CHECK(program.const_float(std::nan("1")) == program.const_float(-std::nan("2")));
  CHECK(program.const_float(0.0) != program.const_float(-0.0));

  FunctionId f = program.add_function("f", {}, types.void_type());
  FunctionId g = program.add_function("g", {}, types.void_type());
  ConstId targets = program.const_targets({g, f, g});
  CHECK(program.constant(targets).items == std::vector<uint32_t>{f.index(), g.index()});
  CHECK(targets == program.const_targets({f, g}));
  // A function constant is typed by the function's signature, also when it changes later.
  ConstId f_constant = program.const_function(f);
  program.set_signature(f, {Param{"x", types.i64()}}, types.bool_type());
  CHECK(program.type_of(f_constant) == types.function(types.bool_type(), {types.i64()}));
  CHECK(program.type_of(program.const_class(program.exception_class())) == program.exception_class_type());
  CHECK(program.type_of(program.const_field(program.find_own_field(program.exception_class(), "message"))) ==
        types.void_type());
}

TEST_CASE("lookup by name, one namespace per kind of entity", "[program]") {
  Program program;
  TypeTable& types = program.types();
  ClassId node = program.add_class("Node", program.object_class());
  GlobalId counter = program.add_global("Node", types.i64());  // globals have their own names
  FunctionId main = program.add_function("main", {}, types.i64());
  CHECK(program.find_class("Node") == node);
  CHECK(program.find_global("Node") == counter);
  CHECK(program.find_function("main") == main);
  CHECK_FALSE(program.find_struct("Node").valid());
  CHECK_FALSE(program.find_function("Node").valid());
  CHECK(program.has_type_name("Node"));
}

TEST_CASE("create_graph gives the final blocks their arguments", "[program]") {
  Program program;
  TypeTable& types = program.types();
  FunctionId fn = program.add_function("f", {Param{"a", types.i64()}, Param{"b", types.str()}}, types.bool_type());
  Graph& graph = program.create_graph(fn);
  const Block& start = graph.block(graph.start_block());
  REQUIRE(start.inputargs.size() == 2);
  CHECK(graph.variable(start.inputargs[1]).type == types.str());
  REQUIRE(graph.block(graph.return_block()).inputargs.size() == 1);
  CHECK(graph.variable(graph.block(graph.return_block()).inputargs[0]).type == types.bool_type());
  const Block& except = graph.block(graph.except_block());
  REQUIRE(except.inputargs.size() == 2);
  CHECK(graph.variable(except.inputargs[0]).type == program.exception_class_type());
  CHECK(graph.variable(except.inputargs[1]).type == program.exception_value_type());
}

}  // namespace
}  // namespace rtoolchain::ir
