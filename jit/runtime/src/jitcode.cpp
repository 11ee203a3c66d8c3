// The jitcode format: the instruction table, decoding, the encoding verifier and the printer.
#include "rtoolchain/jit/jitcode.h"

#include <algorithm>
#include <cstring>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Format.h>

namespace rtoolchain::jit {

namespace {

constexpr JitInsnInfo kInsnInfo[] = {
#define RT_JIT_INSN(id, name, argcodes) {name, argcodes},
#include "rtoolchain/jit/jitcode.def"
};

uint16_t read16(const uint8_t* p) { return uint16_t(p[0] | (p[1] << 8)); }

int kind_index(char code) {
  switch (code) {
    case 'i': case 'I': return 0;
    case 'r': case 'R': return 1;
    case 'f': case 'F': return 2;
  }
  return -1;
}

}  // namespace

const JitInsnInfo& jit_insn_info(JitOpcode opcode) { return kInsnInfo[static_cast<unsigned>(opcode)]; }

bool find_jit_opcode(llvm::StringRef key, JitOpcode& opcode) {
  auto [name, codes] = key.split('/');
  bool found = false;
  for (unsigned i = 0; i < kNumJitOpcodes; ++i) {
    if (name != kInsnInfo[i].name) continue;
    if (key.contains('/') && codes != kInsnInfo[i].argcodes) continue;
    if (found) return false;  // ambiguous
    opcode = static_cast<JitOpcode>(i);
    found = true;
  }
  return found;
}

size_t JitCode::num_constants(Kind kind) const {
  switch (kind) {
    case Kind::kInt: return constants_i.size();
    case Kind::kRef: return constants_r.size();
    case Kind::kFloat: return constants_f.size();
    case Kind::kVoid: break;
  }
  return 0;
}

bool operator<(const Liveness& a, const Liveness& b) {
  for (int k = 0; k < kNumValueKinds; ++k)
    if (a.regs[k] != b.regs[k]) return a.regs[k] < b.regs[k];
  return false;
}
bool operator==(const Liveness& a, const Liveness& b) {
  for (int k = 0; k < kNumValueKinds; ++k)
    if (a.regs[k] != b.regs[k]) return false;
  return true;
}

uint32_t insn_length(const uint8_t* code, uint32_t offset) {
  const JitInsnInfo& info = kInsnInfo[code[offset]];
  uint32_t p = offset + 1;
  for (const char* c = info.argcodes; *c; ++c) {
    switch (*c) {
      case 'i': case 'r': case 'f': p += 1; break;
      case 'L': case 'd': case 'V': p += 2; break;
      case 'I': case 'R': case 'F': p += 1 + code[p]; break;
      case '>': p += 1; ++c; break;
    }
  }
  return p - offset;
}

bool decode_insn(const JitCode& code, uint32_t offset, JitInsn& insn, std::string* error) {
  auto fail = [&](const std::string& message) {
    if (error) *error = message;
    return false;
  };
  const std::vector<uint8_t>& bytes = code.code;
  if (offset >= bytes.size()) return fail("offset past the end");
  if (bytes[offset] >= kNumJitOpcodes) return fail("bad opcode " + std::to_string(bytes[offset]));
  insn.opcode = static_cast<JitOpcode>(bytes[offset]);
  insn.offset = offset;
  insn.operands.clear();
  uint32_t p = offset + 1;
  auto need = [&](uint32_t n) { return p + n <= bytes.size(); };
  for (const char* c = kInsnInfo[bytes[offset]].argcodes; *c; ++c) {
    JitOperand operand;
    operand.code = *c;
    switch (*c) {
      case 'i': case 'r': case 'f':
        if (!need(1)) return fail("truncated");
        operand.value = bytes[p++];
        break;
      case 'L': case 'd': case 'V':
        if (!need(2)) return fail("truncated");
        operand.value = read16(&bytes[p]);
        p += 2;
        break;
      case 'I': case 'R': case 'F': {
        if (!need(1)) return fail("truncated");
        uint32_t n = bytes[p++];
        if (!need(n)) return fail("truncated list");
        operand.list.assign(bytes.begin() + p, bytes.begin() + p + n);
        p += n;
        break;
      }
      case '>':
        ++c;
        if (!need(1)) return fail("truncated");
        operand.code = *c;
        operand.is_result = true;
        operand.value = bytes[p++];
        break;
      default: return fail(std::string("bad argcode ") + *c);
    }
    insn.operands.push_back(std::move(operand));
  }
  insn.length = p - offset;
  return true;
}

namespace {

// Which table an instruction's descriptor operands index (jitcode.def's header).
enum class DescrKind { kField, kArray, kSize, kCall, kFunction, kSwitch, kTargets, kGlobal };

DescrKind descr_kind(JitOpcode op, unsigned nth) {
  llvm::StringRef name = jit_insn_info(op).name;
  if (name.starts_with("getfield") || name.starts_with("setfield") || name == "record_quasiimmut_field" ||
      name == "jit_force_quasi_immutable")
    return DescrKind::kField;
  if (name.contains("arrayitem") || name == "arraylen_gc" || name == "new_array") return DescrKind::kArray;
  if (name == "new") return DescrKind::kSize;
  if (name.starts_with("getglobal") || name.starts_with("setglobal")) return DescrKind::kGlobal;
  if (name == "switch") return DescrKind::kSwitch;
  if (name.starts_with("inline_call") || name.starts_with("recursive_call")) return DescrKind::kFunction;
  if (name.starts_with("indirect_call") && nth == 1) return DescrKind::kTargets;
  return DescrKind::kCall;
}

size_t descr_table_size(const JitProgram& program, DescrKind kind) {
  const DescrTable& d = program.descrs;
  switch (kind) {
    case DescrKind::kField: return d.fields.size();
    case DescrKind::kArray: return d.arrays.size();
    case DescrKind::kSize: return d.sizes.size();
    case DescrKind::kCall: return d.calls.size();
    case DescrKind::kFunction: return d.functions.size();
    case DescrKind::kSwitch: return program.switches.size();
    case DescrKind::kTargets: return program.indirect_targets.size();
    case DescrKind::kGlobal: return d.globals.size();
  }
  return 0;
}

std::string descr_text(const JitProgram& program, DescrKind kind, uint32_t index) {
  const DescrTable& d = program.descrs;
  if (index >= descr_table_size(program, kind)) return "<bad descr " + std::to_string(index) + ">";
  switch (kind) {
    case DescrKind::kField: return "<Field " + d.fields[index].name + ">";
    case DescrKind::kArray: return "<Array " + d.arrays[index].name + ">";
    case DescrKind::kSize: return "<Size " + d.sizes[index].name + ">";
    case DescrKind::kCall: return "<Call " + d.calls[index].name + ">";
    case DescrKind::kFunction: return "<JitCode " + d.functions[index].name + ">";
    case DescrKind::kGlobal: return "<Global " + d.globals[index].name + ">";
    case DescrKind::kSwitch: {
      std::string text = "<SwitchDict {";
      bool first = true;
      for (auto [value, target] : program.switches[index].cases) {
        text += (first ? "" : ", ") + std::to_string(value) + ": L" + std::to_string(target);
        first = false;
      }
      return text + "}>";
    }
    case DescrKind::kTargets: {
      std::string text = "<Targets";
      for (uint32_t f : program.indirect_targets[index]) text += " " + d.functions[f].name;
      return text + ">";
    }
  }
  return "?";
}

std::string register_text(const JitProgram& program, const JitCode& code, char kind_code, uint32_t reg) {
  int k = kind_index(kind_code);
  uint32_t n = code.num_regs[k];
  if (reg < n) return std::string("%") + "irf"[k] + std::to_string(reg);
  uint32_t c = reg - n;
  if (c >= code.num_constants(static_cast<Kind>(k))) return "<bad register " + std::to_string(reg) + ">";
  std::string text;
  llvm::raw_string_ostream out(text);
  out << '$';
  if (k == 0) out << code.constants_i[c];
  else if (k == 2) out << llvm::format("%g", code.constants_f[c]);
  else {
    uint32_t rc = code.constants_r[c];
    out << (rc < program.ref_constants.size() ? program.ref_constants[rc].description : "<bad ref>");
  }
  return text;
}

}  // namespace

void verify_jitcode(const JitProgram& program, const JitCode& code, std::vector<std::string>& errors) {
  auto error = [&](uint32_t offset, const std::string& message) {
    errors.push_back("jitcode " + code.name + ": offset " + std::to_string(offset) + ": " + message);
  };
  for (int k = 0; k < kNumValueKinds; ++k)
    if (code.num_regs[k] + code.num_constants(static_cast<Kind>(k)) > kMaxRegisters)
      error(0, std::string("more than 256 registers and constants of kind ") + "irf"[k]);
  std::vector<uint8_t> starts(code.code.size() + 1, 0);
  std::vector<std::pair<uint32_t, uint32_t>> labels;  // (insn offset, target)
  uint32_t offset = 0;
  JitInsn insn;
  while (offset < code.code.size()) {
    std::string message;
    if (!decode_insn(code, offset, insn, &message)) {
      error(offset, message);
      return;
    }
    starts[offset] = 1;
    unsigned nth_descr = 0;
    for (const JitOperand& operand : insn.operands) {
      int k = kind_index(operand.code);
      if (operand.code == 'L') labels.push_back({offset, operand.value});
      if (operand.code == 'd') {
        DescrKind kind = descr_kind(insn.opcode, nth_descr++);
        if (operand.value >= descr_table_size(program, kind)) error(offset, "descriptor index out of range");
      }
      if (operand.code == 'V' && operand.value >= program.liveness.size()) error(offset, "liveness index out of range");
      if (k < 0) continue;
      uint32_t limit = code.num_regs[k] + (operand.is_result ? 0 : code.num_constants(static_cast<Kind>(k)));
      auto check = [&](uint32_t reg) {
        if (reg >= limit) error(offset, std::string(operand.is_result ? "result" : "operand") + " register " +
                                            std::to_string(reg) + " of kind " + "irf"[k] + " out of range");
      };
      if (operand.code == 'I' || operand.code == 'R' || operand.code == 'F') {
        for (uint8_t reg : operand.list) check(reg);
      } else {
        check(operand.value);
      }
      if (operand.code == 'V') continue;
    }
    if (insn.opcode == JitOpcode::live) {
      const Liveness& live = program.liveness[insn.operands[0].value < program.liveness.size() ? insn.operands[0].value : 0];
      for (int k = 0; k < kNumValueKinds; ++k)
        for (uint8_t reg : live.regs[k])
          if (reg >= code.num_regs[k]) error(offset, "live register out of range");
    }
    if (insn.opcode == JitOpcode::switch_ && insn.operands[1].value < program.switches.size())
      for (auto [value, target] : program.switches[insn.operands[1].value].cases) labels.push_back({offset, target});
    offset += insn.length;
  }
  for (auto [at, target] : labels)
    if (target >= code.code.size() || !starts[target]) error(at, "label " + std::to_string(target) + " is not an instruction");
}

void verify_program(const JitProgram& program, std::vector<std::string>& errors) {
  for (const JitCode& code : program.jitcodes) verify_jitcode(program, code, errors);
}

void print_jitcode(const JitProgram& program, const JitCode& code, llvm::raw_ostream& out) {
  out << "jitcode " << code.name << "(";
  for (size_t i = 0; i < code.params.size(); ++i) out << (i ? " " : "") << kind_letter(code.params[i]);
  out << ") -> " << kind_letter(code.result) << "  [regs i " << code.num_regs[0] << ", r " << code.num_regs[1]
      << ", f " << code.num_regs[2] << "]\n";
  uint32_t offset = 0;
  JitInsn insn;
  while (offset < code.code.size()) {
    std::string message;
    if (!decode_insn(code, offset, insn, &message)) {
      out << "  <" << message << ">\n";
      return;
    }
    out << llvm::format("%5u  ", offset) << jit_insn_info(insn.opcode).name;
    bool first = true;
    std::string result;
    unsigned nth_descr = 0;
    auto sep = [&] {
      out << (first ? " " : ", ");
      first = false;
    };
    for (const JitOperand& operand : insn.operands) {
      if (operand.is_result) {
        result = register_text(program, code, operand.code, operand.value);
        continue;
      }
      switch (operand.code) {
        case 'i': case 'r': case 'f': sep(); out << register_text(program, code, operand.code, operand.value); break;
        case 'L': sep(); out << "L" << operand.value; break;
        case 'd': sep(); out << descr_text(program, descr_kind(insn.opcode, nth_descr++), operand.value); break;
        case 'I': case 'R': case 'F': {
          sep();
          out << "IRF"[kind_index(operand.code)] << "[";
          for (size_t j = 0; j < operand.list.size(); ++j)
            out << (j ? ", " : "") << register_text(program, code, operand.code, operand.list[j]);
          out << "]";
          break;
        }
        case 'V': {
          if (operand.value >= program.liveness.size()) break;
          const Liveness& live = program.liveness[operand.value];
          for (int k = 0; k < kNumValueKinds; ++k)
            for (uint8_t reg : live.regs[k]) {
              sep();
              out << "%" << "irf"[k] << unsigned(reg);
            }
          break;
        }
      }
    }
    if (!result.empty()) out << " -> " << result;
    out << "\n";
    offset += insn.length;
  }
}

namespace {
const char* extra_name(EffectInfo::Extra extra) {
  switch (extra) {
    case EffectInfo::Extra::kElidableCannotRaise: return "elidable_cannot_raise";
    case EffectInfo::Extra::kLoopInvariant: return "loopinvariant";
    case EffectInfo::Extra::kCannotRaise: return "cannot_raise";
    case EffectInfo::Extra::kElidableOrMemoryError: return "elidable_or_memoryerror";
    case EffectInfo::Extra::kElidableCanRaise: return "elidable_can_raise";
    case EffectInfo::Extra::kCanRaise: return "can_raise";
    case EffectInfo::Extra::kForcesVirtual: return "forces_virtual";
    case EffectInfo::Extra::kRandomEffects: return "random_effects";
  }
  return "?";
}
void print_indices(llvm::raw_ostream& out, const char* label, const std::vector<uint32_t>& indices) {
  if (indices.empty()) return;
  out << " " << label << "[";
  for (size_t i = 0; i < indices.size(); ++i) out << (i ? " " : "") << indices[i];
  out << "]";
}
std::string memtype_text(const MemType& t) {
  return std::string(1, kind_letter(t.kind)) + std::to_string(t.size) + (t.kind == Kind::kInt && !t.is_signed ? "u" : "");
}
}  // namespace

void print_descrs(const DescrTable& d, llvm::raw_ostream& out) {
  for (const FieldDescr& f : d.fields) {
    out << "field " << f.index << " " << f.name << ": " << memtype_text(f.type) << " @" << f.offset << " owner ["
        << f.owner_type_id << ", " << f.owner_last_type_id << "]";
    if (f.is_immutable) out << " immutable";
    if (f.is_quasi_immutable) out << " quasi_immutable";
    out << "\n";
  }
  for (const ArrayDescr& a : d.arrays) {
    out << "array " << a.index << " " << a.name << ": item " << memtype_text(a.item) << " type_id " << a.type_id;
    if (a.items_immutable) out << " immutable_items";
    out << "\n";
  }
  for (const SizeDescr& s : d.sizes)
    out << "size " << s.index << " " << s.name << ": " << s.size << " bytes, type_id " << s.type_id << "\n";
  for (const GlobalDescr& g : d.globals) out << "global " << g.index << " " << g.name << ": " << memtype_text(g.type) << "\n";
  for (const CallDescr& c : d.calls) {
    out << "call " << c.index << " " << c.name << ": " << extra_name(c.effects.extra);
    print_indices(out, "reads_fields", c.effects.read_fields);
    print_indices(out, "writes_fields", c.effects.write_fields);
    print_indices(out, "reads_arrays", c.effects.read_arrays);
    print_indices(out, "writes_arrays", c.effects.write_arrays);
    if (c.effects.can_collect) out << " can_collect";
    if (c.effects.can_invalidate) out << " can_invalidate";
    if (!c.effects.oopspec.empty()) out << " oopspec " << c.effects.oopspec;
    out << "\n";
  }
}

void print_program(const JitProgram& program, llvm::raw_ostream& out) {
  const PortalInfo& portal = program.portal;
  if (portal.jitcode != kNoIndex) {
    out << "portal " << portal.driver << ": jitcode " << program.jitcodes[portal.jitcode].name << ", greens (";
    for (size_t i = 0; i < portal.greens.size(); ++i)
      out << (i ? ", " : "") << portal.green_names[i] << ": " << kind_letter(portal.greens[i]);
    out << "), reds (";
    for (size_t i = 0; i < portal.reds.size(); ++i)
      out << (i ? ", " : "") << portal.red_names[i] << ": " << kind_letter(portal.reds[i]);
    out << "), merge point at " << portal.merge_point_pc << "\n\n";
  }
  for (const JitCode& code : program.jitcodes) {
    print_jitcode(program, code, out);
    out << "\n";
  }
  print_descrs(program.descrs, out);
}

}  // namespace rtoolchain::jit
