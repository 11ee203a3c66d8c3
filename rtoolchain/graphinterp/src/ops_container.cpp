// StrBuilder, List, Array and Dict operations: rt's own containers of Values, so every edge
// case (bounds, negative sizes, iteration after a change) is rt's.
#include "interp.h"

namespace rtoolchain::graphinterp {

using namespace ir;

bool Interpreter::Impl::exec_container(const Graph& graph, const Operation& op, Value* vars, Value& r,
                                       bool& handled) {
  auto arg = [&](unsigned i) { return operand(graph, op.args[i], vars); };
  // The container operand, never null (a null container is a null dereference, rule M9).
  auto deref = [&](unsigned i, auto* type_tag) {
    Value v = arg(i);
    if (v.is_null()) null_dereference();
    return v.as_ptr<std::remove_pointer_t<decltype(type_tag)>>();
  };
  auto sb = [&] { return &deref(0, static_cast<GStrBuilder*>(nullptr))->builder; };
  auto list = [&](unsigned i = 0) { return deref(i, static_cast<GList*>(nullptr)); };
  auto array = [&] { return deref(0, static_cast<GArray*>(nullptr)); };
  auto dict = [&] { return deref(0, static_cast<GDict*>(nullptr)); };
  auto iter = [&] { return deref(0, static_cast<GDictIter*>(nullptr)); };
  auto copy_of = [&](rt::List<Value>* items) {
    GList* result = new_list();
    result->extend(items);
    return Value::ref(Tag::kList, result);
  };
  handled = true;
  switch (op.opcode) {
    // --- rt::StrBuilder. ---
    case Opcode::strbuilder_new:
      r = Value::ref(Tag::kStrBuilder, stamp(rt::make<GStrBuilder>(arg(0).as_int())));
      break;
    case Opcode::strbuilder_append: sb()->append(arg(1).as_str()); break;
    case Opcode::strbuilder_append_char: sb()->append_char(static_cast<char>(arg(1).as_int())); break;
    case Opcode::strbuilder_len: r = Value::integer(sb()->size()); break;
    case Opcode::strbuilder_build: r = Value::str(sb()->build()); break;
    case Opcode::strbuilder_clear: sb()->clear(); break;
    case Opcode::strbuilder_append_int: sb()->append_int(arg(1).as_int()); break;
    case Opcode::strbuilder_append_double: sb()->append_double(arg(1).as_float()); break;

    // --- rt::Str operations on lists. ---
    case Opcode::str_split: {
      rt::List<rt::Str>* pieces = arg(0).as_str().split(arg(1).as_str());
      GList* result = new_list();
      for (int64_t i = 0; i < pieces->size(); ++i) result->append(Value::str(pieces->get(i)));
      r = Value::ref(Tag::kList, result);
      break;
    }
    case Opcode::str_split_whitespace: {
      rt::List<rt::Str>* pieces = arg(0).as_str().split_whitespace();
      GList* result = new_list();
      for (int64_t i = 0; i < pieces->size(); ++i) result->append(Value::str(pieces->get(i)));
      r = Value::ref(Tag::kList, result);
      break;
    }
    case Opcode::str_join: {
      rt::Str separator = arg(0).as_str();
      GList* items = list(1);
      auto* pieces = rt::make<rt::List<rt::Str>>();
      for (int64_t i = 0; i < items->size(); ++i) pieces->append(items->get(i).as_str());
      r = Value::str(separator.join(pieces));
      break;
    }

    // --- rt::List. ---
    case Opcode::list_new: r = Value::ref(Tag::kList, new_list()); break;
    case Opcode::list_new_filled:
      r = Value::ref(Tag::kList, stamp(rt::make<GList>(arg(0).as_int(), arg(1))));
      break;
    case Opcode::list_len: r = Value::integer(list()->size()); break;
    case Opcode::list_getitem: r = list()->get(arg(1).as_int()); break;
    case Opcode::list_setitem: list()->set(arg(1).as_int(), arg(2)); break;
    case Opcode::list_append: list()->append(arg(1)); break;
    case Opcode::list_pop: r = list()->pop(); break;
    case Opcode::list_pop_at: r = list()->pop_at(arg(1).as_int()); break;
    case Opcode::list_insert: list()->insert(arg(1).as_int(), arg(2)); break;
    case Opcode::list_extend: {
      GList* target = list();
      target->extend(list(1));
      break;
    }
    case Opcode::list_resize: list()->resize(arg(1).as_int(), arg(2)); break;
    case Opcode::list_clear: list()->clear(); break;
    case Opcode::list_reverse: list()->reverse(); break;
    case Opcode::list_slice: r = copy_of(list()->slice(arg(1).as_int(), arg(2).as_int())); break;
    case Opcode::list_copy: r = copy_of(list()); break;
    case Opcode::list_index_of: r = Value::integer(list()->index_of(arg(1))); break;
    case Opcode::list_is_empty: r = Value::boolean(list()->empty()); break;
    case Opcode::list_contains: r = Value::boolean(list()->contains(arg(1))); break;

    // --- rt::Array. ---
    case Opcode::array_new: r = Value::ref(Tag::kArray, stamp(rt::make<GArray>(arg(0).as_int(), arg(1)))); break;
    case Opcode::array_from_list: {
      GList* source = list();
      GArray* result = stamp(rt::make<GArray>(source->size(), zero_value(graph.variable(op.result).type)));
      for (int64_t i = 0; i < source->size(); ++i) result->set(i, source->get(i));
      r = Value::ref(Tag::kArray, result);
      break;
    }
    case Opcode::array_len: r = Value::integer(array()->size()); break;
    case Opcode::array_getitem: r = array()->get(arg(1).as_int()); break;
    case Opcode::array_setitem: array()->set(arg(1).as_int(), arg(2)); break;
    case Opcode::array_fill: array()->fill(arg(1)); break;

    // --- rt::Dict: every operation inside a DictScope, so that key traits reach the program's. ---
    case Opcode::dict_new: r = Value::ref(Tag::kDict, new_dict(graph.variable(op.result).type)); break;
    case Opcode::dict_len: r = Value::integer(dict()->size()); break;
    case Opcode::dict_is_empty: r = Value::boolean(dict()->empty()); break;
    case Opcode::dict_contains: {
      GDict* d = dict();
      DictScope scope(*this, d);
      r = Value::boolean(d->contains(arg(1)));
      break;
    }
    case Opcode::dict_getitem: {
      GDict* d = dict();
      DictScope scope(*this, d);
      r = d->get(arg(1));
      break;
    }
    case Opcode::dict_get_or: {
      GDict* d = dict();
      DictScope scope(*this, d);
      r = d->get_or(arg(1), arg(2));
      break;
    }
    case Opcode::dict_setitem: {
      GDict* d = dict();
      DictScope scope(*this, d);
      d->set(arg(1), arg(2));
      break;
    }
    case Opcode::dict_delitem: {
      GDict* d = dict();
      DictScope scope(*this, d);
      d->remove(arg(1));
      break;
    }
    case Opcode::dict_pop: {
      GDict* d = dict();
      DictScope scope(*this, d);
      r = d->pop(arg(1));
      break;
    }
    case Opcode::dict_discard: {
      GDict* d = dict();
      DictScope scope(*this, d);
      r = Value::boolean(d->discard(arg(1)));
      break;
    }
    case Opcode::dict_clear: dict()->clear(); break;
    case Opcode::dict_keys: r = copy_of(dict()->keys()); break;
    case Opcode::dict_values: r = copy_of(dict()->values()); break;
    case Opcode::dict_copy: {
      GDict* source = dict();
      GDict* result = stamp(rt::make<GDict>());
      result->traits = source->traits;
      DictScope scope(*this, result);
      for (auto item : *source) result->set(item.key, item.value);
      r = Value::ref(Tag::kDict, result);
      break;
    }
    case Opcode::dict_iter: r = Value::ref(Tag::kDictIter, stamp(rt::make<GDictIter>(dict()))); break;
    case Opcode::dictiter_next: {
      // Host mode's range-for: `it != end` before the first item, `++it` then `it != end` after.
      GDictIter* it = iter();
      if (it->started) ++it->it;
      it->started = true;
      r = Value::boolean(it->it != it->dict->end());
      break;
    }
    case Opcode::dictiter_key: r = (*iter()->it).key; break;
    case Opcode::dictiter_value: r = (*iter()->it).value; break;
    default: handled = false;
  }
  return true;
}

}  // namespace rtoolchain::graphinterp
