// The verifier: reports every error it finds, never stopping at the first (docs/ir.md lists the
// checks). This file checks the program model and the shape of the graphs; verifier_ops.cpp
// checks operations against ops.def and constants.
#include "verifier.h"

#include <set>

#include "text_syntax.h"

namespace rtoolchain::ir {

std::string VerifierError::to_string() const {
  std::string text = "error: ";
  if (!function.empty()) text += "function " + format_name(function) + ": ";
  if (!location.empty()) text += location + ": ";
  return text + message;
}

void Verifier::report(std::string location, std::string message) {
  VerifierError error;
  if (graph_) error.function = program_.function_info(function_).name;
  error.location = std::move(location);
  error.message = std::move(message);
  errors_.push_back(std::move(error));
}

void Verifier::report_op(OpId op, std::string message) {
  report(printer_->block_name(op_block_[op]) + ": `" + printer_->op_text(op) + "`", std::move(message));
}

void Verifier::report_link(LinkId link, std::string message) {
  report(printer_->block_name(graph_->link(link).source) + ": exit `" + printer_->link_text(link) + "`",
         std::move(message));
}

// --- Helpers. -----------------------------------------------------------------------------------

TypeId Verifier::value_type(Value value) const {
  if (value.is_variable()) return valid_var(value.variable()) ? graph_->variable(value.variable()).type : TypeId();
  if (value.is_constant()) return valid_constant(value.constant()) ? program_.type_of(value.constant()) : TypeId();
  return TypeId();
}

bool Verifier::is_class_pointer(TypeId type) const {
  return valid_type(type) && program_.types().kind(type) == TypeKind::kPointer;
}

ClassId Verifier::pointee(TypeId type) const {
  return is_class_pointer(type) ? program_.types().get(type).class_id : ClassId();
}

bool Verifier::related(TypeId a, TypeId b) const {
  return program_.is_assignable(a, b) || program_.is_assignable(b, a);
}

bool Verifier::op_can_raise(const Operation& op) const {
  if (!op_info(op.opcode).can_raise()) return false;
  // A direct call of a function declared nothrow (an external's promise; at the low level the
  // helpers of operations that raise nothing, docs/lowlevel.md).
  if (op.opcode == Opcode::direct_call && !op.args.empty() && op.args[0].is_constant() &&
      valid_constant(op.args[0].constant())) {
    const Constant& callee = program_.constant(op.args[0].constant());
    if (callee.kind == ConstKind::kFunction && valid_function(callee.function()) &&
        (program_.function_info(callee.function()).flags & kNoThrow))
      return false;
  }
  return true;
}

bool Verifier::castable(TypeId a, TypeId b) const {
  const TypeTable& types = program_.types();
  if (types.kind(a) == TypeKind::kPointer && types.kind(b) == TypeKind::kPointer) return related(a, b);
  if (program_.level() != Level::kLow) return false;
  auto is_object = [&](TypeId t) {
    return types.kind(t) == TypeKind::kPointer && types.get(t).class_id == program_.object_class();
  };
  bool array_a = types.kind(a) == TypeKind::kArray, array_b = types.kind(b) == TypeKind::kArray;
  if ((array_a && is_object(b)) || (array_b && is_object(a))) return true;
  return array_a && array_b && (types.get(a).item == types.get(b).item || castable(types.get(a).item, types.get(b).item));
}

bool Verifier::check_type(TypeId type, const std::string& location, const std::string& what, bool allow_void) {
  if (!valid_type(type)) {
    report(location, what + " has no valid type");
    return false;
  }
  const Type& t = program_.types().get(type);
  bool ok = true;
  auto check_child = [&](TypeId child, const std::string& role, bool child_void) {
    if (ok && !check_type(child, location, what + " (" + role + ")", child_void)) ok = false;
  };
  switch (t.kind) {
    case TypeKind::kVoid:
      if (!allow_void) {
        report(location, what + " cannot be void");
        return false;
      }
      return true;
    case TypeKind::kPointer:
    case TypeKind::kClassRef:
      if (!valid_class(t.class_id)) {
        report(location, what + " refers to a class that does not exist");
        return false;
      }
      return true;
    case TypeKind::kList:
    case TypeKind::kArray: check_child(t.item, "item", false); return ok;
    case TypeKind::kDict:
      if (t.key_traits.valid() && t.key_traits.index() >= program_.num_key_traits()) {
        report(location, what + " refers to key traits that do not exist");
        return false;
      }
      check_child(t.item, "key", false);
      check_child(t.value, "value", false);
      if (ok && t.key_traits.valid() && program_.key_traits_info(t.key_traits).key != t.item) {
        report(location, what + ": key traits " + format_name(program_.key_traits_info(t.key_traits).name) +
                             " are for " + type_name(program_.key_traits_info(t.key_traits).key) +
                             " keys, not " + type_name(t.item));
        return false;
      }
      return ok;
    case TypeKind::kDictIter:
      check_child(t.item, "key", false);
      check_child(t.value, "value", false);
      return ok;
    case TypeKind::kFunction:
      for (TypeId param : t.params) check_child(param, "parameter", false);
      check_child(t.item, "result", true);
      return ok;
    case TypeKind::kStruct:
      if (!t.struct_id.valid() || t.struct_id.index() >= program_.num_structs()) {
        report(location, what + " refers to a struct that does not exist");
        return false;
      }
      return true;
    case TypeKind::kEnum:
      if (!t.enum_id.valid() || t.enum_id.index() >= program_.num_enums()) {
        report(location, what + " refers to an enum that does not exist");
        return false;
      }
      return true;
    case TypeKind::kBool:
    case TypeKind::kInt:
    case TypeKind::kFloat:
    case TypeKind::kStr:
    case TypeKind::kStrBuilder:
      return true;
  }
  return true;
}

// --- Graphs. ----------------------------------------------------------------------------------------

void Verifier::verify_function(FunctionId function) {
  function_ = function;
  graph_ = program_.function_info(function).graph.get();
  if (!graph_) return;
  printer_.emplace(program_, function);
  definition_block_.clear();
  defining_link_.clear();
  definition_count_.clear();
  op_block_.clear();
  check_final_blocks();
  collect_definitions();
  for (BlockId block : printer_->block_order()) {
    check_block(block);
    check_level_block(block);
  }
  printer_.reset();
  graph_ = nullptr;
}

void Verifier::check_final_blocks() {
  const FunctionInfo& info = program_.function_info(function_);
  const Block& start = graph_->block(graph_->start_block());
  std::string start_name = printer_->block_name(graph_->start_block());
  if (start.inputargs.size() != info.params.size()) {
    report(start_name, "the start block takes " + std::to_string(start.inputargs.size()) +
                         " arguments, the function has " + std::to_string(info.params.size()) + " parameters");
  } else {
    for (size_t i = 0; i < info.params.size(); ++i) {
      if (valid_var(start.inputargs[i]) && graph_->variable(start.inputargs[i]).type != info.params[i].type)
        report(start_name, "argument " + std::to_string(i + 1) + " has type " +
                             type_name(graph_->variable(start.inputargs[i]).type) + ", the parameter " +
                             type_name(info.params[i].type));
    }
  }
  auto check_final = [&](BlockId id, const char* name, llvm::ArrayRef<TypeId> expected) {
    const Block& block = graph_->block(id);
    if (!block.operations.empty()) report(name, "has operations");
    if (!block.exits.empty() || !block.exitswitch.is_none()) report(name, "has exits");
    if (block.inputargs.size() != expected.size()) {
      report(name, "takes " + std::to_string(block.inputargs.size()) + " arguments instead of " +
                       std::to_string(expected.size()));
      return;
    }
    for (size_t i = 0; i < expected.size(); ++i)
      if (valid_var(block.inputargs[i]) && graph_->variable(block.inputargs[i]).type != expected[i])
        report(name, "argument " + std::to_string(i + 1) + " has type " +
                         type_name(graph_->variable(block.inputargs[i]).type) + ", expected " + type_name(expected[i]));
  };
  check_final(graph_->return_block(), "return block", {info.result});
  check_final(graph_->except_block(), "except block",
              {program_.exception_class_type(), program_.exception_value_type()});
}

void Verifier::collect_definitions() {
  auto define = [&](VarId var, BlockId block, LinkId link, const std::string& where) {
    if (!valid_var(var)) {
      report(where, "defines a variable that does not exist");
      return;
    }
    if (++definition_count_[var] > 1) {
      report(where, printer_->var_name(var) + " is defined more than once (first in " +
                        printer_->block_name(definition_block_[var]) + ")");
      return;
    }
    definition_block_[var] = block;
    defining_link_[var] = link;
  };
  std::vector<BlockId> blocks = printer_->block_order();
  blocks.push_back(graph_->return_block());
  blocks.push_back(graph_->except_block());
  for (BlockId id : blocks) {
    const Block& block = graph_->block(id);
    for (VarId var : block.inputargs) define(var, id, LinkId(), printer_->block_name(id));
    for (OpId op : block.operations) {
      op_block_[op] = id;
      if (graph_->op(op).result.valid())
        define(graph_->op(op).result, id, LinkId(), printer_->block_name(id) + ": `" + printer_->op_text(op) + "`");
    }
    for (LinkId link : block.exits) {
      const Link& data = graph_->link(link);
      std::string where = printer_->block_name(id) + ": exit `" + printer_->link_text(link) + "`";
      if (data.last_exception.valid()) define(data.last_exception, id, link, where);
      if (data.last_exc_value.valid()) define(data.last_exc_value, id, link, where);
    }
  }
}

void Verifier::check_use(Value value, BlockId block, const std::vector<bool>& defined_here,
                         const std::string& where, OpId op, LinkId link) {
  auto complain = [&](std::string message) {
    if (op.valid())
      report_op(op, std::move(message));
    else if (link.valid())
      report_link(link, std::move(message));
    else
      report(where, std::move(message));
  };
  if (value.is_none()) {
    complain("has a missing operand");
    return;
  }
  if (value.is_constant()) {
    std::string location = where;
    if (op.valid())
      location = printer_->block_name(op_block_[op]) + ": `" + printer_->op_text(op) + "`";
    else if (link.valid())
      location = printer_->block_name(block) + ": exit `" + printer_->link_text(link) + "`";
    check_constant(value.constant(), location, "a constant");
    return;
  }
  VarId var = value.variable();
  if (!valid_var(var)) {
    complain("uses a variable that does not exist");
    return;
  }
  if (defined_here[var.index()]) return;
  if (link.valid() && defining_link_[var] == link) return;
  std::string name = printer_->var_name(var);
  if (definition_count_[var] == 0) {
    complain(name + " is never defined");
  } else if (definition_block_[var] == block) {
    complain(defining_link_[var].valid() ? name + " is defined by another exit of the block"
                                         : name + " is used before its definition");
  } else {
    complain(name + " is defined in " + printer_->block_name(definition_block_[var]) +
             "; values reach other blocks only as link arguments");
  }
}

void Verifier::check_block(BlockId id) {
  const Block& block = graph_->block(id);
  std::string where = printer_->block_name(id);
  std::vector<bool> defined_here(graph_->num_variables(), false);
  for (VarId var : block.inputargs)
    if (valid_var(var)) defined_here[var.index()] = true;
  for (OpId op : block.operations) {
    const Operation& data = graph_->op(op);
    for (Value arg : data.args) check_use(arg, id, defined_here, where, op, LinkId());
    check_op(op);
    check_level_op(op);
    if (valid_var(data.result)) {
      defined_here[data.result.index()] = true;
      if (valid_type(graph_->variable(data.result).type) && program_.types().is_void(graph_->variable(data.result).type))
        report_op(op, "the result variable is void (an operation without value has no result)");
    }
  }
  if (block.exitswitch.is_variable())
    check_use(block.exitswitch.variable(), id, defined_here, where + ": switch", OpId(), LinkId());
  if (block.exits.empty()) {
    report(where, "has no exits");
    return;
  }
  check_exits(id);
  for (LinkId link : block.exits) {
    check_link(link, id);
    for (Value arg : graph_->link(link).args) check_use(arg, id, defined_here, where, OpId(), link);
  }
}

void Verifier::check_link(LinkId link, BlockId block) {
  const Link& data = graph_->link(link);
  if (data.source != block) report_link(link, "the link's source is another block");
  if (!valid_block(data.target)) {
    report_link(link, "has no target block");
    return;
  }
  const Block& target = graph_->block(data.target);
  std::string target_name = printer_->block_name(data.target);
  if (data.args.size() != target.inputargs.size()) {
    report_link(link, "passes " + std::to_string(data.args.size()) + " arguments to " + target_name + ", which takes " +
                          std::to_string(target.inputargs.size()));
    return;
  }
  for (size_t i = 0; i < data.args.size(); ++i) {
    TypeId from = value_type(data.args[i]);
    TypeId to = valid_var(target.inputargs[i]) ? graph_->variable(target.inputargs[i]).type : TypeId();
    if (from.valid() && to.valid() && !program_.is_assignable(from, to))
      report_link(link, "argument " + std::to_string(i + 1) + " has type " + type_name(from) + ", " + target_name +
                            " expects " + type_name(to));
  }
}

void Verifier::check_exits(BlockId id) {
  const Block& block = graph_->block(id);
  std::string where = printer_->block_name(id);
  auto exit_case = [&](size_t i) { return graph_->link(block.exits[i]).exitcase; };
  for (size_t i = 0; i < block.exits.size(); ++i) {
    const Link& link = graph_->link(block.exits[i]);
    bool is_exception_exit = link.exitcase.kind() == ExitCase::Kind::kException;
    if (!is_exception_exit && (link.last_exception.valid() || link.last_exc_value.valid()))
      report_link(block.exits[i], "only exception exits define exception variables");
  }
  if (block.exitswitch.is_none()) {
    if (block.exits.size() != 1)
      report(where, "a block without switch has exactly one exit, not " + std::to_string(block.exits.size()));
    else if (exit_case(0).kind() != ExitCase::Kind::kNone)
      report_link(block.exits[0], "the exit of a block without switch has no case");
    return;
  }
  if (block.exitswitch.is_last_exception()) {
    if (block.operations.empty()) {
      report(where, "switches on an exception but has no operation that could raise it");
      return;
    }
    OpId last = block.operations.back();
    if (!op_info(graph_->op(last).opcode).can_raise())
      report_op(last, "the block switches on an exception, but this last operation cannot raise");
    for (size_t i = 0; i + 1 < block.operations.size(); ++i)
      if (op_can_raise(graph_->op(block.operations[i])))
        report_op(block.operations[i], "may raise, but only the last operation may when the block switches on an exception");
    if (exit_case(0).kind() != ExitCase::Kind::kNone)
      report_link(block.exits[0], "the first exit of an exception switch is the normal exit (no case)");
    if (block.exits.size() < 2) report(where, "an exception switch needs at least one exception exit");
    std::set<uint32_t> caught;
    VarId raising_result = graph_->op(last).result;
    for (size_t i = 1; i < block.exits.size(); ++i) {
      LinkId link = block.exits[i];
      const Link& data = graph_->link(link);
      if (data.exitcase.kind() != ExitCase::Kind::kException) {
        report_link(link, "the exits after the first of an exception switch catch an exception class");
        continue;
      }
      ClassId cls = data.exitcase.exception_class();
      if (!valid_class(cls) || !program_.is_exception_class(cls)) {
        report_link(link, "catches a class that is not an exception class");
        continue;
      }
      if (!caught.insert(cls.index()).second) report_link(link, "catches the same class as an earlier exit");
      if (!valid_var(data.last_exception) || !valid_var(data.last_exc_value)) {
        report_link(link, "an exception exit defines the exception's class and object");
      } else {
        TypeId class_type = graph_->variable(data.last_exception).type;
        bool class_ok = valid_type(class_type) && program_.types().kind(class_type) == TypeKind::kClassRef &&
                        program_.types().get(class_type).class_id == cls;
        if (!class_ok || pointee(graph_->variable(data.last_exc_value).type) != cls)
          report_link(link, "the exception variables must be classref<C> and C* for the caught class C");
      }
      if (raising_result.valid())
        for (Value arg : data.args)
          if (arg == Value(raising_result))
            report_link(link, printer_->var_name(raising_result) +
                                  " is the result of the operation that raised: it has no value here");
    }
    return;
  }
  // A switch on a variable.
  VarId var = block.exitswitch.variable();
  if (!valid_var(var)) return;  // reported as a use
  TypeId type = graph_->variable(var).type;
  if (valid_type(type) && type == program_.types().bool_type()) {
    if (block.exits.size() != 2 || exit_case(0) != ExitCase::boolean(false) || exit_case(1) != ExitCase::boolean(true))
      report(where, "a bool switch has two exits, false then true");
    return;
  }
  std::optional<IntegerLayout> layout = program_.integer_layout(type);
  if (!layout) {
    report(where, "cannot switch on a value of type " + type_name(type));
    return;
  }
  std::set<int64_t> cases;
  for (size_t i = 0; i < block.exits.size(); ++i) {
    LinkId link = block.exits[i];
    ExitCase exitcase = exit_case(i);
    if (exitcase.kind() == ExitCase::Kind::kDefault) {
      if (i + 1 != block.exits.size()) report_link(link, "the default exit must be the last");
      continue;
    }
    if (exitcase.kind() != ExitCase::Kind::kInt) {
      report_link(link, "an integer switch's exits have integer cases or default");
      continue;
    }
    if (!fits(exitcase.int_value(), *layout)) report_link(link, "the case does not fit " + type_name(type));
    if (!cases.insert(exitcase.int_value()).second) report_link(link, "the case repeats an earlier one");
  }
}

// --- Entry points. ----------------------------------------------------------------------------------

std::vector<VerifierError> verify_program(const Program& program) {
  Verifier verifier(program);
  verifier.verify_program_model();
  for (uint32_t i = 0; i < program.num_functions(); ++i) verifier.verify_function(FunctionId(i));
  return verifier.take_errors();
}

std::vector<VerifierError> verify_function(const Program& program, FunctionId function) {
  Verifier verifier(program);
  verifier.verify_function(function);
  return verifier.take_errors();
}

}  // namespace rtoolchain::ir
