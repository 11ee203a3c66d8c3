// The annotator's public queries, as later stages use them: call targets of a virtual call (the
// rtyper turns a single target into a direct call), a variable's fact, a field's facts, a site,
// and effect info.
#include <catch2/catch.hpp>

#include "rtoolchain/annotator/annotator.h"

using namespace rtoolchain;

namespace {

constexpr const char* kProgram = R"(
class Animal : rt::Object {
  field legs: i64
  method speak: fn(Animal*) -> i64 = abstract
}
class Dog : Animal {
  method speak: fn(Dog*) -> i64 = @Dog::speak
}
class Cat : Animal {
  method speak: fn(Cat*) -> i64 = @Cat::speak
}
function Dog::Dog(this: Dog*) -> void {
block0(v0: Dog*):
  setfield v0, field Animal.legs, 4:i64
  goto return(none)
}
function Dog::speak(this: Dog*) -> i64 {
block0(v0: Dog*):
  goto return(1:i64)
}
function Cat::speak(this: Cat*) -> i64 {
block0(v0: Cat*):
  v1: list<i64> = list_new
  list_append v1, 2:i64
  v2: i64 = list_getitem v1, 0:i64
  goto return(v2)
}
function rt_main(args: list<str>) -> i64 {
block0(v0: list<str>):
  v1: Dog* = new_object class Dog
  direct_call @Dog::Dog, v1
  v2: i64 = virtual_call method Animal.speak, v1
  goto return(v2)
}
entry @rt_main
)";

// The first operation of `fn`'s start block with the given opcode.
ir::OpId find_op(const ir::Program& p, ir::FunctionId fn, ir::Opcode opcode) {
  const ir::Graph& g = *p.function_info(fn).graph;
  for (ir::OpId op : g.block(g.start_block()).operations)
    if (g.op(op).opcode == opcode) return op;
  return ir::OpId();
}

}  // namespace

TEST_CASE("a virtual call on an exact receiver has one target", "[annotator]") {
  llvm::Expected<ir::Program> program = ir::parse_program(kProgram);
  REQUIRE(static_cast<bool>(program));
  REQUIRE(ir::verify_program(*program).empty());
  annotator::Annotation a = annotator::annotate(*program);
  REQUIRE(a.errors().empty());
  ir::FunctionId main = program->find_function("rt_main");
  ir::OpId call = find_op(*program, main, ir::Opcode::virtual_call);
  REQUIRE(call.valid());
  auto targets = a.call_targets(main, call);
  REQUIRE(targets.size() == 1);
  CHECK(targets[0] == program->find_function("Dog::speak"));
  // Cat is never instantiated, so its method is unreachable.
  CHECK_FALSE(a.is_instantiated(program->find_class("Cat")));
  CHECK_FALSE(a.is_reachable(program->find_function("Cat::speak")));
  CHECK(a.return_fact(main).is_int_constant());
  CHECK(a.return_fact(main).lo == 1);
}

TEST_CASE("variable, field and effect queries", "[annotator]") {
  llvm::Expected<ir::Program> program = ir::parse_program(kProgram);
  REQUIRE(static_cast<bool>(program));
  annotator::Annotation a = annotator::annotate(*program);
  ir::FunctionId main = program->find_function("rt_main");
  ir::OpId alloc = find_op(*program, main, ir::Opcode::new_object);
  const annotator::Fact& dog = a.fact(main, program->function_info(main).graph->op(alloc).result);
  CHECK(dog.is_single_member());
  CHECK_FALSE(dog.may_be_null);
  CHECK(dog.has_member(program->find_class("Dog").index()));

  ir::FieldId legs = program->find_own_field(program->find_class("Animal"), "legs");
  const annotator::FieldFacts& f = a.field(legs);
  CHECK(f.immutable);           // written only by Dog's constructor on its `this`
  CHECK_FALSE(f.zero_possible); // the constructor writes it before anything can read it
  CHECK(f.fact.is_int_constant());

  CHECK(a.is_constructor(program->find_function("Dog::Dog")));
  const annotator::EffectInfo& e = a.effects(main);
  CHECK(e.allocates);
  CHECK(e.fields_written == std::vector<ir::FieldId>{legs});
  CHECK_FALSE(e.can_raise());
  CHECK(a.num_call_edges() == 2);
}
