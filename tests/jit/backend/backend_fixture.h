// What the backend tests share: the test DescrTable with real functions behind its calls, a
// raw-memory heap over rlib's collector, the interpreting backend, and helpers that compile
// hand-written trace text and run it.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <vector>

#include "rt/object.h"
#include "rtoolchain/jit/interp_backend.h"
#include "rtoolchain/jit/rawheap.h"
#include "support/test_descrs.h"

namespace rtoolchain::jit::testing {

// The VM's pending exception, as a translated VM has it (rtx_exc_type, rtx_exc_value).
inline uint32_t pending_type = 0;
inline void* pending_value = nullptr;
inline constexpr uint32_t kErrorTypeId = 7;
inline std::vector<int64_t> recorded;  // what record() saw

inline void* make_error() {
  auto* p = static_cast<uint64_t*>(rt::gc::alloc(16));
  p[0] = kErrorTypeId;
  p[1] = 0xE0;
  return p;
}

inline int64_t fn_add2(int64_t a, int64_t b) { return a + b; }
inline int64_t fn_check_positive(int64_t x) {
  if (x >= 0) return x;
  pending_type = kErrorTypeId;
  pending_value = make_error();
  return 0;
}
inline double fn_scale(double x, int64_t n, void* object) { return object ? x * static_cast<double>(n) : -1.0; }
inline void* fn_make_node(int64_t value) {
  if (value < 0) {
    pending_type = kErrorTypeId;
    pending_value = make_error();
    return nullptr;
  }
  auto* p = static_cast<uint64_t*>(rt::gc::alloc(40));
  p[0] = 1;                               // Node's type id
  p[1] = static_cast<uint64_t>(value);    // Node.value @8
  return p;
}
inline void fn_record(int64_t x) {
  recorded.push_back(x);
  rt::gc::collect();  // a call may collect: the trace's refs must survive it
}
inline int64_t fn_elidable_sq(int64_t x) { return x * x; }
inline InterpBackend* forcing_backend = nullptr;
inline int64_t fn_force_frame(int64_t token) {
  forcing_backend->force(token);
  return token;
}

class BackendFixture {
 public:
  BackendFixture() : descrs_(make_descrs()), heap_(descrs_, thunks(), {&pending_type, &pending_value}), backend_(heap_) {
    pending_type = 0;
    pending_value = nullptr;
    recorded.clear();
    forcing_backend = &backend_;
  }

  const DescrTable& descrs() const { return descrs_; }
  RawJitHeap& heap() { return heap_; }
  InterpBackend& backend() { return backend_; }

  // Parses and verifies `text`, compiles it as a loop; keeps the parse result for its descrs.
  LoopToken& compile_loop(std::string_view text, const TraceParseContext& context = {}) {
    auto trace = parse(text, context);
    tokens_.push_back(std::make_unique<LoopToken>());
    backend_.compile_loop(std::move(trace), *tokens_.back());
    return *tokens_.back();
  }

  void compile_bridge(FailDescr& guard, std::string_view text, const TraceParseContext& context = {}) {
    backend_.compile_bridge(parse(text, context), guard);
  }

  // The fail descr named <name> in any trace parsed so far.
  FailDescr& descr(std::string_view name) {
    for (const auto& parsed : parsed_)
      if (FailDescr* d = parsed.fail_descr(name)) return *d;
    FAIL("no descr <" << name << ">");
    throw;
  }

  TargetToken& target(uint32_t number) {
    for (const auto& token : tokens_)
      for (const auto& t : token->target_tokens)
        if (t->number == number) return *t;
    FAIL("no TargetToken(" << number << ")");
    throw;
  }

  std::unique_ptr<DeadFrame> run(LoopToken& token, std::vector<AnyValue> args) {
    return backend_.execute_token(token, args);
  }

 private:
  static DescrTable make_descrs() {
    DescrTable t = make_test_descrs();
    void* addresses[] = {reinterpret_cast<void*>(&fn_add2), reinterpret_cast<void*>(&fn_check_positive),
                         reinterpret_cast<void*>(&fn_scale), reinterpret_cast<void*>(&fn_make_node),
                         reinterpret_cast<void*>(&fn_record), reinterpret_cast<void*>(&fn_elidable_sq),
                         reinterpret_cast<void*>(&fn_force_frame)};
    for (size_t i = 0; i < t.functions.size(); ++i) t.functions[i].address = addresses[i];
    return t;
  }

  static const CallThunkRegistry& thunks() {
    static const CallThunkRegistry registry = [] {
      CallThunkRegistry r;
      r.add<int64_t(int64_t, int64_t)>();
      r.add<int64_t(int64_t)>();
      r.add<double(double, int64_t, void*)>();
      r.add<void*(int64_t)>();
      r.add<void(int64_t)>();
      return r;
    }();
    return registry;
  }

  std::unique_ptr<Trace> parse(std::string_view text, const TraceParseContext& context) {
    TraceParseResult parsed = parse_trace(text, descrs_, &heap_, context);
    INFO(parsed.error);
    REQUIRE(parsed.trace);
    auto errors = verify_trace(*parsed.trace, descrs_);
    for (const auto& e : errors) UNSCOPED_INFO(e);
    REQUIRE(errors.empty());
    std::unique_ptr<Trace> trace = std::move(parsed.trace);
    parsed_.push_back(std::move(parsed));
    return trace;
  }

  DescrTable descrs_;
  RawJitHeap heap_;
  InterpBackend backend_;
  std::vector<std::unique_ptr<LoopToken>> tokens_;
  std::vector<TraceParseResult> parsed_;
};

inline TraceParseContext jumping_to(TargetToken& target) {
  TraceParseContext context;
  context.targets.push_back(&target);
  return context;
}

inline AnyValue I(int64_t v) { return AnyValue::of_int(v); }
inline AnyValue R(GcRef v) { return AnyValue::of_ref(v); }
inline AnyValue F(double v) { return AnyValue::of_float(v); }

}  // namespace rtoolchain::jit::testing
