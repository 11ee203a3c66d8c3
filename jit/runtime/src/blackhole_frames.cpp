// The blackhole's frame chain (docs/jit.md, "The blackhole interpreter"): pushing frames at a
// jitcode's start, at the portal's merge point and from resume data; unwinding exceptions; the
// exceptions the blackhole raises itself; the portal runner loop.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>

#include "blackhole_internal.h"
#include "rtoolchain/jit/blackhole.h"

namespace rtoolchain::jit {

[[noreturn]] void blackhole_fatal(const char* what, const std::string& detail) {
  std::fprintf(stderr, "toolchain bug: blackhole: %s%s%s\n", what, detail.empty() ? "" : ": ", detail.c_str());
  std::abort();
}

BlackholeInterpreter::BlackholeInterpreter(const JitProgram& program, JitHeap& heap, const GcRef* ref_constants)
    : program_(program),
      heap_(heap),
      ref_constants_(ref_constants),
      refs_(&heap),
      exc_value_(&heap),
      call_refs_(&heap),
      exit_values_(&heap) {
  exc_value_.resize(1);
  call_refs_.resize(kMaxRegisters);
}

BlackholeInterpreter::~BlackholeInterpreter() = default;

BlackholeInterpreter::Frame& BlackholeInterpreter::push_frame(uint32_t jitcode, uint32_t pc) {
  if (jitcode >= program_.jitcodes.size()) blackhole_fatal("no such jitcode", std::to_string(jitcode));
  const JitCode& code = program_.jitcodes[jitcode];
  Frame frame;
  frame.jitcode = jitcode;
  frame.pc = pc;
  uint32_t sizes[kNumValueKinds] = {uint32_t(code.num_regs[0] + code.constants_i.size()),
                                    uint32_t(code.num_regs[1] + code.constants_r.size()),
                                    uint32_t(code.num_regs[2] + code.constants_f.size())};
  for (int k = 0; k < kNumValueKinds; ++k) frame.base[k] = top_[k];
  // Registers start zeroed (refs null: a stale ref would keep garbage alive), constants follow.
  // The int and float arenas only grow (no zero-filling resize per call); refs shrink on pop.
  if (ints_.size() < top_[0] + sizes[0]) ints_.resize(std::max<size_t>(2 * ints_.size(), top_[0] + sizes[0]));
  if (floats_.size() < top_[2] + sizes[2]) floats_.resize(std::max<size_t>(2 * floats_.size(), top_[2] + sizes[2]));
  std::fill(ints_.begin() + top_[0], ints_.begin() + top_[0] + code.num_regs[0], 0);
  std::copy(code.constants_i.begin(), code.constants_i.end(), ints_.begin() + top_[0] + code.num_regs[0]);
  refs_.resize(top_[1] + sizes[1]);  // new slots are null
  for (size_t i = 0; i < code.constants_r.size(); ++i)
    refs_[top_[1] + code.num_regs[1] + i] = ref_constants_[code.constants_r[i]];
  std::fill(floats_.begin() + top_[2], floats_.begin() + top_[2] + code.num_regs[2], 0.0);
  std::copy(code.constants_f.begin(), code.constants_f.end(), floats_.begin() + top_[2] + code.num_regs[2]);
  for (int k = 0; k < kNumValueKinds; ++k) top_[k] += sizes[k];
  frames_.push_back(frame);
  return frames_.back();
}

void BlackholeInterpreter::pop_frame() {
  const Frame& frame = frames_.back();
  for (int k = 0; k < kNumValueKinds; ++k) top_[k] = frame.base[k];
  frames_.pop_back();
  // Popped refs are dropped now, so the collector may reclaim what only they held.
  refs_.resize(top_[1]);
}

void BlackholeInterpreter::push_frame_at_start(uint32_t jitcode, const CallArgs& args) {
  Frame& frame = push_frame(jitcode, 0);
  const JitCode& code = program_.jitcodes[jitcode];
  size_t counts[kNumValueKinds] = {0, 0, 0};
  for (Kind k : code.params) ++counts[int(k)];
  if (counts[0] != args.num_ints || counts[1] != args.num_refs || counts[2] != args.num_floats)
    blackhole_fatal("wrong arguments for jitcode", code.name);
  std::copy(args.ints, args.ints + args.num_ints, ints_.begin() + frame.base[0]);
  for (size_t i = 0; i < args.num_refs; ++i) refs_[frame.base[1] + i] = args.refs[i];
  std::copy(args.floats, args.floats + args.num_floats, floats_.begin() + frame.base[2]);
}

void BlackholeInterpreter::push_portal_frame_at_merge_point(const MergePointValues& values) {
  const JitCode& code = program_.jitcodes[program_.portal.jitcode];
  JitInsn insn;
  if (!decode_insn(code, program_.portal.merge_point_pc, insn) || insn.opcode != JitOpcode::jit_merge_point)
    blackhole_fatal("the portal's merge point is not a jit_merge_point", code.name);
  // Start right after it: the registers it names are the greens and reds.
  Frame& frame = push_frame(program_.portal.jitcode, insn.offset + insn.length);
  size_t next[kNumValueKinds] = {0, 0, 0};
  for (int list = 0; list < 6; ++list) {
    int k = list % 3;
    for (uint8_t reg : insn.operands[list].list) {
      size_t i = next[k]++;
      bool is_register = reg < code.num_regs[k];
      if (k == 0 && is_register) ints_[frame.base[0] + reg] = values.ints[i];
      if (k == 1 && is_register) refs_[frame.base[1] + reg] = values.refs[i];
      if (k == 2 && is_register) floats_[frame.base[2] + reg] = values.floats[i];
    }
  }
}

// --- Resume data. --------------------------------------------------------------------------------

void BlackholeInterpreter::begin_frame(uint32_t jitcode, uint32_t pc) {
  const JitCode& code = program_.jitcodes.at(jitcode);
  if (pc >= code.code.size() || code.code[pc] != uint8_t(JitOpcode::live))
    blackhole_fatal("resume position is not a -live-", code.name + " at " + std::to_string(pc));
  // An outer frame waits in the call that ends at its pc: find that call's result register.
  Kind call_result = Kind::kVoid;
  uint8_t call_result_reg = 0;
  for (uint32_t at = 0; at < pc;) {
    uint32_t length = insn_length(code.code.data(), at);
    const char* argcodes = jit_insn_info(JitOpcode(code.code[at])).argcodes;
    const char* result = std::strchr(argcodes, '>');
    if (at + length == pc && result) {
      call_result = result[1] == 'i' ? Kind::kInt : result[1] == 'r' ? Kind::kRef : Kind::kFloat;
      call_result_reg = code.code[pc - 1];
    }
    at += length;
  }
  Frame& frame = push_frame(jitcode, pc);
  frame.call_result = call_result;
  frame.call_result_reg = call_result_reg;
}

const Liveness& BlackholeInterpreter::resumed_liveness() const {
  const Frame& frame = frames_.back();
  const uint8_t* code = program_.jitcodes[frame.jitcode].code.data();
  return program_.liveness[code[frame.pc + 1] | code[frame.pc + 2] << 8];
}

void BlackholeInterpreter::set_int(size_t index, int64_t value) {
  ints_[frames_.back().base[0] + resumed_liveness().regs[0].at(index)] = value;
}
void BlackholeInterpreter::set_ref(size_t index, GcRef value) {
  refs_[frames_.back().base[1] + resumed_liveness().regs[1].at(index)] = value;
}
void BlackholeInterpreter::set_float(size_t index, double value) {
  floats_[frames_.back().base[2] + resumed_liveness().regs[2].at(index)] = value;
}

// --- Exceptions. ---------------------------------------------------------------------------------

GcRef make_program_text(const JitProgram& program, JitHeap& heap, llvm::StringRef text) {
  if (program.string_array == kNoIndex) blackhole_fatal("the program has no string array descriptor", "");
  const ArrayDescr& descr = heap.descrs().arrays[program.string_array];
  GcRef array = heap.new_array(descr, int64_t(text.size()));
  for (size_t i = 0; i < text.size(); ++i) heap.set_int_item(array, descr, int64_t(i), int8_t(text[i]));
  return array;
}

GcRef BlackholeInterpreter::make_text(const char* text) { return make_program_text(program_, heap_, text); }

void BlackholeInterpreter::raise_rt(const char* name, const char* message) {
  const RtExceptionInfo* info = nullptr;
  for (const RtExceptionInfo& e : program_.rt_exceptions)
    if (e.name == name) info = &e;
  if (!info)
    for (const RtExceptionInfo& e : program_.rt_exceptions)
      if (e.name == "Exception") info = &e;
  if (!info || info->size == kNoIndex) blackhole_fatal("no rt exception class", name);
  const SizeDescr& size = heap_.descrs().sizes[info->size];
  // The object first, then its message: graph mode allocates (and stamps) in this order.
  exc_value_[0] = heap_.new_object(size);
  GcRef text = make_text(message);
  heap_.set_ref_field(exc_value_[0], heap_.descrs().fields[program_.exception_message_field], text);
  exc_type_ = size.type_id;
}

bool BlackholeInterpreter::unwind(uint32_t pc) {
  for (;;) {
    const uint8_t* code = program_.jitcodes[frames_.back().jitcode].code.data();
    if (code[pc] == uint8_t(JitOpcode::live)) pc += 3;
    if (code[pc] == uint8_t(JitOpcode::catch_exception)) {
      frames_.back().pc = code[pc + 1] | code[pc + 2] << 8;
      return true;
    }
    pop_frame();
    if (frames_.empty()) return false;
    pc = frames_.back().pc;
  }
}

// --- The portal runner. --------------------------------------------------------------------------

BlackholeExit run_portal_in_blackhole(BlackholeInterpreter& bh, const JitProgram& program, const CallArgs& args) {
  bh.push_frame_at_start(program.portal.jitcode, args);
  for (;;) {
    BlackholeExit exit = bh.run();
    if (exit.reason != BlackholeExit::Reason::kContinueRunningNormally) return exit;
    bh.push_portal_frame_at_merge_point(bh.merge_point_values());
  }
}

}  // namespace rtoolchain::jit
