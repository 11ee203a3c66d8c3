// The dispatch loop, shaped for the meta-tracing JIT as tiny's is (docs/som.md, "The
// interpreter"): greens (pc, method) name the position, the reds are the stack pointer, the frame
// and the value stack, a fixed-size array local to the activation.
#include "interp.h"

#include "opcodes.h"

namespace som {

namespace {

constinit rt::jit::JitDriver<rt::jit::Greens<int64_t, SMethod*>,
                             rt::jit::Reds<int64_t, Frame*, rt::Array<Value*>*>>
    driver{"som", {.is_recursive = true}};

// `^` in a block unwinds to the activation of its home method.
class NonLocalReturn : public rt::Exception {
 public:
  NonLocalReturn(Frame* home, Value* value) : home(home), value(value) {}
  rt::Str type_name() const override { return "NonLocalReturn"; }
  Frame* home;
  Value* value;
};

Value* execute(SMethod* method, Frame* frame);

Value* activate(Frame* caller, SMethod* method, Frame* context, rt::Array<Value*>* args) {
  int64_t depth = caller == nullptr ? 0 : caller->depth + 1;
  if (depth > kMaxDepth) throw rt::make<SomError>("maximum recursion depth exceeded", caller);
  rt::Array<Value*>* locals = rt::make<rt::Array<Value*>>(method->num_locals, nil());
  Frame* frame = rt::make<Frame>(method, context, caller, args, locals, depth);
  return execute(method, frame);
}

RT_JIT_UNROLL_SAFE Frame* context_at(Frame* frame, int64_t level) {
  Frame* f = frame;
  for (int64_t i = 0; i < level; ++i) f = f->context;
  return f;
}

SInstance* self_with_fields(Frame* frame, int64_t level, int64_t index) {
  SInstance* self = dynamic_cast<SInstance*>(context_at(frame, level)->args->get(0));
  if (self == nullptr || index >= self->fields->size())
    throw rt::make<SomError>("field access on an object without fields", frame);
  return self;
}

Value* copy_literal(Value* literal) {
  SArray* array = dynamic_cast<SArray*>(literal);
  if (array == nullptr) return literal;
  rt::Array<Value*>* items = rt::make<rt::Array<Value*>>(array->items->size(), nullptr);
  for (int64_t i = 0; i < items->size(); ++i) items->set(i, copy_literal(array->items->get(i)));
  return rt::make<SArray>(items);
}

// The home method has returned: the block's `^` cannot unwind to it. As in the standard VMs, the
// sender's self gets escapedBlock: with the block; its answer is the block's value.
Value* escaped_block(Frame* frame) {
  Frame* sender = frame->previous != nullptr ? frame->previous : frame;
  Value* self = home_of(sender)->args->get(0);
  return send(frame, symbol("escapedBlock:"), args2(self, frame->args->get(0)));
}

RT_JIT_UNROLL_SAFE rt::Array<Value*>* pop_arguments(rt::Array<Value*>* stack, int64_t sp,
                                                    int64_t count) {
  rt::Array<Value*>* args = rt::make<rt::Array<Value*>>(count, nullptr);
  for (int64_t i = 0; i < count; ++i) args->set(i, stack->get(sp - count + i));
  return args;
}

RT_JIT_UNROLL_SAFE bool top_are_integers(rt::Array<Value*>* stack, int64_t sp, int64_t count) {
  for (int64_t i = 1; i <= count; ++i) {
    if (dynamic_cast<SInteger*>(stack->get(sp - i)) == nullptr) return false;
  }
  return true;
}

// A counter or limit of an inlined loop: the compiler put a small integer there.
int64_t loop_integer(Frame* frame, int64_t slot) {
  SInteger* value = dynamic_cast<SInteger*>(frame->locals->get(slot));
  if (value == nullptr) throw rt::make<SomError>("inlined loop variable is not an integer", frame);
  return value->value;
}

// Whether counter + step leaves the int64_t range (the loop is then over: the limit is inside).
bool step_overflows(int64_t counter, int64_t step) {
  if (step > 0) return counter > INT64_MAX - step;
  return step < 0 && counter < INT64_MIN - step;
}

rt::Str describe_rt_error(rt::Exception* error) {
  if (error->type_name() == "RecursionError") return "maximum recursion depth exceeded";
  if (error->type_name() == "MemoryError") return "out of memory";
  return error->type_name() + ": " + error->message;
}

Value* execute(SMethod* method, Frame* frame) {
  rt::Array<Value*>* stack = rt::make<rt::Array<Value*>>(method->max_stack + 1, nullptr);
  int64_t sp = 0;
  int64_t pc = 0;
  while (true) {
    driver.jit_merge_point(pc, method, sp, frame, stack);
    // The compiler gives every pc one stack depth, so the guard never fails in a trace.
    sp = rt::jit::promote(sp);
    rt::Array<int64_t>* code = method->code;
    Op op = static_cast<Op>(code->get(pc));
    try {
      switch (op) {
        case Op::kDup:
          stack->set(sp, stack->get(sp - 1));
          sp += 1;
          pc += 1;
          break;
        case Op::kPop:
          sp -= 1;
          pc += 1;
          break;
        case Op::kPushLocal:
          stack->set(sp, context_at(frame, code->get(pc + 2))->locals->get(code->get(pc + 1)));
          sp += 1;
          pc += 3;
          break;
        case Op::kPushArgument:
          stack->set(sp, context_at(frame, code->get(pc + 2))->args->get(code->get(pc + 1)));
          sp += 1;
          pc += 3;
          break;
        case Op::kPushField: {
          int64_t index = code->get(pc + 1);
          stack->set(sp, self_with_fields(frame, code->get(pc + 2), index)->fields->get(index));
          sp += 1;
          pc += 3;
          break;
        }
        case Op::kPushBlock: {
          SMethod* block = dynamic_cast<SMethod*>(method->literals->get(code->get(pc + 1)));
          stack->set(sp, rt::make<SBlock>(block, frame));
          sp += 1;
          pc += 2;
          break;
        }
        case Op::kPushConstant:
          stack->set(sp, copy_literal(method->literals->get(code->get(pc + 1))));
          sp += 1;
          pc += 2;
          break;
        case Op::kPushGlobal: {
          SSymbol* name = dynamic_cast<SSymbol*>(method->literals->get(code->get(pc + 1)));
          Value* value = global(name);
          if (value == nullptr) {
            frame->pc = pc;
            value = send(frame, symbol("unknownGlobal:"), args2(home_of(frame)->args->get(0), name));
          }
          stack->set(sp, value);
          sp += 1;
          pc += 2;
          break;
        }
        case Op::kPopLocal:
          sp -= 1;
          context_at(frame, code->get(pc + 2))->locals->set(code->get(pc + 1), stack->get(sp));
          pc += 3;
          break;
        case Op::kPopArgument:
          sp -= 1;
          context_at(frame, code->get(pc + 2))->args->set(code->get(pc + 1), stack->get(sp));
          pc += 3;
          break;
        case Op::kPopField: {
          int64_t index = code->get(pc + 1);
          self_with_fields(frame, code->get(pc + 2), index)->fields->set(index, stack->get(sp - 1));
          sp -= 1;
          pc += 3;
          break;
        }
        case Op::kSend:
        case Op::kSuperSend: {
          SSymbol* selector = dynamic_cast<SSymbol*>(method->literals->get(code->get(pc + 1)));
          int64_t count = selector->num_args + 1;
          rt::Array<Value*>* args = pop_arguments(stack, sp, count);
          frame->pc = pc;
          SClass* cls = nullptr;
          if (op == Op::kSend) {
            cls = rt::jit::promote(args->get(0)->som_class());
          } else {
            cls = method->holder->superclass;
          }
          Invokable* invokable = cls == nullptr ? nullptr : lookup(cls, selector);
          SPrimitive* primitive = dynamic_cast<SPrimitive*>(invokable);
          if (primitive != nullptr && primitive->is_restart) {
            // Block>>restart: start this activation (a loop like whileTrue:) over.
            for (int64_t i = 0; i < sp; ++i) stack->set(i, nullptr);
            sp = 0;
            pc = 0;
            driver.can_enter_jit(pc, method, sp, frame, stack);
            continue;
          }
          Value* result = nullptr;
          if (invokable == nullptr) {
            result = send(frame, selector, args);  // doesNotUnderstand:arguments:
          } else {
            result = invoke(frame, invokable, args);
          }
          sp -= count;
          stack->set(sp, result);
          sp += 1;
          pc += 2;
          break;
        }
        case Op::kJump:
          pc = code->get(pc + 1);
          break;
        case Op::kJumpBackward:
          pc = code->get(pc + 1);
          driver.can_enter_jit(pc, method, sp, frame, stack);
          continue;
        case Op::kJumpIfTrue:
        case Op::kJumpIfFalse: {
          Value* condition = stack->get(sp - 1);
          bool is_true = condition == g_universe->true_object;
          if (is_true || condition == g_universe->false_object) {
            sp -= 1;
            pc = is_true == (op == Op::kJumpIfTrue) ? code->get(pc + 1) : pc + 3;
          } else {
            pc = code->get(pc + 2);
          }
          break;
        }
        case Op::kJumpUnlessIntegers:
          pc = top_are_integers(stack, sp, code->get(pc + 2)) ? pc + 3 : code->get(pc + 1);
          break;
        case Op::kForTest: {
          int64_t counter = loop_integer(frame, code->get(pc + 2));
          int64_t limit = loop_integer(frame, code->get(pc + 3));
          bool past = code->get(pc + 5) != 0 ? counter < limit : counter > limit;
          if (past) {
            pc = code->get(pc + 1);
          } else {
            int64_t var = code->get(pc + 4);
            if (var >= 0) frame->locals->set(var, frame->locals->get(code->get(pc + 2)));
            pc += 6;
          }
          break;
        }
        case Op::kForNext: {
          int64_t slot = code->get(pc + 2);
          int64_t step = code->get(pc + 3);
          int64_t counter = loop_integer(frame, slot);
          if (step_overflows(counter, step)) {
            pc += 4;
            break;
          }
          frame->locals->set(slot, rt::make<SInteger>(counter + step));
          pc = code->get(pc + 1);
          driver.can_enter_jit(pc, method, sp, frame, stack);
          continue;
        }
        case Op::kReturnLocal:
          frame->on_stack = false;
          return stack->get(sp - 1);
        case Op::kReturnNonLocal: {
          Value* result = stack->get(sp - 1);
          Frame* home = home_of(frame);
          frame->pc = pc;
          if (!home->on_stack) {
            Value* answer = escaped_block(frame);
            frame->on_stack = false;
            return answer;
          }
          frame->on_stack = false;
          throw rt::make<NonLocalReturn>(home, result);
        }
      }
      // The slot just above the stack is dead: in traces, forget the value it held.
      if (rt::jit::we_are_jitted() && sp < stack->size()) stack->set(sp, nullptr);
    } catch (NonLocalReturn* unwinding) {
      frame->on_stack = false;
      if (unwinding->home == frame) return unwinding->value;
      throw unwinding;
    } catch (SomError* error) {
      frame->on_stack = false;
      throw error;
    } catch (rt::Exception* error) {
      frame->on_stack = false;
      frame->pc = pc;
      throw rt::make<SomError>(describe_rt_error(error), frame);
    }
  }
}

Value* does_not_understand(Frame* caller, SSymbol* selector, rt::Array<Value*>* args) {
  Value* receiver = args->get(0);
  SClass* cls = receiver->som_class();
  Invokable* handler = lookup(cls, symbol("doesNotUnderstand:arguments:"));
  if (handler == nullptr)
    throw rt::make<SomError>(class_display_name(cls) + " does not understand #" + selector->value,
                             caller);
  rt::Array<Value*>* rest = rt::make<rt::Array<Value*>>(args->size() - 1, nullptr);
  for (int64_t i = 1; i < args->size(); ++i) rest->set(i - 1, args->get(i));
  return invoke(caller, handler, args3(receiver, selector, rt::make<SArray>(rest)));
}

rt::Str frame_line(Frame* frame) {
  SMethod* method = frame->method;
  rt::Str holder = method->holder == nullptr ? rt::Str("?") : class_display_name(method->holder);
  rt::Str name = holder + ">>" + home_of(frame)->method->signature->value;
  if (method->is_block) name = rt::Str("[] in ") + name;
  int64_t line = frame->pc < method->lines->size() ? method->lines->get(frame->pc) : 0;
  return rt::Str("  at ") + name + " (" + method->file + ":" + rt::Str::from_int(line) + ")\n";
}

}  // namespace

Value* send(Frame* caller, SSymbol* selector, rt::Array<Value*>* args) {
  Invokable* invokable = lookup(args->get(0)->som_class(), selector);
  if (invokable == nullptr) return does_not_understand(caller, selector, args);
  return invoke(caller, invokable, args);
}

Value* invoke(Frame* caller, Invokable* invokable, rt::Array<Value*>* args) {
  SMethod* method = dynamic_cast<SMethod*>(invokable);
  if (method != nullptr) {
    if (args->size() != method->num_args)
      throw rt::make<SomError>(rt::Str("wrong number of arguments for #") +
                                   method->signature->value, caller);
    return activate(caller, method, nullptr, args);
  }
  SPrimitive* primitive = dynamic_cast<SPrimitive*>(invokable);
  if (primitive->function == nullptr)
    throw rt::make<SomError>(rt::Str("primitive not implemented: ") +
                                 class_display_name(primitive->holder) + ">>#" +
                                 primitive->signature->value, caller);
  if (args->size() != primitive->signature->num_args + 1)
    throw rt::make<SomError>(rt::Str("wrong number of arguments for #") +
                                 primitive->signature->value, caller);
  return rt::jit::promote(primitive)->function(caller, args);
}

Value* call_block(Frame* caller, SBlock* block, rt::Array<Value*>* args) {
  SMethod* method = rt::jit::promote(block->method);
  if (args->size() != method->num_args)
    throw rt::make<SomError>(rt::Str("a block with ") + rt::Str::from_int(method->num_args - 1) +
                                 " arguments was called with " +
                                 rt::Str::from_int(args->size() - 1), caller);
  return activate(caller, method, block->context, args);
}

rt::Str backtrace(Frame* frame) {
  rt::StrBuilder out;
  int64_t shown = 0;
  for (Frame* f = frame; f != nullptr; f = f->previous) {
    // A runaway recursion would print thousands of lines: keep the innermost and outermost.
    if (shown == 20 && f->depth > 30) {
      out.append("  ...\n");
      while (f->previous != nullptr && f->depth > 10) f = f->previous;
    }
    out.append(frame_line(f));
    shown += 1;
  }
  return out.build();
}

rt::Array<Value*>* args1(Value* a) { return rt::make<rt::Array<Value*>>(1, a); }
rt::Array<Value*>* args2(Value* a, Value* b) {
  rt::Array<Value*>* args = rt::make<rt::Array<Value*>>(2, a);
  args->set(1, b);
  return args;
}
rt::Array<Value*>* args3(Value* a, Value* b, Value* c) {
  rt::Array<Value*>* args = rt::make<rt::Array<Value*>>(3, a);
  args->set(1, b);
  args->set(2, c);
  return args;
}

}  // namespace som
