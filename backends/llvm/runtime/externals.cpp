// The externals of translated code: rtx_ext_ + the IR name with "::" as "_" (docs/backend.md).
// Each calls rlib's own function, so output, failures and messages are host mode's; an rt
// exception becomes the pending exception (rtx::guarded).
#include <cstdlib>

#include "rt/jit.h"
#include "rt/lowlevel.h"
#include "rt/main.h"
#include "rt/math.h"
#include "rt/os.h"
#include "support.h"

using rtx::from_rtx;
using rtx::guarded;
using rtx::to_rtx;

extern "C" {

// Standard output and error.
void rtx_ext_rt_print(RtxStr* text) { guarded([&] { rt::print(from_rtx(text)); }); }
void rtx_ext_rt_print_line(RtxStr* text) { guarded([&] { rt::print_line(from_rtx(text)); }); }
void rtx_ext_rt_flush_stdout() { guarded([&] { rt::flush_stdout(); }); }
void rtx_ext_rt_print_error(RtxStr* text) { guarded([&] { rt::print_error(from_rtx(text)); }); }

// rt::os.
void rtx_ext_rt_os_write(int64_t fd, RtxStr* data) { guarded([&] { rt::os::write(fd, from_rtx(data)); }); }
RtxStr* rtx_ext_rt_os_read(int64_t fd, int64_t max_bytes) {
  return guarded([&] { return to_rtx(rt::os::read(fd, max_bytes)); });
}
RtxStr* rtx_ext_rt_os_read_file(RtxStr* path) {
  return guarded([&] { return to_rtx(rt::os::read_file(from_rtx(path))); });
}
int64_t rtx_ext_rt_os_open(RtxStr* path, int64_t flags) {
  return guarded([&] { return rt::os::open(from_rtx(path), flags); });
}
void rtx_ext_rt_os_close(int64_t fd) { guarded([&] { rt::os::close(fd); }); }
double rtx_ext_rt_os_time() { return rt::os::time(); }
double rtx_ext_rt_os_monotonic() { return rt::os::monotonic(); }
void rtx_ext_rt_os_exit(int64_t status) { rt::os::exit(status); }
RtxStr* rtx_ext_rt_os_getenv(RtxStr* name, RtxStr* fallback) {
  return guarded([&] { return to_rtx(rt::os::getenv(from_rtx(name), from_rtx(fallback))); });
}
bool rtx_ext_rt_os_has_env(RtxStr* name) { return guarded([&] { return rt::os::has_env(from_rtx(name)); }); }

// rt::math: never raises (the backend inlines the exact ones as LLVM intrinsics).
bool rtx_ext_rt_math_isnan(double x) { return rt::math::isnan(x); }
bool rtx_ext_rt_math_isinf(double x) { return rt::math::isinf(x); }
bool rtx_ext_rt_math_isfinite(double x) { return rt::math::isfinite(x); }
double rtx_ext_rt_math_sqrt(double x) { return rt::math::sqrt(x); }
double rtx_ext_rt_math_floor(double x) { return rt::math::floor(x); }
double rtx_ext_rt_math_ceil(double x) { return rt::math::ceil(x); }
double rtx_ext_rt_math_trunc(double x) { return rt::math::trunc(x); }
double rtx_ext_rt_math_fabs(double x) { return rt::math::fabs(x); }
double rtx_ext_rt_math_copysign(double x, double y) { return rt::math::copysign(x, y); }
double rtx_ext_rt_math_fmod(double x, double y) { return rt::math::fmod(x, y); }
double rtx_ext_rt_math_exp(double x) { return rt::math::exp(x); }
double rtx_ext_rt_math_log(double x) { return rt::math::log(x); }
double rtx_ext_rt_math_pow(double x, double y) { return rt::math::pow(x, y); }
double rtx_ext_rt_math_sin(double x) { return rt::math::sin(x); }
double rtx_ext_rt_math_cos(double x) { return rt::math::cos(x); }
double rtx_ext_rt_math_atan2(double x, double y) { return rt::math::atan2(x, y); }

// The runtime.
int64_t rtx_ext_rt_stack_budget() { return rt::stack_budget(); }
void rtx_ext_rt_gc_collect() { rt::gc::collect(); }
int64_t rtx_ext_rt_gc_heap_size() { return static_cast<int64_t>(rt::gc::heap_size()); }
void rtx_ext_rt_jit_check_user_params(RtxStr* params) {
  guarded([&] { rt::jit::check_user_params(from_rtx(params)); });
}
void rtx_ext_rt_jit_report_broken_promise(RtxStr* what) { rt::jit::report_broken_promise(from_rtx(what).c_str()); }

// The low-level helpers' externals (rt/lowlevel.h): rt::Str's own formatting and parsing.
RtxStr* rtx_ext_rt_ll_format_double(double value) {
  return guarded([&] { return to_rtx(rt::Str::from_double(value)); });
}
double rtx_ext_rt_ll_parse_double(RtxStr* text) {
  return guarded([&] { return from_rtx(text).to_double(); });
}
void rtx_ext_rt_ll_array_index_error(int64_t index, int64_t size) {
  guarded([&] { rt::ll::array_index_error(index, size); });
}
void rtx_ext_rt_ll_array_assignment_index_error(int64_t index, int64_t size) {
  guarded([&] { rt::ll::array_assignment_index_error(index, size); });
}
void rtx_ext_rt_ll_check_array_size(int64_t size) { guarded([&] { rt::ll::check_array_size(size); }); }

}  // extern "C"
