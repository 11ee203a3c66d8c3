// The code of one method or block while the compiler emits it (docs/som.md, "Bytecode").
#pragma once

#include "objects.h"
#include "opcodes.h"

namespace som {

class MethodGen : public rt::Object {
 public:
  MethodGen(MethodGen* outer, bool is_block)
      : outer(outer), is_block(is_block), args(rt::make<rt::List<rt::Str>>()),
        locals(rt::make<rt::List<rt::Str>>()), captured(rt::make<rt::List<bool>>()),
        code(rt::make<rt::List<int64_t>>()), lines(rt::make<rt::List<int64_t>>()),
        literals(rt::make<rt::List<Value*>>()) {}

  void emit(Op op, int64_t line, int64_t effect) {
    code->append(static_cast<int64_t>(op));
    lines->append(line);
    set_depth(depth + effect);
  }
  void operand(int64_t value) {
    code->append(value);
    lines->append(lines->get(lines->size() - 1));
  }
  // The stack depth where control arrives from elsewhere (a jump target): every pc has one.
  void set_depth(int64_t value) {
    depth = value;
    if (depth > max_depth) max_depth = depth;
  }
  int64_t here() const { return code->size(); }
  // Emits a jump operand to be patched by `land` (returns its position).
  int64_t jump_operand() {
    operand(-1);
    return code->size() - 1;
  }
  // Makes the jump operand at `position` target the current end of the code.
  void land(int64_t position) { code->set(position, here()); }
  // Forgets everything emitted from `position` on (an inlining attempt abandoned).
  void truncate(int64_t position) {
    code->resize(position);
    lines->resize(position);
  }

  int64_t literal(Value* value) {
    int64_t index = literals->index_of(value);
    if (index >= 0) return index;
    literals->append(value);
    return literals->size() - 1;
  }
  // A new local slot. Inlined blocks put their parameters and locals here, and so do the
  // compiler's hidden loop variables (named so that no identifier can refer to them).
  int64_t add_local(rt::Str name) {
    locals->append(name);
    captured->append(false);
    return locals->size() - 1;
  }
  // How many contexts out the method itself is (0 in a method).
  int64_t method_level() const {
    int64_t level = 0;
    for (const MethodGen* g = this; g->outer != nullptr; g = g->outer) level += 1;
    return level;
  }

  SMethod* finish(SSymbol* signature, rt::Str file) {
    return rt::make<SMethod>(signature, nullptr, rt::Array<int64_t>::from_list(code),
                             rt::Array<int64_t>::from_list(lines),
                             rt::Array<Value*>::from_list(literals), args->size(),
                             locals->size(), max_depth, file, is_block);
  }

  MethodGen* outer;
  bool is_block;
  rt::List<rt::Str>* args;  // "self" (or the block itself) first
  rt::List<rt::Str>* locals;
  // Per local: whether a block nested in this one refers to it. An inlined block whose variable
  // is captured is compiled again as a real block (each activation needs its own variable).
  rt::List<bool>* captured;
  rt::List<int64_t>* code;
  rt::List<int64_t>* lines;
  rt::List<Value*>* literals;
  int64_t depth = 0;
  int64_t max_depth = 0;
};

}  // namespace som
