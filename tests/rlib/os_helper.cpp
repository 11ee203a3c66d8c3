// A host-mode RC++ program (rlib's main()) that os_test.cpp and stack_test.cpp run as a child
// process, to observe what only a whole program shows: stdout buffering and flush points, the
// exit status of an uncaught exception, rt::os::exit, and RecursionError from the stack budget.
//
// usage: rlib_os_helper MODE [ARGS...]
// Raw ::write calls (not RC++, test scaffolding only) show what is still in the stdout buffer.
#include <unistd.h>

#include <cstring>

#include "rt/rt.h"

namespace {

void raw(const char* text) {
  ssize_t ignored = ::write(1, text, std::strlen(text));
  (void)ignored;
}

int64_t recurse(int64_t depth) {
  volatile char pad[200];
  pad[0] = static_cast<char>(depth);
  if (depth < 0) return 0;  // never: keeps -Winfinite-recursion quiet
  return recurse(depth + 1) + pad[0];
}

int64_t depth_reached = 0;
int64_t recurse_counting(int64_t depth) {
  volatile char pad[200];
  pad[0] = static_cast<char>(depth);
  if (depth < 0) return 0;  // never: keeps -Winfinite-recursion quiet
  depth_reached = depth;
  return recurse_counting(depth + 1) + pad[0];
}

}  // namespace

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::Str mode = argv->size() > 1 ? argv->get(1) : rt::Str("");
  if (mode == "status") return argv->get(2).to_int();
  if (mode == "argv") {
    for (rt::Str arg : *argv->slice(1, argv->size())) rt::print_line(arg);
    return 0;
  }
  if (mode == "buffered") {
    // print buffers, a raw write goes straight out, flush_stdout() empties the buffer.
    rt::print("a");
    raw("[raw1]");
    rt::flush_stdout();
    raw("[raw2]");
    rt::print_line("b");
    return 0;  // main() flushes "b\n" after rt_main returns
  }
  if (mode == "order") {
    // Every other output path flushes stdout first, so the text appears in program order.
    rt::print("1");
    rt::os::write(rt::os::kStdout, "2");
    rt::print("3");
    rt::print_error("4");
    rt::print("5");
    rt::os::write(rt::os::kStderr, "6");
    rt::print("7");
    int64_t fd = rt::os::open(argv->get(2), rt::os::kWrite | rt::os::kCreate | rt::os::kTruncate);
    rt::os::write(fd, "file");
    rt::os::close(fd);
    raw("8");
    rt::print_line("9");
    return 0;
  }
  if (mode == "prompt") {
    rt::print("prompt> ");
    rt::Str line = rt::os::read(rt::os::kStdin, 100);
    raw("[");
    raw(line.c_str());
    raw("]");
    rt::print_line("done");
    return 0;
  }
  if (mode == "big") {
    // 300000 bytes through print in pieces of varied sizes, one larger than the buffer.
    rt::print(rt::Str("a").repeat(1000));
    rt::print(rt::Str("b").repeat(70000));
    for (int i = 0; i < 200; ++i) rt::print(rt::Str("c").repeat(999));
    rt::print(rt::Str("d").repeat(29200));
    return 0;
  }
  if (mode == "exit") {
    rt::print("before exit");
    rt::os::exit(argv->get(2).to_int());
  }
  if (mode == "uncaught") {
    rt::print("partial output");
    rt::raise<rt::ValueError>("boom");
  }
  if (mode == "close-stdout") {
    rt::print("lost?");
    rt::os::close(rt::os::kStdout);  // flushes first
    rt::print_error("closed\n");
    return 0;
  }
  if (mode == "recursion") {
    int64_t caught = 0;
    for (int round = 0; round < 3; ++round) {
      try {
        recurse_counting(0);
      } catch (rt::RecursionError* e) {
        if (e->message == "maximum recursion depth exceeded") ++caught;
      }
    }
    rt::print_line(rt::Str("caught ") + rt::Str::from_int(caught));
    rt::print_line(rt::Str("depth ") + rt::Str::from_int(depth_reached));
    rt::print_line(rt::Str("budget ") + rt::Str::from_int(rt::stack_budget()));
    return 0;
  }
  if (mode == "recursion-uncaught") {
    rt::print("deep ");
    return recurse(0);
  }
  rt::print_error(rt::Str("unknown mode '") + mode + "'\n");
  return 2;
}
