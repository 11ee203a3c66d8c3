// The host-mode heap: Boehm GC, or malloc without collection in sanitizer builds (so that ASan
// sees every GC object as a heap block with redzones; docs/build.md).
#include <cstdlib>

#include "rt/exceptions.h"
#include "rt/object.h"

#if !defined(RT_MALLOC_HEAP)
#include <gc.h>
#endif

namespace rt::gc {
namespace {
MemoryError* preallocated_memory_error() {
  // Allocated at first use from the C heap: when the GC heap is exhausted we can still throw.
  static MemoryError* error = ::new (std::calloc(1, sizeof(MemoryError))) MemoryError("out of memory");
  return error;
}
}  // namespace

void init() {
#if !defined(RT_MALLOC_HEAP)
  GC_INIT();
#endif
  preallocated_memory_error();
}

void* alloc(std::size_t size) {
#if defined(RT_MALLOC_HEAP)
  void* mem = std::calloc(1, size ? size : 1);
#else
  void* mem = GC_MALLOC(size);
#endif
  if (!mem) throw preallocated_memory_error();
  return mem;
}

void* alloc_atomic(std::size_t size) {
#if defined(RT_MALLOC_HEAP)
  void* mem = std::malloc(size ? size : 1);
#else
  void* mem = GC_MALLOC_ATOMIC(size);
#endif
  if (!mem) throw preallocated_memory_error();
  return mem;
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

bool is_malloc_build() {
#if defined(RT_MALLOC_HEAP)
  return true;
#else
  return false;
#endif
}

}  // namespace rt::gc
