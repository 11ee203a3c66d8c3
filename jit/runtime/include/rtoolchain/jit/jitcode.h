// Jitcodes (docs/jit.md, "The jitcode format"): the codewriter's output and what the blackhole
// interpreter and the tracer run. One JitCode per JIT-visible function: a byte string of
// instructions from jitcode.def, its constants per kind and its register counts. A JitProgram
// bundles the jitcodes of one interpreter with its descriptors, the tables instructions index
// (liveness, switches, indirect-call targets, reference constants) and the portal.
//
// Plain data without IR types: translated VMs embed it. `graph_*` members name IR entities for
// low-level graph mode only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/jit/descr.h"
#include "rtoolchain/jit/kinds.h"

namespace rtoolchain::jit {

enum class JitOpcode : uint8_t {
#define RT_JIT_INSN(id, name, argcodes) id,
#include "rtoolchain/jit/jitcode.def"
};
inline constexpr unsigned kNumJitOpcodes = 0
#define RT_JIT_INSN(id, name, argcodes) +1
#include "rtoolchain/jit/jitcode.def"
    ;
static_assert(kNumJitOpcodes <= 256, "opcodes are one byte");

struct JitInsnInfo {
  const char* name;
  const char* argcodes;
};
const JitInsnInfo& jit_insn_info(JitOpcode opcode);
// The opcode of "name/argcodes" or of a name alone when unambiguous; false when none.
bool find_jit_opcode(llvm::StringRef key, JitOpcode& opcode);

// Registers of one kind per jitcode, constants included (RPython's scheme).
inline constexpr unsigned kMaxRegisters = 256;

struct JitCode {
  std::string name;
  uint32_t function = kNoIndex;  // its DescrTable::functions index
  std::vector<uint8_t> code;
  // Register numbers >= num_regs[k] name constants_k[number - num_regs[k]].
  uint16_t num_regs[kNumValueKinds] = {0, 0, 0};
  std::vector<int64_t> constants_i;
  std::vector<uint32_t> constants_r;  // JitProgram::ref_constants indices
  std::vector<double> constants_f;
  Kind result = Kind::kVoid;
  // The parameters in order: parameter j of kind k is register (number of earlier parameters
  // of kind k), so a caller passes each kind's arguments in order.
  std::vector<Kind> params;

  size_t num_constants(Kind kind) const;
};

// One `-live-` point's registers, per kind, sorted.
struct Liveness {
  std::vector<uint8_t> regs[kNumValueKinds];
  friend bool operator<(const Liveness& a, const Liveness& b);
  friend bool operator==(const Liveness& a, const Liveness& b);
};

struct SwitchTable {
  std::vector<std::pair<int64_t, uint16_t>> cases;  // sorted by value; target offsets
};

// A GC reference known at translation time. Its value at run time is the host's business:
// JitProgram::resolve_ref_constants asks for each (graph mode: the graph interpreter's constant;
// translated: the emitted object's address).
struct RefConstant {
  enum class Kind : uint8_t { kNull, kGraphConstant, kText } kind = Kind::kNull;
  std::string description;  // printed form
  uint32_t graph_const = kNoIndex;  // kGraphConstant: the ir::ConstId index
  std::string text;  // kText: the bytes of a string the JIT builds (exception messages)
};

struct PortalInfo {
  std::string driver;
  std::vector<Kind> greens, reds;  // in the driver's order
  std::vector<std::string> green_names, red_names;
  uint32_t jitcode = kNoIndex;
  uint32_t function = kNoIndex;      // DescrTable::functions index
  uint16_t merge_point_pc = 0;       // offset of the jit_merge_point instruction
  bool is_recursive = false;
};

// What the run time needs to build the rt exceptions that checked arithmetic raises, from
// descriptors alone.
struct RtExceptionInfo {
  std::string name;     // "OverflowError"
  uint32_t size = kNoIndex;  // DescrTable::sizes index
};

struct JitProgram {
  std::vector<JitCode> jitcodes;
  DescrTable descrs;
  std::vector<Liveness> liveness;
  std::vector<SwitchTable> switches;
  std::vector<std::vector<uint32_t>> indirect_targets;  // function-table indices
  std::vector<RefConstant> ref_constants;  // [0] is null
  PortalInfo portal;
  std::vector<RtExceptionInfo> rt_exceptions;
  uint32_t exception_message_field = kNoIndex;  // rt::Exception.message
  uint32_t string_array = kNoIndex;             // the ArrayDescr of array<i8>
};

// --- Decoding. ---------------------------------------------------------------------------------

// One decoded operand.
struct JitOperand {
  char code;        // the argcode: i r f L d I R F V, or 'i'/'r'/'f' for a result
  bool is_result = false;
  uint32_t value = 0;            // register, label target, descr index or liveness index
  std::vector<uint8_t> list;     // I R F
};

struct JitInsn {
  JitOpcode opcode;
  uint32_t offset = 0, length = 0;
  std::vector<JitOperand> operands;
};

// Decodes the instruction at `offset`; false (with `error`) on a malformed one.
bool decode_insn(const JitCode& code, uint32_t offset, JitInsn& insn, std::string* error = nullptr);
// The length of the instruction at `offset` (the blackhole's exception search uses it).
uint32_t insn_length(const uint8_t* code, uint32_t offset);

// Checks a jitcode's encoding: every instruction decodes, registers lie below registers +
// constants of their kind, results below the register count, labels at instruction starts,
// descriptors and table indices in range. Errors are appended as "jitcode NAME: offset N: ...".
void verify_jitcode(const JitProgram& program, const JitCode& code, std::vector<std::string>& errors);
void verify_program(const JitProgram& program, std::vector<std::string>& errors);

// --- Printing (RPython's test_flatten style). ----------------------------------------------------
//   fn tiny::add(a: r, b: r) -> r  [i 3, r 4, f 0]
//   0    getfield_gc_i %r0, <Descr field tiny::Value.tag> -> %i0
//   5    -live- %i0, %r1
// Registers print as %i0, constants as $5 / $"text" / $null, labels as L<offset>.
void print_jitcode(const JitProgram& program, const JitCode& code, llvm::raw_ostream& out);
void print_descrs(const DescrTable& descrs, llvm::raw_ostream& out);
void print_program(const JitProgram& program, llvm::raw_ostream& out);

}  // namespace rtoolchain::jit
