// The fact checker of `run --check-facts`.
#include "check_facts.h"

#include <cstdlib>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/Support/raw_ostream.h>

#include "rt/os.h"

namespace rtoolchain::driver {
namespace {

using namespace ir;
using annotator::Fact;
using graphinterp::Value;

class FactChecker : public graphinterp::Observer {
 public:
  explicit FactChecker(const annotator::Annotation& a) : a_(a), p_(a.program()), op_sites_(p_.num_functions()) {
    // Dense (function, op) -> site tables: on_op runs for every operation.
    for (uint32_t s = 0; s < a.num_sites(); ++s) {
      const annotator::SiteInfo& site = a.site(annotator::SiteId(s));
      if (!site.function.valid()) continue;
      std::vector<uint32_t>& table = op_sites_[site.function.index()];
      if (table.size() <= site.op.index()) table.resize(site.op.index() + 1, kNoSite);
      table[site.op.index()] = s;
    }
  }

  void on_enter(FunctionId function, const Value* args, size_t num_args) override {
    if (a_.is_constructor(function) && num_args > 0) constructing_.push_back(graphinterp::identity_of(args[0]));
  }
  void on_leave(FunctionId function) override {
    if (a_.is_constructor(function) && !constructing_.empty()) constructing_.pop_back();
  }

  void on_block(FunctionId function, BlockId block, const Value* vars) override {
    const Graph& g = *p_.function_info(function).graph;
    if (block != g.return_block() && !a_.is_reachable(function, block))
      fail(function, "block " + FunctionNames(p_, function).block(block),
           "the block is reached, but the annotator proved it unreachable");
    for (VarId v : g.block(block).inputargs) check(function, g, v, vars[v.index()]);
  }

  void on_op(FunctionId function, OpId op_id, const Value* vars) override {
    const Graph& g = *p_.function_info(function).graph;
    const Operation& op = g.op(op_id);
    if (op.result.valid()) {
      const std::vector<uint32_t>& table = op_sites_[function.index()];
      if (op_id.index() < table.size() && table[op_id.index()] != kNoSite)
        sites_[graphinterp::identity_of(vars[op.result.index()])] = table[op_id.index()];
      check(function, g, op.result, vars[op.result.index()]);
    }
    auto operand = [&](unsigned i) {
      return op.args[i].is_variable() ? vars[op.args[i].variable().index()] : Value();
    };
    bool resizes = false, mutates = false;
    switch (op.opcode) {
      case Opcode::setfield: {
        FieldId f = p_.constant(op.args[1].constant()).field();
        if (!a_.field(f).immutable) return;
        int64_t object = graphinterp::identity_of(operand(0));
        for (int64_t c : constructing_)
          if (c == object) return;
        const FieldInfo& info = p_.field_info(f);
        fail(function, FunctionNames(p_, function).op(op_id),
             "field " + p_.class_info(info.owner_class).name + "." + info.name +
                 " is claimed immutable, but it is written outside the construction of its object");
        return;
      }
      case Opcode::list_append:
      case Opcode::list_pop:
      case Opcode::list_pop_at:
      case Opcode::list_insert:
      case Opcode::list_extend:
      case Opcode::list_resize:
      case Opcode::list_clear: resizes = mutates = true; break;
      case Opcode::list_setitem:
      case Opcode::array_setitem:
      case Opcode::array_fill:
      case Opcode::list_reverse: mutates = true; break;
      default: return;
    }
    if (!op.args[0].is_variable()) return;
    auto found = sites_.find(graphinterp::identity_of(operand(0)));
    if (found == sites_.end()) return;
    const annotator::SiteInfo& site = a_.site(annotator::SiteId(found->second));
    if ((resizes && !site.resized) || (mutates && !site.mutated))
      fail(function, FunctionNames(p_, function).op(op_id),
           "site" + std::to_string(found->second) + " is claimed " +
               (resizes && !site.resized ? "never resized" : "never mutated") + ", but this operation changes it");
  }

 private:
  void check(FunctionId function, const Graph& g, VarId var, Value value) {
    const Fact& fact = a_.fact(function, var);
    TypeId type = g.variable(var).type;
    std::string found = holds(fact, type, value);
    if (found.empty()) return;
    FunctionNames names(p_, function);
    fail(function, "variable " + names.var(var),
         "claimed `" + annotator::fact_to_string(p_, type, fact) + "`, but it holds " + found);
  }

  // Empty when the value satisfies the fact, else what the value is.
  std::string holds(const Fact& fact, TypeId type, Value value) {
    if (!fact.reached) return "a value (the annotator says none ever flows here)";
    const TypeTable& types = p_.types();
    TypeKind kind = types.kind(type);
    if (kind == TypeKind::kInt || kind == TypeKind::kEnum || kind == TypeKind::kBool) {
      int64_t v = kind == TypeKind::kBool ? (value.as_bool() ? 1 : 0) : value.as_int();
      if (v < fact.lo || v > fact.hi) return std::to_string(v);
      return "";
    }
    if (fact.constant.valid()) {
      const Constant& c = p_.constant(fact.constant);
      if (c.kind == ConstKind::kStr && value.as_str().view() != c.text)
        return "the string \"" + std::string(value.as_str().view()) + "\"";
      if (c.kind == ConstKind::kFloat && value.bits != c.float_bits && value.as_float() == value.as_float())
        return "another float";
    }
    if (!types.is_reference(type)) return "";
    if (value.is_null()) return fact.may_be_null ? "" : "null";
    if (fact.unknown_members) return "";
    // Describing the value builds strings: only once the value is known not to fit.
    switch (kind) {
      case TypeKind::kPointer: {
        ClassId cls = graphinterp::class_of(value);
        if (!cls.valid() || fact.has_member(cls.index())) return "";
        return "an instance of " + p_.class_info(cls).name;
      }
      case TypeKind::kClassRef:
        if (fact.has_member(value.as_class().index())) return "";
        return "class " + p_.class_info(value.as_class()).name;
      case TypeKind::kFunction:
        if (fact.has_member(value.as_function().index())) return "";
        return "@" + p_.function_info(value.as_function()).name;
      case TypeKind::kList:
      case TypeKind::kArray:
      case TypeKind::kDict: {
        auto found = sites_.find(graphinterp::identity_of(value));
        // A prebuilt or argv is not tracked at run time.
        if (found == sites_.end() || fact.has_member(found->second)) return "";
        return "a container from site" + std::to_string(found->second);
      }
      default: return "";
    }
  }

  [[noreturn]] void fail(FunctionId function, const std::string& where, const std::string& what) {
    rt::flush_stdout();
    llvm::errs() << "rtoolchain: --check-facts: toolchain bug: an annotator fact does not hold: function "
                 << p_.function_info(function).name << ", " << where << ": " << what << '\n';
    llvm::errs().flush();
    std::_Exit(kFactViolationStatus);
  }

  static constexpr uint32_t kNoSite = ~0u;
  const annotator::Annotation& a_;
  const Program& p_;
  std::vector<std::vector<uint32_t>> op_sites_;
  std::vector<int64_t> constructing_;
  llvm::DenseMap<int64_t, uint32_t> sites_;  // container identity -> allocation site
};

}  // namespace

std::unique_ptr<graphinterp::Observer> make_fact_checker(const annotator::Annotation& annotation) {
  return std::make_unique<FactChecker>(annotation);
}

}  // namespace rtoolchain::driver
