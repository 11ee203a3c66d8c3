// Objects, globals, value structs, calls and JIT hints (no-ops or identities, as in host mode).
#include "interp.h"
#include "rt/exceptions.h"
#include "rt/jit.h"

namespace rtoolchain::graphinterp {

using namespace ir;

namespace {

// The arguments of a call, from operand `first` on, in GC memory (not on the C stack, which
// every level of graph recursion pays for).
struct CallArgs {
  Value* items = nullptr;
  size_t size = 0;
};

}  // namespace

bool Interpreter::Impl::exec_object(const Graph& graph, const Operation& op, Value* vars, Value& r,
                                    bool& handled) {
  auto arg = [&](unsigned i) { return operand(graph, op.args[i], vars); };
  auto cst = [&](unsigned i) -> const Constant& { return program.constant(op.args[i].constant()); };
  auto object = [&](unsigned i) {
    Value v = arg(i);
    if (v.is_null()) null_dereference();
    return v.as_ptr<GObject>();
  };
  auto class_of = [&](Value v) { return ClassId(v.as_ptr<GObject>()->class_index); };
  auto collect = [&](CallArgs& args, unsigned first) {
    args.size = op.args.size() - first;
    args.items = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (args.size + 1)));
    for (size_t i = 0; i < args.size; ++i) args.items[i] = arg(static_cast<unsigned>(first + i));
  };
  handled = true;
  switch (op.opcode) {
    // --- Calls. ---
    case Opcode::jit_conditional_call: {
      if (!arg(0).as_bool()) return true;
      CallArgs args;
      collect(args, 2);
      Value ignored;
      return call(cst(1).function(), args.items, args.size, ignored);
    }
    case Opcode::jit_conditional_call_elidable: {
      r = arg(0);  // non-zero, non-null or true: no call
      if (r.tag == Tag::kFloat ? r.as_float() != 0.0 : !r.is_null()) return true;
      CallArgs args;
      collect(args, 2);
      return call(cst(1).function(), args.items, args.size, r);
    }
    case Opcode::jit_record_known_result: {
      // Host mode checks the promise: result == f(args...).
      CallArgs args;
      collect(args, 2);
      Value actual;
      if (!call(cst(1).function(), args.items, args.size, actual)) return false;
      if (!values_equal(actual, arg(0)))
        rt::jit::report_broken_promise("record_known_result");
      break;
    }

    // --- Objects and globals. ---
    case Opcode::new_object: r = new_object(cst(0).class_id()); break;
    case Opcode::getfield: r = object(0)->fields[field_slot[cst(1).field().index()]]; break;
    case Opcode::setfield: object(0)->fields[field_slot[cst(1).field().index()]] = arg(2); break;
    case Opcode::getglobal: r = roots->globals[cst(0).global().index()]; break;
    case Opcode::setglobal: roots->globals[cst(0).global().index()] = arg(1); break;
    case Opcode::instanceof: {
      Value v = arg(0);
      r = Value::boolean(!v.is_null() && program.is_subclass(class_of(v), cst(1).class_id()));
      break;
    }
    case Opcode::classof: r = Value::class_ref(ClassId(object(0)->class_index)); break;
    case Opcode::class_issubclass:
      r = Value::boolean(program.is_subclass(arg(0).as_class(), cst(1).class_id()));
      break;
    case Opcode::cast_dynamic: {
      Value v = arg(0);
      bool ok = !v.is_null() && program.is_subclass(class_of(v), cst(1).class_id());
      r = ok ? v : Value::ref(Tag::kObject, nullptr);
      break;
    }
    case Opcode::cast_pointer: r = arg(0); break;
    case Opcode::ptr_eq: r = Value::boolean(arg(0).bits == arg(1).bits); break;
    case Opcode::ptr_ne: r = Value::boolean(arg(0).bits != arg(1).bits); break;
    case Opcode::ptr_iszero: r = Value::boolean(arg(0).is_null()); break;
    case Opcode::ptr_nonzero: r = Value::boolean(!arg(0).is_null()); break;
    case Opcode::gc_identityhash: r = Value::integer(identity_of(arg(0))); break;

    // --- Value structs: arrays of field values (plus a none terminator), never mutated. ---
    case Opcode::struct_new: {
      size_t n = op.args.size();
      auto* fields = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (n + 1)));
      for (size_t i = 0; i < n; ++i) fields[i] = arg(static_cast<unsigned>(i));
      r = Value::ref(Tag::kStruct, fields);
      break;
    }
    case Opcode::struct_getfield: r = arg(0).as_ptr<Value>()[field_slot[cst(1).field().index()]]; break;
    case Opcode::struct_setfield: {
      const Value* old = arg(0).as_ptr<Value>();
      size_t n = program.struct_info(program.field_info(cst(1).field()).owner_struct).fields.size();
      auto* fields = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (n + 1)));
      for (size_t i = 0; i < n; ++i) fields[i] = old[i];
      fields[field_slot[cst(1).field().index()]] = arg(2);
      r = Value::ref(Tag::kStruct, fields);
      break;
    }

    // --- JIT hints: what host mode's rt/jit.h does. ---
    case Opcode::jit_promote:
    case Opcode::jit_promote_string:
    case Opcode::jit_access_directly:
    case Opcode::jit_fresh_virtualizable: r = arg(0); break;
    case Opcode::jit_we_are_jitted:
    case Opcode::jit_isconstant:
    case Opcode::jit_isvirtual: r = Value::boolean(false); break;
    case Opcode::jit_current_trace_length: r = Value::integer(-1); break;
    case Opcode::jit_set_user_param: rt::jit::check_user_params(arg(1).as_str()); break;
    case Opcode::jit_merge_point:
    case Opcode::can_enter_jit:
    case Opcode::jit_record_exact_class:
    case Opcode::jit_record_exact_value:
    case Opcode::jit_loop_header:
    case Opcode::jit_assert_green:
    case Opcode::jit_debug:
    case Opcode::jit_enter_portal_frame:
    case Opcode::jit_leave_portal_frame:
    case Opcode::jit_force_virtualizable:
    case Opcode::jit_set_param: break;
    default: handled = false;
  }
  return true;
}

}  // namespace rtoolchain::graphinterp
