#include "code.h"

namespace tiny {

rt::Str opcode_name(op::Opcode opcode) {
  switch (opcode) {
#define OP(name, effect, argument) \
  case op::name:                   \
    return #name;
#include "opcodes.def"
#undef OP
  }
  return "?";
}

int64_t stack_effect(op::Opcode opcode, int64_t arg) {
  switch (opcode) {
#define OP(name, effect, argument) \
  case op::name:                   \
    return effect;
#include "opcodes.def"
#undef OP
  }
  return 0;
}

Argument argument_kind(op::Opcode opcode) {
  switch (opcode) {
#define OP(name, effect, argument) \
  case op::name:                   \
    return Argument::argument;
#include "opcodes.def"
#undef OP
  }
  return Argument::None;
}

Globals::Globals(rt::List<rt::Str>* declared)
    : names(nullptr), slots(rt::make<rt::Dict<rt::Str, int64_t>>()), values(nullptr) {
  rt::List<rt::Str>* unique = rt::make<rt::List<rt::Str>>();
  for (rt::Str name : *declared) {
    if (slots->contains(name)) continue;
    slots->set(name, unique->size());
    unique->append(name);
  }
  names = rt::Array<rt::Str>::from_list(unique);
  values = rt::make<rt::Array<Value*>>(unique->size(), nullptr);
}

Code::Code(CodeBuilder* builder)
    : name(builder->name),
      filename(builder->filename),
      is_function(builder->is_function),
      arity(builder->arity),
      num_locals(builder->local_names->size()),
      max_stack(builder->max_depth),
      opcodes(rt::Array<op::Opcode>::from_list(builder->opcodes)),
      args(rt::Array<int64_t>::from_list(builder->args)),
      lines(rt::Array<int64_t>::from_list(builder->lines)),
      columns(rt::Array<int64_t>::from_list(builder->columns)),
      constants(rt::Array<Value*>::from_list(builder->constants)),
      local_names(rt::Array<rt::Str>::from_list(builder->local_names)),
      handlers(rt::Array<Handler*>::from_list(builder->handlers)),
      globals(builder->globals) {}

Handler* find_handler(Code* code, int64_t pc) {
  for (Handler* handler : *code->handlers)
    if (handler->start <= pc && pc < handler->end) return handler;
  return nullptr;
}

CodeBuilder::CodeBuilder(rt::Str name, rt::Str filename, Globals* globals, bool is_function,
                         int64_t arity)
    : name(name),
      filename(filename),
      globals(globals),
      is_function(is_function),
      arity(arity),
      depth(0),
      max_depth(0),
      opcodes(rt::make<rt::List<op::Opcode>>()),
      args(rt::make<rt::List<int64_t>>()),
      lines(rt::make<rt::List<int64_t>>()),
      columns(rt::make<rt::List<int64_t>>()),
      constants(rt::make<rt::List<Value*>>()),
      local_names(rt::make<rt::List<rt::Str>>()),
      handlers(rt::make<rt::List<Handler*>>()) {}

int64_t CodeBuilder::emit(op::Opcode opcode, int64_t arg, int64_t line, int64_t column) {
  opcodes->append(opcode);
  args->append(arg);
  lines->append(line);
  columns->append(column);
  set_depth(depth + stack_effect(opcode, arg));
  return opcodes->size() - 1;
}

void CodeBuilder::set_depth(int64_t new_depth) {
  depth = new_depth;
  if (depth > max_depth) max_depth = depth;
}

int64_t CodeBuilder::add_constant(Value* value) {
  constants->append(value);
  return constants->size() - 1;
}

int64_t CodeBuilder::add_local(rt::Str local_name) {
  local_names->append(local_name);
  return local_names->size() - 1;
}

void CodeBuilder::add_handler(int64_t start, int64_t end, int64_t target, int64_t stack_depth) {
  handlers->append(rt::make<Handler>(start, end, target, stack_depth));
}

// --- Disassembler --------------------------------------------------------------------------------

namespace {

rt::Str pad_right(rt::Str text, int64_t width) {
  return text + rt::Str(" ").repeat(width - text.size());
}

rt::Str pad_left(rt::Str text, int64_t width) {
  return rt::Str(" ").repeat(width - text.size()) + text;
}

rt::Str plural(int64_t count, rt::Str noun) {
  return rt::Str::from_int(count) + " " + noun + (count == 1 ? "" : "s");
}

rt::Str argument_text(Code* code, op::Opcode opcode, int64_t arg) {
  switch (argument_kind(opcode)) {
    case Argument::None:
      return "";
    case Argument::Constant:
      return pad_left(rt::Str::from_int(arg), 5) + "  " + code->constants->get(arg)->repr();
    case Argument::Local:
      return pad_left(rt::Str::from_int(arg), 5) + "  " + code->local_names->get(arg);
    case Argument::Global:
      return pad_left(rt::Str::from_int(arg), 5) + "  " + code->globals->names->get(arg);
    case Argument::Count:
    case Argument::Target:
      return pad_left(rt::Str::from_int(arg), 5);
  }
  return "";
}

rt::Str disassemble_one(Code* code) {
  rt::StrBuilder out(1024);
  out.append(code->is_function ? rt::Str("fn ") + code->name : code->name);
  out.append(rt::Str(": ") + plural(code->arity, "argument") + ", " +
             plural(code->num_locals, "local") + ", stack " + rt::Str::from_int(code->max_stack) +
             "\n");
  for (int64_t pc = 0; pc < code->opcodes->size(); ++pc) {
    op::Opcode opcode = code->opcodes->get(pc);
    rt::Str position =
        rt::Str::from_int(code->lines->get(pc)) + ":" + rt::Str::from_int(code->columns->get(pc));
    rt::Str line = pad_left(rt::Str::from_int(pc), 5) + "  " + pad_right(position, 8) +
                   pad_right(opcode_name(opcode), 20) +
                   argument_text(code, opcode, code->args->get(pc));
    out.append(line.rstrip() + "\n");
  }
  for (Handler* handler : *code->handlers) {
    out.append(rt::Str("  try [") + rt::Str::from_int(handler->start) + ", " +
               rt::Str::from_int(handler->end) + ") -> " + rt::Str::from_int(handler->target) +
               ", stack " + rt::Str::from_int(handler->depth) + "\n");
  }
  return out.build();
}

}  // namespace

rt::Str disassemble(Code* code) {
  rt::StrBuilder out(1024);
  out.append(disassemble_one(code));
  for (Value* constant : *code->constants) {
    FunctionValue* function = dynamic_cast<FunctionValue*>(constant);
    if (function == nullptr) continue;
    out.append("\n");
    out.append(disassemble_one(function->code));
  }
  return out.build();
}

}  // namespace tiny
