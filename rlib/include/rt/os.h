// rt::os: the only door from an RC++ program to the outside world. Everything an interpreter
// does outside its own heap goes through these functions, which makes them the sandboxing
// boundary and the list of externals the translator must link. Failures raise rt::OSError.
#pragma once

#include <cstdint>

#include "rt/library_ops.h"
#include "rt/str.h"

namespace rt::os {

// Open flags for open(); combine with |.
enum OpenFlags : int64_t {
  kRead = 1,
  kWrite = 2,
  kCreate = 4,
  kTruncate = 8,
  kAppend = 16,
};

inline constexpr int64_t kStdin = 0;
inline constexpr int64_t kStdout = 1;
inline constexpr int64_t kStderr = 2;

// Writes all of `data` to `fd` (retrying short writes). Writing to stdout this way first flushes
// the buffered stdout (rt::print), so the two never interleave out of order.
RT_OP(os_write) void write(int64_t fd, Str data);
// Reads at most `max_bytes` bytes; an empty result means end of file. Flushes stdout first when
// reading stdin, so prompts appear.
RT_OP(os_read) Str read(int64_t fd, int64_t max_bytes);
// Reads a whole file; raises rt::OSError if it cannot be opened or read.
RT_OP(os_read_file) Str read_file(Str path);
// Opens `path` with OpenFlags; new files get mode 0644. Returns the descriptor.
RT_OP(os_open) int64_t open(Str path, int64_t flags);
RT_OP(os_close) void close(int64_t fd);
// Seconds since the Unix epoch (wall clock) and seconds on a monotonic clock.
RT_OP(os_time) double time();
RT_OP(os_monotonic) double monotonic();
// Flushes stdout, then ends the process with `status`.
RT_OP(os_exit) [[noreturn]] void exit(int64_t status);
// The environment variable `name`, or `fallback` when it is not set.
RT_OP(os_getenv) Str getenv(Str name, Str fallback = Str());
RT_OP(os_has_env) bool has_env(Str name);

}  // namespace rt::os

namespace rt {
// Buffered standard output. The buffer is flushed when it fills, by flush_stdout(), before
// anything is written to another descriptor or read from stdin, by rt::os::exit, and when
// rt_main returns or an uncaught exception ends the program.
RT_OP(print) void print(Str text);
RT_OP(print_line) void print_line(Str text);  // text and "\n"
RT_OP(flush_stdout) void flush_stdout();
// Unbuffered standard error (flushes stdout first).
RT_OP(print_error) void print_error(Str text);
}  // namespace rt
