// The operation table, constants and the Trace container (trace.h).
#include "rtoolchain/jit/trace.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

#include "rtoolchain/jit/heap.h"

namespace rtoolchain::jit {
namespace {

constexpr Kind kind_i = Kind::kInt, kind_r = Kind::kRef, kind_f = Kind::kFloat, kind_v = Kind::kVoid;
constexpr TraceDescrKind descr_none = TraceDescrKind::kNone, descr_field = TraceDescrKind::kField,
                         descr_array = TraceDescrKind::kArray, descr_size = TraceDescrKind::kSize,
                         descr_call = TraceDescrKind::kCall, descr_target = TraceDescrKind::kTarget,
                         descr_fail = TraceDescrKind::kFail, descr_loop = TraceDescrKind::kLoop;

constexpr TraceOpInfo kTraceOpInfos[] = {
#define RT_TRACE_OP(name, args, result, descr, effects) \
  {#name, args, kind_##result, descr_##descr, static_cast<uint32_t>(effects)},
#include "rtoolchain/jit/trace_ops.def"
};
static_assert(std::size(kTraceOpInfos) == kNumTraceOpcodes);

std::atomic<uint32_t> fail_descr_counter{1};
std::atomic<uint32_t> target_token_counter{1};

}  // namespace

const TraceOpInfo& trace_op_info(TraceOpcode opcode) {
  return kTraceOpInfos[static_cast<size_t>(opcode)];
}

std::optional<TraceOpcode> trace_opcode_named(std::string_view name) {
  for (size_t i = 0; i < std::size(kTraceOpInfos); ++i)
    if (kTraceOpInfos[i].name == name) return static_cast<TraceOpcode>(i);
  return std::nullopt;
}

uint32_t FailDescr::next_number() { return fail_descr_counter.fetch_add(1); }
uint32_t TargetToken::next_number() { return target_token_counter.fetch_add(1); }

// ---- RootedRefs -------------------------------------------------------------------------------

RootedRefs::~RootedRefs() { release(slots_); }

GcRef* RootedRefs::allocate(size_t count) {
  if (heap_) return heap_->allocate_roots(count);
  return static_cast<GcRef*>(std::calloc(count, sizeof(GcRef)));
}

void RootedRefs::release(GcRef* slots) {
  if (!slots) return;
  if (heap_)
    heap_->free_roots(slots);
  else
    std::free(slots);
}

void RootedRefs::resize(size_t count) {
  if (count > capacity_) {
    size_t capacity = capacity_ ? capacity_ : 8;
    while (capacity < count) capacity *= 2;
    GcRef* slots = allocate(capacity);
    if (size_) std::memcpy(static_cast<void*>(slots), slots_, size_ * sizeof(GcRef));
    // The old block stays a root until its contents are copied into the new one.
    release(slots_);
    slots_ = slots;
    capacity_ = capacity;
  }
  for (size_t i = size_; i < count; ++i) slots_[i] = kNullRef;
  size_ = count;
}

size_t RootedRefs::push_back(GcRef ref) {
  resize(size_ + 1);
  slots_[size_ - 1] = ref;
  return size_ - 1;
}

// ---- ConstantPool -----------------------------------------------------------------------------

TraceValue ConstantPool::add(Kind kind, AnyValue value) {
  auto [it, inserted] = index_.try_emplace({static_cast<uint8_t>(kind), value.r},
                                           static_cast<uint32_t>(entries_.size()));
  if (!inserted) return TraceValue::constant(it->second);
  uint64_t bits = kind == Kind::kRef ? refs_.push_back(value.ref()) : value.r;
  entries_.push_back({kind, bits});
  return TraceValue::constant(it->second);
}

AnyValue ConstantPool::value(uint32_t index) const {
  const Entry& e = entries_[index];
  if (e.kind == Kind::kRef) return AnyValue::of_ref(refs_[e.bits]);
  AnyValue v;
  v.r = e.bits;
  return v;
}

// ---- Trace --------------------------------------------------------------------------------------

TraceValue Trace::add_input(Kind kind) {
  inputs.push_back(kind);
  return TraceValue::input(static_cast<uint32_t>(inputs.size() - 1));
}

TraceValue Trace::record(TraceOp op) {
  ops.push_back(std::move(op));
  return TraceValue::op(static_cast<uint32_t>(ops.size() - 1));
}

FailDescr* Trace::new_fail_descr(FailDescr::Type type, uint32_t number) {
  auto descr = std::make_shared<FailDescr>();
  descr->type = type;
  descr->number = number;
  fail_descrs.push_back(descr);
  return descr.get();
}

TargetToken* Trace::new_target_token(uint32_t number) {
  auto token = std::make_shared<TargetToken>();
  token->number = number;
  target_tokens.push_back(token);
  return token.get();
}

Kind Trace::kind_of(TraceValue value) const {
  switch (value.tag()) {
    case TraceValue::Tag::kInput: return inputs[value.index()];
    case TraceValue::Tag::kOp: return result_kind(ops[value.index()]);
    case TraceValue::Tag::kConst: return constants.kind(value.index());
  }
  return Kind::kVoid;
}

}  // namespace rtoolchain::jit
