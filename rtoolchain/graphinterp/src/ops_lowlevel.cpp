// Low-level mode (docs/graphinterp.md, "Low-level programs"): the operations only the rtyper
// emits, and the class tests read from the program's type-id table as the backend will emit
// them (one range check), not from the class tree.
#include <string>

#include "interp.h"

namespace rtoolchain::graphinterp {

using namespace ir;

bool Interpreter::Impl::exec_lowlevel(const Graph& graph, const Operation& op, Value* vars, Value& r, bool& handled) {
  auto arg = [&](unsigned i) { return operand(graph, op.args[i], vars); };
  auto cst = [&](unsigned i) -> const Constant& { return program.constant(op.args[i].constant()); };
  auto array = [&](unsigned i) {
    Value v = arg(i);
    if (v.is_null()) null_dereference();
    return v.as_ptr<GArray>();
  };
  // The type id of a non-null object, from the program's table.
  auto type_id = [&](Value object) {
    return program.class_layout(ClassId(object.as_ptr<GObject>()->class_index)).min_type_id;
  };
  auto in_range = [&](uint32_t id, ClassId cls) {
    const ClassLayout& range = program.class_layout(cls);
    return id - range.min_type_id <= range.max_type_id - range.min_type_id;  // one unsigned compare
  };
  // getarrayitem/setarrayitem have no check: the rtyper checked the index before, so a bad one
  // is the toolchain's bug, not the program's.
  auto checked_index = [&](GArray* items, Value index) {
    int64_t i = index.as_int();
    if (i < 0 || i >= items->size())
      throw FatalError{"toolchain bug: " + op_name(op.opcode).str() + " index " + std::to_string(i) +
                       " out of range for size " + std::to_string(items->size())};
    return i;
  };
  handled = true;
  switch (op.opcode) {
    case Opcode::malloc_varsize: {
      TypeId item = program.types().get(graph.variable(op.result).type).item;
      r = Value::ref(Tag::kArray, stamp(rt::make<GArray>(arg(0).as_int(), zero_value(item))));
      break;
    }
    case Opcode::getarrayitem: {
      GArray* items = array(0);
      r = items->get(checked_index(items, arg(1)));
      break;
    }
    case Opcode::setarrayitem: {
      GArray* items = array(0);
      items->set(checked_index(items, arg(1)), arg(2));
      break;
    }
    case Opcode::getarraysize: r = Value::integer(array(0)->size()); break;
    case Opcode::gc_typeid: {
      Value object = arg(0);
      if (object.is_null()) null_dereference();
      r = Value::integer(type_id(object));
      break;
    }
    case Opcode::jit_force_quasi_immutable: break;  // no compiled code to invalidate
    case Opcode::debug_assert:
      if (!arg(0).as_bool()) throw FatalError{"toolchain bug: debug_assert failed: " + cst(1).text};
      break;
    // The class tests at the low level: range checks on the table.
    case Opcode::instanceof:
    case Opcode::cast_dynamic: {
      if (program.level() != Level::kLow) {
        handled = false;
        break;
      }
      Value v = arg(0);
      bool ok = !v.is_null() && in_range(type_id(v), cst(1).class_id());
      if (op.opcode == Opcode::instanceof) r = Value::boolean(ok);
      else r = ok ? v : Value::ref(Tag::kObject, nullptr);
      break;
    }
    case Opcode::class_issubclass:
      if (program.level() != Level::kLow) {
        handled = false;
        break;
      }
      r = Value::boolean(in_range(program.class_layout(arg(0).as_class()).min_type_id, cst(1).class_id()));
      break;
    default: handled = false;
  }
  return true;
}

}  // namespace rtoolchain::graphinterp
