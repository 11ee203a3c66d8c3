// Test scaffolding (not RC++): a scratch directory under /tmp and a way to run the host-mode
// helper program (os_helper.cpp) as a child process and collect what it printed.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#ifndef RLIB_OS_HELPER
#error "RLIB_OS_HELPER must name the helper program (tests/rlib/CMakeLists.txt)"
#endif

namespace test_util {

// A fresh directory under /tmp, removed with its files when the object goes away.
class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/rlib-test-XXXXXX";
    char* made = ::mkdtemp(pattern);
    path_ = made ? made : "";
  }
  ~TempDir() {
    if (!path_.empty()) std::system(("rm -rf '" + path_ + "'").c_str());
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

struct RunResult {
  int status = -1;  // exit status, or 128 + signal
  std::string out;  // stdout (stdout and stderr together when merged)
  std::string err;  // stderr, empty when merged
};

// Runs `prefix rlib_os_helper args` through /bin/sh with `input` on stdin. `prefix` may hold
// shell commands such as "ulimit -s 256;".
inline RunResult run_helper(const TempDir& dir, const std::string& args,
                            const std::string& input = "", bool merge = false,
                            const std::string& prefix = "") {
  std::string in = dir.file("stdin"), out = dir.file("stdout"), err = dir.file("stderr");
  write_text(in, input);
  std::string command = prefix + " exec '" RLIB_OS_HELPER "' " + args + " <'" + in + "' >'" + out +
                        "' " + (merge ? "2>&1" : "2>'" + err + "'");
  int raw = std::system(command.c_str());
  RunResult result;
  if (raw != -1 && WIFEXITED(raw))
    result.status = WEXITSTATUS(raw);
  else if (raw != -1 && WIFSIGNALED(raw))
    result.status = 128 + WTERMSIG(raw);
  result.out = read_text(out);
  result.err = merge ? "" : read_text(err);
  return result;
}

}  // namespace test_util
