// The dispatch loop, written the way a meta-tracing JIT wants it (docs/tiny.md section 12,
// docs/hints.md section 1): one function holds the loop; its whole state is the green pair
// (pc, code), which says where in the program we are, and the reds (sp, depth, stack, locals);
// the value stack is a fixed-size array local to the frame, so that traces can keep it in
// registers; a call of a tiny function is a recursive call of execute().
#include "interp.h"

#include "builtins.h"

namespace tiny {

namespace {

constinit rt::jit::JitDriver<
    rt::jit::Greens<int64_t, Code*>,
    rt::jit::Reds<int64_t, int64_t, rt::Array<Value*>*, rt::Array<Value*>*>>
    driver{"tiny", {.is_recursive = true}};

// How deeply tiny functions may nest. The language sets its own limit, rather than relying on
// the native stack running out (rt::RecursionError), so that where a runaway recursion stops is
// the same in every mode and build (docs/rcpp.md, rule R2). The native stack holds several times
// this many frames in every build we test, sanitizers included.
constexpr int64_t kMaxCallDepth = 5000;

[[noreturn]] void raise_undeclared(Code* code, int64_t slot) {
  raise_error("NameError", rt::Str("variable '") + code->globals->names->get(slot) +
                               "' is used before its declaration");
}

// Calls `callee` with the `count` arguments at stack[first...], from a frame at `depth`. The
// loops copy arguments: short, so the JIT may unroll them rather than call this function.
RT_JIT_UNROLL_SAFE Value* call(Value* callee, rt::Array<Value*>* stack, int64_t first,
                               int64_t count, int64_t depth) {
  FunctionValue* function = dynamic_cast<FunctionValue*>(callee);
  if (function != nullptr) {
    // A call site usually calls one function: let the trace specialise on its code.
    Code* code = rt::jit::promote(function->code);
    if (count != code->arity) raise_argument_count(code->name, code->arity, code->arity, count);
    if (depth >= kMaxCallDepth) raise_error("RecursionError", "maximum recursion depth exceeded");
    rt::Array<Value*>* locals = rt::make<rt::Array<Value*>>(code->num_locals, nil_value());
    for (int64_t i = 0; i < count; ++i) locals->set(i, stack->get(first + i));
    return execute(code, locals, depth + 1);
  }
  BuiltinValue* builtin = dynamic_cast<BuiltinValue*>(callee);
  if (builtin != nullptr) {
    rt::Array<Value*>* args = rt::make<rt::Array<Value*>>(count, nullptr);
    for (int64_t i = 0; i < count; ++i) args->set(i, stack->get(first + i));
    return call_builtin(rt::jit::promote(builtin), args);
  }
  raise_error("TypeError", callee->type_name() + " is not callable");
}

// Records that `thrown` leaves the frame running `code` at `pc` without being caught.
void add_traceback(Thrown* thrown, Code* code, int64_t pc) {
  if (!code->is_function) return;
  thrown->traceback->append(rt::Str("  in fn ") + code->name + " at " + code->filename + ":" +
                            rt::Str::from_int(code->lines->get(pc)) + ":" +
                            rt::Str::from_int(code->columns->get(pc)));
}

}  // namespace

Value* execute(Code* code, rt::Array<Value*>* locals, int64_t depth) {
  rt::Array<Value*>* stack = rt::make<rt::Array<Value*>>(code->max_stack, nullptr);
  int64_t sp = 0;  // the number of values on the stack
  int64_t pc = 0;
  while (true) {
    driver.jit_merge_point(pc, code, sp, depth, stack, locals);
    // The compiler gives every pc one stack depth, so this guard never fails and the trace
    // indexes the stack with constants.
    sp = rt::jit::promote(sp);
    int64_t current = pc;
    op::Opcode opcode = code->opcodes->get(pc);
    int64_t arg = code->args->get(pc);
    pc += 1;
    Thrown* thrown = nullptr;
    try {
      switch (opcode) {
        case op::LOAD_CONST:
          stack->set(sp, code->constants->get(arg));
          sp += 1;
          break;
        case op::LOAD_LOCAL:
          stack->set(sp, locals->get(arg));
          sp += 1;
          break;
        case op::STORE_LOCAL:
          sp -= 1;
          locals->set(arg, stack->get(sp));
          break;
        case op::LOAD_GLOBAL: {
          Value* value = code->globals->values->get(arg);
          if (value == nullptr) raise_undeclared(code, arg);
          stack->set(sp, value);
          sp += 1;
          break;
        }
        case op::STORE_GLOBAL:
          if (code->globals->values->get(arg) == nullptr) raise_undeclared(code, arg);
          sp -= 1;
          code->globals->values->set(arg, stack->get(sp));
          break;
        case op::DEFINE_GLOBAL:
          sp -= 1;
          code->globals->values->set(arg, stack->get(sp));
          break;
        case op::POP:
          sp -= 1;
          break;

        case op::ADD:
          stack->set(sp - 2, add(stack->get(sp - 2), stack->get(sp - 1)));
          sp -= 1;
          break;
        case op::SUBTRACT:
          stack->set(sp - 2, subtract(stack->get(sp - 2), stack->get(sp - 1)));
          sp -= 1;
          break;
        case op::MULTIPLY:
          stack->set(sp - 2, multiply(stack->get(sp - 2), stack->get(sp - 1)));
          sp -= 1;
          break;
        case op::DIVIDE:
          stack->set(sp - 2, divide(stack->get(sp - 2), stack->get(sp - 1)));
          sp -= 1;
          break;
        case op::MODULO:
          stack->set(sp - 2, modulo(stack->get(sp - 2), stack->get(sp - 1)));
          sp -= 1;
          break;
        case op::EQUAL:
          stack->set(sp - 2, bool_value(values_equal(stack->get(sp - 2), stack->get(sp - 1))));
          sp -= 1;
          break;
        case op::NOT_EQUAL:
          stack->set(sp - 2, bool_value(!values_equal(stack->get(sp - 2), stack->get(sp - 1))));
          sp -= 1;
          break;
        case op::LESS:
          stack->set(sp - 2,
                     bool_value(order(stack->get(sp - 2), stack->get(sp - 1), opcode) == -1));
          sp -= 1;
          break;
        case op::LESS_EQUAL: {
          int64_t ordering = order(stack->get(sp - 2), stack->get(sp - 1), opcode);
          stack->set(sp - 2, bool_value(ordering == -1 || ordering == 0));
          sp -= 1;
          break;
        }
        case op::GREATER:
          stack->set(sp - 2,
                     bool_value(order(stack->get(sp - 2), stack->get(sp - 1), opcode) == 1));
          sp -= 1;
          break;
        case op::GREATER_EQUAL: {
          int64_t ordering = order(stack->get(sp - 2), stack->get(sp - 1), opcode);
          stack->set(sp - 2, bool_value(ordering == 1 || ordering == 0));
          sp -= 1;
          break;
        }
        case op::NEGATE:
          stack->set(sp - 1, negate(stack->get(sp - 1)));
          break;
        case op::NOT:
          stack->set(sp - 1, bool_value(!stack->get(sp - 1)->truthy()));
          break;

        case op::BUILD_LIST: {
          rt::List<Value*>* items = rt::make<rt::List<Value*>>();
          for (int64_t i = sp - arg; i < sp; ++i) items->append(stack->get(i));
          sp -= arg;
          stack->set(sp, rt::make<ListValue>(items));
          sp += 1;
          break;
        }
        case op::BUILD_DICT: {
          ValueDict* entries = rt::make<ValueDict>();
          for (int64_t i = sp - 2 * arg; i < sp; i += 2)
            entries->set(stack->get(i), stack->get(i + 1));
          sp -= 2 * arg;
          stack->set(sp, rt::make<DictValue>(entries));
          sp += 1;
          break;
        }
        case op::INDEX:
          stack->set(sp - 2, get_item(stack->get(sp - 2), stack->get(sp - 1)));
          sp -= 1;
          break;
        case op::STORE_INDEX:
          set_item(stack->get(sp - 3), stack->get(sp - 2), stack->get(sp - 1));
          sp -= 3;
          break;
        case op::CALL: {
          Value* result = call(stack->get(sp - arg - 1), stack, sp - arg, arg, depth);
          sp -= arg;
          stack->set(sp - 1, result);
          break;
        }

        case op::JUMP:
          pc = arg;
          break;
        case op::JUMP_BACK:
          pc = arg;
          driver.can_enter_jit(pc, code, sp, depth, stack, locals);
          continue;  // straight back to the merge point
        case op::JUMP_IF_FALSE:
          sp -= 1;
          if (!stack->get(sp)->truthy()) pc = arg;
          break;
        case op::JUMP_IF_FALSE_OR_POP:
          if (stack->get(sp - 1)->truthy()) {
            sp -= 1;
          } else {
            pc = arg;
          }
          break;
        case op::JUMP_IF_TRUE_OR_POP:
          if (stack->get(sp - 1)->truthy()) {
            pc = arg;
          } else {
            sp -= 1;
          }
          break;
        case op::GET_ITER:
          stack->set(sp - 1, make_iterator(stack->get(sp - 1)));
          break;
        case op::FOR_ITER: {
          IteratorValue* iterator = dynamic_cast<IteratorValue*>(stack->get(sp - 1));
          Value* item = iterator->next();
          if (item == nullptr) {
            sp -= 1;
            pc = arg;
          } else {
            stack->set(sp, item);
            sp += 1;
          }
          break;
        }
        case op::RETURN:
          return stack->get(sp - 1);
        case op::THROW:
          throw rt::make<Thrown>(stack->get(sp - 1));
      }
      // The slot just above the stack is dead: in traces, forget the value it held.
      if (rt::jit::we_are_jitted() && sp < stack->size()) stack->set(sp, nullptr);
    } catch (Thrown* error) {
      thrown = error;
    } catch (rt::Exception* error) {
      // An error the rt library detected (integer overflow, division by zero, recursion depth,
      // malformed number...) becomes the tiny error of the same name.
      thrown = rt::make<Thrown>(rt::make<ErrorValue>(error->type_name(), error->message));
    }
    if (thrown == nullptr) continue;

    if (!thrown->located) {
      thrown->located = true;
      thrown->line = code->lines->get(current);
      thrown->column = code->columns->get(current);
    }
    Handler* handler = find_handler(code, current);
    if (handler == nullptr) {
      add_traceback(thrown, code, current);
      throw thrown;
    }
    sp = handler->depth;
    stack->set(sp, thrown->value);
    sp += 1;
    pc = handler->target;
  }
}

}  // namespace tiny
