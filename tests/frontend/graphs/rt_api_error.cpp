// A call into an unmarked rt declaration is a located error [L1 rt-api]; so is an unimplemented
// hint.
#include "rt/rt.h"

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::Str name = argv->get(0);
  rt::jit::virtual_ref(argv);
  return static_cast<int64_t>(name.view().size());
}

// ERROR: rt_api_error.cpp:7:3: error: [H13 hint-arguments] the hint rt::jit::virtual_ref is not implemented yet
// ERROR: rt_api_error.cpp:8:31: error: [L1 rt-api] 'rt::Str::view' is not part of the rt API
