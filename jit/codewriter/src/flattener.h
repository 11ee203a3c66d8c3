// The flattener's class, shared by flatten.cpp (registers, exits) and transform.cpp (operations).
#pragma once

#include <cassert>
#include <string>
#include <vector>

#include "internal.h"

namespace rtoolchain::jit::codewriter {

using namespace ir;

inline char letter(Kind k) { return kind_letter(k); }

inline JitOpcode opcode_named(const std::string& name) {
  JitOpcode op{};
  bool found = find_jit_opcode(name, op);
  assert(found && "instruction missing from jitcode.def");
  (void)found;
  return op;
}

class Flattener {
 public:
  Flattener(Context& cx, FunctionId fn, std::vector<Insn>& insns, ConstPools& pools)
      : cx_(cx), p_(cx.program), fn_(fn), g_(*p_.function_info(fn).graph), insns_(insns), pools_(pools),
        names_(p_, fn) {}

  bool run(uint16_t num_regs[kNumValueKinds]);

 private:
  // --- Registers. ---
  bool assign_kinds();
  void allocate_registers();
  Reg reg(Value v);
  Reg var_reg(VarId v) { return {letter(kinds_[v.index()]), false, uint32_t(colour_[v.index()])}; }
  Reg const_reg(ConstId c);
  Kind kind_of_value(Value v) {
    Kind k = Kind::kVoid;
    kind_of(p_, p_.type_of(g_, v), k);
    return k;
  }

  // --- Emission. ---
  uint32_t new_label() { return next_label_++; }
  void label(uint32_t id) {
    Insn insn;
    insn.is_label = true;
    insn.label = id;
    insns_.push_back(std::move(insn));
  }
  void emit(JitOpcode op, std::vector<Arg> args) { insns_.push_back({false, 0, op, std::move(args)}); }
  void emit(const std::string& name, std::vector<Arg> args) { emit(opcode_named(name), std::move(args)); }
  static Arg a(Reg r) { return {r.kind, r, 0, {}}; }
  static Arg res(Reg r) { return {'>', r, 0, {}}; }
  static Arg lab(uint32_t id) { return {'L', {}, id, {}}; }
  static Arg des(uint32_t index) { return {'d', {}, index, {}}; }
  static Arg list(char code, std::vector<Reg> regs) { return {code, {}, 0, std::move(regs)}; }
  void live() { emit(JitOpcode::live, {Arg{'V', {}, 0, {}}}); }
  void copy(Reg src, Reg dst);
  void normalize(Reg r, TypeId type);
  bool emit_op(BlockId block, OpId id, bool catches);
  bool emit_call(OpId id, const Operation& op);
  void emit_block(BlockId block);
  void emit_link(LinkId link);
  void parallel_moves(std::vector<std::pair<Reg, Reg>> moves);
  void fail(OpId op, const std::string& message) {
    cx_.error(fn_, op.valid() ? names_.op(op) : "", message);
    ok_ = false;
  }

  Context& cx_;
  const Program& p_;
  FunctionId fn_;
  const Graph& g_;
  std::vector<Insn>& insns_;
  ConstPools& pools_;
  FunctionNames names_;
  std::vector<Kind> kinds_;
  std::vector<int> colour_;
  uint16_t regs_[kNumValueKinds] = {0, 0, 0};
  int temp_[kNumValueKinds] = {-1, -1, -1};
  uint32_t next_label_ = 0;
  std::vector<BlockId> order_;
  bool ok_ = true;
};


}  // namespace rtoolchain::jit::codewriter
