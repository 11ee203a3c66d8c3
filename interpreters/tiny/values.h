// The values of tiny programs. Every value is a GC object deriving from Value; the interpreter
// moves them around as Value* and asks what they are with virtual calls and dynamic_cast.
#pragma once

#include "opcodes.h"
#include "rt/rt.h"

namespace tiny {

class Code;

class Value : public rt::Object {
 public:
  // What type() returns: "int", "list", ...
  virtual rt::Str type_name() const = 0;
  // The text of the value inside a list or dict, where strings are quoted.
  virtual rt::Str repr() const = 0;
  // The text print() and str() give; differs from repr() only for strings.
  virtual rt::Str to_str() const { return repr(); }
  virtual bool truthy() const { return true; }
};

class RT_IMMUTABLE_CLASS NilValue final : public Value {
 public:
  rt::Str type_name() const override { return "nil"; }
  rt::Str repr() const override { return "nil"; }
  bool truthy() const override { return false; }
};

class RT_IMMUTABLE_CLASS BoolValue final : public Value {
 public:
  explicit BoolValue(bool value) : value(value) {}
  rt::Str type_name() const override { return "bool"; }
  rt::Str repr() const override { return value ? "true" : "false"; }
  bool truthy() const override { return value; }
  bool value;
};

class RT_IMMUTABLE_CLASS IntValue final : public Value {
 public:
  explicit IntValue(int64_t value) : value(value) {}
  rt::Str type_name() const override { return "int"; }
  rt::Str repr() const override { return rt::Str::from_int(value); }
  bool truthy() const override { return value != 0; }
  int64_t value;
};

class RT_IMMUTABLE_CLASS FloatValue final : public Value {
 public:
  explicit FloatValue(double value) : value(value) {}
  rt::Str type_name() const override { return "float"; }
  rt::Str repr() const override { return rt::Str::from_double(value); }
  bool truthy() const override { return value != 0.0; }
  double value;
};

class RT_IMMUTABLE_CLASS StrValue final : public Value {
 public:
  explicit StrValue(rt::Str value) : value(value) {}
  rt::Str type_name() const override { return "str"; }
  rt::Str repr() const override;
  rt::Str to_str() const override { return value; }
  bool truthy() const override { return !value.empty(); }
  rt::Str value;
};

class ListValue final : public Value {
 public:
  explicit ListValue(rt::List<Value*>* items) : items(items) {}
  rt::Str type_name() const override { return "list"; }
  rt::Str repr() const override;
  bool truthy() const override { return !items->empty(); }
  RT_IMMUTABLE rt::List<Value*>* items;
};

// Dict keys compare by value (1 and 1.0 are the same key); only nil, bools, numbers and strings
// can be keys.
struct ValueKeys {
  static int64_t hash(Value* key);
  static bool equal(Value* a, Value* b);
};
using ValueDict = rt::Dict<Value*, Value*, ValueKeys>;

class DictValue final : public Value {
 public:
  explicit DictValue(ValueDict* entries) : entries(entries) {}
  rt::Str type_name() const override { return "dict"; }
  rt::Str repr() const override;
  bool truthy() const override { return !entries->empty(); }
  RT_IMMUTABLE ValueDict* entries;
};

// A function of the program.
class RT_IMMUTABLE_CLASS FunctionValue final : public Value {
 public:
  explicit FunctionValue(Code* code) : code(code) {}
  rt::Str type_name() const override { return "function"; }
  rt::Str repr() const override;
  Code* code;
};

// A function of the VM (builtins.cpp). max_args is -1 for "any number".
using BuiltinFunction = Value* (*)(rt::Array<Value*>* args);
class RT_IMMUTABLE_CLASS BuiltinValue final : public Value {
 public:
  BuiltinValue(rt::Str name, int64_t min_args, int64_t max_args, BuiltinFunction function)
      : name(name), min_args(min_args), max_args(max_args), function(function) {}
  rt::Str type_name() const override { return "function"; }
  rt::Str repr() const override { return rt::Str("<builtin ") + name + ">"; }
  rt::Str name;
  int64_t min_args;
  int64_t max_args;
  BuiltinFunction function;
};

// What runtime errors throw, and what error(kind, message) makes.
class RT_IMMUTABLE_CLASS ErrorValue final : public Value {
 public:
  ErrorValue(rt::Str kind, rt::Str message) : kind(kind), message(message) {}
  rt::Str type_name() const override { return "error"; }
  rt::Str repr() const override;
  rt::Str kind;
  rt::Str message;
};

// The state of a `for` loop, kept on the value stack; programs never see one.
class IteratorValue : public Value {
 public:
  rt::Str type_name() const override { return "iterator"; }
  rt::Str repr() const override { return "<iterator>"; }
  // The next item, or nullptr when there is none.
  virtual Value* next() = 0;
};

class ListIterator final : public IteratorValue {
 public:
  explicit ListIterator(rt::List<Value*>* items) : items(items), index(0) {}
  Value* next() override;
  rt::List<Value*>* items;
  int64_t index;
};

class StrIterator final : public IteratorValue {
 public:
  explicit StrIterator(rt::Str text) : text(text), index(0) {}
  Value* next() override;
  rt::Str text;
  int64_t index;
};

// The C++ exception that carries a thrown tiny value out through the interpreter's frames.
// The innermost frame records where it was thrown; each frame it leaves adds a traceback line.
class Thrown : public rt::Exception {
 public:
  explicit Thrown(Value* value);
  Value* value;
  bool located;
  int64_t line;
  int64_t column;
  rt::List<rt::Str>* traceback;  // innermost first
};

// The nil, true and false singletons exist once init_values() has run.
void init_values();
Value* nil_value();
Value* bool_value(bool value);

[[noreturn]] void raise_error(rt::Str kind, rt::Str message);
[[noreturn]] void raise_operand_error(op::Opcode opcode, Value* left, Value* right);

bool values_equal(Value* a, Value* b);
int64_t hash_value(Value* value);
// -1, 0 or 1 as a is less than, equal to or greater than b; kUnordered when a NaN is involved.
// Numbers and strings only: TypeError otherwise, naming the comparison.
inline constexpr int64_t kUnordered = 2;
int64_t order(Value* a, Value* b, op::Opcode comparison);

Value* add(Value* left, Value* right);
Value* subtract(Value* left, Value* right);
Value* multiply(Value* left, Value* right);
Value* divide(Value* left, Value* right);
Value* modulo(Value* left, Value* right);
Value* negate(Value* operand);

Value* get_item(Value* container, Value* index);
void set_item(Value* container, Value* index, Value* value);
IteratorValue* make_iterator(Value* iterable);

// A string literal that reads back as `text`: "a\"b\n".
rt::Str quote(rt::Str text);

}  // namespace tiny
