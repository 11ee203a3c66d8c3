// The jitcode format: the instruction table, decoding and the encoding verifier (which the
// codewriter runs on everything it writes; these tests make sure it can fail).
#include <catch2/catch.hpp>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/jit/jitcode.h"

using namespace rtoolchain::jit;

namespace {

uint8_t op(const char* key) {
  JitOpcode opcode{};
  REQUIRE(find_jit_opcode(key, opcode));
  return static_cast<uint8_t>(opcode);
}

// int_add %i0, $7 -> %i1 ; -live- %i1 ; int_return %i1   (2 registers, 1 constant)
JitProgram small_program() {
  JitProgram program;
  program.liveness.push_back({});
  program.liveness[0].regs[0] = {1};
  JitCode code;
  code.name = "f";
  code.num_regs[0] = 2;
  code.constants_i = {7};
  code.code = {op("int_add/ii>i"), 0, 2, 1, op("-live-"), 0, 0, op("int_return"), 1};
  program.jitcodes.push_back(code);
  return program;
}

std::vector<std::string> verify(const JitProgram& program) {
  std::vector<std::string> errors;
  verify_program(program, errors);
  return errors;
}

}  // namespace

TEST_CASE("jitcode table: names with argcodes, opcodes are positions") {
  JitOpcode opcode{};
  CHECK(find_jit_opcode("int_add/ii>i", opcode));
  CHECK(std::string(jit_insn_info(opcode).argcodes) == "ii>i");
  CHECK(find_jit_opcode("residual_call_ir_i", opcode));
  CHECK(std::string(jit_insn_info(opcode).argcodes) == "idIR>i");
  CHECK_FALSE(find_jit_opcode("int_add/ff>f", opcode));
  CHECK(static_cast<unsigned>(JitOpcode::live) == 0);
}

TEST_CASE("jitcode decoding: operands, constants after registers, lengths") {
  JitProgram program = small_program();
  const JitCode& code = program.jitcodes[0];
  JitInsn insn;
  REQUIRE(decode_insn(code, 0, insn));
  CHECK(insn.length == 4);
  REQUIRE(insn.operands.size() == 3);
  CHECK(insn.operands[1].value == 2);  // register 2 of 2: the first constant
  CHECK(insn.operands[2].is_result);
  CHECK(insn_length(code.code.data(), 4) == 3);
  std::string text;
  llvm::raw_string_ostream out(text);
  print_jitcode(program, code, out);
  CHECK(text.find("int_add %i0, $7 -> %i1") != std::string::npos);
  CHECK(text.find("-live- %i1") != std::string::npos);
}

TEST_CASE("jitcode verifier: accepts what is well formed, rejects each kind of damage") {
  CHECK(verify(small_program()).empty());
  {
    JitProgram p = small_program();
    p.jitcodes[0].code[2] = 3;  // past registers and constants
    CHECK_FALSE(verify(p).empty());
  }
  {
    JitProgram p = small_program();
    p.jitcodes[0].code[3] = 2;  // a result must be a register, not a constant
    CHECK_FALSE(verify(p).empty());
  }
  {
    JitProgram p = small_program();
    p.jitcodes[0].code.push_back(op("goto"));  // a label into the middle of an instruction
    p.jitcodes[0].code.push_back(1);
    p.jitcodes[0].code.push_back(0);
    CHECK_FALSE(verify(p).empty());
  }
  {
    JitProgram p = small_program();
    p.jitcodes[0].code.pop_back();  // truncated
    CHECK_FALSE(verify(p).empty());
  }
  {
    JitProgram p = small_program();
    p.jitcodes[0].code[5] = 9;  // liveness index out of range
    CHECK_FALSE(verify(p).empty());
  }
}
