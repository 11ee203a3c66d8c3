// The three kinds of JIT values (docs/jit.md, "Seams"). Every low-level value the JIT handles is
// one of them: registers of jitcodes, trace operations' results, resume data and dead frames are
// all kept per kind, as RPython's are.
//
//   int    int64_t: every integer width, bool, char, enums, classrefs (type ids) and function
//          pointers (an index into the program's function table); narrower integers are kept
//          normalised (sign- or zero-extended by their type), as graph mode keeps them
//   ref    GcRef: a GC reference (an object, an array, a string) or null
//   float  double
//
// This header and the others of the seam (descr.h, heap.h, backend.h, jitcode.h) do not depend
// on the IR: the JIT run time is linked into translated VMs, which carry no IR.
#pragma once

#include <bit>
#include <cstdint>

namespace rtoolchain::jit {

enum class Kind : uint8_t { kInt, kRef, kFloat, kVoid };

inline constexpr int kNumValueKinds = 3;  // int, ref, float: the kinds a register can have

// 'i', 'r', 'f', 'v': the letters of RPython's argcodes, used in every printed form.
constexpr char kind_letter(Kind kind) {
  switch (kind) {
    case Kind::kInt: return 'i';
    case Kind::kRef: return 'r';
    case Kind::kFloat: return 'f';
    case Kind::kVoid: return 'v';
  }
  return '?';
}

// A GC reference, opaque to the JIT: the object's address in a translated VM, the graph-mode
// heap object's address in low-level graph mode (jit/llgraph). 0 is null. What the bits mean is
// the JitHeap's business (heap.h); the JIT only copies, compares and passes them.
enum class GcRef : uint64_t {};
inline constexpr GcRef kNullRef{};
inline uint64_t ref_bits(GcRef r) { return static_cast<uint64_t>(r); }
inline GcRef make_ref(uint64_t bits) { return static_cast<GcRef>(bits); }
inline GcRef make_ref(const void* p) { return make_ref(reinterpret_cast<uint64_t>(p)); }

// One value of any kind, for the places that must hold "some value" (constants tables, call
// results); the kind is always known from elsewhere (a descr, a register's kind).
union AnyValue {
  int64_t i;
  uint64_t r;  // GcRef bits
  double f;

  static AnyValue of_int(int64_t v) { AnyValue a; a.i = v; return a; }
  static AnyValue of_ref(GcRef v) { AnyValue a; a.r = ref_bits(v); return a; }
  static AnyValue of_float(double v) { AnyValue a; a.f = v; return a; }
  GcRef ref() const { return make_ref(r); }
};
static_assert(sizeof(AnyValue) == 8);

}  // namespace rtoolchain::jit
