// rt::os and the buffered stdout: files under /tmp, errors with errno, clocks, environment, and
// (through a child process) buffering, flush points and the exit status of host-mode programs.
#include "test_util.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "helper_process.h"
#include "rt/rt.h"

using test_util::read_text;
using test_util::TempDir;
using test_util::write_text;

namespace {

rt::Str path_in(const TempDir& dir, const char* name) { return rt::Str(dir.file(name).c_str()); }

int caught_errno(void (*fn)(const TempDir&), const TempDir& dir) {
  try {
    fn(dir);
  } catch (rt::OSError* e) {
    return e->errno_value;
  }
  return 0;
}

}  // namespace

TEST_CASE("os: write a file, read it back whole and in pieces", "[os]") {
  TempDir dir;
  REQUIRE(!dir.path().empty());
  rt::Str path = path_in(dir, "data.txt");
  int64_t fd = rt::os::open(path, rt::os::kWrite | rt::os::kCreate | rt::os::kTruncate);
  CHECK(fd > 2);
  rt::os::write(fd, "hello\n");
  rt::os::write(fd, rt::Str::from_bytes(std::string_view("\0bin\xff", 5)));
  rt::os::write(fd, "");
  rt::os::close(fd);
  CHECK(read_text(dir.file("data.txt")) == std::string("hello\n\0bin\xff", 11));
  rt::Str all = rt::os::read_file(path);
  CHECK(all.size() == 11);
  CHECK(all == rt::Str::from_bytes(std::string_view("hello\n\0bin\xff", 11)));

  struct stat info;
  REQUIRE(::stat(dir.file("data.txt").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == (0644 & ~[] {
          mode_t m = ::umask(0);
          ::umask(m);
          return m;
        }()));

  fd = rt::os::open(path, rt::os::kRead);
  CHECK(rt::os::read(fd, 4) == "hell");
  CHECK(rt::os::read(fd, 0) == "");
  CHECK(rt::os::read(fd, 2) == "o\n");
  CHECK(rt::os::read(fd, 100) == rt::Str::from_bytes(std::string_view("\0bin\xff", 5)));
  CHECK(rt::os::read(fd, 100).empty());  // end of file
  CHECK(rt::os::read(fd, 100).empty());
  CHECK_THROWS_AS(rt::os::read(fd, -1), rt::ValueError*);
  rt::os::close(fd);
}

TEST_CASE("os: open flags", "[os]") {
  TempDir dir;
  rt::Str path = path_in(dir, "f");
  write_text(dir.file("f"), "12345");
  SECTION("kAppend writes at the end") {
    int64_t fd = rt::os::open(path, rt::os::kWrite | rt::os::kAppend);
    rt::os::write(fd, "67");
    rt::os::close(fd);
    CHECK(read_text(dir.file("f")) == "1234567");
  }
  SECTION("kAppend alone opens for writing") {
    int64_t fd = rt::os::open(path, rt::os::kAppend);
    rt::os::write(fd, "6");
    rt::os::close(fd);
    CHECK(read_text(dir.file("f")) == "123456");
  }
  SECTION("kTruncate empties the file") {
    int64_t fd = rt::os::open(path, rt::os::kWrite | rt::os::kTruncate);
    rt::os::close(fd);
    CHECK(read_text(dir.file("f")).empty());
  }
  SECTION("kWrite without kTruncate overwrites in place") {
    int64_t fd = rt::os::open(path, rt::os::kWrite);
    rt::os::write(fd, "ab");
    rt::os::close(fd);
    CHECK(read_text(dir.file("f")) == "ab345");
  }
  SECTION("kRead | kWrite reads and writes one descriptor") {
    int64_t fd = rt::os::open(path, rt::os::kRead | rt::os::kWrite);
    CHECK(rt::os::read(fd, 2) == "12");
    rt::os::write(fd, "x");
    rt::os::close(fd);
    CHECK(read_text(dir.file("f")) == "12x45");
  }
  SECTION("a read-only descriptor refuses writes with EBADF") {
    int64_t fd = rt::os::open(path, rt::os::kRead);
    try {
      rt::os::write(fd, "x");
      FAIL("no OSError");
    } catch (rt::OSError* e) {
      CHECK(e->errno_value == EBADF);
    }
    rt::os::close(fd);
    CHECK(read_text(dir.file("f")) == "12345");
  }
  SECTION("kCreate makes a missing file; without it open fails with ENOENT") {
    CHECK(caught_errno([](const TempDir& d) { rt::os::open(path_in(d, "new"), rt::os::kWrite); },
                       dir) == ENOENT);
    int64_t fd = rt::os::open(path_in(dir, "new"), rt::os::kWrite | rt::os::kCreate);
    rt::os::close(fd);
    CHECK(rt::os::read_file(path_in(dir, "new")).empty());
  }
  SECTION("unknown flag bits raise ValueError") {
    CHECK_THROWS_AS(rt::os::open(path, 32), rt::ValueError*);
    CHECK_THROWS_AS(rt::os::open(path, -1), rt::ValueError*);
    CHECK_THROWS_AS(rt::os::open(path, INT64_MIN), rt::ValueError*);
  }
}

TEST_CASE("os: failures raise OSError with errno", "[os]") {
  TempDir dir;
  try {
    rt::os::read_file(path_in(dir, "missing"));
    FAIL("no OSError");
  } catch (rt::OSError* e) {
    CHECK(e->errno_value == ENOENT);
    CHECK(e->type_name() == "OSError");
    CHECK(std::string(e->message.view()) ==
          "cannot open '" + dir.file("missing") + "': No such file or directory");
  }
  CHECK(caught_errno([](const TempDir& d) { rt::os::open(path_in(d, "missing"), rt::os::kRead); },
                     dir) == ENOENT);
  CHECK(caught_errno([](const TempDir& d) { rt::os::read_file(path_in(d, "no/such/dir")); }, dir) ==
        ENOENT);
  CHECK(caught_errno([](const TempDir& d) { rt::os::read_file(rt::Str(d.path().c_str())); }, dir) ==
        EISDIR);
  CHECK(caught_errno(
            [](const TempDir& d) { rt::os::open(rt::Str(d.path().c_str()), rt::os::kWrite); },
            dir) == EISDIR);
  CHECK(caught_errno([](const TempDir&) { rt::os::read_file(""); }, dir) == ENOENT);
  CHECK(caught_errno([](const TempDir&) { rt::os::close(1000000); }, dir) == EBADF);
  CHECK(caught_errno([](const TempDir&) { rt::os::write(1000000, "x"); }, dir) == EBADF);
  CHECK(caught_errno([](const TempDir&) { rt::os::read(1000000, 1); }, dir) == EBADF);
  CHECK(caught_errno([](const TempDir&) { rt::os::read(-1, 1); }, dir) == EBADF);
  // Descriptors outside the range of a C int are bad descriptors, never truncated to a valid
  // one (2^32 + 1 must not become stdout).
  for (int64_t fd :
       {int64_t{-1}, (int64_t{1} << 32) + 1, (int64_t{1} << 32), INT64_MIN, INT64_MAX}) {
    INFO(fd);
    try {
      rt::os::write(fd, "must not appear\n");
      FAIL("no OSError");
    } catch (rt::OSError* e) {
      CHECK(e->errno_value == EBADF);
    }
    try {
      rt::os::close(fd);
      FAIL("no OSError");
    } catch (rt::OSError* e) {
      CHECK(e->errno_value == EBADF);
    }
    try {
      rt::os::read(fd, 1);
      FAIL("no OSError");
    } catch (rt::OSError* e) {
      CHECK(e->errno_value == EBADF);
    }
  }
  // Closing twice: the second close fails.
  int64_t fd = rt::os::open(path_in(dir, "twice"), rt::os::kWrite | rt::os::kCreate);
  rt::os::close(fd);
  try {
    rt::os::close(fd);
    FAIL("no OSError");
  } catch (rt::OSError* e) {
    CHECK(e->errno_value == EBADF);
  }
}

TEST_CASE("os: a path with a NUL byte is refused, not truncated", "[os]") {
  TempDir dir;
  write_text(dir.file("a"), "secret");
  rt::Str with_nul =
      rt::Str(dir.file("a").c_str()) + rt::Str::from_bytes(std::string_view("\0.txt", 5));
  for (int op = 0; op < 2; ++op) {
    try {
      if (op == 0)
        rt::os::read_file(with_nul);
      else
        rt::os::open(with_nul, rt::os::kRead);
      FAIL("no OSError");
    } catch (rt::OSError* e) {
      CHECK(e->errno_value == EINVAL);
    }
  }
  CHECK(rt::os::getenv(rt::Str::from_bytes(std::string_view("PATH\0X", 6)), "fallback") ==
        "fallback");
  CHECK_FALSE(rt::os::has_env(rt::Str::from_bytes(std::string_view("PATH\0X", 6))));
}

TEST_CASE("os: read_file of empty and large files", "[os]") {
  TempDir dir;
  write_text(dir.file("empty"), "");
  CHECK(rt::os::read_file(path_in(dir, "empty")).empty());
  std::string big;
  for (int i = 0; i < 300000; ++i) big += std::to_string(i % 997) + (i % 13 == 0 ? "\n" : ",");
  write_text(dir.file("big"), big);
  rt::Str content = rt::os::read_file(path_in(dir, "big"));
  CHECK(content.size() == static_cast<int64_t>(big.size()));
  CHECK(std::string(content.view()) == big);
}

TEST_CASE("os: clocks", "[os]") {
  double now = rt::os::time();
  CHECK(now > 1.6e9);  // after 2020
  CHECK(now < 4.2e9);  // before 2103
  double t0 = rt::os::monotonic();
  double t1 = rt::os::monotonic();
  CHECK(t1 >= t0);
  ::usleep(20000);
  double t2 = rt::os::monotonic();
  CHECK(t2 - t1 >= 0.019);
  CHECK(t2 - t1 < 5.0);
}

TEST_CASE("os: environment", "[os]") {
  ::setenv("RLIB_TEST_VAR", "some value", 1);
  ::setenv("RLIB_TEST_EMPTY", "", 1);
  ::unsetenv("RLIB_TEST_UNSET");
  CHECK(rt::os::getenv("RLIB_TEST_VAR") == "some value");
  CHECK(rt::os::getenv("RLIB_TEST_VAR", "fb") == "some value");
  CHECK(rt::os::getenv("RLIB_TEST_EMPTY", "fb") == "");
  CHECK(rt::os::getenv("RLIB_TEST_UNSET", "fb") == "fb");
  CHECK(rt::os::getenv("RLIB_TEST_UNSET") == "");
  CHECK(rt::os::has_env("RLIB_TEST_VAR"));
  CHECK(rt::os::has_env("RLIB_TEST_EMPTY"));
  CHECK_FALSE(rt::os::has_env("RLIB_TEST_UNSET"));
  CHECK_FALSE(rt::os::has_env(""));
  CHECK_FALSE(rt::os::has_env("A=B"));
}

TEST_CASE("host program: exit status and argv", "[os][process]") {
  TempDir dir;
  auto r = test_util::run_helper(dir, "status 0");
  CHECK(r.status == 0);
  CHECK(test_util::run_helper(dir, "status 3").status == 3);
  CHECK(test_util::run_helper(dir, "status 255").status == 255);
  r = test_util::run_helper(dir, "argv one 'two words' ''");
  CHECK(r.status == 0);
  CHECK(r.out == "argv\none\ntwo words\n\n");
}

TEST_CASE("host program: stdout is buffered until a flush point", "[os][process]") {
  TempDir dir;
  auto r = test_util::run_helper(dir, "buffered");
  CHECK(r.status == 0);
  CHECK(r.out == "[raw1]a[raw2]b\n");
}

TEST_CASE("host program: other outputs flush stdout first", "[os][process]") {
  TempDir dir;
  auto r = test_util::run_helper(dir, "order '" + dir.file("side") + "'", "", /*merge=*/true);
  CHECK(r.status == 0);
  CHECK(r.out == "123456789\n");
  CHECK(read_text(dir.file("side")) == "file");
}

TEST_CASE("host program: reading stdin flushes the prompt", "[os][process]") {
  TempDir dir;
  auto r = test_util::run_helper(dir, "prompt", "input text");
  CHECK(r.status == 0);
  CHECK(r.out == "prompt> [input text]done\n");
}

TEST_CASE("host program: output larger than the buffer stays in order", "[os][process]") {
  TempDir dir;
  auto r = test_util::run_helper(dir, "big");
  CHECK(r.status == 0);
  std::string expected = std::string(1000, 'a') + std::string(70000, 'b');
  for (int i = 0; i < 200; ++i) expected += std::string(999, 'c');
  expected += std::string(29200, 'd');
  CHECK(r.out.size() == expected.size());
  CHECK(r.out == expected);
}

TEST_CASE("host program: rt::os::exit flushes and exits with the status", "[os][process]") {
  TempDir dir;
  auto r = test_util::run_helper(dir, "exit 7");
  CHECK(r.status == 7);
  CHECK(r.out == "before exit");
  r = test_util::run_helper(dir, "exit 0");
  CHECK(r.status == 0);
  CHECK(r.out == "before exit");
}

TEST_CASE("host program: an uncaught rt exception exits with status 70", "[os][process]") {
  TempDir dir;
  auto r = test_util::run_helper(dir, "uncaught");
  CHECK(r.status == 70);
  CHECK(r.out == "partial output");
  CHECK(r.err == "rlib_os_helper: uncaught rt::ValueError: boom\n");  // the file name of argv[0]
}

TEST_CASE("host program: closing stdout flushes it first", "[os][process]") {
  TempDir dir;
  auto r = test_util::run_helper(dir, "close-stdout");
  CHECK(r.status == 0);
  CHECK(r.out == "lost?");
  CHECK(r.err == "closed\n");
}
