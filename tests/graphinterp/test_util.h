// Helpers of the graph interpreter tests: a program from IR text, verified, and an interpreter.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "rtoolchain/graphinterp/graphinterp.h"
#include "rtoolchain/ir/ir.h"

namespace gi = rtoolchain::graphinterp;
namespace ir = rtoolchain::ir;

struct Run {
  ir::Program program;
  std::unique_ptr<gi::Interpreter> interp;

  explicit Run(const std::string& text) {
    auto parsed = ir::parse_program(text, "test.rtir");
    if (!parsed) FAIL(llvm::toString(parsed.takeError()));
    program = std::move(*parsed);
    for (const auto& error : ir::verify_program(program)) FAIL(error.to_string() + "\n" + text);
    interp = std::make_unique<gi::Interpreter>(program);
  }
  gi::Outcome call(const std::string& fn, std::initializer_list<gi::Value> args = {}) {
    return interp->call(fn, llvm::ArrayRef<gi::Value>(args.begin(), args.size()));
  }
  // The result of a call that must return normally.
  gi::Value value(const std::string& fn, std::initializer_list<gi::Value> args = {}) {
    gi::Outcome o = call(fn, args);
    INFO("outcome " << o.kind << ": " << o.type_name << ": " << o.message);
    REQUIRE(o.kind == gi::Outcome::kReturned);
    return o.value;
  }
};

// "function f(v0: T0, v1: T1) -> R { v2: R = OP v0, v1 [, extra]; goto return(v2) }"
inline std::string op_function(const std::string& op, std::initializer_list<std::string> params,
                               const std::string& result, const std::string& extra = "") {
  std::string sig, block, uses;
  int i = 0;
  for (const std::string& p : params) {
    std::string v = "v" + std::to_string(i++);
    sig += (sig.empty() ? "" : ", ") + v + ": " + p;
    uses += (uses.empty() ? "" : ", ") + v;
  }
  if (!extra.empty()) uses += (uses.empty() ? "" : ", ") + extra;
  return "function f(" + sig + ") -> " + result + " {\nblock0(" + sig + "):\n  v99: " + result + " = " + op +
         " " + uses + "\n  goto return(v99)\n}\n";
}

inline gi::Value I(int64_t v) { return gi::Value::integer(v); }
inline gi::Value F(double v) { return gi::Value::floating(v); }
inline gi::Value S(const char* s) { return gi::Value::str(rt::Str(s)); }
inline gi::Value B(bool b) { return gi::Value::boolean(b); }
inline std::string str(gi::Value v) { return std::string(v.as_str().view()); }
// The same function under another name.
inline std::string rename(std::string text, const std::string& name) {
  return text.replace(text.find("function f("), 11, "function " + name + "(");
}
