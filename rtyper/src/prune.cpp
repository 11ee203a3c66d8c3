// prune_program: the high-level program without what the low level would not use (docs/rtyper.md,
// "Pruning"). The rtyper already drops the functions the entry point does not reach once lowered;
// the classes nothing kept names (most of the ~300 rlib/ll helper classes) would still be laid
// out and numbered. Pruning rtypes once to learn both sets, then copies the program without the
// rest (ir::link_programs with a filter), so that the classes are numbered without gaps and every
// later side table (the annotator's facts) is keyed by the pruned program's ids.
#include <functional>
#include <vector>

#include "rtoolchain/ir/link.h"
#include "rtoolchain/rtyper/rtyper.h"

namespace rtoolchain::rtyper {

using namespace ir;

namespace {

// Marks the classes a program names: in the types and constants of its (kept) functions, its
// globals and prebuilts, and (closed over) in the bases, fields and methods of the classes named.
// Run over the low-level program (what the lowering uses: the helpers' classes) and over the kept
// high-level graphs (what they still name: an item class a container erases), with one `used`
// table: low-level class ids are the high-level ones (the rtyper copies every class in id order).
class ClassUse {
 public:
  ClassUse(const Program& program, std::vector<bool>& used)
      : low_(program), used_(used), seen_types_(program.types().size()) {}

  void run(const std::function<bool(FunctionId)>& keep_function) {
    for (uint32_t f = 0; f < low_.num_functions(); ++f) {
      if (!keep_function(FunctionId(f))) continue;
      const FunctionInfo& info = low_.function_info(FunctionId(f));
      type(info.type);
      if (!info.graph) continue;
      const Graph& graph = *info.graph;
      for (uint32_t v = 0; v < graph.num_variables(); ++v) type(graph.variable(VarId(v)).type);
      for (uint32_t o = 0; o < graph.num_ops(); ++o)
        for (Value arg : graph.op(OpId(o)).args) value(arg);
      for (uint32_t l = 0; l < graph.num_links(); ++l) {
        const Link& link = graph.link(LinkId(l));
        for (Value arg : link.args) value(arg);
        if (link.exitcase.kind() == ExitCase::Kind::kException) mark(link.exitcase.exception_class());
      }
    }
    for (uint32_t g = 0; g < low_.num_globals(); ++g) {
      const GlobalInfo& info = low_.global_info(GlobalId(g));
      type(info.type);
      if (info.initial.valid()) constant(info.initial);
    }
    for (uint32_t p = 0; p < low_.num_prebuilts(); ++p) {
      const PrebuiltInfo& info = low_.prebuilt_info(PrebuiltId(p));
      type(info.type);
      for (const auto& [field, value] : info.field_values) constant(value);
      for (ConstId item : info.items) constant(item);
    }
    while (!work_.empty()) {
      ClassId cls = work_.back();
      work_.pop_back();
      const ClassInfo& info = low_.class_info(cls);
      if (info.base.valid()) mark(info.base);
      for (FieldId field : info.fields) type(low_.field_info(field).type);
      for (const MethodDecl& method : info.methods) type(method.signature);
    }
  }

 private:
  void mark(ClassId cls) {
    if (!cls.valid() || used_[cls.index()]) return;
    used_[cls.index()] = true;
    work_.push_back(cls);
  }

  void type(TypeId id) {
    if (!id.valid() || seen_types_[id.index()]) return;
    seen_types_[id.index()] = true;
    const Type& t = low_.types().get(id);
    mark(t.class_id);
    if (t.struct_id.valid())
      for (FieldId field : low_.struct_info(t.struct_id).fields) type(low_.field_info(field).type);
    type(t.item);
    type(t.value);
    for (TypeId param : t.params) type(param);
  }

  void value(Value v) {
    if (v.is_constant()) constant(v.constant());
  }

  void constant(ConstId id) {
    const Constant& c = low_.constant(id);
    type(low_.type_of(id));
    switch (c.kind) {
      case ConstKind::kClass:
      case ConstKind::kMethod: mark(c.class_id()); break;
      case ConstKind::kField: mark(low_.field_info(c.field()).owner_class); break;
      case ConstKind::kStruct:
        for (uint32_t item : c.items) constant(ConstId(item));
        break;
      default: break;
    }
  }

  const Program& low_;
  std::vector<bool>& used_;
  std::vector<bool> seen_types_;
  std::vector<ClassId> work_;
};

}  // namespace

llvm::Expected<Program> prune_program(const Program& high) {
  std::vector<FunctionId> function_map;
  Options options;
  options.function_map = &function_map;
  llvm::Expected<Program> low = rtype_program(high, options);
  if (!low) return low.takeError();
  LinkFilter filter;
  filter.keep_function = [&](FunctionId fn) { return function_map[fn.index()].valid(); };
  std::vector<bool> used(high.num_classes(), false);
  ClassUse(*low, used).run([](FunctionId) { return true; });
  ClassUse(high, used).run(filter.keep_function);
  filter.keep_class = [&](ClassId cls) { return bool(used[cls.index()]); };
  Program pruned;
  if (llvm::Error error = link_programs(pruned, high, filter)) return std::move(error);
  return std::move(pruned);
}

}  // namespace rtoolchain::rtyper
