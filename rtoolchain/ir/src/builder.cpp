#include "rtoolchain/ir/builder.h"

#include <cassert>

namespace rtoolchain::ir {

Builder::Builder(Program& program, FunctionId function)
    : program_(program), graph_(program.create_graph(function)), current_(graph_.start_block()) {}

BlockId Builder::new_block(llvm::ArrayRef<TypeId> arg_types) {
  BlockId block = graph_.new_block();
  for (TypeId type : arg_types) graph_.add_inputarg(block, type);
  return block;
}

Value Builder::arg(unsigned index) const {
  const Block& block = graph_.block(current_);
  assert(index < block.inputargs.size() && "no such input argument");
  return block.inputargs[index];
}

Value Builder::emit(Opcode opcode, llvm::ArrayRef<Value> args, TypeId result_type) {
  VarId result;
  if (result_type.valid() && !types().is_void(result_type)) result = graph_.new_variable(result_type);
  graph_.append_op(current_, opcode, args, result);
  return result.valid() ? Value(result) : Value();
}

Value Builder::call(FunctionId callee, llvm::ArrayRef<Value> args) {
  llvm::SmallVector<Value, 8> operands{Value(program_.const_function(callee))};
  operands.append(args.begin(), args.end());
  return emit(Opcode::direct_call, operands, program_.function_info(callee).result);
}

void Builder::jump(BlockId target, llvm::ArrayRef<Value> args) {
  graph_.set_exitswitch(current_, ExitSwitch::none());
  graph_.add_link(current_, target, args);
}

void Builder::ret(Value value) { jump(graph_.return_block(), {value}); }

void Builder::ret_void() { ret(program_.const_none()); }

void Builder::raise(Value exception_object) {
  TypeId object_type = program_.type_of(graph_, exception_object);
  ClassId cls = types().get(object_type).class_id;
  Value exception_class = emit(Opcode::classof, {exception_object}, types().class_ref(cls));
  jump(graph_.except_block(), {exception_class, exception_object});
}

void Builder::branch(Value condition, BlockId if_true, llvm::ArrayRef<Value> true_args,
                     BlockId if_false, llvm::ArrayRef<Value> false_args) {
  graph_.set_exitswitch(current_, ExitSwitch::on(condition.variable()));
  graph_.add_link(current_, if_false, false_args, ExitCase::boolean(false));
  graph_.add_link(current_, if_true, true_args, ExitCase::boolean(true));
}

void Builder::switch_on(Value value, llvm::ArrayRef<SwitchCase> cases, BlockId default_target,
                        llvm::ArrayRef<Value> default_args) {
  graph_.set_exitswitch(current_, ExitSwitch::on(value.variable()));
  for (const SwitchCase& c : cases)
    graph_.add_link(current_, c.target, c.args, ExitCase::integer(c.value));
  if (default_target.valid())
    graph_.add_link(current_, default_target, default_args, ExitCase::default_case());
}

void Builder::on_exception(BlockId normal_target, llvm::ArrayRef<Value> normal_args) {
  graph_.set_exitswitch(current_, ExitSwitch::last_exception());
  graph_.add_link(current_, normal_target, normal_args, ExitCase::none());
}

Builder::Handler Builder::add_handler(ClassId cls) {
  LinkId link = graph_.add_link(current_, BlockId(), {}, ExitCase::exception(cls));
  VarId exception_class = graph_.new_variable(types().class_ref(cls));
  VarId exception_object = graph_.new_variable(types().pointer(cls));
  Link& data = graph_.link_mut(link);
  data.last_exception = exception_class;
  data.last_exc_value = exception_object;
  return Handler{link, exception_class, exception_object};
}

void Builder::set_target(LinkId link, BlockId target, llvm::ArrayRef<Value> args) {
  Link& data = graph_.link_mut(link);
  data.target = target;
  data.args.assign(args.begin(), args.end());
}

}  // namespace rtoolchain::ir
