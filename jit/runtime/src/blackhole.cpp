// The blackhole's dispatch loop (docs/jit.md, "The blackhole interpreter"). The dispatch table is
// generated from jitcode.def: every instruction has a label `op_<id>` below, so an instruction
// added to the table without an implementation does not compile. Operands are decoded in place
// (an instruction's layout is its argcodes; fixed lengths are computed from them at compile
// time). The jitcodes are trusted: the codewriter verified their encoding (verify_program).
#include <algorithm>
#include <cmath>

#include "blackhole_internal.h"
#include "rt/arith.h"
#include "rt/exceptions.h"
#include "rtoolchain/jit/blackhole.h"

namespace rtoolchain::jit {

namespace {

#define RT_JIT_INSN(id, name, argcodes) constexpr int kLen_##id = fixed_insn_length(argcodes);
#include "rtoolchain/jit/jitcode.def"

constexpr bool in_family(JitOpcode op, JitOpcode first, JitOpcode last) {
  return uint8_t(op) >= uint8_t(first) && uint8_t(op) <= uint8_t(last);
}

Kind kind_of_letter(char c) { return c == 'i' ? Kind::kInt : c == 'r' ? Kind::kRef : c == 'f' ? Kind::kFloat : Kind::kVoid; }

}  // namespace

bool BlackholeInterpreter::do_call(uint32_t pc, uint32_t& next_pc) {
  const uint32_t jitcode = frames_.back().jitcode;
  const uint8_t* code = program_.jitcodes[jitcode].code.data();
  const JitOpcode op = JitOpcode(code[pc]);
  int64_t* ri = ints_.data() + frames_.back().base[0];
  GcRef* rr = &refs_[frames_.back().base[1]];
  double* rf = floats_.data() + frames_.back().base[2];

  int64_t int_operands[2] = {0, 0};
  int num_int_operands = 0;
  uint32_t descrs[2] = {0, 0};
  int num_descrs = 0;
  const uint8_t* lists[kNumValueKinds] = {nullptr, nullptr, nullptr};
  uint8_t list_lengths[kNumValueKinds] = {0, 0, 0};
  Kind result = Kind::kVoid;
  uint8_t result_reg = 0;
  uint32_t p = pc + 1;
  for (const char* a = jit_insn_info(op).argcodes; *a; ++a) {
    switch (*a) {
      case 'i': int_operands[num_int_operands++] = ri[code[p++]]; break;
      case 'd': descrs[num_descrs++] = code[p] | code[p + 1] << 8; p += 2; break;
      case 'I': case 'R': case 'F': {
        int k = *a == 'I' ? 0 : *a == 'R' ? 1 : 2;
        list_lengths[k] = code[p];
        lists[k] = code + p + 1;
        p += 1 + code[p];
        break;
      }
      case '>': result = kind_of_letter(*++a); result_reg = code[p++]; break;
      default: blackhole_fatal("unexpected argcode in a call", jit_insn_info(op).name);
    }
  }
  next_pc = p;

  // The arguments by kind; refs where the collector sees them.
  int64_t ints[kMaxRegisters];
  double floats[kMaxRegisters];
  for (int i = 0; i < list_lengths[0]; ++i) ints[i] = ri[lists[0][i]];
  for (int i = 0; i < list_lengths[1]; ++i) call_refs_[i] = rr[lists[1][i]];
  for (int i = 0; i < list_lengths[2]; ++i) floats[i] = rf[lists[2][i]];
  CallArgs args{ints, list_lengths[0], list_lengths[1] ? &call_refs_[0] : nullptr, list_lengths[1],
                floats, list_lengths[2]};

  uint32_t callee_jitcode = kNoIndex;
  int64_t function = 0;
  uint32_t calldescr = kNoIndex;
  if (in_family(op, JitOpcode::inline_call_r_i, JitOpcode::inline_call_irf_v) ||
      in_family(op, JitOpcode::recursive_call_r_i, JitOpcode::recursive_call_irf_v)) {
    callee_jitcode = program_.descrs.functions[descrs[0]].jitcode;
    if (callee_jitcode == kNoIndex)
      blackhole_fatal("inline call of a function without jitcode", program_.descrs.functions[descrs[0]].name);
  } else if (in_family(op, JitOpcode::indirect_call_r_i, JitOpcode::indirect_call_irf_v)) {
    // A target with a jitcode runs here, as the tracer would inline it once the function is
    // constant; the others are residual.
    function = int_operands[0];
    calldescr = descrs[0];
    if (function > 0 && size_t(function) < program_.descrs.functions.size())
      callee_jitcode = program_.descrs.functions[function].jitcode;
  } else if (op == JitOpcode::conditional_call_ir_v) {
    if (!int_operands[0]) return true;
    function = int_operands[1];
    calldescr = descrs[0];
  } else {  // residual_call
    function = int_operands[0];
    calldescr = descrs[0];
  }

  if (callee_jitcode != kNoIndex) {
    Frame& caller = frames_.back();
    caller.pc = next_pc;
    caller.call_result = result;
    caller.call_result_reg = result_reg;
    push_frame_at_start(callee_jitcode, args);
    return true;
  }
  CallResult r = heap_.call(program_.descrs.calls[calldescr], function, args);
  if (r.raised) {
    exc_type_ = r.exc_type;
    exc_value_[0] = r.exc_value;
    return false;
  }
  const Frame& frame = frames_.back();
  switch (result) {
    case Kind::kInt: ints_[frame.base[0] + result_reg] = r.value.i; break;
    case Kind::kRef: refs_[frame.base[1] + result_reg] = r.value.ref(); break;
    case Kind::kFloat: floats_[frame.base[2] + result_reg] = r.value.f; break;
    case Kind::kVoid: break;
  }
  frames_.back().pc = next_pc;
  return true;
}

void BlackholeInterpreter::raise_from_rt(rt::Exception* error) {
  raise_rt(std::string(error->type_name().view()).c_str(), std::string(error->message.view()).c_str());
}

BlackholeExit BlackholeInterpreter::run() {
  if (frames_.empty()) blackhole_fatal("run() without a frame", "");
  // A heap may unwind through with a C++ exception (docs/jit.md): leave an empty chain.
  try {
    return run_frames();
  } catch (...) {
    while (!frames_.empty()) pop_frame();
    throw;
  }
}

BlackholeExit BlackholeInterpreter::run_frames() {
  static void* const kDispatch[] = {
#define RT_JIT_INSN(id, name, argcodes) &&op_##id,
#include "rtoolchain/jit/jitcode.def"
  };
  BlackholeExit exit;
  const uint8_t* code;
  uint32_t pc;
  int64_t* ri;
  GcRef* rr;
  double* rf;
  uint64_t count = 0;
  uint32_t raise_end = 0;  // after the instruction that raised
  Kind return_kind = Kind::kVoid;
  AnyValue return_value = AnyValue::of_int(0);

#define LOAD_FRAME()                                         \
  do {                                                       \
    const Frame& f_ = frames_.back();                        \
    code = program_.jitcodes[f_.jitcode].code.data();        \
    pc = f_.pc;                                              \
    ri = ints_.data() + f_.base[0];                          \
    rr = &refs_[f_.base[1]];                                 \
    rf = floats_.data() + f_.base[2];                        \
  } while (0)
#define DISPATCH()                  \
  do {                              \
    ++count;                        \
    goto *kDispatch[code[pc]];      \
  } while (0)
#define NEXT(len) \
  do {            \
    pc += (len);  \
    DISPATCH();   \
  } while (0)
#define IA(n) ri[code[pc + (n)]]
#define RA(n) rr[code[pc + (n)]]
#define FA(n) rf[code[pc + (n)]]
#define U16(n) uint32_t(code[pc + (n)] | code[pc + (n) + 1] << 8)
#define OUT(n) code[pc + (n)]
#define DESCR(table, n) program_.descrs.table[U16(n)]
// A binary or unary operation: operands, the result right after them.
#define BINOP(id, reg_in, reg_out, expr)        \
  op_##id : {                                   \
    auto a = reg_in##A(1);                      \
    auto b = reg_in##A(2);                      \
    reg_out[OUT(3)] = (expr);                   \
    NEXT(kLen_##id);                            \
  }
#define UNOP(id, reg_in, reg_out, expr)         \
  op_##id : {                                   \
    auto a = reg_in##A(1);                      \
    reg_out[OUT(2)] = (expr);                   \
    NEXT(kLen_##id);                            \
  }
// An operation whose rt helper may throw: the rt exception becomes the pending one.
#define CHECKED(id, nargs, expr)                                   \
  op_##id : {                                                      \
    int64_t a = IA(1);                                             \
    int64_t b = nargs > 1 ? IA(2) : 0;                             \
    (void)b;                                                       \
    int64_t r = 0;                                                 \
    try {                                                          \
      r = (expr);                                                  \
    } catch (rt::Exception* e) {                                   \
      raise_from_rt(e);                                            \
      raise_end = pc + kLen_##id;                                  \
      goto raised;                                                 \
    }                                                              \
    ri[OUT(nargs + 1)] = r;                                        \
    NEXT(kLen_##id);                                               \
  }

  LOAD_FRAME();
  DISPATCH();

  // --- Liveness, control. ---
op_live:
  NEXT(kLen_live);
op_goto_:
  pc = U16(1);
  DISPATCH();
op_goto_if_not:
  if (IA(1)) NEXT(kLen_goto_if_not);
  pc = U16(2);
  DISPATCH();
op_switch_: {
  const SwitchTable& table = program_.switches[U16(2)];
  int64_t value = IA(1);
  auto it = std::lower_bound(table.cases.begin(), table.cases.end(), value,
                             [](const std::pair<int64_t, uint16_t>& c, int64_t v) { return c.first < v; });
  if (it == table.cases.end() || it->first != value) NEXT(kLen_switch_);
  pc = it->second;
  DISPATCH();
}
op_unreachable:
  blackhole_fatal("reached `unreachable`", program_.jitcodes[frames_.back().jitcode].name + " at " + std::to_string(pc));
op_int_return:
  return_kind = Kind::kInt;
  return_value = AnyValue::of_int(IA(1));
  goto returned;
op_ref_return:
  return_kind = Kind::kRef;
  return_value = AnyValue::of_ref(RA(1));
  goto returned;
op_float_return:
  return_kind = Kind::kFloat;
  return_value = AnyValue::of_float(FA(1));
  goto returned;
op_void_return:
  return_kind = Kind::kVoid;
  goto returned;
UNOP(int_copy, I, ri, a)
UNOP(ref_copy, R, rr, a)
UNOP(float_copy, F, rf, a)

  // --- Exceptions. ---
op_catch_exception:  // reached without an exception: nothing to catch
  NEXT(kLen_catch_exception);
op_goto_if_exception_mismatch:
  if (IA(1) <= exc_type_ && exc_type_ <= IA(2)) NEXT(kLen_goto_if_exception_mismatch);
  pc = U16(3);
  DISPATCH();
op_last_exception:
  ri[OUT(1)] = exc_type_;
  NEXT(kLen_last_exception);
op_last_exc_value:
  rr[OUT(1)] = exc_value_[0];
  NEXT(kLen_last_exc_value);
op_raise:
  exc_type_ = IA(1);
  exc_value_[0] = RA(2);
  goto leave_frame_raising;
op_reraise:
  goto leave_frame_raising;

  // --- Integers. ---
BINOP(int_add, I, ri, int64_t(uint64_t(a) + uint64_t(b)))
BINOP(int_sub, I, ri, int64_t(uint64_t(a) - uint64_t(b)))
BINOP(int_mul, I, ri, int64_t(uint64_t(a) * uint64_t(b)))
BINOP(int_and, I, ri, a & b)
BINOP(int_or, I, ri, a | b)
BINOP(int_xor, I, ri, a ^ b)
BINOP(int_lshift, I, ri, int64_t(uint64_t(a) << (uint64_t(b) & 63)))
BINOP(int_rshift, I, ri, a >> (uint64_t(b) & 63))
BINOP(uint_rshift, I, ri, int64_t(uint64_t(a) >> (uint64_t(b) & 63)))
UNOP(int_neg, I, ri, int64_t(0 - uint64_t(a)))
UNOP(int_invert, I, ri, ~a)
BINOP(int_signext, I, ri, int64_t(uint64_t(a) << (64 - 8 * b)) >> (64 - 8 * b))
BINOP(int_eq, I, ri, a == b)
BINOP(int_ne, I, ri, a != b)
BINOP(int_lt, I, ri, a < b)
BINOP(int_le, I, ri, a <= b)
BINOP(int_gt, I, ri, a > b)
BINOP(int_ge, I, ri, a >= b)
BINOP(uint_lt, I, ri, uint64_t(a) < uint64_t(b))
BINOP(uint_le, I, ri, uint64_t(a) <= uint64_t(b))
BINOP(uint_gt, I, ri, uint64_t(a) > uint64_t(b))
BINOP(uint_ge, I, ri, uint64_t(a) >= uint64_t(b))
UNOP(int_is_true, I, ri, a != 0)
UNOP(bool_not, I, ri, a == 0)
CHECKED(int_add_ovf, 2, rt::ovf_add(a, b))
CHECKED(int_sub_ovf, 2, rt::ovf_sub(a, b))
CHECKED(int_mul_ovf, 2, rt::ovf_mul(a, b))
CHECKED(int_neg_ovf, 1, rt::ovf_neg(a))
CHECKED(int_div_c, 2, rt::div_c(a, b))
CHECKED(int_mod_c, 2, rt::mod_c(a, b))
CHECKED(int_div_floor, 2, rt::div_floor(a, b))
CHECKED(int_mod_floor, 2, rt::mod_floor(a, b))
CHECKED(int_div_floor_ovf, 2, rt::ovf_div_floor(a, b))
CHECKED(uint_div, 2, b == 0 ? throw rt::make<rt::ZeroDivisionError>("integer division by zero")
                            : int64_t(uint64_t(a) / uint64_t(b)))
CHECKED(uint_mod, 2, b == 0 ? throw rt::make<rt::ZeroDivisionError>("integer modulo by zero")
                            : int64_t(uint64_t(a) % uint64_t(b)))
CHECKED(int_lshift_var, 2, rt::shl(a, b))
CHECKED(int_rshift_var, 2, rt::shr(a, b))
CHECKED(uint_rshift_var, 2, rt::shr_unsigned(a, b))
CHECKED(int_lshift_ovf, 2, rt::ovf_shl(a, b))

  // --- Floats and conversions. ---
BINOP(float_add, F, rf, a + b)
BINOP(float_sub, F, rf, a - b)
BINOP(float_mul, F, rf, a * b)
BINOP(float_truediv, F, rf, a / b)
UNOP(float_neg, F, rf, -a)
UNOP(float_abs, F, rf, std::fabs(a))
BINOP(float_eq, F, ri, a == b)
BINOP(float_ne, F, ri, a != b)
BINOP(float_lt, F, ri, a < b)
BINOP(float_le, F, ri, a <= b)
BINOP(float_gt, F, ri, a > b)
BINOP(float_ge, F, ri, a >= b)
UNOP(cast_int_to_float, I, rf, double(a))
UNOP(cast_uint_to_float, I, rf, double(uint64_t(a)))
op_cast_float_to_int: {
  int64_t r = 0;
  try {
    r = rt::float_to_int(FA(1));
  } catch (rt::Exception* e) {
    raise_from_rt(e);
    raise_end = pc + kLen_cast_float_to_int;
    goto raised;
  }
  ri[OUT(2)] = r;
  NEXT(kLen_cast_float_to_int);
}
UNOP(float_fits_int, F, ri, rt::float_fits_int(a))

  // --- References and classes. ---
BINOP(ptr_eq, R, ri, a == b)
BINOP(ptr_ne, R, ri, a != b)
UNOP(ptr_iszero, R, ri, a == kNullRef)
UNOP(ptr_nonzero, R, ri, a != kNullRef)
UNOP(gc_typeid, R, ri, int64_t(heap_.type_id_of(a)))
UNOP(gc_identityhash, R, ri, heap_.identity_hash(a))
op_instanceof: {
  GcRef object = RA(1);
  int64_t id = object == kNullRef ? -1 : int64_t(heap_.type_id_of(object));
  ri[OUT(4)] = object != kNullRef && IA(2) <= id && id <= IA(3);
  NEXT(kLen_instanceof);
}
op_cast_dynamic: {
  GcRef object = RA(1);
  int64_t id = object == kNullRef ? -1 : int64_t(heap_.type_id_of(object));
  rr[OUT(4)] = object != kNullRef && IA(2) <= id && id <= IA(3) ? object : kNullRef;
  NEXT(kLen_cast_dynamic);
}
op_int_between:  // (x, min, max): min <= x <= max
  ri[OUT(4)] = IA(2) <= IA(1) && IA(1) <= IA(3);
  NEXT(kLen_int_between);

  // --- Memory. ---
op_getfield_gc_i:
op_getfield_gc_i_pure:
  ri[OUT(4)] = heap_.get_int_field(RA(1), DESCR(fields, 2));
  NEXT(kLen_getfield_gc_i);
op_getfield_gc_r:
op_getfield_gc_r_pure:
  rr[OUT(4)] = heap_.get_ref_field(RA(1), DESCR(fields, 2));
  NEXT(kLen_getfield_gc_r);
op_getfield_gc_f:
op_getfield_gc_f_pure:
  rf[OUT(4)] = heap_.get_float_field(RA(1), DESCR(fields, 2));
  NEXT(kLen_getfield_gc_f);
op_setfield_gc_i:
  heap_.set_int_field(RA(1), DESCR(fields, 3), IA(2));
  NEXT(kLen_setfield_gc_i);
op_setfield_gc_r:
  heap_.set_ref_field(RA(1), DESCR(fields, 3), RA(2));
  NEXT(kLen_setfield_gc_r);
op_setfield_gc_f:
  heap_.set_float_field(RA(1), DESCR(fields, 3), FA(2));
  NEXT(kLen_setfield_gc_f);
op_record_quasiimmut_field:  // only the tracer records it
op_jit_force_quasi_immutable:  // no compiled code depends on anything here
  NEXT(kLen_record_quasiimmut_field);
op_getarrayitem_gc_i:
op_getarrayitem_gc_i_pure:
  ri[OUT(5)] = heap_.get_int_item(RA(1), DESCR(arrays, 3), IA(2));
  NEXT(kLen_getarrayitem_gc_i);
op_getarrayitem_gc_r:
op_getarrayitem_gc_r_pure:
  rr[OUT(5)] = heap_.get_ref_item(RA(1), DESCR(arrays, 3), IA(2));
  NEXT(kLen_getarrayitem_gc_r);
op_getarrayitem_gc_f:
op_getarrayitem_gc_f_pure:
  rf[OUT(5)] = heap_.get_float_item(RA(1), DESCR(arrays, 3), IA(2));
  NEXT(kLen_getarrayitem_gc_f);
op_setarrayitem_gc_i:
  heap_.set_int_item(RA(1), DESCR(arrays, 4), IA(2), IA(3));
  NEXT(kLen_setarrayitem_gc_i);
op_setarrayitem_gc_r:
  heap_.set_ref_item(RA(1), DESCR(arrays, 4), IA(2), RA(3));
  NEXT(kLen_setarrayitem_gc_r);
op_setarrayitem_gc_f:
  heap_.set_float_item(RA(1), DESCR(arrays, 4), IA(2), FA(3));
  NEXT(kLen_setarrayitem_gc_f);
op_arraylen_gc:
  ri[OUT(4)] = heap_.array_length(RA(1), DESCR(arrays, 2));
  NEXT(kLen_arraylen_gc);
op_new_:
  rr[OUT(3)] = heap_.new_object(DESCR(sizes, 1));
  NEXT(kLen_new_);
op_new_array:
  rr[OUT(4)] = heap_.new_array(DESCR(arrays, 2), IA(1));
  NEXT(kLen_new_array);
op_getglobal_i:
  ri[OUT(3)] = heap_.get_int_global(DESCR(globals, 1));
  NEXT(kLen_getglobal_i);
op_getglobal_r:
  rr[OUT(3)] = heap_.get_ref_global(DESCR(globals, 1));
  NEXT(kLen_getglobal_r);
op_getglobal_f:
  rf[OUT(3)] = heap_.get_float_global(DESCR(globals, 1));
  NEXT(kLen_getglobal_f);
op_setglobal_i:
  heap_.set_int_global(DESCR(globals, 2), IA(1));
  NEXT(kLen_setglobal_i);
op_setglobal_r:
  heap_.set_ref_global(DESCR(globals, 2), RA(1));
  NEXT(kLen_setglobal_r);
op_setglobal_f:
  heap_.set_float_global(DESCR(globals, 2), FA(1));
  NEXT(kLen_setglobal_f);

  // --- Calls: one out-of-line decoder for every family (calls cost more than decoding). ---
#define RT_JIT_CALL_LABELS(prefix)                                                              \
  op_##prefix##_r_i : op_##prefix##_r_r : op_##prefix##_r_f : op_##prefix##_r_v                 \
      : op_##prefix##_ir_i : op_##prefix##_ir_r : op_##prefix##_ir_f : op_##prefix##_ir_v       \
      : op_##prefix##_irf_i : op_##prefix##_irf_r : op_##prefix##_irf_f : op_##prefix##_irf_v :
RT_JIT_CALL_LABELS(inline_call)
RT_JIT_CALL_LABELS(residual_call)
RT_JIT_CALL_LABELS(indirect_call)
RT_JIT_CALL_LABELS(recursive_call)
op_conditional_call_ir_v: {
  frames_.back().pc = pc;
  uint32_t next = 0;
  if (!do_call(pc, next)) {
    raise_end = next;
    goto raised;
  }
  LOAD_FRAME();
  DISPATCH();
}

  // --- JIT hints: the blackhole runs as the interpreter would. ---
op_int_guard_value:
op_ref_guard_value:
op_float_guard_value:
  NEXT(kLen_int_guard_value);
op_jit_merge_point: {
  // Six lists: greens then reds, int, ref, float each.
  uint32_t p = pc + 1;
  uint32_t starts[6];
  for (int list = 0; list < 6; ++list) {
    starts[list] = p;
    p += 1 + code[p];
  }
  if (frames_.size() > 1 || frames_.front().jitcode != program_.portal.jitcode) {
    pc = p;  // a portal frame called by recursion, or no portal at the bottom: keep running
    DISPATCH();
  }
  exit_values_.ints.clear();
  exit_values_.refs.resize(0);
  exit_values_.floats.clear();
  for (int list = 0; list < 6; ++list) {
    int k = list % 3;
    if (list < 3) exit_values_.num_greens[k] = code[starts[list]];
    for (uint32_t i = 0; i < code[starts[list]]; ++i) {
      uint8_t reg = code[starts[list] + 1 + i];
      if (k == 0) exit_values_.ints.push_back(ri[reg]);
      if (k == 1) exit_values_.refs.push_back(rr[reg]);
      if (k == 2) exit_values_.floats.push_back(rf[reg]);
    }
  }
  pop_frame();
  exit.reason = BlackholeExit::Reason::kContinueRunningNormally;
  instructions_ += count;
  return exit;
}
op_loop_header:
op_leave_portal_frame:
  NEXT(kLen_loop_header);
op_int_isconstant:  // nothing is a constant here (graph mode says false too)
op_ref_isconstant:
op_float_isconstant:
op_ref_isvirtual:
  ri[OUT(2)] = 0;
  NEXT(kLen_int_isconstant);
op_record_exact_class:
  NEXT(kLen_record_exact_class);
op_int_assert_green:
op_ref_assert_green:
op_float_assert_green:
op_jit_debug:
op_enter_portal_frame:
  NEXT(kLen_int_assert_green);
op_current_trace_length:  // not tracing (graph mode gives -1 too)
  ri[OUT(1)] = -1;
  NEXT(kLen_current_trace_length);

  // --- Leaving frames. ---
returned: {
  pop_frame();
  if (frames_.empty()) {
    exit.reason = BlackholeExit::Reason::kDoneWithThisFrame;
    exit.result_kind = return_kind;
    exit.result = return_value;
    instructions_ += count;
    return exit;
  }
  const Frame& caller = frames_.back();
  if (caller.call_result == return_kind) {
    switch (return_kind) {
      case Kind::kInt: ints_[caller.base[0] + caller.call_result_reg] = return_value.i; break;
      case Kind::kRef: refs_[caller.base[1] + caller.call_result_reg] = return_value.ref(); break;
      case Kind::kFloat: floats_[caller.base[2] + caller.call_result_reg] = return_value.f; break;
      case Kind::kVoid: break;
    }
  }
  LOAD_FRAME();
  DISPATCH();
}
leave_frame_raising:
  pop_frame();
  if (frames_.empty() || !unwind(frames_.back().pc)) goto escaped;
  LOAD_FRAME();
  DISPATCH();
raised:
  if (!unwind(raise_end)) goto escaped;
  LOAD_FRAME();
  DISPATCH();
escaped:
  exit.reason = BlackholeExit::Reason::kExitFrameWithException;
  exit.exc_type = exc_type_;
  exit.exc_value = exc_value_[0];
  instructions_ += count;
  return exit;

#undef LOAD_FRAME
#undef DISPATCH
#undef NEXT
#undef IA
#undef RA
#undef FA
#undef U16
#undef OUT
#undef DESCR
#undef BINOP
#undef UNOP
#undef CHECKED
#undef RT_JIT_CALL_LABELS
}

}  // namespace rtoolchain::jit
