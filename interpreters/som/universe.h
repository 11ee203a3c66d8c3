// The VM's global state: symbols, globals, the core classes and the singletons, and class
// loading from the classpath.
#pragma once

#include "objects.h"

namespace som {

// A SOM-level error the VM cannot hand to the program: an unknown selector with no
// doesNotUnderstand:arguments:, a failing primitive, a class file that does not parse at run time.
// `frame` is where it happened, for the backtrace.
class SomError : public rt::Exception {
 public:
  SomError(rt::Str message, Frame* frame) : rt::Exception(message), frame(frame) {}
  rt::Str type_name() const override { return "SomError"; }
  Frame* frame;
};

class Universe : public rt::Object {
 public:
  Universe();
  rt::Dict<rt::Str, SSymbol*>* symbols;
  rt::List<rt::Str>* classpath;
  SInstance* nil_object;
  // Made before their classes are loaded (the compiler needs them as constants).
  SInstance* true_object;
  SInstance* false_object;
  SClass* object_class = nullptr;
  SClass* class_class = nullptr;
  SClass* metaclass_class = nullptr;
  SClass* nil_class = nullptr;
  SClass* array_class = nullptr;
  SClass* method_class = nullptr;
  SClass* primitive_class = nullptr;
  SClass* string_class = nullptr;
  SClass* symbol_class = nullptr;
  SClass* integer_class = nullptr;
  SClass* double_class = nullptr;
  SClass* block_class = nullptr;
  SClass* block1_class = nullptr;
  SClass* block2_class = nullptr;
  SClass* block3_class = nullptr;
  SClass* system_class = nullptr;
  double start_time = 0.0;
};

extern Universe* g_universe;

SSymbol* symbol(rt::Str text);
inline Value* nil() { return g_universe->nil_object; }
inline Value* som_bool(bool value) {
  return value ? g_universe->true_object : g_universe->false_object;
}
Value* make_integer(BigInt* value);  // an SInteger when it fits
Value* som_string(rt::Str text);

Value* global(SSymbol* name);  // nullptr when undefined
void set_global(SSymbol* name, Value* value);

// Loads the core classes from the classpath and creates nil, true, false and system. Raises
// SomError (with a null frame) when a core class is missing or malformed.
void bootstrap(rt::List<rt::Str>* classpath);

// Loads class `name` from `<dir>/<name>.som` for the first directory of the classpath that has
// it, defines it as a global and returns it; nullptr when no directory has it. A malformed file
// raises SomError with `frame` as the place.
SClass* load_class(SSymbol* name, Frame* frame);
// Loads the class in file `path` (its name is the file's own).
SClass* load_class_file(rt::Str path, Frame* frame);

// The method `selector` finds in `cls` and its superclasses, or nullptr.
Invokable* lookup(SClass* cls, SSymbol* selector);
// The same, for the JIT: elidable, its result determined by the arguments because `version` is
// `cls`'s current tag and a class's method table and superclass chain change only together with
// its tag (see install_methods). Call lookup(), which passes the tag.
RT_JIT_ELIDABLE Invokable* lookup_in(SClass* cls, VersionTag* version, SSymbol* selector);

// "Name" or "Name class".
rt::Str class_display_name(SClass* cls);

}  // namespace som
