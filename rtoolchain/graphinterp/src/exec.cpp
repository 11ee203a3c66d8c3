// Running graphs: calls, blocks, exits, and exceptions (docs/graphinterp.md).
//
// Graph-to-graph calls do not recurse natively: `run` keeps the frames of the graphs it enters
// on an explicit stack in GC memory, so the depth of the interpreted program never touches the
// native stack. Only callbacks from rt code (key traits) and the public entry start a new `run`.
#include <algorithm>

#include "interp.h"

namespace rtoolchain::graphinterp {

using namespace ir;

namespace {

// The exit a non-raising block takes.
const Link* choose_exit(const Graph& graph, const Block& block, const Value* vars) {
  const ExitSwitch& sw = block.exitswitch;
  if (sw.is_none() || sw.is_last_exception()) return &graph.link(block.exits.front());
  Value v = vars[sw.variable().index()];
  const Link* fallback = nullptr;
  for (LinkId id : block.exits) {
    const Link& link = graph.link(id);
    const ExitCase& c = link.exitcase;
    if (c.kind() == ExitCase::Kind::kBool && c.bool_value() == v.as_bool()) return &link;
    if (c.kind() == ExitCase::Kind::kInt && c.int_value() == v.as_int()) return &link;
    if (c.kind() == ExitCase::Kind::kDefault) fallback = &link;
  }
  if (!fallback) throw GraphError{"no exit of a switch matches its value"};
  return fallback;
}

bool is_call(Opcode opcode) {
  return opcode == Opcode::direct_call || opcode == Opcode::indirect_call || opcode == Opcode::virtual_call;
}

// One activation of a graph: its variables (and link scratch) and where it is.
struct Frame {
  FunctionId function;
  const Graph* graph;
  Value* vars;
  Value* temp;
  BlockId block;
  uint32_t op;  // the operation being executed (a call while a callee runs)
};

// The frames of one `run`, in GC memory (their `vars` are references the collector must see),
// pointed to from the C stack. Pops whatever is left when a fatal error unwinds through.
class FrameStack {
 public:
  explicit FrameStack(int64_t& depth) : depth_(depth) {}
  ~FrameStack() { depth_ -= static_cast<int64_t>(size_); }
  FrameStack(const FrameStack&) = delete;
  FrameStack& operator=(const FrameStack&) = delete;

  size_t size() const { return size_; }
  Frame& top() { return data_[size_ - 1]; }
  void push(const Frame& frame) {
    if (size_ == capacity_) {
      size_t capacity = capacity_ ? capacity_ * 2 : 16;
      auto* data = static_cast<Frame*>(rt::gc::alloc(sizeof(Frame) * capacity));
      std::copy(data_, data_ + size_, data);
      data_ = data;
      capacity_ = capacity;
    }
    data_[size_++] = frame;
    ++depth_;
  }
  void pop() {
    data_[--size_] = Frame{};
    --depth_;
  }

 private:
  Frame* data_ = nullptr;
  size_t size_ = 0, capacity_ = 0;
  int64_t& depth_;
};

}  // namespace

bool Interpreter::Impl::check_depth() {
  if (depth < kMaxCallDepth) return true;
  raise_rt(RtException::kRecursionError, "maximum recursion depth exceeded");
  return false;
}

bool Interpreter::Impl::call(FunctionId fn, const Value* args, size_t num_args, Value& result) {
  if (!check_depth()) return false;
  const FunctionInfo& info = program.function_info(fn);
  if (info.is_external || !info.graph || (hook && fn == hooked)) {
    ++depth;
    struct Restore {
      int64_t& d;
      ~Restore() { --d; }
    } restore{depth};
    if (hook && fn == hooked) return call_hooked(fn, args, num_args, result);
    return call_external(fn, args, num_args, result);
  }
  return run(fn, args, num_args, result);
}

bool Interpreter::Impl::call_hooked(FunctionId fn, const Value* args, size_t num_args, Value& result) {
  Outcome outcome = hook->call(fn, llvm::ArrayRef<Value>(args, num_args));
  switch (outcome.kind) {
    case Outcome::kReturned: result = outcome.value; return true;
    case Outcome::kRaised: set_pending(Value::class_ref(outcome.exc_class), outcome.value); return false;
    case Outcome::kFatal: throw FatalError{outcome.message};
    case Outcome::kExited: throw ExitRequest{outcome.exit_status};
    case Outcome::kError: throw GraphError{outcome.message};
  }
  return false;
}

Value* Interpreter::Impl::new_frame(FunctionId fn, const Value* args, size_t num_args, Value** temp) {
  const FunctionInfo& info = program.function_info(fn);
  const Graph& graph = *info.graph;
  // One slot per variable of the graph, then room for the arguments of the widest link.
  uint32_t& scratch = link_scratch[fn.index()];
  if (scratch == 0) {
    for (size_t l = 0; l < graph.num_links(); ++l)
      scratch = std::max<uint32_t>(scratch, graph.link(LinkId(static_cast<uint32_t>(l))).args.size());
    ++scratch;
  }
  size_t num_vars = graph.num_variables();
  auto* vars = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (num_vars + scratch)));
  const Block& start = graph.block(graph.start_block());
  if (start.inputargs.size() != num_args)
    throw GraphError{"call of " + info.name + " with the wrong number of arguments"};
  for (size_t i = 0; i < num_args; ++i) vars[start.inputargs[i].index()] = args[i];
  *temp = vars + num_vars;
  return vars;
}

bool Interpreter::Impl::run(FunctionId fn, const Value* args, size_t num_args, Value& result) {
  // Runs nest natively only through callbacks from rt code (key traits) and the JIT hints that
  // call; a program recursing through those is stopped before the native stack runs out.
  if (nested_runs >= kMaxNestedRuns) {
    raise_rt(RtException::kRecursionError, "maximum recursion depth exceeded");
    return false;
  }
  struct Nesting {
    int64_t& n;
    explicit Nesting(int64_t& n) : n(n) { ++n; }
    ~Nesting() { --n; }
  } nesting(nested_runs);
  FrameStack frames(depth);
  {
    const Graph* graph = program.function_info(fn).graph.get();
    Value* temp;
    Value* vars = new_frame(fn, args, num_args, &temp);
    frames.push({fn, graph, vars, temp, graph->start_block(), 0});
    if (observer) {
      observer->on_enter(fn, args, num_args);
      observer->on_block(fn, graph->start_block(), vars);
    }
  }
  // True when the top frame's current operation raised (the pending exception is set).
  bool raised = false;
  for (;;) {
    Frame& f = frames.top();
    const Graph& graph = *f.graph;
    if (!raised) {
      if (f.block == graph.return_block()) {
        Value value = f.vars[graph.block(f.block).inputargs[0].index()];
        if (observer) observer->on_leave(f.function);
        frames.pop();
        if (frames.size() == 0) {
          result = value;
          return true;
        }
        // Back in the caller, at its call: store the result and go on after it.
        Frame& caller = frames.top();
        const Operation& call_op = caller.graph->op(caller.graph->block(caller.block).operations[caller.op]);
        if (call_op.result.valid()) caller.vars[call_op.result.index()] = value;
        if (observer)
          observer->on_op(caller.function, caller.graph->block(caller.block).operations[caller.op], caller.vars);
        ++caller.op;
        continue;
      }
      if (f.block == graph.except_block()) {
        const Block& except = graph.block(f.block);
        set_pending(f.vars[except.inputargs[0].index()], f.vars[except.inputargs[1].index()]);
        if (observer) observer->on_leave(f.function);
        frames.pop();
        if (frames.size() == 0) return false;
        raised = true;  // the caller's call raised
        continue;
      }
    }

    const Block& block = graph.block(f.block);
    size_t num_ops = block.operations.size();
    if (!raised) {
      bool entered = false;
      for (; f.op < num_ops; ++f.op) {
        const Operation& op = graph.op(block.operations[f.op]);
        if (is_call(op.opcode)) {
          PreparedCall prepared = prepare_call(graph, op, f.vars);
          const FunctionInfo& callee = program.function_info(prepared.function);
          if (!callee.is_external && callee.graph && !(hook && prepared.function == hooked)) {
            if (!check_depth()) {
              raised = true;
              break;
            }
            Value* callee_temp;
            Value* callee_vars = new_frame(prepared.function, prepared.args, prepared.num_args, &callee_temp);
            frames.push({prepared.function, callee.graph.get(), callee_vars, callee_temp,
                         callee.graph->start_block(), 0});
            if (observer) {
              observer->on_enter(prepared.function, prepared.args, prepared.num_args);
              observer->on_block(prepared.function, callee.graph->start_block(), callee_vars);
            }
            entered = true;  // `f` may have moved: touch it no more
            break;
          }
          Value r;
          if (!call(prepared.function, prepared.args, prepared.num_args, r)) {
            raised = true;
            break;
          }
          if (op.result.valid()) f.vars[op.result.index()] = r;
        } else if (merge_hook && (op.opcode == Opcode::jit_merge_point || op.opcode == Opcode::can_enter_jit)) {
          if (at_merge_point(graph, op, f.vars, f.block)) {
            f.op = 0;
            entered = true;  // the frame leaves: its return or except block is next
            break;
          }
        } else if (!exec_op(graph, op, f.vars)) {
          raised = true;
          break;
        }
        if (observer) observer->on_op(f.function, block.operations[f.op], f.vars);
      }
      if (entered) continue;
    }

    const Link* link = nullptr;
    if (raised) {
      // Only the last operation of a last-exception block is caught here; otherwise, or when
      // no catch clause matches, the exception propagates to the caller (RPython's implicit
      // propagation). The first clause whose class the raised class derives from wins.
      if (block.exitswitch.is_last_exception() && f.op + 1 == num_ops) {
        ClassId raised_class = roots->exc_class.as_class();
        for (size_t e = 1; e < block.exits.size() && !link; ++e) {
          const Link& candidate = graph.link(block.exits[e]);
          if (program.is_subclass(raised_class, candidate.exitcase.exception_class())) link = &candidate;
        }
      }
      if (!link) {
        if (observer) observer->on_leave(f.function);
        frames.pop();
        if (frames.size() == 0) return false;
        continue;  // still raised: now the caller's call
      }
      if (link->last_exception.valid()) f.vars[link->last_exception.index()] = roots->exc_class;
      if (link->last_exc_value.valid()) f.vars[link->last_exc_value.index()] = roots->exc_value;
      set_pending(Value(), Value());
      raised = false;
    } else {
      link = choose_exit(graph, block, f.vars);
    }

    // Link arguments are all read before any target input argument is written (a loop may
    // pass a block's own arguments back in another order).
    size_t n = link->args.size();
    for (size_t a = 0; a < n; ++a) f.temp[a] = operand(graph, link->args[a], f.vars);
    const Block& target = graph.block(link->target);
    for (size_t a = 0; a < n; ++a) f.vars[target.inputargs[a].index()] = f.temp[a];
    f.block = link->target;
    f.op = 0;
    if (observer && link->target != graph.except_block()) observer->on_block(f.function, f.block, f.vars);
  }
}

bool Interpreter::Impl::at_merge_point(const Graph& graph, const Operation& op, Value* vars, BlockId& block) {
  size_t n = op.args.size() - 1;  // args[0] is the driver
  auto* values = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (n + 1)));
  for (size_t i = 0; i < n; ++i) values[i] = operand(graph, op.args[i + 1], vars);
  MergePointHook::Result r =
      merge_hook->at_merge_point(op.opcode == Opcode::can_enter_jit, llvm::MutableArrayRef<Value>(values, n));
  switch (r.action) {
    case MergePointHook::Action::kContinue: return false;
    case MergePointHook::Action::kRestart:
      for (size_t i = 0; i < n; ++i)
        if (op.args[i + 1].is_variable()) vars[op.args[i + 1].variable().index()] = values[i];
      return false;
    case MergePointHook::Action::kReturn: {
      block = graph.return_block();
      const Block& ret = graph.block(block);
      if (!ret.inputargs.empty()) vars[ret.inputargs[0].index()] = r.value;
      return true;
    }
    case MergePointHook::Action::kRaise: {
      block = graph.except_block();
      const Block& except = graph.block(block);
      vars[except.inputargs[0].index()] = Value::class_ref(r.exc_class);
      vars[except.inputargs[1].index()] = r.value;
      return true;
    }
    case MergePointHook::Action::kEnd:
      if (r.end.kind == Outcome::kExited) throw ExitRequest{r.end.exit_status};
      if (r.end.kind == Outcome::kFatal) throw FatalError{r.end.message};
      throw GraphError{r.end.message};
  }
  return false;
}

Interpreter::Impl::PreparedCall Interpreter::Impl::prepare_call(const Graph& graph, const Operation& op,
                                                               Value* vars) {
  PreparedCall prepared;
  unsigned first = 1;  // the first argument operand
  if (op.opcode == Opcode::direct_call) {
    prepared.function = program.constant(op.args[0].constant()).function();
  } else if (op.opcode == Opcode::indirect_call) {
    Value callee = operand(graph, op.args[0], vars);
    if (callee.is_null()) null_dereference();
    prepared.function = callee.as_function();
    first = 2;
  } else {
    prepared.function = resolve_virtual(operand(graph, op.args[1], vars), op.args[0].constant());
  }
  prepared.num_args = op.args.size() - first;
  prepared.args = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (prepared.num_args + 1)));
  for (size_t i = 0; i < prepared.num_args; ++i) prepared.args[i] = operand(graph, op.args[first + i], vars);
  // A member function called through null (rule M9): the front end names the receiver
  // parameter `this` (docs/graphinterp.md).
  if (prepared.num_args > 0 && prepared.args[0].is_null()) {
    const FunctionInfo& callee = program.function_info(prepared.function);
    if (!callee.params.empty() && callee.params[0].name == "this") null_dereference();
  }
  return prepared;
}

FunctionId Interpreter::Impl::resolve_virtual(Value receiver, ConstId method) {
  if (receiver.is_null()) null_dereference();
  uint32_t cls = receiver.as_ptr<GObject>()->class_index;
  uint64_t key = (uint64_t(cls) << 32) | method.index();
  auto found = method_cache.find(key);
  if (found != method_cache.end()) return found->second;
  const Constant& c = program.constant(method);
  const MethodDecl* decl = program.resolve_method(ClassId(cls), c.text);
  if (!decl || !decl->implementation.valid())
    throw GraphError{"virtual call of abstract method " + c.text + " on an instance of " +
                     program.class_info(ClassId(cls)).name};
  method_cache[key] = decl->implementation;
  return decl->implementation;
}

bool Interpreter::Impl::exec_op(const Graph& graph, const Operation& op, Value* vars) {
  Value result;
  bool handled = false;
  bool ok;
  try {
    ok = exec_lowlevel(graph, op, vars, result, handled);
    if (!handled) ok = exec_scalar(graph, op, vars, result, handled);
    if (!handled) ok = exec_container(graph, op, vars, result, handled);
    if (!handled) ok = exec_object(graph, op, vars, result, handled);
  } catch (rt::Exception* error) {
    raise_from_host(error);
    return false;
  } catch (PendingRaise&) {
    return false;
  }
  if (!handled) throw GraphError{"operation " + op_name(op.opcode).str() + " is not implemented"};
  if (ok && op.result.valid()) vars[op.result.index()] = result;
  return ok;
}

}  // namespace rtoolchain::graphinterp
