// The host-mode heap: Boehm GC, or malloc without collection in sanitizer builds (so that ASan
// sees every GC object as a heap block with redzones; docs/rlib.md, "Sanitizer builds").
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "rt/exceptions.h"
#include "rt/object.h"

#if !defined(RT_MALLOC_HEAP)
#include <gc.h>
#endif

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RT_HAS_LSAN 1
#include <sanitizer/lsan_interface.h>
#endif
#endif

namespace rt::gc {
namespace {

// The largest request passed on to the allocator. Bigger ones cannot succeed on any machine we
// run on; refusing them here makes them a MemoryError in both heaps (ASan would abort the
// process on a request beyond its own limit of 2^40 bytes instead of returning null).
constexpr std::size_t kMaxRequest = std::size_t{1} << 40;

MemoryError* preallocated_memory_error() {
  // Made once, at start-up, so that an exhausted heap can still be reported. It lives outside
  // the collected heap, but its message is a GC string: Boehm must scan the object (an
  // uncollectable block is a root), or the message would be reclaimed and its memory reused.
  static MemoryError* error = [] {
#if defined(RT_MALLOC_HEAP)
    void* mem = std::calloc(1, sizeof(MemoryError));
#else
    void* mem = GC_MALLOC_UNCOLLECTABLE(sizeof(MemoryError));
#endif
    if (!mem) std::abort();  // start-up itself is out of memory
    return ::new (mem) MemoryError("out of memory");
  }();
  return error;
}

#if defined(RT_MALLOC_HEAP)
void* checked(void* mem) {
  if (!mem) throw preallocated_memory_error();
#if defined(RT_HAS_LSAN)
  // Never freed by design (there is no collection): not a leak for LeakSanitizer.
  __lsan_ignore_object(mem);
#endif
  return mem;
}
#endif

}  // namespace

void init() {
#if !defined(RT_MALLOC_HEAP)
  GC_INIT();
#endif
  preallocated_memory_error();
}

void* alloc(std::size_t size) {
  if (size > kMaxRequest) throw preallocated_memory_error();
#if defined(RT_MALLOC_HEAP)
  return checked(std::calloc(1, size ? size : 1));
#else
  void* mem = GC_MALLOC(size);
  if (!mem) throw preallocated_memory_error();
  return mem;
#endif
}

void* alloc_atomic(std::size_t size) {
  if (size > kMaxRequest) throw preallocated_memory_error();
#if defined(RT_MALLOC_HEAP)
  return checked(std::malloc(size ? size : 1));
#else
  void* mem = GC_MALLOC_ATOMIC(size);
  if (!mem) throw preallocated_memory_error();
  return mem;
#endif
}

void* alloc_roots(std::size_t size) {
  if (size > kMaxRequest) throw preallocated_memory_error();
#if defined(RT_MALLOC_HEAP)
  void* mem = std::calloc(1, size ? size : 1);
  if (!mem) throw preallocated_memory_error();
  return mem;
#else
  void* mem = GC_MALLOC_UNCOLLECTABLE(size ? size : 1);
  if (!mem) throw preallocated_memory_error();
  std::memset(mem, 0, size);  // the documented contract, whatever Boehm's configuration
  return mem;
#endif
}

void free_roots(void* roots) {
#if defined(RT_MALLOC_HEAP)
  std::free(roots);
#else
  GC_FREE(roots);
#endif
}

void collect() {
#if !defined(RT_MALLOC_HEAP)
  GC_gcollect();
#endif
}

std::size_t heap_size() {
#if defined(RT_MALLOC_HEAP)
  return 0;
#else
  return GC_get_heap_size();
#endif
}

int64_t identity_hash(const Object* object) {
  // The same value rt::DefaultKeyTraits<P*> hashes: the low 4 bits of an address are zero.
  return static_cast<int64_t>(reinterpret_cast<uintptr_t>(object) >> 4);
}

bool is_malloc_build() {
#if defined(RT_MALLOC_HEAP)
  return true;
#else
  return false;
#endif
}

}  // namespace rt::gc

namespace rt::detail {
void throw_memory_error() { throw gc::preallocated_memory_error(); }
}  // namespace rt::detail
