// The low-level fact checker: asserts the checks translate_facts made of the annotator's facts
// while graph mode runs the rtyped program (docs/annotator.md, "Checking the facts at the low
// level"). Same message and status as the high-level checker.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/Support/raw_ostream.h>

#include "check_facts.h"
#include "ll_facts.h"
#include "rt/os.h"

namespace rtoolchain::driver {
namespace {

using namespace ir;
using graphinterp::Value;

class LowFactChecker : public graphinterp::Observer {
 public:
  LowFactChecker(const Program& low, const LowFacts& facts) : p_(low), facts_(facts), tables_(low.num_functions()) {
    // Dense tables per function: on_block and on_op run for every block and operation.
    for (uint32_t f = 0; f < facts.functions.size() && f < low.num_functions(); ++f) {
      const FunctionFacts& fn = facts.functions[f];
      const Graph* graph = p_.function_info(FunctionId(f)).graph.get();
      if (!graph) continue;
      Table& t = tables_[f];
      t.graph = graph;
      t.var_check.assign(graph->num_variables(), -1);
      t.var_site.assign(graph->num_variables(), -1);
      t.op_check.assign(graph->num_ops(), -1);
      t.unreached.assign(graph->num_blocks(), false);
      for (size_t i = 0; i < fn.values.size(); ++i) t.var_check[fn.values[i].first.index()] = int32_t(i);
      for (const auto& [var, site] : fn.site_results) t.var_site[var.index()] = int32_t(site);
      for (size_t i = 0; i < fn.ops.size(); ++i) t.op_check[fn.ops[i].first.index()] = int32_t(i);
      for (BlockId b : fn.unreached) t.unreached[b.index()] = true;
    }
  }

  void on_enter(FunctionId function, const Value* args, size_t num_args) override {
    if (is_constructor(function) && num_args > 0) constructing_.push_back(graphinterp::identity_of(args[0]));
  }
  void on_leave(FunctionId function) override {
    if (is_constructor(function) && !constructing_.empty()) constructing_.pop_back();
  }

  void on_block(FunctionId function, BlockId block, const Value* vars) override {
    const Table& t = tables_[function.index()];
    if (t.unreached.empty()) return;
    if (t.unreached[block.index()])
      fail(function, "block " + FunctionNames(p_, function).block(block),
           "the block is reached, but the annotator proved it unreachable");
    for (VarId v : t.graph->block(block).inputargs) check(function, t, v, vars[v.index()]);
  }

  void on_op(FunctionId function, OpId op_id, const Value* vars) override {
    const Table& t = tables_[function.index()];
    if (t.op_check.empty()) return;
    const Operation& op = t.graph->op(op_id);
    if (op.result.valid()) {
      if (int32_t site = t.var_site[op.result.index()]; site >= 0)
        sites_[graphinterp::identity_of(vars[op.result.index()])] = uint32_t(site);
      check(function, t, op.result, vars[op.result.index()]);
    }
    int32_t index = t.op_check[op_id.index()];
    if (index < 0) return;
    const OpCheck& c = facts_.functions[function.index()].ops[index].second;
    auto operand = [&](unsigned i) {
      if (op.args[i].is_variable()) return vars[op.args[i].variable().index()];
      const Constant& k = p_.constant(op.args[i].constant());
      return k.kind == ConstKind::kFunction ? Value::function(k.function()) : Value();
    };
    auto where = [&] { return FunctionNames(p_, function).op(op_id); };
    switch (c.kind) {
      case OpCheck::Kind::kResizes:
      case OpCheck::Kind::kMutates: {
        auto found = sites_.find(graphinterp::identity_of(operand(1)));
        if (found == sites_.end() || found->second >= facts_.sites.size()) return;  // prebuilt or argv
        const SiteFlags& site = facts_.sites[found->second];
        bool resizes = c.kind == OpCheck::Kind::kResizes;
        if ((resizes && !site.resized) || !site.mutated)
          fail(function, where(),
               "site" + std::to_string(found->second) + " is claimed " +
                   (resizes && !site.resized ? "never resized" : "never mutated") + ", but this operation changes it");
        return;
      }
      case OpCheck::Kind::kImmutableWrite: {
        int64_t object = graphinterp::identity_of(operand(0));
        for (int64_t k : constructing_)
          if (k == object) return;
        const FieldInfo& info = p_.field_info(p_.constant(op.args[1].constant()).field());
        fail(function, where(),
             "field " + p_.class_info(info.owner_class).name + "." + info.name +
                 " is claimed immutable, but it is written outside the construction of its object");
      }
      case OpCheck::Kind::kCallTargets: {
        FunctionId callee = operand(0).as_function();
        if (!callee.valid() || in(c.targets, callee.index())) return;
        fail(function, where(), "the call is claimed to reach " + targets_text(c.targets) + ", but it called @" +
                                    p_.function_info(callee).name);
      }
      case OpCheck::Kind::kDispatch: {
        ClassId cls = graphinterp::class_of(operand(1));
        if (!cls.valid()) return;
        uint32_t slot = p_.class_layout(cls).min_type_id - p_.class_layout(c.introducer).min_type_id;
        const PrebuiltInfo& array = p_.prebuilt_info(c.dispatch);
        FunctionId dispatched;
        if (slot < array.items.size() && p_.constant(array.items[slot]).kind == ConstKind::kFunction)
          dispatched = p_.constant(array.items[slot]).function();
        FunctionId called = operand(0).as_function();
        if (dispatched == called && in(c.targets, called.index())) return;
        fail(function, where(),
             "the virtual call was made direct to @" + p_.function_info(called).name + " (claimed targets " +
                 targets_text(c.targets) + "), but the receiver, an instance of " + p_.class_info(cls).name +
                 ", dispatches to " + (dispatched.valid() ? "@" + p_.function_info(dispatched).name : "nothing"));
      }
    }
  }

 private:
  struct Table {
    const Graph* graph = nullptr;
    std::vector<int32_t> var_check, var_site, op_check;
    std::vector<bool> unreached;
  };

  bool is_constructor(FunctionId f) const {
    return f.index() < facts_.functions.size() && facts_.functions[f.index()].constructor;
  }
  static bool in(const std::vector<uint32_t>& sorted, uint32_t x) {
    return std::binary_search(sorted.begin(), sorted.end(), x);
  }
  std::string targets_text(const std::vector<uint32_t>& targets) const {
    std::string text = "{";
    for (uint32_t t : targets) text += (text.size() > 1 ? ", @" : "@") + p_.function_info(FunctionId(t)).name;
    return text + "}";
  }

  void check(FunctionId function, const Table& t, VarId var, Value value) {
    int32_t index = t.var_check[var.index()];
    if (index < 0) return;
    const ValueCheck& c = facts_.functions[function.index()].values[index].second;
    if (satisfies(c, value)) return;  // the common case, without building a message
    std::string found = holds(c, value);
    if (found.empty()) return;
    fail(function, "variable " + FunctionNames(p_, function).var(var),
         "claimed `" + c.claim + "`, but it holds " + found);
  }

  // The checks of `holds` without the messages: every variable of every block executed goes
  // through here, so it must not build strings.
  bool satisfies(const ValueCheck& c, Value value) {
    switch (c.kind) {
      case ValueCheck::Kind::kNone: return false;
      case ValueCheck::Kind::kInt: {
        int64_t v = value.tag == graphinterp::Tag::kBool ? (value.as_bool() ? 1 : 0) : value.as_int();
        return v >= c.lo && v <= c.hi;
      }
      case ValueCheck::Kind::kFloat: return value.bits == c.float_bits || value.as_float() != value.as_float();
      default: break;
    }
    if (value.is_null()) return c.may_be_null;
    if (c.any_member) return true;
    switch (c.kind) {
      case ValueCheck::Kind::kObject: {
        ClassId cls = graphinterp::class_of(value);
        return !cls.valid() || in(c.members, cls.index());
      }
      case ValueCheck::Kind::kClassRef: return in(c.members, value.as_class().index());
      case ValueCheck::Kind::kFunction: return in(c.members, value.as_function().index());
      case ValueCheck::Kind::kContainer: {
        auto found = sites_.find(graphinterp::identity_of(value));
        return found == sites_.end() || in(c.members, found->second);
      }
      default: return true;
    }
  }

  // Empty when the value satisfies the check, else what the value is.
  std::string holds(const ValueCheck& c, Value value) {
    switch (c.kind) {
      case ValueCheck::Kind::kNone: return "a value (the annotator says none ever flows here)";
      case ValueCheck::Kind::kInt: {
        int64_t v = value.tag == graphinterp::Tag::kBool ? (value.as_bool() ? 1 : 0) : value.as_int();
        return v < c.lo || v > c.hi ? std::to_string(v) : "";
      }
      case ValueCheck::Kind::kFloat:
        return value.bits != c.float_bits && value.as_float() == value.as_float() ? "another float" : "";
      default: break;
    }
    if (value.is_null()) return c.may_be_null ? "" : "null";
    if (c.any_member) return "";
    switch (c.kind) {
      case ValueCheck::Kind::kObject: {
        ClassId cls = graphinterp::class_of(value);
        if (!cls.valid() || in(c.members, cls.index())) return "";
        return "an instance of " + p_.class_info(cls).name;
      }
      case ValueCheck::Kind::kClassRef:
        if (in(c.members, value.as_class().index())) return "";
        return "class " + p_.class_info(value.as_class()).name;
      case ValueCheck::Kind::kFunction:
        if (in(c.members, value.as_function().index())) return "";
        return "@" + p_.function_info(value.as_function()).name;
      case ValueCheck::Kind::kContainer: {
        auto found = sites_.find(graphinterp::identity_of(value));
        // A prebuilt or argv is not tracked at run time.
        if (found == sites_.end() || in(c.members, found->second)) return "";
        return "a container from site" + std::to_string(found->second);
      }
      default: return "";
    }
  }

  [[noreturn]] void fail(FunctionId function, const std::string& where, const std::string& what) {
    rt::flush_stdout();
    llvm::errs() << "rtoolchain: --check-facts: toolchain bug: an annotator fact does not hold at the low level: "
                    "function "
                 << p_.function_info(function).name << ", " << where << ": " << what << '\n';
    llvm::errs().flush();
    std::_Exit(kFactViolationStatus);
  }

  const Program& p_;
  const LowFacts& facts_;
  std::vector<Table> tables_;
  std::vector<int64_t> constructing_;
  llvm::DenseMap<int64_t, uint32_t> sites_;  // container identity -> allocation site
};

}  // namespace

std::unique_ptr<graphinterp::Observer> make_low_fact_checker(const Program& low, const LowFacts& facts) {
  return std::make_unique<LowFactChecker>(low, facts);
}

}  // namespace rtoolchain::driver
