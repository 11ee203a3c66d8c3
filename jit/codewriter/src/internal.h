// The codewriter's shared state (private to the library).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <llvm/ADT/BitVector.h>
#include <llvm/ADT/DenseMap.h>

#include "rtoolchain/jit/codewriter.h"

namespace rtoolchain::jit::codewriter {

// What calling a function may do, computed over the low-level program (effects.cpp).
struct FunctionEffects {
  llvm::BitVector fields_read, fields_written;  // by FieldId index
  llvm::BitVector arrays_read, arrays_written;  // by ArrayDescr index
  bool allocates = false;
  bool can_raise = false;
  bool random = false;  // calls an external or an unknown target
  bool contains_loop = false;
  bool writes_quasi_immutable = false;
};

// Adds what `from` may do to `into` (contains_loop aside); true when `into` changed.
bool merge_effects(FunctionEffects& into, const FunctionEffects& from);

// --- The flat, symbolic form of a jitcode before assembly. -------------------------------------
struct Reg {
  char kind = 'i';        // 'i' 'r' 'f'
  bool is_const = false;
  uint32_t index = 0;     // a register, or a constant-pool index of the jitcode being built
};

struct Arg {
  char code;              // an argcode of jitcode.def ('>' marks the result: code is its kind)
  Reg reg;                // i r f and results
  uint32_t value = 0;     // L: label id; d: descriptor index; V: liveness (filled by assembly)
  std::vector<Reg> list;  // I R F
};

struct Insn {
  bool is_label = false;
  uint32_t label = 0;
  JitOpcode op = JitOpcode::live;
  std::vector<Arg> args;
};

struct ConstPools {
  std::vector<int64_t> ints;
  std::vector<uint32_t> refs;
  std::vector<double> floats;
  std::map<int64_t, uint32_t> int_index;
  std::map<uint64_t, uint32_t> float_index;
  std::map<uint32_t, uint32_t> ref_index;
  Reg int_const(int64_t v);
  Reg ref_const(uint32_t ref_constant);
  Reg float_const(double v);
  // Switch tables of the jitcode being built: the JitProgram::switches index and its cases as
  // (value, label id), resolved to offsets by assembly.
  std::vector<std::pair<uint32_t, std::vector<std::pair<int64_t, uint32_t>>>> switches;
  uint32_t merge_point_label = ~0u;  // the portal's jit_merge_point
};

struct Context {
  const ir::Program& program;
  JitProgram& out;
  std::vector<CodewriterError>& errors;

  std::vector<FunctionEffects> effects;       // by FunctionId index
  std::vector<uint8_t> look_inside;           // by FunctionId index: the JIT traces into it
  std::vector<uint32_t> jitcode_of;           // by FunctionId index, kNoIndex when none
  ir::FunctionId portal;
  ir::OpId merge_point_op;
  ir::BlockId merge_point_block;

  llvm::DenseMap<uint32_t, uint32_t> array_descr_of_type;  // ir TypeId index -> ArrayDescr index
  std::map<std::vector<uint32_t>, uint32_t> calldescr_of_targets;
  std::map<uint32_t, uint32_t> ref_constant_of_const;      // ir ConstId index -> RefConstant index
  std::map<std::string, uint32_t> ref_constant_of_text;
  std::map<Liveness, uint32_t> liveness_index;

  Context(const ir::Program& p, JitProgram& o, std::vector<CodewriterError>& e) : program(p), out(o), errors(e) {}

  void error(ir::FunctionId fn, const std::string& location, const std::string& message);
  // The function-table index of a function (FunctionId + 1; 0 is the null function pointer).
  static uint32_t function_index(ir::FunctionId fn) { return fn.index() + 1; }
  uint32_t ref_constant(ir::ConstId c);
  uint32_t text_constant(const std::string& text);
};

// Kinds of IR types: int, ref, float or void; false for what the JIT cannot hold (value structs).
bool kind_of(const ir::Program& program, ir::TypeId type, Kind& kind);
MemType memtype_of(const ir::Program& program, ir::TypeId type);
// A printed operation for error locations.
std::string op_text(const ir::Program& program, const ir::Graph& graph, ir::OpId op);

void compute_effects(Context& cx);                  // effects.cpp
void build_descrs(Context& cx);                     // descrs.cpp
void build_function_table(Context& cx);             // after the jitcodes are numbered
uint32_t calldescr_for_targets(Context& cx, const std::vector<uint32_t>& function_indices);
uint32_t calldescr_for_unknown(Context& cx, ir::TypeId function_type);
void choose_graphs(Context& cx);                    // policy.cpp: portal, look_inside, checks
CallKind classify_call(const Context& cx, ir::FunctionId callee);
// flatten.cpp: one graph to the flat form; the register counts per kind in `num_regs`.
bool flatten_graph(Context& cx, ir::FunctionId fn, std::vector<Insn>& insns, ConstPools& pools,
                   uint16_t num_regs[kNumValueKinds]);
// assemble.cpp: liveness at every -live-, then the bytes.
void assemble(Context& cx, std::vector<Insn>& insns, ConstPools& pools, JitCode& code);

}  // namespace rtoolchain::jit::codewriter
