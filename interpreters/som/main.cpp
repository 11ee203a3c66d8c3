// The command line of the standard SOM VMs: `som [-cp PATH[:PATH...]] CLASS-OR-FILE [ARGS...]`.
// The VM loads the core classes, creates the `system` global and sends it initialize: with the
// arguments (the class name first); the core library's System does the rest.
#include "interp.h"

namespace som {

namespace {

constexpr int64_t kExitError = 1;
constexpr int64_t kExitUsage = 64;  // EX_USAGE

void usage() {
  rt::print_error("usage: som [-cp PATH[:PATH...]] CLASS-OR-FILE [ARGS...]\n");
}

void report(SomError* error) {
  rt::StrBuilder out;
  out.append(error->message);
  out.append("\n");
  if (error->frame != nullptr) out.append(backtrace(error->frame));
  rt::print_error(out.build());
}

int64_t run(rt::List<rt::Str>* argv) {
  rt::List<rt::Str>* classpath = rt::make<rt::List<rt::Str>>();
  rt::List<rt::Str>* arguments = rt::make<rt::List<rt::Str>>();
  int64_t i = 1;
  while (i < argv->size() && arguments->empty()) {
    rt::Str arg = argv->get(i);
    if (arg == "-cp" || arg == "--classpath") {
      if (i + 1 >= argv->size()) {
        usage();
        return kExitUsage;
      }
      for (auto dir : *argv->get(i + 1).split(":")) classpath->append(dir);
      i += 2;
    } else if (arg == "-h" || arg == "--help") {
      usage();
      return 0;
    } else {
      arguments->append(arg);
      i += 1;
    }
  }
  for (; i < argv->size(); ++i) arguments->append(argv->get(i));
  if (arguments->empty()) {
    usage();
    return kExitUsage;
  }
  // A path names a class file: its directory joins the classpath and its name is the class.
  rt::Str program = arguments->get(0);
  int64_t slash = program.rfind("/");
  if (program.ends_with(".som") || slash >= 0) {
    classpath->insert(0, slash >= 0 ? program.slice(0, slash) : rt::Str("."));
    rt::Str name = program.slice_from(slash + 1);
    if (name.ends_with(".som")) name = name.slice(0, name.size() - 4);
    arguments->set(0, name);
  }
  if (classpath->empty()) classpath->append(".");

  try {
    bootstrap(classpath);
    rt::Array<Value*>* items = rt::make<rt::Array<Value*>>(arguments->size(), nil());
    for (int64_t k = 0; k < arguments->size(); ++k) items->set(k, som_string(arguments->get(k)));
    Value* system = global(symbol("system"));
    send(nullptr, symbol("initialize:"), args2(system, rt::make<SArray>(items)));
  } catch (SomError* error) {
    report(error);
    return kExitError;
  }
  return 0;
}

}  // namespace

}  // namespace som

int64_t rt_main(rt::List<rt::Str>* argv) { return som::run(argv); }
