// The JIT hint API (docs/hints.md). Every hint is ordinary C++: in host mode a no-op or an
// identity, in graph mode a special operation, and for the JIT generator a promise about the
// program. A false promise gives wrong results when the JIT is on, so docs/hints.md lists what
// each one promises and how it is misused.
#pragma once

#include <cstdint>
#include <type_traits>

#include "rt/library_ops.h"
#include "rt/str.h"

// --- Attributes on functions, fields and classes. -------------------------------------------------
// Spelled over [[clang::annotate]], which the front end reads; other compilers see nothing (GCC
// warns about unknown clang:: attributes under -Wall).
#if defined(__clang__)
#define RT_ANNOTATE(...) [[clang::annotate(__VA_ARGS__)]]
#else
#define RT_ANNOTATE(...)
#endif

// Functions.
#define RT_JIT_ELIDABLE RT_ANNOTATE("rt.jit.elidable")
#define RT_JIT_ELIDABLE_PROMOTE(...) RT_ANNOTATE("rt.jit.elidable_promote" __VA_OPT__(, ) __VA_ARGS__)
#define RT_JIT_DONT_LOOK_INSIDE RT_ANNOTATE("rt.jit.dont_look_inside")
#define RT_JIT_UNROLL_SAFE RT_ANNOTATE("rt.jit.unroll_safe")
#define RT_JIT_LOOK_INSIDE_IFF(predicate) RT_ANNOTATE("rt.jit.look_inside_iff", #predicate)
#define RT_JIT_LOOP_INVARIANT RT_ANNOTATE("rt.jit.loop_invariant")
#define RT_JIT_NOT_IN_TRACE RT_ANNOTATE("rt.jit.not_in_trace")
#define RT_JIT_OOPSPEC(spec) RT_ANNOTATE("rt.jit.oopspec", spec)  // reserved to rlib/
// Fields.
#define RT_IMMUTABLE RT_ANNOTATE("rt.immutable")
#define RT_IMMUTABLE_ITEMS RT_ANNOTATE("rt.immutable_items")
#define RT_QUASI_IMMUTABLE RT_ANNOTATE("rt.quasi_immutable")
#define RT_QUASI_IMMUTABLE_ITEMS RT_ANNOTATE("rt.quasi_immutable_items")
#define RT_VABLE_FIELD RT_ANNOTATE("rt.vable_field")
#define RT_VABLE_ARRAY RT_ANNOTATE("rt.vable_array")
// Classes: `class RT_IMMUTABLE_CLASS Code : public rt::Object { ... };`
#define RT_IMMUTABLE_CLASS RT_ANNOTATE("rt.immutable_class")
#define RT_VIRTUALIZABLE RT_ANNOTATE("rt.virtualizable")

namespace rt::jit {

// --- The driver. ------------------------------------------------------------------------------
template <class... T> struct Greens {};
template <class... T> struct Reds {};

// Options of a driver, given at its definition.
struct DriverOptions {
  bool is_recursive = false;  // the portal may call itself (an interpreter calling a function)
};

template <class GreensT, class RedsT> class JitDriver;

// One driver per dispatch loop. Greens identify a position in the interpreted program and
// become constants in a trace (typically the pc and the code object); reds are the rest of the
// loop state. The merge point's arguments must be exactly the greens then the reds; the
// interpreter must be restartable from them alone.
//
//   constinit rt::jit::JitDriver<rt::jit::Greens<int64_t, Code*>, rt::jit::Reds<Frame*>>
//       driver{"tiny"};
//   ... driver.jit_merge_point(pc, code, frame);
template <class... G, class... R>
class JitDriver<Greens<G...>, Reds<R...>> {
 public:
  RT_OP(jit_driver) constexpr explicit JitDriver(const char* name, DriverOptions options = {})
      : name_(name), options_(options) {}

  // The top of the dispatch loop, once per interpreted instruction.
  RT_OP(jit_merge_point) void jit_merge_point(G..., R...) const {}
  // At a backward jump of the interpreted program (the only places a loop can close), just
  // before control returns to jit_merge_point.
  RT_OP(can_enter_jit) void can_enter_jit(G..., R...) const {}

  const char* name() const { return name_; }
  const DriverOptions& options() const { return options_; }

 private:
  const char* name_;
  DriverOptions options_;
};

// --- Value hints. ------------------------------------------------------------------------------
// promote: while tracing, the current value becomes a constant guarded by the trace.
template <class T> RT_OP(jit_promote) inline T promote(T value) { return value; }
// Promotes a string by content, not by identity.
RT_OP(jit_promote_string) inline Str promote_string(Str value) { return value; }
// True inside traced or blackholed code, false when the plain interpreter runs. Code under it
// must compute the same results either way; it only chooses a shape the JIT prefers.
RT_OP(jit_we_are_jitted) inline bool we_are_jitted() { return false; }
// Tracing-time queries for look_inside_iff predicates; false outside the JIT.
template <class T> RT_OP(jit_isconstant) inline bool isconstant(T) { return false; }
template <class T> RT_OP(jit_isvirtual) inline bool isvirtual(T) { return false; }
// Facts given to the JIT without a guard. Promises: `p` is exactly a C (not a subclass),
// `value == known`.
template <class C, class T> RT_OP(jit_record_exact_class) inline void record_exact_class(T*) {}
template <class T> RT_OP(jit_record_exact_value) inline void record_exact_value(T, T) {}
// Promises result == fn(args...) for the elidable fn; host mode checks the promise.
void report_broken_promise(const char* what);
template <class R, class... P, class... A>
RT_OP(jit_record_known_result) inline void record_known_result(R result, R (*fn)(P...), A... args) {
  if (!(fn(args...) == result)) report_broken_promise("record_known_result");
}
// Calls fn(args...) when cond holds, without the JIT making a bridge for the rare branch.
template <class... P, class... A>
RT_OP(jit_conditional_call) inline void conditional_call(bool cond, void (*fn)(P...), A... args) {
  if (cond) fn(args...);
}
// Returns value when it is non-zero/non-null, else fn(args...) (a cache fill the JIT can elide).
template <class R, class... P, class... A>
RT_OP(jit_conditional_call_elidable) inline R conditional_call_elidable(R value, R (*fn)(P...), A... args) {
  return value ? value : fn(args...);
}
// Marks the start of a loop-like construct in code the JIT unrolls.
RT_OP(jit_loop_header) inline void loop_header() {}
// Asserts that `value` is a constant in the trace; nothing in host mode.
template <class T> RT_OP(jit_assert_green) inline void assert_green(T) {}
// The length of the trace being recorded, or -1 when not tracing.
RT_OP(jit_current_trace_length) inline int64_t current_trace_length() { return -1; }
// Puts a marker with `text` in the trace log.
RT_OP(jit_debug) inline void jit_debug(Str) {}
// Frames that a portal enters without a merge point (for profilers and recursion accounting).
RT_OP(jit_enter_portal_frame) inline void enter_portal_frame(int64_t) {}
RT_OP(jit_leave_portal_frame) inline void leave_portal_frame() {}
// Virtualizable frames (docs/hints.md: prefer a local fixed-size value stack).
template <class T> RT_OP(jit_access_directly) inline T* access_directly(T* frame) { return frame; }
template <class T> RT_OP(jit_fresh_virtualizable) inline T* fresh_virtualizable(T* frame) { return frame; }
template <class T> RT_OP(jit_force_virtualizable) inline void force_virtualizable(T*) {}
// Virtual references: a reference that stays virtual unless the referent is really read.
template <class T> struct VirtualRef {
  T* referent;
  T* operator()() const { return referent; }
};
template <class T> RT_OP(jit_virtual_ref) inline VirtualRef<T> virtual_ref(T* referent) { return {referent}; }
template <class T> RT_OP(jit_virtual_ref_finish) inline void virtual_ref_finish(VirtualRef<T>, T*) {}

// --- Run-time parameters (RTJIT=name=value,...). ---------------------------------------------------
enum class Param : int64_t {
  threshold,           // loop iterations before tracing starts (default 1039)
  function_threshold,  // function entries before tracing from a function start (1619)
  trace_eagerness,     // guard failures before a bridge is traced (200)
  decay,               // how fast counters decay (40)
  trace_limit,         // maximum trace length in operations (6000)
  inlining,            // inline calls to the portal (1)
  loop_longevity,      // how long an unused loop lives (1000)
  retrace_limit,       // retraces of a loop before giving up (0)
  max_unroll_recursion,  // recursive portal calls inlined before a call_assembler (7)
};
// No-ops in host mode; the JIT runtime reads them.
template <class Driver> RT_OP(jit_set_param) inline void set_param(const Driver&, Param, int64_t) {}
// Parses "threshold=1000,trace_limit=3000" or "off"; ValueError on a malformed string.
void check_user_params(Str params);
template <class Driver> RT_OP(jit_set_user_param) inline void set_user_param(const Driver&, Str params) {
  check_user_params(params);
}

}  // namespace rt::jit
