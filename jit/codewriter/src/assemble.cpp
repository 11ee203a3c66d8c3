// The flat form to bytes (RPython's liveness.py and assembler.py): drop gotos to the next
// label, compute the registers live at every `-live-` (backward dataflow over the flat code),
// share equal live sets program-wide, lay out labels and encode.
#include <bitset>

#include "internal.h"

namespace rtoolchain::jit::codewriter {

namespace {

using RegSet = std::bitset<kMaxRegisters>;
struct LiveSets {
  RegSet kinds[kNumValueKinds];
  bool operator!=(const LiveSets& o) const {
    return kinds[0] != o.kinds[0] || kinds[1] != o.kinds[1] || kinds[2] != o.kinds[2];
  }
};

int kind_index(char c) { return c == 'i' || c == 'I' ? 0 : c == 'r' || c == 'R' ? 1 : 2; }

bool ends_flow(JitOpcode op) {
  switch (op) {
    case JitOpcode::goto_: case JitOpcode::int_return: case JitOpcode::ref_return: case JitOpcode::float_return:
    case JitOpcode::void_return: case JitOpcode::raise: case JitOpcode::reraise: case JitOpcode::unreachable:
      return true;
    default: return false;
  }
}

void remove_gotos_to_next(std::vector<Insn>& insns) {
  std::vector<Insn> kept;
  for (size_t i = 0; i < insns.size(); ++i) {
    if (!insns[i].is_label && insns[i].op == JitOpcode::goto_) {
      bool next = false;
      for (size_t j = i + 1; j < insns.size() && insns[j].is_label; ++j)
        if (insns[j].label == insns[i].args[0].value) next = true;
      if (next) continue;
    }
    // A second -live- right after another (a call's, then a switch's) says nothing new.
    if (!insns[i].is_label && insns[i].op == JitOpcode::live && !kept.empty() && !kept.back().is_label &&
        kept.back().op == JitOpcode::live)
      continue;
    kept.push_back(std::move(insns[i]));
  }
  insns = std::move(kept);
}

}  // namespace

void assemble(Context& cx, std::vector<Insn>& insns, ConstPools& pools, JitCode& code) {
  remove_gotos_to_next(insns);
  size_t n = insns.size();
  std::map<uint32_t, size_t> label_at;
  for (size_t i = 0; i < n; ++i)
    if (insns[i].is_label) label_at[insns[i].label] = i;
  std::map<uint32_t, std::vector<uint32_t>> switch_labels;
  for (auto& [table, cases] : pools.switches)
    for (auto [value, target] : cases) switch_labels[table].push_back(target);

  // --- Liveness. ---
  std::vector<LiveSets> live_in(n + 1);
  auto successors = [&](size_t i, std::vector<size_t>& out) {
    out.clear();
    const Insn& insn = insns[i];
    if (insn.is_label || !ends_flow(insn.op)) out.push_back(i + 1);
    if (insn.is_label) return;
    for (const Arg& arg : insn.args)
      if (arg.code == 'L') out.push_back(label_at.at(arg.value));
    if (insn.op == JitOpcode::switch_)
      for (uint32_t target : switch_labels[insn.args[1].value]) out.push_back(label_at.at(target));
  };
  std::vector<size_t> succ;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = n; i-- > 0;) {
      LiveSets live;
      successors(i, succ);
      for (size_t s : succ)
        for (int k = 0; k < kNumValueKinds; ++k) live.kinds[k] |= live_in[s].kinds[k];
      const Insn& insn = insns[i];
      if (!insn.is_label) {
        for (const Arg& arg : insn.args)
          if (arg.code == '>') live.kinds[kind_index(arg.reg.kind)].reset(arg.reg.index);
        for (const Arg& arg : insn.args) {
          if (arg.code == 'i' || arg.code == 'r' || arg.code == 'f') {
            if (!arg.reg.is_const) live.kinds[kind_index(arg.code)].set(arg.reg.index);
          } else if (arg.code == 'I' || arg.code == 'R' || arg.code == 'F') {
            for (const Reg& r : arg.list)
              if (!r.is_const) live.kinds[kind_index(arg.code)].set(r.index);
          }
        }
      }
      if (live != live_in[i]) {
        live_in[i] = live;
        changed = true;
      }
    }
  }
  for (size_t i = 0; i < n; ++i) {
    Insn& insn = insns[i];
    if (insn.is_label || insn.op != JitOpcode::live) continue;
    Liveness l;
    for (int k = 0; k < kNumValueKinds; ++k)
      for (unsigned r = 0; r < kMaxRegisters; ++r)
        if (live_in[i].kinds[k].test(r)) l.regs[k].push_back(uint8_t(r));
    auto [it, fresh] = cx.liveness_index.try_emplace(l, cx.out.liveness.size());
    if (fresh) cx.out.liveness.push_back(l);
    insn.args[0].value = it->second;
  }

  // --- Layout and encoding. ---
  for (int k = 0; k < kNumValueKinds; ++k) {
    size_t consts = k == 0 ? pools.ints.size() : k == 1 ? pools.refs.size() : pools.floats.size();
    if (code.num_regs[k] + consts > kMaxRegisters)
      cx.error(ir::FunctionId(code.function - 1), "",
               std::string("more than 256 registers and constants of kind ") + "irf"[k] + " (" +
                   std::to_string(code.num_regs[k]) + " registers, " + std::to_string(consts) + " constants)");
  }
  auto length = [](const Insn& insn) {
    if (insn.is_label) return size_t(0);
    size_t len = 1;
    for (const Arg& arg : insn.args) {
      switch (arg.code) {
        case 'L': case 'd': case 'V': len += 2; break;
        case 'I': case 'R': case 'F': len += 1 + arg.list.size(); break;
        default: len += 1;
      }
    }
    return len;
  };
  std::map<uint32_t, uint32_t> offset_of_label;
  size_t offset = 0;
  for (const Insn& insn : insns) {
    if (insn.is_label) offset_of_label[insn.label] = offset;
    offset += length(insn);
  }
  if (offset > 0xffff) cx.error(ir::FunctionId(code.function - 1), "", "jitcode larger than 64 KiB");
  auto reg_byte = [&](const Reg& r) -> uint8_t {
    int k = kind_index(r.kind);
    return uint8_t(r.is_const ? code.num_regs[k] + r.index : r.index);
  };
  auto put16 = [&](uint32_t v) {
    code.code.push_back(uint8_t(v & 0xff));
    code.code.push_back(uint8_t(v >> 8));
  };
  for (const Insn& insn : insns) {
    if (insn.is_label) continue;
    code.code.push_back(static_cast<uint8_t>(insn.op));
    for (const Arg& arg : insn.args) {
      switch (arg.code) {
        case 'L': put16(offset_of_label.at(arg.value)); break;
        case 'd': case 'V': put16(arg.value); break;
        case 'I': case 'R': case 'F':
          code.code.push_back(uint8_t(arg.list.size()));
          for (const Reg& r : arg.list) code.code.push_back(reg_byte(r));
          break;
        default: code.code.push_back(reg_byte(arg.reg));
      }
    }
  }
  for (auto& [table, cases] : pools.switches)
    for (auto [value, target] : cases) cx.out.switches[table].cases.push_back({value, uint16_t(offset_of_label.at(target))});
  if (pools.merge_point_label != ~0u) cx.out.portal.merge_point_pc = uint16_t(offset_of_label.at(pools.merge_point_label));
  code.constants_i = pools.ints;
  code.constants_r = pools.refs;
  code.constants_f = pools.floats;
}

}  // namespace rtoolchain::jit::codewriter
