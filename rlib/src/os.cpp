// The externals of rt::os and the buffered standard output, on POSIX.
#include "rt/os.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "internal.h"
#include "rt/exceptions.h"

namespace rt {
namespace {

constexpr size_t kStdoutBufferSize = 1 << 16;
constexpr int64_t kChunkSize = 1 << 16;  // most bytes one read() returns
char stdout_buffer[kStdoutBufferSize];
size_t stdout_used = 0;

[[noreturn]] void raise_os_error(const char* what, Str path = Str()) {
  int err = errno;
  Str message = Str(what);
  if (!path.empty()) message = message + Str(" '") + path + Str("'");
  message = message + Str(": ") + Str(std::strerror(err));
  throw make<OSError>(message, err);
}

// A descriptor must be a C int: 2^32 + 1 is a bad descriptor, never descriptor 1.
int checked_fd(int64_t fd, const char* what) {
  if (fd < 0 || fd > INT_MAX) {
    errno = EBADF;
    raise_os_error(what);
  }
  return static_cast<int>(fd);
}

// The C functions would stop at a NUL byte and silently use another file or variable.
bool has_nul(Str text) {
  return std::memchr(text.c_str(), 0, static_cast<size_t>(text.size())) != nullptr;
}

void check_path(Str path, const char* what) {
  if (has_nul(path)) throw make<OSError>(Str(what) + Str(": path contains a NUL byte"), EINVAL);
}

void write_all(int fd, const char* bytes, size_t size) {
  while (size > 0) {
    ssize_t written = ::write(fd, bytes, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      raise_os_error("write");
    }
    bytes += written;
    size -= static_cast<size_t>(written);
  }
}

}  // namespace

void flush_stdout() {
  size_t used = stdout_used;
  stdout_used = 0;  // even if the write fails, do not retry the same bytes forever
  if (used) write_all(1, stdout_buffer, used);
}

void detail::flush_stdout_unsafe() {
  size_t used = stdout_used;
  stdout_used = 0;
  for (size_t done = 0; done < used;) {
    ssize_t written = ::write(1, stdout_buffer + done, used - done);
    if (written <= 0) return;
    done += static_cast<size_t>(written);
  }
}

void print(Str text) {
  size_t size = static_cast<size_t>(text.size());
  if (stdout_used + size > kStdoutBufferSize) flush_stdout();
  if (size >= kStdoutBufferSize) {
    write_all(1, text.c_str(), size);
    return;
  }
  std::memcpy(stdout_buffer + stdout_used, text.c_str(), size);
  stdout_used += size;
}

void print_line(Str text) {
  print(text);
  print("\n");
}

void print_error(Str text) {
  flush_stdout();
  write_all(2, text.c_str(), static_cast<size_t>(text.size()));
}

namespace os {

void write(int64_t fd, Str data) {
  int c_fd = checked_fd(fd, "write");
  flush_stdout();
  write_all(c_fd, data.c_str(), static_cast<size_t>(data.size()));
}

Str read(int64_t fd, int64_t max_bytes) {
  if (max_bytes < 0) raise<ValueError>("negative read size");
  int c_fd = checked_fd(fd, "read");
  if (fd == kStdin) flush_stdout();
  // Buffers live in the heap: runtime functions may run in the stack reserve below the
  // recursion limit (stack_check.cpp), which is small.
  size_t want = static_cast<size_t>(max_bytes < kChunkSize ? max_bytes : kChunkSize);
  char* chunk = static_cast<char*>(gc::alloc_atomic(want));
  for (;;) {
    ssize_t got = ::read(c_fd, chunk, want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) raise_os_error("read");
    return Str::from_bytes(std::string_view(chunk, static_cast<size_t>(got)));
  }
}

Str read_file(Str path) {
  check_path(path, "cannot open");
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) raise_os_error("cannot open", path);
  // Closes the descriptor on every way out, a MemoryError from the builder included.
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  StrBuilder builder(4096);
  char* chunk = static_cast<char*>(gc::alloc_atomic(kChunkSize));
  for (;;) {
    ssize_t got = ::read(fd, chunk, kChunkSize);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) raise_os_error("cannot read", path);  // errno is read before the close
    if (got == 0) break;
    builder.append(Str::from_bytes(std::string_view(chunk, static_cast<size_t>(got))));
  }
  return builder.build();
}

int64_t open(Str path, int64_t flags) {
  constexpr int64_t kAllFlags = kRead | kWrite | kCreate | kTruncate | kAppend;
  if ((flags & ~kAllFlags) != 0) raise<ValueError>("unknown open flags");
  check_path(path, "cannot open");
  // Appending and truncating are writes: they imply write access.
  bool writes = (flags & (kWrite | kTruncate | kAppend)) != 0;
  int mode = (flags & kRead) && writes ? O_RDWR : writes ? O_WRONLY : O_RDONLY;
  if (flags & kCreate) mode |= O_CREAT;
  if (flags & kTruncate) mode |= O_TRUNC;
  if (flags & kAppend) mode |= O_APPEND;
  int fd;
  do {
    fd = ::open(path.c_str(), mode | O_CLOEXEC, 0644);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) raise_os_error("cannot open", path);
  return fd;
}

void close(int64_t fd) {
  int c_fd = checked_fd(fd, "close");
  if (fd == kStdout) flush_stdout();
  // Linux releases the descriptor even when close() reports EINTR: never retry it.
  if (::close(c_fd) < 0 && errno != EINTR) raise_os_error("close");
}

double time() {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double monotonic() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void exit(int64_t status) {
  flush_stdout();
  std::_Exit(static_cast<int>(status));
}

Str getenv(Str name, Str fallback) {
  const char* value = has_nul(name) ? nullptr : std::getenv(name.c_str());
  return value ? Str(value) : fallback;
}

bool has_env(Str name) { return !has_nul(name) && std::getenv(name.c_str()) != nullptr; }

}  // namespace os
}  // namespace rt
