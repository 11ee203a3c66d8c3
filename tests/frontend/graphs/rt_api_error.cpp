// A call into an unmarked rt declaration is a located error [L1 rt-api]; so is a hint the graph
// builder does not implement yet (virtual_ref, elidable_promote, look_inside_iff, oopspec).
#include "rt/rt.h"

RT_JIT_ELIDABLE_PROMOTE("0") int64_t scaled(int64_t a) { return a * 2; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::Str name = argv->get(0);
  rt::jit::virtual_ref(argv);
  return static_cast<int64_t>(name.view().size()) + scaled(1);
}

// ERROR: rt_api_error.cpp:5:38: error: [H5 hint-conflict] the hint RT_JIT_ELIDABLE_PROMOTE is not implemented by the graph builder yet
// ERROR: rt_api_error.cpp:9:3: error: [H13 hint-arguments] the hint rt::jit::virtual_ref is not implemented by the graph builder yet
// ERROR: rt_api_error.cpp:10:31: error: [L1 rt-api] 'rt::Str::view' is not part of the rt API
