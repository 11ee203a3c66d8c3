// JitHeap's optional members: heaps of programs without globals need not implement them.
#include <cstdio>
#include <cstdlib>

#include "rtoolchain/jit/heap.h"

namespace rtoolchain::jit {

namespace {
[[noreturn]] void no_globals(const GlobalDescr& global) {
  std::fprintf(stderr, "toolchain bug: this JitHeap has no globals (reading %s)\n", global.name.c_str());
  std::abort();
}
}  // namespace

int64_t JitHeap::get_int_global(const GlobalDescr& g) { no_globals(g); }
GcRef JitHeap::get_ref_global(const GlobalDescr& g) { no_globals(g); }
double JitHeap::get_float_global(const GlobalDescr& g) { no_globals(g); }
void JitHeap::set_int_global(const GlobalDescr& g, int64_t) { no_globals(g); }
void JitHeap::set_ref_global(const GlobalDescr& g, GcRef) { no_globals(g); }
void JitHeap::set_float_global(const GlobalDescr& g, double) { no_globals(g); }

}  // namespace rtoolchain::jit
