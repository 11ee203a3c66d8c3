// RTJIT and RTLOG parsing (params.h).
#include "rtoolchain/jit/params.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace rtoolchain::jit {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string parse_number(std::string_view key, std::string_view value, int64_t min, int64_t max, int64_t& out) {
  int64_t n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size())
    return "RTJIT: " + std::string(key) + " needs a number, not '" + std::string(value) + "'";
  if (n < min || n > max)
    return "RTJIT: " + std::string(key) + "=" + std::string(value) + " is out of range [" + std::to_string(min) +
           ", " + std::to_string(max) + "]";
  out = n;
  return {};
}

}  // namespace

const std::vector<std::string>& all_optimizations() {
  static const std::vector<std::string> names = {"intbounds", "rewrite", "virtualize", "string",
                                                 "pure",      "earlyforce", "heap",     "unroll"};
  return names;
}

JitParams::JitParams() : enable_opts(all_optimizations().begin(), all_optimizations().end() - 1) {}

bool JitParams::opt_enabled(std::string_view name) const {
  return std::find(enable_opts.begin(), enable_opts.end(), name) != enable_opts.end();
}

std::string parse_jit_params(std::string_view spec, JitParams& params) {
  if (spec.empty()) return {};
  constexpr int64_t kMax = int64_t{1} << 40;
  for (std::string_view item : split(spec, ',')) {
    if (item == "off") {
      params.enabled = false;
      continue;
    }
    if (item == "on") {
      params.enabled = true;
      continue;
    }
    size_t eq = item.find('=');
    if (eq == std::string_view::npos)
      return "RTJIT: '" + std::string(item) + "' is not off, on or KEY=VALUE";
    std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
    std::string error;
    if (key == "threshold") error = parse_number(key, value, 1, kMax, params.threshold);
    else if (key == "function_threshold") error = parse_number(key, value, 1, kMax, params.function_threshold);
    else if (key == "trace_limit") error = parse_number(key, value, 1, kMax, params.trace_limit);
    else if (key == "trace_eagerness") error = parse_number(key, value, 1, kMax, params.trace_eagerness);
    else if (key == "decay") error = parse_number(key, value, 0, 1000, params.decay);
    else if (key == "max_unroll_recursion") error = parse_number(key, value, 0, kMax, params.max_unroll_recursion);
    else if (key == "max_aborts") error = parse_number(key, value, 1, kMax, params.max_aborts);
    else if (key == "enable_opts") {
      std::vector<std::string> opts;
      for (std::string_view name : split(value, ':')) {
        if (name == "all") {
          opts = all_optimizations();
          continue;
        }
        if (name.empty()) continue;
        const auto& known = all_optimizations();
        if (std::find(known.begin(), known.end(), name) == known.end())
          return "RTJIT: unknown optimization '" + std::string(name) + "' in enable_opts (known: intbounds, "
                 "rewrite, virtualize, string, pure, earlyforce, heap, unroll, all)";
        if (std::find(opts.begin(), opts.end(), name) == opts.end()) opts.emplace_back(name);
      }
      // Kept in chain order whatever order they were given in.
      params.enable_opts.clear();
      for (const auto& name : all_optimizations())
        if (std::find(opts.begin(), opts.end(), name) != opts.end()) params.enable_opts.push_back(name);
    } else {
      return "RTJIT: unknown parameter '" + std::string(key) +
             "' (known: off, threshold, function_threshold, trace_limit, trace_eagerness, decay, "
             "max_unroll_recursion, max_aborts, enable_opts)";
    }
    if (!error.empty()) return error;
  }
  return {};
}

std::string parse_log_params(std::string_view spec, LogParams& params) {
  if (spec.empty()) return {};
  for (std::string_view item : split(spec, ',')) {
    if (item == "jit-summary") {
      params.summary = true;
    } else if (item.starts_with("jit-log:")) {
      std::string_view file = item.substr(8);
      if (file.empty()) return "RTLOG: jit-log needs a file name (jit-log:FILE)";
      params.jit_log_file = std::string(file);
    } else {
      return "RTLOG: unknown log '" + std::string(item) + "' (known: jit-summary, jit-log:FILE)";
    }
  }
  return {};
}

std::string load_params_from_environment(JitParams& jit, LogParams& log) {
  if (const char* spec = std::getenv("RTJIT")) {
    std::string error = parse_jit_params(spec, jit);
    if (!error.empty()) return error;
  }
  if (const char* spec = std::getenv("RTLOG")) return parse_log_params(spec, log);
  return {};
}

}  // namespace rtoolchain::jit
