// Declarations shared by the host-mode runtime's own files; not part of the RC++ API.
#pragma once

namespace rt::gc {
void init();
}
namespace rt::detail {
void init_stack_budget(void* stack_top);
}
