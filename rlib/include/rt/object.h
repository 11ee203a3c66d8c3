// rt::Object and rt::make: the GC-managed heap of RC++ programs.
//
// Every GC-managed class derives from rt::Object (single inheritance) and is allocated with
// rt::make<T>(args...). Objects are never deleted: the collector (Boehm, conservative and
// non-moving in host mode) reclaims what is unreachable. No destructor ever runs, so RC++
// classes must not declare one (docs/rcpp.md, rule C4).
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>

#include "rt/library_ops.h"

// Brackets the inline code of the rt library so that the host-mode stack check (rule R1) never
// fires inside it: an rt operation either happens whole or not at all, so a RecursionError can
// never leave a container half updated.
#if defined(__clang__)
#define RT_LIBRARY_CODE_BEGIN \
  _Pragma("clang attribute push (__attribute__((no_instrument_function)), apply_to = function)")
#define RT_LIBRARY_CODE_END _Pragma("clang attribute pop")
#else
#define RT_LIBRARY_CODE_BEGIN
#define RT_LIBRARY_CODE_END
#endif

namespace rt {

namespace gc {
// Allocates `size` zeroed bytes that the collector scans for pointers.
// Throws rt::MemoryError when the heap is exhausted or `size` exceeds 2^40 bytes.
void* alloc(std::size_t size);
// Allocates `size` bytes the collector does not scan (no GC pointers may be stored there).
// The memory is not zeroed. Fails as alloc() does.
void* alloc_atomic(std::size_t size);
// Runs a full collection (used by tests and by languages exposing a "gc" primitive).
RT_OP(gc_collect) void collect();
// Bytes currently in the GC heap (an approximation that Boehm maintains).
RT_OP(gc_heap_size) std::size_t heap_size();
// True when this build allocates with malloc and never collects (sanitizer builds).
bool is_malloc_build();
// Allocates `size` zeroed bytes outside the collected heap that the collector scans for
// pointers: roots held by runtime code that is not itself a GC object (the JIT's constants,
// dead frames and registers). Never reclaimed by the collector; released with free_roots.
void* alloc_roots(std::size_t size);
void free_roots(void* roots);
}  // namespace gc

class Object;
namespace gc {
// A hash of the object's identity, stable for the object's lifetime; 0 for null. Host mode
// derives it from the address (Boehm never moves objects), graph mode from the allocation
// counter, so its value differs between modes and must not reach observable output (like
// heap_size). It is what identity-keyed dicts of the low-level helpers hash (rlib/ll).
RT_OP(gc_identityhash) int64_t identity_hash(const Object* object);
}  // namespace gc

// Root of every GC-managed class. It has a vtable so that dynamic_cast and isinstance-style
// checks work on any RC++ object.
class Object {
 public:
  Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;

 protected:
  // Protected and never called: objects are reclaimed by the collector, not destroyed.
  virtual ~Object() = default;
};

// Allocates a T on the GC heap and constructs it.
template <class T, class... Args>
RT_OP(make) T* make(Args&&... args) {
  static_assert(std::is_base_of_v<Object, T>, "rt::make<T>: T must derive from rt::Object");
  void* mem = gc::alloc(sizeof(T));
  return ::new (mem) T(std::forward<Args>(args)...);
}

namespace detail {
// Throws the preallocated rt::MemoryError ("out of memory").
[[noreturn]] void throw_memory_error();
}  // namespace detail

// Item storage of the rt containers. Arithmetic items go to memory the collector does not scan,
// so a large List<double> is never mistaken for a pile of pointers. A count whose byte size does
// not fit in size_t raises MemoryError.
template <class T>
T* alloc_items(std::size_t count) {
  if (count == 0) return nullptr;
  if (count > SIZE_MAX / sizeof(T)) detail::throw_memory_error();
  constexpr bool pointer_free = std::is_arithmetic_v<T> || std::is_enum_v<T>;
  void* mem = pointer_free ? gc::alloc_atomic(sizeof(T) * count) : gc::alloc(sizeof(T) * count);
  return static_cast<T*>(mem);
}

}  // namespace rt
