// Container operations (docs/annotator.md, "Containers"): every list, array and dict value is
// tracked as the set of allocation sites it may come from; each site has the facts of its items
// (dicts: keys and values) and whether it is ever resized or mutated.
#include "engine.h"

namespace rtoolchain::annotator {

using namespace ir;

SiteId Engine::site_for(OpId op, TypeId type) {
  auto k = std::make_pair(current_.function.index(), op.index());
  auto found = impl_.op_sites.find(k);
  if (found != impl_.op_sites.end()) return found->second;
  SiteId id(static_cast<uint32_t>(impl_.sites.size()));
  SiteInfo site;
  site.function = current_.function;
  site.op = op;
  site.type = type;
  impl_.sites.push_back(site);
  impl_.op_sites[k] = id;
  return id;
}

Fact Engine::site_items(const Fact& container, bool values) {
  Fact items;
  for (uint32_t s : container.members) {
    read(key(values ? kValuesKey : kItemsKey, s));
    const SiteInfo& site = impl_.sites[s];
    items = join(items, values ? site.values : site.items);
  }
  if (container.unknown_members) {
    // A container from outside the program (an external's result): anything of the item type.
    items.reached = true;
    items.unknown_members = true;
    items.may_be_null = true;
  }
  return items;
}

void Engine::write_items(const Fact& container, const Fact& value, bool values, bool resize, bool mutate) {
  for (uint32_t s : container.members) {
    SiteInfo& site = impl_.sites[s];
    site.resized |= resize;
    if (mutate && !site.mutated) {
      site.mutated_in = current_.function;
      site.mutated_at = current_op_;
    }
    site.mutated |= mutate;
    if (value.reached && grow(key(values ? kValuesKey : kItemsKey, s), values ? site.values : site.items, value))
      changed(key(values ? kValuesKey : kItemsKey, s));
  }
}

bool Engine::transfer_container(const Operation& op, OpId op_id, Fact& result, Fact& raised) {
  const Graph& g = graph();
  TypeId type = op.result.valid() ? g.variable(op.result).type : TypeId();
  auto arg = [&](unsigned i) { return value_fact(op.args[i]); };
  auto fresh = [&](const Fact& items, const Fact& values) {
    SiteId site = site_for(op_id, type);
    result = Fact();
    result.reached = true;
    add_member(result, site.index());
    write_items(result, items, false, false, false);
    write_items(result, values, true, false, false);
  };
  auto length = [&] {
    result = top_fact(program_, type);
    result.lo = 0;
  };
  // The user key traits a dict operation calls with its keys.
  auto hash_keys = [&](unsigned dict_arg, const Fact* key) {
    TypeId dict_type = program_.type_of(g, op.args[dict_arg]);
    KeyTraitsId traits = program_.types().get(dict_type).key_traits;
    if (!traits.valid()) return true;
    Fact keys = site_items(arg(dict_arg), false);
    if (key) keys = join(keys, *key);
    if (!keys.reached) return true;
    const KeyTraitsInfo& info = program_.key_traits_info(traits);
    Fact ignored;
    ClassId resource;
    call_targets(op_id, {info.hash}, {keys}, ignored, raised, resource);
    call_targets(op_id, {info.equal}, {keys, keys}, ignored, raised, resource);
    return true;
  };
  switch (op.opcode) {
    case Opcode::list_new:
    case Opcode::dict_new: fresh(Fact(), Fact()); return true;
    case Opcode::list_new_filled:
    case Opcode::array_new: fresh(arg(1), Fact()); return true;
    case Opcode::array_from_list:
    case Opcode::list_copy:
    case Opcode::list_slice: fresh(site_items(arg(0), false), Fact()); return true;
    case Opcode::dict_copy: fresh(site_items(arg(0), false), site_items(arg(0), true)); return true;
    case Opcode::dict_keys: fresh(site_items(arg(0), false), Fact()); return true;
    case Opcode::dict_values: fresh(site_items(arg(0), true), Fact()); return true;
    case Opcode::str_split:
    case Opcode::str_split_whitespace: fresh(top_fact(program_, program_.types().str()), Fact()); return true;
    case Opcode::list_len:
    case Opcode::array_len:
    case Opcode::dict_len: length(); return true;
    case Opcode::list_is_empty:
    case Opcode::dict_is_empty:
    case Opcode::list_contains:
      result = top_fact(program_, type);
      return true;
    case Opcode::list_index_of:
      length();
      result.lo = -1;
      return true;
    case Opcode::list_getitem:
    case Opcode::array_getitem: result = site_items(arg(0), false); return true;
    case Opcode::list_pop:
    case Opcode::list_pop_at:
      write_items(arg(0), Fact(), false, true, true);
      result = site_items(arg(0), false);
      return true;
    case Opcode::list_setitem:
    case Opcode::array_setitem: write_items(arg(0), arg(2), false, false, true); return true;
    case Opcode::array_fill: write_items(arg(0), arg(1), false, false, true); return true;
    case Opcode::list_append: write_items(arg(0), arg(1), false, true, true); return true;
    case Opcode::list_insert:
    case Opcode::list_resize: write_items(arg(0), arg(2), false, true, true); return true;
    case Opcode::list_extend: write_items(arg(0), site_items(arg(1), false), false, true, true); return true;
    case Opcode::list_clear: write_items(arg(0), Fact(), false, true, true); return true;
    case Opcode::list_reverse: write_items(arg(0), Fact(), false, false, true); return true;
    case Opcode::str_join: return false;  // reads only; the result is a string
    case Opcode::dict_contains: {
      Fact k = arg(1);
      hash_keys(0, &k);
      result = top_fact(program_, type);
      return true;
    }
    case Opcode::dict_getitem:
    case Opcode::dict_pop: {
      Fact k = arg(1);
      hash_keys(0, &k);
      if (op.opcode == Opcode::dict_pop) write_items(arg(0), Fact(), false, true, true);
      result = site_items(arg(0), true);
      return true;
    }
    case Opcode::dict_get_or: {
      Fact k = arg(1);
      hash_keys(0, &k);
      result = join(site_items(arg(0), true), arg(2));
      return true;
    }
    case Opcode::dict_setitem: {
      Fact k = arg(1);
      write_items(arg(0), k, false, true, true);
      write_items(arg(0), arg(2), true, true, true);
      hash_keys(0, &k);
      return true;
    }
    case Opcode::dict_delitem:
    case Opcode::dict_discard: {
      Fact k = arg(1);
      hash_keys(0, &k);
      write_items(arg(0), Fact(), false, true, true);
      if (op.result.valid()) result = top_fact(program_, type);
      return true;
    }
    case Opcode::dict_clear: write_items(arg(0), Fact(), false, true, true); return true;
    case Opcode::dict_iter:
      result = arg(0);
      result.may_be_null = false;
      result.constant = ConstId();
      return true;
    case Opcode::dictiter_key: result = site_items(arg(0), false); return true;
    case Opcode::dictiter_value: result = site_items(arg(0), true); return true;
    default: return false;
  }
}

}  // namespace rtoolchain::annotator
