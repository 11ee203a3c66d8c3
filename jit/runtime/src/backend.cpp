// The backend-independent parts of backend.h: loop tokens and dead frames.
#include "rtoolchain/jit/backend.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace rtoolchain::jit {

uint32_t LoopToken::next_number() {
  static std::atomic<uint32_t> counter{1};
  return counter.fetch_add(1);
}

DeadFrame::DeadFrame(JitHeap& heap, FailDescr* descr, std::span<const Kind> kinds)
    : heap_(heap), descr_(descr), kinds_(kinds.begin(), kinds.end()),
      values_(kinds.size(), AnyValue::of_int(0)), refs_(heap.allocate_roots(kinds.size() + 1)) {}

DeadFrame::~DeadFrame() { heap_.free_roots(refs_); }

AnyValue DeadFrame::get(size_t i) const {
  return kinds_[i] == Kind::kRef ? AnyValue::of_ref(refs_[i]) : values_[i];
}

void DeadFrame::set(size_t i, AnyValue value) {
  if (kinds_[i] == Kind::kRef)
    refs_[i] = value.ref();
  else
    values_[i] = value;
}

void DeadFrame::set_exception(int64_t type, GcRef value) {
  exc_type_ = type;
  refs_[kinds_.size()] = value;
}

void jit_fatal(const std::string& message) {
  std::fflush(stdout);
  std::fprintf(stderr, "fatal JIT error: %s\n", message.c_str());
  std::abort();
}

}  // namespace rtoolchain::jit
