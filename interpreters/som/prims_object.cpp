// The primitive table, and the primitives of Object, Class, Method, Primitive and the blocks.
#include "interp.h"
#include "primitives.h"

namespace som {

namespace {

// The table holds the function pointers in GC boxes: the low-level containers (rlib/ll) hold
// only data and GC references, not function pointers (docs/som.md, "Low-level graph mode").
class PrimitiveEntry : public rt::Object {
 public:
  explicit PrimitiveEntry(PrimitiveFn function) : function(function) {}
  const PrimitiveFn function;
};

rt::Dict<rt::Str, PrimitiveEntry*>* g_primitives = nullptr;
int64_t g_next_hash = 0;

Value* restart_elsewhere(Frame* frame, rt::Array<Value*>*) {
  primitive_failed(frame, "restart can only be sent directly by a method of the block");
}

// ---- Object ----
Value* object_class(Frame*, rt::Array<Value*>* args) { return args->get(0)->som_class(); }

Value* object_size(Frame*, rt::Array<Value*>* args) {
  Value* self = args->get(0);
  SInstance* instance = dynamic_cast<SInstance*>(self);
  if (instance != nullptr) return rt::make<SInteger>(instance->fields->size());
  SArray* array = dynamic_cast<SArray*>(self);
  if (array != nullptr) return rt::make<SInteger>(array->items->size());
  return rt::make<SInteger>(1);
}

// Numbers are values: 42 == 42 holds, whatever their boxes.
Value* object_identical(Frame*, rt::Array<Value*>* args) {
  Value* a = args->get(0);
  Value* b = args->get(1);
  SInteger* ia = dynamic_cast<SInteger*>(a);
  SInteger* ib = dynamic_cast<SInteger*>(b);
  if (ia != nullptr && ib != nullptr) return som_bool(ia->value == ib->value);
  SBigInteger* ba = dynamic_cast<SBigInteger*>(a);
  SBigInteger* bb = dynamic_cast<SBigInteger*>(b);
  if (ba != nullptr && bb != nullptr) return som_bool(ba->value->compare(bb->value) == 0);
  SDouble* da = dynamic_cast<SDouble*>(a);
  SDouble* db = dynamic_cast<SDouble*>(b);
  if (da != nullptr && db != nullptr) return som_bool(da->value == db->value);
  return som_bool(a == b);
}

Value* object_hashcode(Frame*, rt::Array<Value*>* args) {
  Value* self = args->get(0);
  SInteger* integer = dynamic_cast<SInteger*>(self);
  if (integer != nullptr) return integer;
  // Equal large integers are = and must hash alike.
  SBigInteger* big = dynamic_cast<SBigInteger*>(self);
  if (big != nullptr) return rt::make<SInteger>(big->value->hash());
  SString* string = dynamic_cast<SString*>(self);
  if (string != nullptr) return rt::make<SInteger>(string->value.hash() & INT32_MAX);
  if (self->identity_hash == 0) {
    g_next_hash += 1;
    self->identity_hash = g_next_hash;
  }
  return rt::make<SInteger>(self->identity_hash);
}

Value* object_inspect(Frame*, rt::Array<Value*>* args) {
  rt::print_line(rt::Str("an instance of ") + class_display_name(args->get(0)->som_class()));
  return args->get(0);
}

Value* object_halt(Frame*, rt::Array<Value*>* args) { return args->get(0); }

rt::Array<Value*>* with_receiver(Value* receiver, SArray* arguments) {
  rt::Array<Value*>* args = rt::make<rt::Array<Value*>>(arguments->items->size() + 1, receiver);
  for (int64_t i = 0; i < arguments->items->size(); ++i) args->set(i + 1, arguments->items->get(i));
  return args;
}

Value* perform_in(Frame* frame, SClass* start, SSymbol* selector, rt::Array<Value*>* args) {
  if (selector->num_args != args->size() - 1)
    primitive_failed(frame, rt::Str("wrong number of arguments for #") + selector->value);
  Invokable* invokable = lookup(start, selector);
  if (invokable == nullptr) return send(frame, selector, args);
  return invoke(frame, invokable, args);
}

Value* object_perform(Frame* frame, rt::Array<Value*>* args) {
  Value* self = args->get(0);
  return perform_in(frame, self->som_class(), symbol_arg(frame, args->get(1), "perform:"), args1(self));
}

Value* object_perform_with(Frame* frame, rt::Array<Value*>* args) {
  Value* self = args->get(0);
  SSymbol* selector = symbol_arg(frame, args->get(1), "perform:withArguments:");
  SArray* arguments = array_arg(frame, args->get(2), "perform:withArguments:");
  return perform_in(frame, self->som_class(), selector, with_receiver(self, arguments));
}

Value* object_perform_in_super(Frame* frame, rt::Array<Value*>* args) {
  SSymbol* selector = symbol_arg(frame, args->get(1), "perform:inSuperclass:");
  SClass* cls = class_arg(frame, args->get(2), "perform:inSuperclass:");
  return perform_in(frame, cls, selector, args1(args->get(0)));
}

Value* object_perform_with_in_super(Frame* frame, rt::Array<Value*>* args) {
  SSymbol* selector = symbol_arg(frame, args->get(1), "perform:withArguments:inSuperclass:");
  SArray* arguments = array_arg(frame, args->get(2), "perform:withArguments:inSuperclass:");
  SClass* cls = class_arg(frame, args->get(3), "perform:withArguments:inSuperclass:");
  return perform_in(frame, cls, selector, with_receiver(args->get(0), arguments));
}

SInstance* fields_of(Frame* frame, Value* self) {
  SInstance* instance = dynamic_cast<SInstance*>(self);
  if (instance == nullptr) primitive_failed(frame, "the receiver has no fields");
  return instance;
}

int64_t field_index(Frame* frame, SInstance* self, Value* index) {
  int64_t i = int_arg(frame, index, "instVarAt:");
  if (i < 1 || i > self->fields->size())
    primitive_failed(frame, rt::Str("field index ") + rt::Str::from_int(i) + " out of bounds");
  return i - 1;
}

Value* object_inst_var_at(Frame* frame, rt::Array<Value*>* args) {
  SInstance* self = fields_of(frame, args->get(0));
  return self->fields->get(field_index(frame, self, args->get(1)));
}

Value* object_inst_var_at_put(Frame* frame, rt::Array<Value*>* args) {
  SInstance* self = fields_of(frame, args->get(0));
  self->fields->set(field_index(frame, self, args->get(1)), args->get(2));
  return args->get(2);
}

int64_t named_field(Frame* frame, SInstance* self, Value* name) {
  SSymbol* field = symbol_arg(frame, name, "instVarNamed:");
  rt::Array<SSymbol*>* names = self->cls->instance_fields;
  for (int64_t i = 0; i < names->size(); ++i) {
    if (names->get(i) == field) return i;
  }
  primitive_failed(frame, rt::Str("no field named ") + field->value);
}

Value* object_inst_var_named(Frame* frame, rt::Array<Value*>* args) {
  SInstance* self = fields_of(frame, args->get(0));
  return self->fields->get(named_field(frame, self, args->get(1)));
}

Value* object_inst_var_named_put(Frame* frame, rt::Array<Value*>* args) {
  SInstance* self = fields_of(frame, args->get(0));
  self->fields->set(named_field(frame, self, args->get(1)), args->get(2));
  return args->get(2);
}

// ---- Class ----
Value* class_new(Frame* frame, rt::Array<Value*>* args) {
  SClass* cls = class_arg(frame, args->get(0), "new");
  if (cls == g_universe->array_class) return rt::make<SArray>(rt::make<rt::Array<Value*>>(0, nil()));
  if (cls == g_universe->string_class) return som_string("");
  return rt::make<SInstance>(cls, cls->instance_fields->size());
}

Value* class_name(Frame* frame, rt::Array<Value*>* args) {
  return class_arg(frame, args->get(0), "name")->name;
}

Value* class_superclass(Frame* frame, rt::Array<Value*>* args) {
  SClass* super = class_arg(frame, args->get(0), "superclass")->superclass;
  return super == nullptr ? nil() : super;
}

Value* class_fields(Frame* frame, rt::Array<Value*>* args) {
  rt::Array<SSymbol*>* names = class_arg(frame, args->get(0), "fields")->instance_fields;
  rt::Array<Value*>* items = rt::make<rt::Array<Value*>>(names->size(), nil());
  for (int64_t i = 0; i < names->size(); ++i) items->set(i, names->get(i));
  return rt::make<SArray>(items);
}

Value* class_methods(Frame* frame, rt::Array<Value*>* args) {
  rt::List<Invokable*>* methods = class_arg(frame, args->get(0), "methods")->method_list;
  rt::Array<Value*>* items = rt::make<rt::Array<Value*>>(methods->size(), nil());
  for (int64_t i = 0; i < methods->size(); ++i) items->set(i, methods->get(i));
  return rt::make<SArray>(items);
}

Value* class_selectors(Frame* frame, rt::Array<Value*>* args) {
  rt::List<Invokable*>* methods = class_arg(frame, args->get(0), "selectors")->method_list;
  rt::Array<Value*>* items = rt::make<rt::Array<Value*>>(methods->size(), nil());
  for (int64_t i = 0; i < methods->size(); ++i) items->set(i, methods->get(i)->signature);
  return rt::make<SArray>(items);
}

Value* class_has_method(Frame* frame, rt::Array<Value*>* args) {
  SClass* cls = class_arg(frame, args->get(0), "hasMethod:");
  return som_bool(cls->methods->contains(symbol_arg(frame, args->get(1), "hasMethod:")));
}

// ---- Method and Primitive ----
Invokable* invokable_arg(Frame* frame, Value* value) {
  Invokable* invokable = dynamic_cast<Invokable*>(value);
  if (invokable == nullptr) primitive_failed(frame, "expected a method");
  return invokable;
}

Value* method_signature(Frame* frame, rt::Array<Value*>* args) {
  return invokable_arg(frame, args->get(0))->signature;
}

Value* method_holder(Frame* frame, rt::Array<Value*>* args) {
  SClass* holder = invokable_arg(frame, args->get(0))->holder;
  return holder == nullptr ? nil() : holder;
}

Value* method_invoke_on_with(Frame* frame, rt::Array<Value*>* args) {
  Invokable* invokable = invokable_arg(frame, args->get(0));
  SArray* arguments = array_arg(frame, args->get(2), "invokeOn:with:");
  return invoke(frame, invokable, with_receiver(args->get(1), arguments));
}

Value* method_is_primitive(Frame* frame, rt::Array<Value*>* args) {
  return som_bool(dynamic_cast<SPrimitive*>(invokable_arg(frame, args->get(0))) != nullptr);
}

// ---- Blocks ----
Value* block_value(Frame* frame, rt::Array<Value*>* args) {
  SBlock* block = dynamic_cast<SBlock*>(args->get(0));
  if (block == nullptr) primitive_failed(frame, "value sent to a non-block");
  return call_block(frame, block, args);
}

Value* block_num_args(Frame* frame, rt::Array<Value*>* args) {
  SBlock* block = dynamic_cast<SBlock*>(args->get(0));
  if (block == nullptr) primitive_failed(frame, "numArgs sent to a non-block");
  return rt::make<SInteger>(block->method->num_args - 1);
}

}  // namespace

void add_primitive(rt::Str class_name, rt::Str selector, PrimitiveFn function) {
  if (g_primitives == nullptr) g_primitives = rt::make<rt::Dict<rt::Str, PrimitiveEntry*>>();
  g_primitives->set(class_name + ">>" + selector, rt::make<PrimitiveEntry>(function));
}

SPrimitive* make_primitive(rt::Str class_name, SSymbol* signature) {
  rt::Str key = class_name + ">>" + signature->value;
  if (key == "Block>>restart") return rt::make<SPrimitive>(signature, nullptr, restart_elsewhere, true);
  PrimitiveFn function = nullptr;
  PrimitiveEntry* entry = g_primitives == nullptr ? nullptr : g_primitives->get_or(key, nullptr);
  if (entry != nullptr) function = entry->function;
  return rt::make<SPrimitive>(signature, nullptr, function, false);
}

[[noreturn]] void primitive_failed(Frame* frame, rt::Str message) {
  throw rt::make<SomError>(message, frame);
}

int64_t int_arg(Frame* frame, Value* value, rt::Str what) {
  SInteger* integer = dynamic_cast<SInteger*>(value);
  if (integer == nullptr) primitive_failed(frame, what + ": expected a small integer argument");
  return integer->value;
}

rt::Str string_arg(Frame* frame, Value* value, rt::Str what) {
  SString* string = dynamic_cast<SString*>(value);
  if (string == nullptr) primitive_failed(frame, what + ": expected a string argument");
  return string->value;
}

SSymbol* symbol_arg(Frame* frame, Value* value, rt::Str what) {
  SSymbol* sym = dynamic_cast<SSymbol*>(value);
  if (sym != nullptr) return sym;
  SString* string = dynamic_cast<SString*>(value);
  if (string == nullptr) primitive_failed(frame, what + ": expected a symbol argument");
  return symbol(string->value);
}

SArray* array_arg(Frame* frame, Value* value, rt::Str what) {
  SArray* array = dynamic_cast<SArray*>(value);
  if (array == nullptr) primitive_failed(frame, what + ": expected an array argument");
  return array;
}

SClass* class_arg(Frame* frame, Value* value, rt::Str what) {
  SClass* cls = dynamic_cast<SClass*>(value);
  if (cls == nullptr) primitive_failed(frame, what + ": expected a class");
  return cls;
}

void register_object_primitives() {
  add_primitive("Object", "class", object_class);
  add_primitive("Object", "objectSize", object_size);
  add_primitive("Object", "==", object_identical);
  add_primitive("Object", "hashcode", object_hashcode);
  add_primitive("Object", "identityHash", object_hashcode);
  add_primitive("Object", "inspect", object_inspect);
  add_primitive("Object", "halt", object_halt);
  add_primitive("Object", "perform:", object_perform);
  add_primitive("Object", "perform:withArguments:", object_perform_with);
  add_primitive("Object", "perform:inSuperclass:", object_perform_in_super);
  add_primitive("Object", "perform:withArguments:inSuperclass:", object_perform_with_in_super);
  add_primitive("Object", "instVarAt:", object_inst_var_at);
  add_primitive("Object", "instVarAt:put:", object_inst_var_at_put);
  add_primitive("Object", "instVarNamed:", object_inst_var_named);
  add_primitive("Object", "instVarNamed:put:", object_inst_var_named_put);
  add_primitive("Class", "new", class_new);
  add_primitive("Class", "name", class_name);
  add_primitive("Class", "superclass", class_superclass);
  add_primitive("Class", "fields", class_fields);
  add_primitive("Class", "methods", class_methods);
  add_primitive("Class", "selectors", class_selectors);
  add_primitive("Class", "hasMethod:", class_has_method);
  rt::List<rt::Str>* invokables = rt::make<rt::List<rt::Str>>();
  invokables->append("Method");
  invokables->append("Primitive");
  for (auto name : *invokables) {
    add_primitive(name, "signature", method_signature);
    add_primitive(name, "holder", method_holder);
    add_primitive(name, "invokeOn:with:", method_invoke_on_with);
    add_primitive(name, "isPrimitive", method_is_primitive);
  }
  rt::List<rt::Str>* blocks = rt::make<rt::List<rt::Str>>();
  blocks->append("Block");
  blocks->append("Block1");
  blocks->append("Block2");
  blocks->append("Block3");
  for (auto name : *blocks) {
    add_primitive(name, "value", block_value);
    add_primitive(name, "value:", block_value);
    add_primitive(name, "value:with:", block_value);
    add_primitive(name, "numArgs", block_num_args);
  }
}

}  // namespace som
