// The externals of rt::os and the buffered standard output, on POSIX.
#include "rt/os.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "internal.h"
#include "rt/exceptions.h"

namespace rt {
namespace {

constexpr size_t kStdoutBufferSize = 1 << 16;
char stdout_buffer[kStdoutBufferSize];
size_t stdout_used = 0;

[[noreturn]] void raise_os_error(const char* what, Str path = Str()) {
  int err = errno;
  Str message = Str(what);
  if (!path.empty()) message = message + Str(" '") + path + Str("'");
  message = message + Str(": ") + Str(std::strerror(err));
  throw make<OSError>(message, err);
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
  flush_stdout();
  write_all(static_cast<int>(fd), data.c_str(), static_cast<size_t>(data.size()));
}

Str read(int64_t fd, int64_t max_bytes) {
  if (max_bytes < 0) raise<ValueError>("negative read size");
  if (fd == kStdin) flush_stdout();
  char chunk[65536];
  size_t want = static_cast<size_t>(max_bytes < 65536 ? max_bytes : 65536);
  for (;;) {
    ssize_t got = ::read(static_cast<int>(fd), chunk, want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) raise_os_error("read");
    return Str::from_bytes(std::string_view(chunk, static_cast<size_t>(got)));
  }
}

Str read_file(Str path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) raise_os_error("cannot open", path);
  StrBuilder builder(4096);
  char chunk[65536];
  for (;;) {
    ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      int err = errno;
      ::close(fd);
      errno = err;
      raise_os_error("cannot read", path);
    }
    if (got == 0) break;
    builder.append(Str::from_bytes(std::string_view(chunk, static_cast<size_t>(got))));
  }
  ::close(fd);
  return builder.build();
}

int64_t open(Str path, int64_t flags) {
  int mode = (flags & kRead) && (flags & kWrite) ? O_RDWR : (flags & kWrite) ? O_WRONLY : O_RDONLY;
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
  if (fd == kStdout) flush_stdout();
  if (::close(static_cast<int>(fd)) < 0) raise_os_error("close");
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
  const char* value = std::getenv(name.c_str());
  return value ? Str(value) : fallback;
}

bool has_env(Str name) { return std::getenv(name.c_str()) != nullptr; }

}  // namespace os
}  // namespace rt
