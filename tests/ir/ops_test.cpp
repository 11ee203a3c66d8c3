// The op table (ops.def): names, derived operand counts, effects and raise sets.
#include "ir_test_support.h"

namespace rtoolchain::ir {
namespace {

TEST_CASE("every opcode is found by its name", "[ops]") {
  for (unsigned i = 0; i < kNumOpcodes; ++i) {
    auto opcode = static_cast<Opcode>(i);
    std::optional<Opcode> found = find_opcode(op_name(opcode));
    REQUIRE(found.has_value());
    CHECK(*found == opcode);
  }
  CHECK_FALSE(find_opcode("int_frobnicate").has_value());
  CHECK(op_name(Opcode::int_add) == "int_add");
  CHECK(op_name(Opcode::new_object) == "new_object");
}

TEST_CASE("operand counts and results come from the signature", "[ops]") {
  const OpInfo& add = op_info(Opcode::int_add);
  CHECK(add.signature == "(T:int, T) -> T");
  CHECK(add.num_fixed_operands == 2);
  CHECK_FALSE(add.is_variadic);
  CHECK(add.has_result);

  const OpInfo& call = op_info(Opcode::direct_call);
  CHECK(call.num_fixed_operands == 1);
  CHECK(call.is_variadic);

  CHECK(op_info(Opcode::indirect_call).num_fixed_operands == 2);
  CHECK(op_info(Opcode::virtual_call).num_fixed_operands == 2);
  CHECK(op_info(Opcode::jit_merge_point).num_fixed_operands == 1);
  CHECK(op_info(Opcode::jit_we_are_jitted).num_fixed_operands == 0);
  CHECK_FALSE(op_info(Opcode::setfield).has_result);
  CHECK_FALSE(op_info(Opcode::list_append).has_result);
  CHECK(op_info(Opcode::list_new).has_result);
}

TEST_CASE("effects and raise sets", "[ops]") {
  CHECK(op_info(Opcode::int_add).has_effect(kFoldable));
  CHECK_FALSE(op_info(Opcode::int_add).can_raise());

  const OpInfo& add_ovf = op_info(Opcode::int_add_ovf);
  CHECK(add_ovf.has_effect(kFoldable));
  CHECK(add_ovf.raises == kRaisesOverflowError);

  CHECK(op_info(Opcode::int_div_floor).raises == kRaisesZeroDivisionError);
  CHECK(op_info(Opcode::cast_float_to_int).raises == (kRaisesValueError | kRaisesOverflowError));
  CHECK(op_info(Opcode::list_getitem).raises == kRaisesIndexError);
  CHECK(op_info(Opcode::dict_getitem).raises == kRaisesKeyError);
  CHECK(op_info(Opcode::dictiter_next).raises == kRaisesRuntimeError);

  const OpInfo& call = op_info(Opcode::direct_call);
  CHECK(call.has_effect(kCall));
  CHECK(call.raises == kRaisesAny);

  CHECK(op_info(Opcode::getfield).has_effect(kReadsMemory));
  CHECK_FALSE(op_info(Opcode::getfield).has_effect(kFoldable));
  CHECK(op_info(Opcode::setfield).has_effect(kWritesMemory));
  CHECK(op_info(Opcode::new_object).has_effect(kAllocates));
  CHECK(op_info(Opcode::jit_promote).has_effect(kHint));
}

TEST_CASE("rt exception names", "[ops]") {
  CHECK(kNumRtExceptions == 9);
  CHECK(rt_exception_name(RtException::kIndexError) == "IndexError");
  CHECK(rt_exception_name(RtException::kOSError) == "OSError");
  CHECK(kRaisesIndexError != kRaisesKeyError);
}

}  // namespace
}  // namespace rtoolchain::ir
