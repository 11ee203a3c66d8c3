// The SOM object model: every SOM value is a GC object deriving from Value, and knows its SOM
// class. Classes are objects too (SClass), each the instance of its metaclass.
#pragma once

#include "rt/bigint.h"
#include "rt/rt.h"

namespace som {

using BigInt = rt::BigInt;

class SClass;
class SMethod;
class Frame;

class Value : public rt::Object {
 public:
  virtual SClass* som_class() const = 0;
  // Object>>hashcode: a number given on first request, since addresses are not observable.
  int64_t identity_hash = 0;
};

// An ordinary object: nil, true, false, instances of SOM-defined classes, and (as SClass) classes.
class SInstance : public Value {
 public:
  SInstance(SClass* cls, int64_t num_fields);
  SClass* som_class() const override { return cls; }
  SClass* cls;  // set late for the objects made before the core classes are loaded
  rt::Array<Value*>* fields;
};

class SString : public Value {
 public:
  explicit SString(rt::Str value) : value(value) {}
  SClass* som_class() const override;
  const rt::Str value;
};

// Symbols are interned (Universe::symbol), so they compare by identity.
class SSymbol final : public SString {
 public:
  SSymbol(rt::Str value, int64_t num_args) : SString(value), num_args(num_args) {}
  SClass* som_class() const override;
  const int64_t num_args;  // of the selector it spells
  // The global of this name, or nullptr. Symbols are interned, so this is the global's one
  // binding; a symbol in a method's literals is a trace constant, and globals rarely change
  // (classes are defined once), so a global read folds to a constant (docs/som.md, JIT hints).
  RT_QUASI_IMMUTABLE Value* global_value = nullptr;
};

class SInteger final : public Value {
 public:
  explicit SInteger(int64_t value) : value(value) {}
  SClass* som_class() const override;
  const int64_t value;
};

// An integer outside int64_t; arithmetic goes back to SInteger as soon as the result fits.
class SBigInteger final : public Value {
 public:
  explicit SBigInteger(BigInt* value) : value(value) {}
  SClass* som_class() const override;
  BigInt* const value;
};

class SDouble final : public Value {
 public:
  explicit SDouble(double value) : value(value) {}
  SClass* som_class() const override;
  const double value;
};

class SArray final : public Value {
 public:
  explicit SArray(rt::Array<Value*>* items) : items(items) {}
  SClass* som_class() const override;
  rt::Array<Value*>* const items;
};

// Methods and primitives: what a class maps a selector to.
class Invokable : public Value {
 public:
  Invokable(SSymbol* signature, SClass* holder) : signature(signature), holder(holder) {}
  SSymbol* const signature;
  RT_QUASI_IMMUTABLE SClass* holder;  // set when the class is complete
};

// A primitive receives the frame that sent the message and the arguments, receiver first.
using PrimitiveFn = Value* (*)(Frame* caller, rt::Array<Value*>* args);

class SPrimitive final : public Invokable {
 public:
  SPrimitive(SSymbol* signature, SClass* holder, PrimitiveFn function, bool is_restart)
      : Invokable(signature, holder), function(function), is_restart(is_restart) {}
  SClass* som_class() const override;
  const PrimitiveFn function;  // nullptr: declared `primitive` but unknown to this VM
  const bool is_restart;       // Block>>restart, which the interpreter loop handles itself
};

// Compiled code: a method, or the body of a block.
class SMethod final : public Invokable {
 public:
  SMethod(SSymbol* signature, SClass* holder, rt::Array<int64_t>* code,
          rt::Array<int64_t>* lines, rt::Array<Value*>* literals, int64_t num_args,
          int64_t num_locals, int64_t max_stack, rt::Str file, bool is_block)
      : Invokable(signature, holder), code(code), lines(lines), literals(literals),
        num_args(num_args), num_locals(num_locals), max_stack(max_stack), file(file),
        is_block(is_block) {}
  SClass* som_class() const override;
  RT_IMMUTABLE_ITEMS rt::Array<int64_t>* const code;   // opcodes and their operands
  RT_IMMUTABLE_ITEMS rt::Array<int64_t>* const lines;  // the source line of each code item
  RT_IMMUTABLE_ITEMS rt::Array<Value*>* const literals;
  const int64_t num_args;  // including the receiver (or the block itself)
  const int64_t num_locals;
  const int64_t max_stack;
  const rt::Str file;
  const bool is_block;
};

class SBlock final : public Value {
 public:
  SBlock(SMethod* method, Frame* context) : method(method), context(context) {}
  SClass* som_class() const override;
  SMethod* const method;
  Frame* const context;  // the frame the block was created in
};

// Stands for one state of a class's method table; replaced whenever the table changes.
class VersionTag : public rt::Object {};

class SClass final : public SInstance {
 public:
  SClass(SClass* metaclass, SSymbol* name, SClass* superclass, int64_t num_class_fields);
  SSymbol* name;
  RT_QUASI_IMMUTABLE SClass* superclass;  // nullptr for Object; linked late for the core classes
  // The lookup of a selector in this class (lookup_in, elidable) is a function of the class, this
  // tag and the selector: installing methods replaces the tag (docs/som.md, JIT hints).
  RT_QUASI_IMMUTABLE VersionTag* version;
  // The names of the fields of instances, inherited ones first.
  rt::Array<SSymbol*>* instance_fields;
  // Selector -> method, by symbol identity; and the methods in source order, for `methods`.
  rt::Dict<SSymbol*, Invokable*>* methods;
  rt::List<Invokable*>* method_list;
  bool is_metaclass = false;
};

// One activation of a method or block. The interpreter keeps the value stack in a local array
// (interp.cpp); the frame holds what blocks and the backtrace need.
class Frame final : public rt::Object {
 public:
  Frame(SMethod* method, Frame* context, Frame* previous, rt::Array<Value*>* args,
        rt::Array<Value*>* locals, int64_t depth)
      : method(method), context(context), previous(previous), args(args), locals(locals),
        depth(depth) {}
  SMethod* const method;
  Frame* const context;   // lexically enclosing frame, for blocks; nullptr for methods
  Frame* const previous;  // the sender
  rt::Array<Value*>* const args;  // receiver (or block) first
  rt::Array<Value*>* const locals;
  const int64_t depth;
  int64_t pc = 0;         // of the current send, for backtraces
  bool on_stack = true;   // false once the activation returned: its blocks' ^ have escaped
};

// The method frame a block frame belongs to: the target of its non-local return.
Frame* home_of(Frame* frame);

}  // namespace som
