// The raw-memory JitHeap (rawheap.h).
#include "rtoolchain/jit/rawheap.h"

#include <cstring>

#include "rt/object.h"
#include "rtoolchain/jit/backend.h"

namespace rtoolchain::jit {
namespace {

char* address(GcRef object) { return reinterpret_cast<char*>(ref_bits(object)); }

int64_t load_int(const char* p, MemType type) {
  switch (type.size) {
    case 1: return type.is_signed ? int64_t{*reinterpret_cast<const int8_t*>(p)} : int64_t{*reinterpret_cast<const uint8_t*>(p)};
    case 2: {
      if (type.is_signed) { int16_t v; std::memcpy(&v, p, 2); return v; }
      uint16_t v; std::memcpy(&v, p, 2); return v;
    }
    case 4: {
      if (type.is_signed) { int32_t v; std::memcpy(&v, p, 4); return v; }
      uint32_t v; std::memcpy(&v, p, 4); return v;
    }
    default: { int64_t v; std::memcpy(&v, p, 8); return v; }
  }
}

void store_int(char* p, MemType type, int64_t v) {
  switch (type.size) {
    case 1: { uint8_t n = static_cast<uint8_t>(v); std::memcpy(p, &n, 1); return; }
    case 2: { uint16_t n = static_cast<uint16_t>(v); std::memcpy(p, &n, 2); return; }
    case 4: { uint32_t n = static_cast<uint32_t>(v); std::memcpy(p, &n, 4); return; }
    default: std::memcpy(p, &v, 8); return;
  }
}

double load_float(const char* p, MemType type) {
  if (type.size == 4) { float f; std::memcpy(&f, p, 4); return f; }
  double d; std::memcpy(&d, p, 8); return d;
}

void store_float(char* p, MemType type, double v) {
  if (type.size == 4) { float f = static_cast<float>(v); std::memcpy(p, &f, 4); return; }
  std::memcpy(p, &v, 8);
}

GcRef load_ref(const char* p) { uint64_t bits; std::memcpy(&bits, p, 8); return make_ref(bits); }
void store_ref(char* p, GcRef r) { uint64_t bits = ref_bits(r); std::memcpy(p, &bits, 8); }

char* item(GcRef array, const ArrayDescr& descr, int64_t index) {
  return address(array) + kArrayItemsOffset + index * descr.item.size;
}

std::string memtype_code(MemType t) {
  if (t.kind != Kind::kInt) return std::string(1, kind_letter(t.kind));
  return "i" + std::to_string(t.size) + (t.is_signed ? "s" : "u");
}

}  // namespace

std::string call_signature(const CallDescr& descr) {
  std::string s;
  for (size_t i = 0; i < descr.arg_kinds.size(); ++i) {
    if (i) s += ",";
    s += i < descr.arg_types.size() ? memtype_code(descr.arg_types[i]) : memtype_code({descr.arg_kinds[i]});
  }
  return s + "->" + (descr.result.kind == Kind::kVoid ? std::string("v") : memtype_code(descr.result));
}

RawJitHeap::RawJitHeap(const DescrTable& descrs, const CallThunkRegistry& thunks, PendingException pending)
    : JitHeap(descrs), thunks_(thunks), pending_(pending),
      thunk_of_calldescr_(descrs.calls.size(), nullptr) {}

int64_t RawJitHeap::get_int_field(GcRef o, const FieldDescr& f) { return load_int(address(o) + f.offset, f.type); }
GcRef RawJitHeap::get_ref_field(GcRef o, const FieldDescr& f) { return load_ref(address(o) + f.offset); }
double RawJitHeap::get_float_field(GcRef o, const FieldDescr& f) { return load_float(address(o) + f.offset, f.type); }
void RawJitHeap::set_int_field(GcRef o, const FieldDescr& f, int64_t v) { store_int(address(o) + f.offset, f.type, v); }
void RawJitHeap::set_ref_field(GcRef o, const FieldDescr& f, GcRef v) { store_ref(address(o) + f.offset, v); }
void RawJitHeap::set_float_field(GcRef o, const FieldDescr& f, double v) { store_float(address(o) + f.offset, f.type, v); }

int64_t RawJitHeap::array_length(GcRef a, const ArrayDescr&) {
  int64_t n;
  std::memcpy(&n, address(a) + kArrayLengthOffset, 8);
  return n;
}
int64_t RawJitHeap::get_int_item(GcRef a, const ArrayDescr& d, int64_t i) { return load_int(item(a, d, i), d.item); }
GcRef RawJitHeap::get_ref_item(GcRef a, const ArrayDescr& d, int64_t i) { return load_ref(item(a, d, i)); }
double RawJitHeap::get_float_item(GcRef a, const ArrayDescr& d, int64_t i) { return load_float(item(a, d, i), d.item); }
void RawJitHeap::set_int_item(GcRef a, const ArrayDescr& d, int64_t i, int64_t v) { store_int(item(a, d, i), d.item, v); }
void RawJitHeap::set_ref_item(GcRef a, const ArrayDescr& d, int64_t i, GcRef v) { store_ref(item(a, d, i), v); }
void RawJitHeap::set_float_item(GcRef a, const ArrayDescr& d, int64_t i, double v) { store_float(item(a, d, i), d.item, v); }

GcRef RawJitHeap::new_object(const SizeDescr& size) {
  char* p = static_cast<char*>(rt::gc::alloc(size.size));  // zeroed
  uint64_t header = size.type_id;
  std::memcpy(p, &header, 8);
  return make_ref(p);
}

GcRef RawJitHeap::new_array(const ArrayDescr& descr, int64_t length) {
  if (length < 0) jit_fatal("new_array with a negative length");
  char* p = static_cast<char*>(rt::gc::alloc(kArrayItemsOffset + static_cast<size_t>(length) * descr.item.size));
  uint64_t header = descr.type_id;
  std::memcpy(p, &header, 8);
  std::memcpy(p + kArrayLengthOffset, &length, 8);
  return make_ref(p);
}

uint32_t RawJitHeap::type_id_of(GcRef object) {
  uint64_t header;
  std::memcpy(&header, address(object), 8);
  return static_cast<uint32_t>(header);
}

int64_t RawJitHeap::identity_hash(GcRef object) {
  // rt::gc::identity_hash's value: the address without its four always-zero low bits.
  return static_cast<int64_t>(ref_bits(object) >> 4);
}

CallResult RawJitHeap::call(const CallDescr& descr, int64_t function, const CallArgs& args) {
  const DescrTable& table = descrs();
  if (function < 0 || static_cast<size_t>(function) >= table.functions.size())
    jit_fatal("call of function index " + std::to_string(function) + ", outside the function table");
  void* target = table.functions[function].address;
  if (!target) jit_fatal("call of '" + table.functions[function].name + "', which has no address");
  CallThunk& thunk = thunk_of_calldescr_[descr.index];
  if (!thunk) {
    thunk = thunks_.find(call_signature(descr));
    if (!thunk) jit_fatal("no call thunk for signature " + call_signature(descr) + " (" + descr.name + ")");
  }
  CallResult result;
  thunk(target, args, &result.value);
  if (pending_.value && *pending_.value) {
    // The JIT takes the exception over: it is pending in the trace (guard_no_exception /
    // guard_exception) until the run time hands it back to the interpreter.
    result.raised = true;
    result.exc_type = pending_.type ? *pending_.type : 0;
    result.exc_value = make_ref(*pending_.value);
    *pending_.value = nullptr;
    if (pending_.type) *pending_.type = 0;
  }
  return result;
}

GcRef* RawJitHeap::allocate_roots(size_t count) {
  return static_cast<GcRef*>(rt::gc::alloc_roots(count * sizeof(GcRef)));
}

void RawJitHeap::free_roots(GcRef* roots) { rt::gc::free_roots(roots); }

}  // namespace rtoolchain::jit
