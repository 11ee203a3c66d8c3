#include "internal.h"
#include "rt/main.h"

void rt::init_host_runtime(void* stack_top) {
  rt::detail::init_stack_budget(stack_top);
  rt::gc::init();
}
