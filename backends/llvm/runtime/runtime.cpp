// The runtime of translated code: main(), allocation, the pending exception, the stack check's
// slow path, the raising operations' slow paths and the externals (docs/backend.md).
#include "runtime.h"

#include "support.h"

#include <gc.h>

#include <cstdlib>
#include <cstring>
#include <string_view>

#include "internal.h"
#include "rt/arith.h"
#include "rt/jit.h"
#include "rt/main.h"
#include "rt/os.h"
#include "rt/rt.h"

namespace {
// The program's file name, as every mode's messages spell it.
rt::Str program_name("rt");
}  // namespace

namespace rtx {

RtxStr* to_rtx(const rt::Str& text) {
  std::string_view bytes = text.view();
  auto* s = static_cast<RtxStr*>(rtx_alloc_array(static_cast<int64_t>(bytes.size()), 1, rtx_str_type_id));
  std::memcpy(s->bytes, bytes.data(), bytes.size());
  return s;
}

rt::Str from_rtx(const RtxStr* s) {
  if (!s) rtx_fatal("invalid memory access (null pointer dereference?)");
  return rt::Str::from_bytes(std::string_view(s->bytes, static_cast<size_t>(s->length)));
}

void set_pending_from(rt::Exception* error) {
  std::string_view name = error->type_name().view();
  uint32_t kind = 0;
  static const char* const kNames[] = {
#define RT_IR_RT_EXCEPTION(Name) #Name,
#include "rtoolchain/ir/exceptions.def"
  };
  for (uint32_t i = 0; i < sizeof kNames / sizeof kNames[0]; ++i)
    if (name == kNames[i]) kind = i;
  void* object = rtx_new_rt_exception(kind, to_rtx(error->message));
  if (auto* os_error = dynamic_cast<rt::OSError*>(error))
    *reinterpret_cast<int32_t*>(static_cast<char*>(object) + rtx_os_error_errno_offset) = os_error->errno_value;
  rtx_set_pending(static_cast<uint32_t>(*static_cast<uint64_t*>(object)), object);
}

}  // namespace rtx

namespace {

using rtx::from_rtx;
using rtx::guarded;
using rtx::to_rtx;

int64_t wrap(int64_t value, int32_t bits) {
  if (bits >= 64) return value;
  uint64_t mask = (uint64_t(1) << bits) - 1;
  return static_cast<int64_t>(static_cast<uint64_t>(value) & mask);
}

// Narrow signed results must fit their width, as graph mode's `checked` demands.
int64_t checked(int64_t value, int32_t bits, const char* what) {
  if (bits < 64) {
    int64_t low = -(int64_t(1) << (bits - 1)), high = (int64_t(1) << (bits - 1)) - 1;
    if (value < low || value > high) rt::detail::throw_overflow(what);
  }
  return value;
}

}  // namespace

extern "C" {

void rtx_fatal(const char* message) {
  rt::flush_stdout();
  rt::print_error(program_name + ": fatal error: " + message + "\n");
  std::exit(70);
}

void rtx_stack_overflow(void) {
  uintptr_t saved = rtx_get_stack_limit();
  rtx_set_stack_limit(0);  // what runs below must not re-enter the check
  void* object = rtx_new_rt_exception(
      static_cast<uint32_t>(6 /* RecursionError, exceptions.def order */),
      to_rtx(rt::Str("maximum recursion depth exceeded")));
  rtx_set_stack_limit(saved);
  rtx_set_pending(static_cast<uint32_t>(*static_cast<uint64_t*>(object)), object);
}

void* rtx_alloc(int64_t size, uint32_t type_id) {
  void* memory = GC_MALLOC(static_cast<size_t>(size));
  if (!memory) rtx_fatal("out of memory");
  *static_cast<uint64_t*>(memory) = type_id;
  return memory;
}

void* rtx_alloc_array(int64_t length, int64_t item_size, uint32_t type_id) {
  auto* array = static_cast<RtxStr*>(rtx_alloc(16 + length * item_size, type_id));
  array->length = length;
  return array;
}

#define RTX_OP(name, body) \
  int64_t rtx_op_##name(int64_t a, int64_t b, int32_t bits) { (void)b; (void)bits; return guarded([&] { return body; }); }
RTX_OP(int_div_c, wrap(rt::div_c(a, b), bits))
RTX_OP(int_mod_c, wrap(rt::mod_c(a, b), bits))
RTX_OP(int_div_floor, wrap(rt::div_floor(a, b), bits))
RTX_OP(int_mod_floor, wrap(rt::mod_floor(a, b), bits))
RTX_OP(int_div_floor_ovf, bits == 64 ? rt::ovf_div_floor(a, b) : wrap(checked(rt::div_floor(a, b), bits, "integer division"), bits))
RTX_OP(int_add_ovf, bits == 64 ? rt::ovf_add(a, b) : wrap(checked(a + b, bits, "integer addition"), bits))
RTX_OP(int_sub_ovf, bits == 64 ? rt::ovf_sub(a, b) : wrap(checked(a - b, bits, "integer subtraction"), bits))
RTX_OP(int_mul_ovf, bits == 64 ? rt::ovf_mul(a, b) : wrap(checked(a * b, bits, "integer multiplication"), bits))
RTX_OP(int_neg_ovf, bits == 64 ? rt::ovf_neg(a) : wrap(checked(-a, bits, "integer negation"), bits))
RTX_OP(int_lshift_var, rt::shl(a, b))
RTX_OP(int_rshift_var, rt::shr(a, b))
RTX_OP(uint_rshift_var, rt::shr_unsigned(a, b))
RTX_OP(int_lshift_ovf, rt::ovf_shl(a, b))
#undef RTX_OP

int64_t rtx_op_uint_div(int64_t a, int64_t b, int32_t bits) {
  return guarded([&] {
    if (b == 0) throw rt::make<rt::ZeroDivisionError>("integer division by zero");
    return wrap(static_cast<int64_t>(static_cast<uint64_t>(a) / static_cast<uint64_t>(b)), bits);
  });
}

int64_t rtx_op_uint_mod(int64_t a, int64_t b, int32_t bits) {
  return guarded([&] {
    if (b == 0) throw rt::make<rt::ZeroDivisionError>("integer modulo by zero");
    return wrap(static_cast<int64_t>(static_cast<uint64_t>(a) % static_cast<uint64_t>(b)), bits);
  });
}

int64_t rtx_op_cast_float_to_int(double value) {
  return guarded([&] { return rt::float_to_int(value); });
}

void rtx_op_jit_set_user_param(RtxStr* params) {
  guarded([&] { rt::jit::check_user_params(from_rtx(params)); });
}

void* rtx_argv_items(int64_t argc, char** argv, uint32_t array_type_id) {
  auto* items = static_cast<RtxStr**>(rtx_alloc_array(argc, 8, array_type_id));
  for (int64_t i = 0; i < argc; ++i) (items + 2)[i] = to_rtx(rt::Str(argv[i]));
  return items;
}

}  // extern "C"

int main(int argc, char** argv) {
  rt::init_host_runtime(__builtin_frame_address(0));
  rt::detail::install_fatal_handlers(argc > 0 ? argv[0] : nullptr);
  rtx_set_stack_limit(reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) -
                      static_cast<uintptr_t>(rt::stack_budget()));
  if (argc > 0) program_name = rt::Str(argv[0]);
  program_name = program_name.slice_from(program_name.rfind("/") + 1);
  int64_t status = rtx_entry(rtx_argv_items(argc, argv, rtx_argv_items_type_id), argc);
  rt::flush_stdout();
  if (void* pending = rtx_pending_value()) {
    rt::Str name("Exception");
    uint32_t type_id = rtx_pending_type();
    if (type_id < rtx_num_class_names && rtx_class_names[type_id]) name = from_rtx(rtx_class_names[type_id]);
    auto* message = *reinterpret_cast<RtxStr**>(static_cast<char*>(pending) + rtx_exception_message_offset);
    rt::print_error(program_name + ": uncaught rt::" + name + ": " + from_rtx(message) + "\n");
    return 70;
  }
  return static_cast<int>(status);
}
