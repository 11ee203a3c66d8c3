// The primitives of the core classes, by class and selector (prims_*.cpp).
#pragma once

#include "objects.h"

namespace som {

// The primitive `class_name>>selector` (`class_name` ends with " class" for the class side), or
// one that raises "primitive not implemented" when the VM has none by that name.
SPrimitive* make_primitive(rt::Str class_name, SSymbol* signature);

// Each file registers its primitives in the table make_primitive looks in.
void register_object_primitives();
void register_number_primitives();
void register_string_primitives();
void register_system_primitives();
void add_primitive(rt::Str class_name, rt::Str selector, PrimitiveFn function);

// Helpers shared by the primitive files. They raise SomError at `frame` when the value is not of
// the expected kind.
[[noreturn]] void primitive_failed(Frame* frame, rt::Str message);
int64_t int_arg(Frame* frame, Value* value, rt::Str what);
rt::Str string_arg(Frame* frame, Value* value, rt::Str what);
SSymbol* symbol_arg(Frame* frame, Value* value, rt::Str what);
SArray* array_arg(Frame* frame, Value* value, rt::Str what);
SClass* class_arg(Frame* frame, Value* value, rt::Str what);

}  // namespace som
