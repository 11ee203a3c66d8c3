// Compiled code: the immutable Code objects the interpreter runs, the global variables they
// share, and the CodeBuilder the compiler fills in.
#pragma once

#include "opcodes.h"
#include "rt/rt.h"
#include "values.h"

namespace tiny {

// The program's global variables. Every name a program can declare at top level is known once
// it is parsed, so each gets a fixed slot at compile time; values start as nullptr, meaning
// "not declared yet".
class Globals : public rt::Object {
 public:
  // Duplicate names share a slot.
  explicit Globals(rt::List<rt::Str>* names);
  int64_t slot_of(rt::Str name) const { return slots->get_or(name, -1); }

  RT_IMMUTABLE rt::Array<rt::Str>* names;
  RT_IMMUTABLE rt::Dict<rt::Str, int64_t>* slots;
  RT_IMMUTABLE rt::Array<Value*>* values;
};

// One `try`: an exception thrown by an instruction in [start, end) cuts the stack back to
// `depth` items, pushes the thrown value and continues at `target`.
class RT_IMMUTABLE_CLASS Handler : public rt::Object {
 public:
  Handler(int64_t start, int64_t end, int64_t target, int64_t depth)
      : start(start), end(end), target(target), depth(depth) {}
  int64_t start;
  int64_t end;
  int64_t target;
  int64_t depth;
};

class CodeBuilder;

// The bytecode of one function, or of the top-level statements. Nothing in it changes after
// construction, so a JIT that sees the Code as a constant can fold everything read from it.
class Code : public rt::Object {
 public:
  explicit Code(CodeBuilder* builder);

  RT_IMMUTABLE rt::Str name;  // the function's name, or "<main>"
  RT_IMMUTABLE rt::Str filename;
  RT_IMMUTABLE bool is_function;
  RT_IMMUTABLE int64_t arity;
  RT_IMMUTABLE int64_t num_locals;  // parameters first
  RT_IMMUTABLE int64_t max_stack;   // the deepest the value stack gets
  RT_IMMUTABLE RT_IMMUTABLE_ITEMS rt::Array<op::Opcode>* opcodes;
  RT_IMMUTABLE RT_IMMUTABLE_ITEMS rt::Array<int64_t>* args;
  // The source position of each instruction, for error messages.
  RT_IMMUTABLE RT_IMMUTABLE_ITEMS rt::Array<int64_t>* lines;
  RT_IMMUTABLE RT_IMMUTABLE_ITEMS rt::Array<int64_t>* columns;
  RT_IMMUTABLE RT_IMMUTABLE_ITEMS rt::Array<Value*>* constants;
  RT_IMMUTABLE RT_IMMUTABLE_ITEMS rt::Array<rt::Str>* local_names;
  // Innermost `try` first, so the first match is the one to use.
  RT_IMMUTABLE RT_IMMUTABLE_ITEMS rt::Array<Handler*>* handlers;
  RT_IMMUTABLE Globals* globals;
};

// The handler covering the instruction at `pc`, or nullptr.
RT_JIT_ELIDABLE Handler* find_handler(Code* code, int64_t pc);

// Collects the instructions of one Code while the compiler walks the syntax tree, and keeps
// track of the stack depth to size the value stack.
class CodeBuilder : public rt::Object {
 public:
  CodeBuilder(rt::Str name, rt::Str filename, Globals* globals, bool is_function, int64_t arity);

  // Appends an instruction and returns its pc.
  int64_t emit(op::Opcode opcode, int64_t arg, int64_t line, int64_t column);
  int64_t next_pc() const { return opcodes->size(); }
  // Points the jump at `pc` to `target`, once the target is known.
  void patch(int64_t pc, int64_t target) { args->set(pc, target); }
  // For code reached only by a jump, whose depth the straight-line count does not know.
  void set_depth(int64_t new_depth);
  int64_t add_constant(Value* value);
  int64_t add_local(rt::Str name);
  void add_handler(int64_t start, int64_t end, int64_t target, int64_t stack_depth);

  rt::Str name;
  rt::Str filename;
  Globals* globals;
  bool is_function;
  int64_t arity;
  int64_t depth;
  int64_t max_depth;
  rt::List<op::Opcode>* opcodes;
  rt::List<int64_t>* args;
  rt::List<int64_t>* lines;
  rt::List<int64_t>* columns;
  rt::List<Value*>* constants;
  rt::List<rt::Str>* local_names;
  rt::List<Handler*>* handlers;
};

// A listing of `code` and of the functions among its constants, for `tiny --dis`.
rt::Str disassemble(Code* code);

}  // namespace tiny
