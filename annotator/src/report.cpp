// `rtoolchain annotate --report` (docs/annotator.md, "Report"): every section sorted by name,
// so the text depends only on the program.
#include <algorithm>

#include "engine.h"

namespace rtoolchain::annotator {

using namespace ir;

namespace {

void print_sorted(llvm::raw_ostream& out, std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end());
  for (const std::string& line : lines) out << "  " << line << '\n';
}

std::string site_text(const Program& p, const Annotation& a, SiteId id) {
  const SiteInfo& site = a.site(id);
  std::string text = "site" + std::to_string(id.index()) + ": " + p.type_name(site.type);
  if (site.prebuilt.valid()) text += " prebuilt " + p.prebuilt_info(site.prebuilt).name;
  else if (site.function.valid()) text += " in " + p.function_info(site.function).name;
  else text += " argv";
  const Type& type = p.types().get(site.type);
  text += "; items " + fact_to_string(p, type.item, site.items);
  if (type.kind == TypeKind::kDict) text += "; values " + fact_to_string(p, type.value, site.values);
  if (type.kind == TypeKind::kList) text += site.resized ? "; resized" : "; never resized";
  text += site.mutated ? "; mutated" : "; never mutated";
  return text;
}

}  // namespace

void print_report(const Annotation& a, llvm::raw_ostream& out) {
  const Program& p = a.program();
  size_t reachable = 0, externals = 0, with_graph = 0;
  for (uint32_t i = 0; i < p.num_functions(); ++i) {
    const FunctionInfo& info = p.function_info(FunctionId(i));
    if (info.is_builtin) continue;
    ++(info.graph ? with_graph : externals);
    if (a.is_reachable(FunctionId(i)) && info.graph) ++reachable;
  }
  out << "entry: @" << (p.entry_point().valid() ? p.function_info(p.entry_point()).name : "<none>") << '\n';
  out << "functions: " << reachable << " reachable of " << with_graph << " with a graph, " << externals
      << " external\n";
  out << "call graph: " << a.num_call_edges() << " edges\n";

  std::vector<std::string> classes;
  size_t instantiated = 0;
  for (uint32_t c = 0; c < p.num_classes(); ++c) {
    const ClassInfo& info = p.class_info(ClassId(c));
    if (info.is_builtin) continue;
    bool inst = a.is_instantiated(ClassId(c));
    instantiated += inst;
    classes.push_back("class " + info.name + (inst ? ": instantiated" : ": never instantiated"));
  }
  out << "classes: " << classes.size() << ", " << instantiated << " instantiated\n";
  print_sorted(out, classes);

  std::vector<std::string> fields;
  for (uint32_t f = 0; f < p.num_fields(); ++f) {
    const FieldInfo& info = p.field_info(FieldId(f));
    if (!info.owner_class.valid() || p.class_info(info.owner_class).is_builtin) continue;
    const FieldFacts& ff = a.field(FieldId(f));
    bool declared = (info.flags & kImmutableField) || (p.class_info(info.owner_class).flags & kImmutableClass);
    std::string line = "field " + p.class_info(info.owner_class).name + "." + info.name + ": " +
                       p.type_name(info.type) + " = " + fact_to_string(p, info.type, ff.fact) + "; ";
    if (ff.immutable) {
      line += declared ? "immutable (declared)" : "immutable (inferred)";
    } else {
      line += info.flags & kQuasiImmutableField ? "quasi-immutable, written by " : "mutable, written by ";
      for (size_t i = 0; i < ff.writers_outside_construction.size(); ++i)
        line += (i ? ", " : "") + p.function_info(ff.writers_outside_construction[i]).name;
    }
    fields.push_back(line);
  }
  out << "fields: " << fields.size() << '\n';
  print_sorted(out, fields);

  std::vector<std::string> sites;
  for (uint32_t s = 0; s < a.num_sites(); ++s) sites.push_back(site_text(p, a, SiteId(s)));
  out << "container sites: " << sites.size() << '\n';
  print_sorted(out, sites);

  std::vector<std::string> single, indirect;
  size_t virtual_calls = 0;
  for (uint32_t i = 0; i < p.num_functions(); ++i) {
    FunctionId fn(i);
    const FunctionInfo& info = p.function_info(fn);
    if (!info.graph || !a.is_reachable(fn)) continue;
    const Graph& g = *info.graph;
    std::unique_ptr<FunctionNames> names;
    for (BlockId b : g.reachable_blocks()) {
      if (!a.is_reachable(fn, b)) continue;
      for (OpId op_id : g.block(b).operations) {
        const Operation& op = g.op(op_id);
        if (op.opcode != Opcode::virtual_call && op.opcode != Opcode::indirect_call) continue;
        llvm::ArrayRef<FunctionId> targets = a.call_targets(fn, op_id);
        if (!names) names = std::make_unique<FunctionNames>(p, fn);
        std::string line = info.name + " " + names->block(b) + ": " + constant_to_string(p, op.args[0].constant()) + " -> ";
        if (op.opcode == Opcode::indirect_call) line = info.name + " " + names->block(b) + ": indirect -> ";
        for (size_t t = 0; t < targets.size(); ++t) line += (t ? ", @" : "@") + p.function_info(targets[t]).name;
        if (op.opcode == Opcode::virtual_call) {
          ++virtual_calls;
          if (targets.size() == 1) single.push_back(line);
        } else {
          indirect.push_back(line);
        }
      }
    }
  }
  out << "virtual calls: " << virtual_calls << " reached, " << single.size() << " single-target\n";
  print_sorted(out, single);
  out << "indirect calls: " << indirect.size() << '\n';
  print_sorted(out, indirect);

  std::vector<std::string> nothrow;
  for (uint32_t i = 0; i < p.num_functions(); ++i) {
    const FunctionInfo& info = p.function_info(FunctionId(i));
    if (!info.graph || !a.is_reachable(FunctionId(i))) continue;
    if (!a.effects(FunctionId(i)).can_raise()) nothrow.push_back("cannot raise " + info.name);
  }
  out << "functions that cannot raise: " << nothrow.size() << '\n';
  print_sorted(out, nothrow);
}

}  // namespace rtoolchain::annotator

namespace rtoolchain::annotator {

void print_facts(const Annotation& a, llvm::raw_ostream& out) {
  const Program& p = a.program();
  for (uint32_t i = 0; i < p.num_functions(); ++i) {
    FunctionId fn(i);
    const FunctionInfo& info = p.function_info(fn);
    if (!info.graph) continue;
    if (!a.is_reachable(fn)) {
      out << "function " << info.name << ": unreachable\n";
      continue;
    }
    const Graph& g = *info.graph;
    FunctionNames names(p, fn);
    out << "function " << info.name << ":\n";
    auto var_line = [&](VarId v) {
      out << "  " << names.var(v) << ": " << p.type_name(g.variable(v).type) << " = "
          << fact_to_string(p, g.variable(v).type, a.fact(fn, v)) << '\n';
    };
    for (BlockId b : g.reachable_blocks()) {
      if (!a.is_reachable(fn, b)) {
        out << " " << names.block(b) << ": unreachable\n";
        continue;
      }
      out << " " << names.block(b) << ":\n";
      for (VarId v : g.block(b).inputargs) var_line(v);
      for (OpId op_id : g.block(b).operations) {
        const Operation& op = g.op(op_id);
        if (op.result.valid()) var_line(op.result);
        if (op.opcode == Opcode::direct_call || op.opcode == Opcode::virtual_call ||
            op.opcode == Opcode::indirect_call) {
          out << "  call " << names.op(op_id) << " ->";
          for (FunctionId t : a.call_targets(fn, op_id)) out << " @" << p.function_info(t).name;
          out << '\n';
        }
      }
    }
    out << " return = " << fact_to_string(p, info.result, a.return_fact(fn)) << '\n';
    const EffectInfo& e = a.effects(fn);
    out << " raises:";
    for (ClassId c : e.raises) out << ' ' << p.class_info(c).name;
    if (e.raises_unknown) out << " unknown";
    out << '\n';
    out << " effects:";
    auto field_name = [&](FieldId f) {
      const FieldInfo& fi = p.field_info(f);
      return (fi.owner_class.valid() ? p.class_info(fi.owner_class).name : std::string("?")) + "." + fi.name;
    };
    for (FieldId f : e.fields_read) out << " reads " << field_name(f);
    for (FieldId f : e.fields_written) out << " writes " << field_name(f);
    for (GlobalId g : e.globals_read) out << " reads " << p.global_info(g).name;
    for (GlobalId g : e.globals_written) out << " writes " << p.global_info(g).name;
    for (TypeId t : e.containers_read) out << " reads " << p.type_name(t);
    for (TypeId t : e.containers_written) out << " writes " << p.type_name(t);
    if (e.allocates) out << " allocates";
    if (e.calls_external) out << " external";
    if (e.contains_loop) out << " loop";
    out << '\n';
  }
}

}  // namespace rtoolchain::annotator
