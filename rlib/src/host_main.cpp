// main() for host mode: sets up the collector and the stack budget, then runs rt_main.
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>

#include "internal.h"
#include "rt/main.h"
#include "rt/os.h"

namespace {

// argv as an RC++ list; the strings are copied into the GC heap.
rt::List<rt::Str>* make_argv(int argc, char** argv) {
  auto* list = rt::make<rt::List<rt::Str>>();
  for (int i = 0; i < argc; ++i) list->append(rt::Str(argv[i]));
  return list;
}

}  // namespace

int main(int argc, char** argv) {
  rt::init_host_runtime(__builtin_frame_address(0));
  rt::detail::install_fatal_handlers(argc > 0 ? argv[0] : nullptr);
  // Messages name the program as its file name, not the path it was started with.
  rt::Str program = argc > 0 ? rt::Str(argv[0]) : rt::Str("rt");
  program = program.slice_from(program.rfind("/") + 1);
  try {
    int64_t status = rt_main(make_argv(argc, argv));
    rt::flush_stdout();
    return static_cast<int>(status);
  } catch (rt::Exception* error) {
    rt::flush_stdout();
    rt::print_error(program + ": uncaught rt::" + error->type_name() + ": " + error->message + "\n");
    return 70;
  }
}
