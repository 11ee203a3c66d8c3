// The C ABI between translated code and its runtime (docs/backend.md, "Runtime ABI"). The
// backend emits calls to these names; runtime.cpp implements them on top of rlib's host runtime
// (its output buffer, stack budget, fatal-signal handler and error messages), so translated code
// prints and fails byte for byte as host and graph mode do.
#pragma once

#include <cstdint>

extern "C" {

// A string at the low level: a GC array of i8 (header, length, bytes).
struct RtxStr {
  uint64_t header;
  int64_t length;
  char bytes[];
};

// The pending exception (RPython's way): set by a raise, tested by the caller after every call
// that can raise, cleared by the handler that catches it. Null value: none pending. The state
// lives in the translated module (internal globals, so LLVM knows no GC pointer aliases it);
// the runtime reaches it through these accessors, emitted with it.
void* rtx_pending_value(void);
uint32_t rtx_pending_type(void);
void rtx_set_pending(uint32_t type_id, void* value);
// Recursive functions compare their frame address with this limit on entry (0: no check).
uintptr_t rtx_get_stack_limit(void);
void rtx_set_stack_limit(uintptr_t limit);

void rtx_stack_overflow(void);
void* rtx_alloc(int64_t size, uint32_t type_id);
void* rtx_alloc_array(int64_t length, int64_t item_size, uint32_t type_id);
void rtx_fatal(const char* message);

// Raising scalar operations' slow paths: they compute with rt's own functions (at i64, then
// wrapped to `bits` as graph mode does) and raise rt's exceptions with rt's messages.
int64_t rtx_op_int_div_c(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_int_mod_c(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_int_div_floor(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_int_mod_floor(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_int_div_floor_ovf(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_uint_div(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_uint_mod(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_int_add_ovf(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_int_sub_ovf(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_int_mul_ovf(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_int_neg_ovf(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_int_lshift_var(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_int_rshift_var(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_uint_rshift_var(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_int_lshift_ovf(int64_t a, int64_t b, int32_t bits);
int64_t rtx_op_cast_float_to_int(double value);
void rtx_op_jit_set_user_param(RtxStr* params);

// Emitted by the backend into every translated module. rtx_entry builds the entry point's
// argv list around `items` (from rtx_argv_items) and calls the entry point.
int64_t rtx_entry(void* items, int64_t count);
// argv as a GC array of strings (the entry's `items` array, type id `array_type_id`).
void* rtx_argv_items(int64_t argc, char** argv, uint32_t array_type_id);
// The rt exception `kind` (RtException order) with `message`.
void* rtx_new_rt_exception(uint32_t kind, RtxStr* message);
// The class name (without "rt::") of each type id, and the offset of rt::Exception.message.
extern RtxStr* const rtx_class_names[];
extern const uint32_t rtx_num_class_names;
extern const int64_t rtx_exception_message_offset;
extern const uint32_t rtx_str_type_id;
extern const int64_t rtx_os_error_errno_offset;
extern const uint32_t rtx_argv_items_type_id;
}
