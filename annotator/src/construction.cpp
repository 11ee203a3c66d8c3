// Construction (docs/annotator.md, "Fields and immutability"): which functions are
// constructors, which fields a constructor certainly writes before its object can be seen, and
// which fields are written only during construction.
#include <algorithm>
#include <set>

#include "engine.h"

namespace rtoolchain::annotator {

using namespace ir;

namespace {

// "ns::Stack<long>" -> "Stack".
llvm::StringRef unqualified(llvm::StringRef class_name) {
  llvm::StringRef base = class_name.substr(0, class_name.find('<'));
  size_t colon = base.rfind("::");
  return colon == llvm::StringRef::npos ? base : base.substr(colon + 2);
}

}  // namespace

void find_constructors(Annotation::Impl& impl) {
  const Program& p = *impl.program;
  for (uint32_t i = 0; i < p.num_functions(); ++i) {
    const FunctionInfo& info = p.function_info(FunctionId(i));
    if (!info.graph || info.params.empty() || info.params[0].name != "this") continue;
    const Type& this_type = p.types().get(info.params[0].type);
    if (this_type.kind != TypeKind::kPointer) continue;
    llvm::StringRef cls = p.class_info(this_type.class_id).name;
    llvm::StringRef name = info.name;
    if (!name.starts_with(cls) || !name.substr(cls.size()).starts_with("::")) continue;
    llvm::StringRef member = name.substr(cls.size() + 2);
    member = member.substr(0, std::min(member.find('('), member.find('#')));
    if (member == unqualified(cls)) impl.functions[i].constructs = this_type.class_id;
  }
}

ConstructorInit::Entry& ConstructorInit::compute(FunctionId ctor) {
  Entry& entry = entries_[ctor.index()];
  if (entry.done) return entry;
  entry.done = true;  // a recursive constructor stays incomplete
  const Program& p = *impl_.program;
  const Graph& g = *p.function_info(ctor).graph;
  llvm::DenseSet<VarId> aliases;
  BlockId block_id = g.start_block();
  aliases.insert(g.block(block_id).inputargs[0]);
  std::set<uint32_t> visited;
  auto is_alias = [&](Value v) { return v.is_variable() && aliases.contains(v.variable()); };
  for (;;) {
    visited.insert(block_id.index());
    const Block& block = g.block(block_id);
    for (OpId op_id : block.operations) {
      const Operation& op = g.op(op_id);
      if (std::none_of(op.args.begin(), op.args.end(), is_alias)) continue;
      // Storing `this` into its own field lets nothing else see it.
      if (op.opcode == Opcode::setfield && is_alias(op.args[0])) {
        entry.fields.insert(p.constant(op.args[1].constant()).field());
        continue;
      }
      if (op.opcode == Opcode::getfield && entry.fields.contains(p.constant(op.args[1].constant()).field()))
        continue;  // reads a field already written: nothing sees a zero
      if (op.opcode == Opcode::cast_pointer || op.opcode == Opcode::same_as) {
        aliases.insert(op.result);
        continue;
      }
      if (op.opcode == Opcode::direct_call && is_alias(op.args[1]) &&
          std::none_of(op.args.begin() + 2, op.args.end(), is_alias)) {
        FunctionId callee = p.constant(op.args[0].constant()).function();
        if (impl_.functions[callee.index()].constructs.valid()) {
          Entry& base = compute(callee);
          if (!base.complete) return entry;
          for (FieldId f : base.fields) entry.fields.insert(f);
          continue;
        }
      }
      return entry;  // `this` escapes or a field may be read before it is written
    }
    // Follow the one way on: a plain exit, or the normal exit of a block whose exceptions all
    // leave the constructor (then the object is never seen).
    if (block.exitswitch.is_variable()) return entry;
    for (size_t e = 1; e < block.exits.size(); ++e)
      if (g.link(block.exits[e]).target != g.except_block()) return entry;
    const Link& link = g.link(block.exits.front());
    if (link.target == g.return_block()) {
      entry.complete = true;
      return entry;
    }
    if (link.target == g.except_block() || visited.count(link.target.index())) return entry;
    const Block& target = g.block(link.target);
    for (size_t i = 0; i < link.args.size(); ++i)
      if (is_alias(link.args[i])) aliases.insert(target.inputargs[i]);
    block_id = link.target;
  }
}

const llvm::DenseSet<FieldId>& ConstructorInit::fields_written(FunctionId ctor) {
  static const llvm::DenseSet<FieldId> kNone;
  Entry& entry = compute(ctor);
  return entry.complete ? entry.fields : kNone;
}

namespace {

// The variables of a constructor that certainly hold its `this`: the first parameter, what
// casts make of it, and block arguments that receive it on every reached incoming link
// (optimistic fixpoint, so loops keep it).
llvm::DenseSet<VarId> this_aliases(const Program& p, const FunctionState& fs, const Graph& g) {
  std::vector<BlockId> blocks;
  for (BlockId b : g.reachable_blocks())
    if (fs.block_reached[b.index()]) blocks.push_back(b);
  llvm::DenseSet<VarId> aliases;
  aliases.insert(g.block(g.start_block()).inputargs[0]);
  for (BlockId b : blocks)
    if (b != g.start_block())
      for (VarId v : g.block(b).inputargs)
        if (p.types().kind(g.variable(v).type) == TypeKind::kPointer) aliases.insert(v);
  auto is_alias = [&](Value v) { return v.is_variable() && aliases.contains(v.variable()); };
  for (bool changed = true; changed;) {
    changed = false;
    for (BlockId b : blocks) {
      const Block& block = g.block(b);
      for (OpId op_id : block.operations) {
        const Operation& op = g.op(op_id);
        if ((op.opcode == Opcode::cast_pointer || op.opcode == Opcode::same_as) && is_alias(op.args[0]) &&
            aliases.insert(op.result).second)
          changed = true;
      }
      for (LinkId l : block.exits) {
        const Link& link = g.link(l);
        if (g.is_final(link.target) || !fs.block_reached[link.target.index()]) continue;
        const Block& target = g.block(link.target);
        for (size_t i = 0; i < link.args.size(); ++i)
          if (aliases.contains(target.inputargs[i]) && !is_alias(link.args[i])) {
            aliases.erase(target.inputargs[i]);
            changed = true;
          }
      }
    }
  }
  return aliases;
}

}  // namespace

void check_immutability(Annotation::Impl& impl) {
  const Program& p = *impl.program;
  for (uint32_t i = 0; i < p.num_functions(); ++i) {
    const FunctionState& fs = impl.functions[i];
    if (!fs.reached) continue;
    const Graph& g = *p.function_info(FunctionId(i)).graph;
    std::unique_ptr<FunctionNames> names;
    llvm::DenseSet<VarId> aliases;
    if (fs.constructs.valid()) aliases = this_aliases(p, fs, g);
    for (BlockId b : g.reachable_blocks()) {
      if (!fs.block_reached[b.index()]) continue;
      for (OpId op_id : g.block(b).operations) {
        const Operation& op = g.op(op_id);
        if (op.opcode != Opcode::setfield) continue;
        FieldId f = p.constant(op.args[1].constant()).field();
        const FieldInfo& field = p.field_info(f);
        bool construction = fs.constructs.valid() && p.is_subclass(fs.constructs, field.owner_class) &&
                            op.args[0].is_variable() && aliases.contains(op.args[0].variable());
        if (construction) continue;
        FieldFacts& ff = impl.fields[f.index()];
        ff.immutable = false;
        auto& writers = ff.writers_outside_construction;
        auto pos = std::lower_bound(writers.begin(), writers.end(), FunctionId(i));
        if (pos == writers.end() || *pos != FunctionId(i)) writers.insert(pos, FunctionId(i));
        bool declared = (field.flags & kImmutableField) ||
                        (field.owner_class.valid() && (p.class_info(field.owner_class).flags & kImmutableClass));
        if (!declared) continue;
        if (!names) names = std::make_unique<FunctionNames>(p, FunctionId(i));
        impl.errors.push_back({p.function_info(FunctionId(i)).name, names->block(b) + ": " + names->op(op_id),
                               "field " + p.class_info(field.owner_class).name + "." + field.name +
                                   " is declared immutable but is written outside the construction of its "
                                   "object (only constructors of its class may write it, on their own `this`)"});
      }
    }
  }
}

// Decision (docs/annotator.md): a field declared RT_IMMUTABLE_ITEMS may only hold containers
// whose items never change after allocation — every site in the field's fact is never mutated,
// and nothing from outside the program. The site flag cannot tell a fill before the container is
// stored from a later write, so a container must be complete when allocated (array_from_list, a
// copy, list_new_filled), which is what bytecode compilers do anyway.
void check_immutable_items(Annotation::Impl& impl) {
  const Program& p = *impl.program;
  for (uint32_t f = 0; f < p.num_fields(); ++f) {
    const FieldInfo& field = p.field_info(FieldId(f));
    if (!(field.flags & kImmutableItems)) continue;
    const Fact& fact = impl.fields[f].fact;
    std::string name = (field.owner_class.valid() ? p.class_info(field.owner_class).name + "." : "") + field.name;
    if (fact.unknown_members)
      impl.errors.push_back({"", "field " + name,
                             "field " + name + " is declared RT_IMMUTABLE_ITEMS but may hold a container from "
                             "outside the program, whose items nobody can vouch for"});
    for (uint32_t s : fact.members) {
      const SiteInfo& site = impl.sites[s];
      if (!site.mutated) continue;
      std::string where = "field " + name;
      std::string function;
      if (site.mutated_in.valid()) {
        FunctionNames names(p, site.mutated_in);
        function = p.function_info(site.mutated_in).name;
        const Graph& g = *p.function_info(site.mutated_in).graph;
        BlockId block;
        for (BlockId b : g.reachable_blocks())
          for (OpId op : g.block(b).operations)
            if (op == site.mutated_at) block = b;
        where = (block.valid() ? names.block(block) + ": " : "") + names.op(site.mutated_at);
      }
      std::string origin = site.function.valid() ? " allocated in " + p.function_info(site.function).name
                           : site.prebuilt.valid() ? " (prebuilt " + p.prebuilt_info(site.prebuilt).name + ")"
                                                   : "";
      impl.errors.push_back({function, where,
                             "field " + name + " is declared RT_IMMUTABLE_ITEMS, but the container it may hold (site" +
                                 std::to_string(s) + origin + ") has its items changed here (a container stored "
                                 "there must be complete when allocated: build it in a list, then array_from_list)"});
    }
  }
}

}  // namespace rtoolchain::annotator
