#include "universe.h"

#include "compiler.h"
#include "primitives.h"

namespace som {

Universe* g_universe = nullptr;

namespace {

// Recursion through superclass loading is bounded by the class hierarchy's depth; a cycle
// (A = B, B = A) is cut by this set of classes being loaded.
rt::Dict<SSymbol*, bool>* g_loading = nullptr;

void set_holder(SMethod* method, SClass* holder) {
  method->holder = holder;
  for (auto literal : *method->literals) {
    SMethod* block = dynamic_cast<SMethod*>(literal);
    if (block != nullptr) set_holder(block, holder);
  }
}

void install_methods(SClass* cls, rt::List<Invokable*>* methods) {
  for (auto method : *methods) {
    method->holder = cls;
    SMethod* compiled = dynamic_cast<SMethod*>(method);
    if (compiled != nullptr) set_holder(compiled, cls);
    if (!cls->methods->contains(method->signature)) cls->method_list->append(method);
    cls->methods->set(method->signature, method);
  }
  // Lookups in cls's subclasses read this table too, but a class is complete before any
  // subclass exists (a class loads its superclass first), so no subclass tag needs replacing.
  cls->version = rt::make<VersionTag>();
}

rt::Array<SSymbol*>* symbols_of(rt::List<SSymbol*>* list) { return rt::Array<SSymbol*>::from_list(list); }

// Builds the class and its metaclass from a compiled definition.
SClass* make_class(ClassDef* def) {
  Universe* u = g_universe;
  SClass* super_meta = def->superclass != nullptr ? def->superclass->cls : u->class_class;
  SClass* metaclass = rt::make<SClass>(u->metaclass_class, symbol(def->name->value + " class"),
                                       super_meta, 0);
  metaclass->is_metaclass = true;
  metaclass->instance_fields = symbols_of(def->class_fields);
  install_methods(metaclass, def->class_methods);
  SClass* cls = rt::make<SClass>(metaclass, def->name, def->superclass, def->class_fields->size());
  cls->instance_fields = symbols_of(def->instance_fields);
  install_methods(cls, def->instance_methods);
  return cls;
}

rt::Str file_stem(rt::Str path) {
  int64_t slash = path.rfind("/");
  rt::Str name = path.slice_from(slash + 1);
  if (name.ends_with(".som")) name = name.slice(0, name.size() - 4);
  return name;
}

SClass* load_from(rt::Str path, rt::Str source, SSymbol* expected, Frame* frame) {
  ClassDef* def = nullptr;
  try {
    def = compile_class(source, path);
  } catch (ParseError* e) {
    throw rt::make<SomError>(path + ":" + rt::Str::from_int(e->line) + ":" +
                                 rt::Str::from_int(e->column) + ": error: " + e->message,
                             frame);
  }
  if (expected != nullptr && def->name != expected)
    throw rt::make<SomError>(path + ": error: the file defines class " + def->name->value +
                                 ", not " + expected->value,
                             frame);
  SClass* cls = make_class(def);
  set_global(cls->name, cls);
  return cls;
}

SClass* load_core_class(rt::Str name) {
  SClass* cls = load_class(symbol(name), nullptr);
  if (cls == nullptr)
    throw rt::make<SomError>(rt::Str("cannot find core class ") + name + " on the classpath",
                             nullptr);
  return cls;
}

}  // namespace

Universe::Universe()
    : symbols(rt::make<rt::Dict<rt::Str, SSymbol*>>()),
      classpath(rt::make<rt::List<rt::Str>>()),
      nil_object(rt::make<SInstance>(nullptr, 0)),
      true_object(rt::make<SInstance>(nullptr, 0)),
      false_object(rt::make<SInstance>(nullptr, 0)) {}

SInstance::SInstance(SClass* cls, int64_t num_fields)
    : cls(cls), fields(rt::make<rt::Array<Value*>>(num_fields, nullptr)) {
  if (g_universe != nullptr) fields->fill(g_universe->nil_object);
}

SClass::SClass(SClass* metaclass, SSymbol* name, SClass* superclass, int64_t num_class_fields)
    : SInstance(metaclass, num_class_fields), name(name), superclass(superclass),
      version(rt::make<VersionTag>()), instance_fields(rt::make<rt::Array<SSymbol*>>(0, nullptr)),
      methods(rt::make<rt::Dict<SSymbol*, Invokable*>>()),
      method_list(rt::make<rt::List<Invokable*>>()) {}

SSymbol* symbol(rt::Str text) {
  SSymbol* existing = g_universe->symbols->get_or(text, nullptr);
  if (existing != nullptr) return existing;
  SSymbol* created = rt::make<SSymbol>(text, selector_arity(text));
  g_universe->symbols->set(text, created);
  return created;
}

Value* make_integer(BigInt* value) {
  if (value->fits_int64()) return rt::make<SInteger>(value->to_int64());
  return rt::make<SBigInteger>(value);
}

Value* som_string(rt::Str text) { return rt::make<SString>(text); }

Value* global(SSymbol* name) { return name->global_value; }
void set_global(SSymbol* name, Value* value) { name->global_value = value; }

Invokable* lookup(SClass* cls, SSymbol* selector) { return lookup_in(cls, cls->version, selector); }

Invokable* lookup_in(SClass* cls, VersionTag*, SSymbol* selector) {
  for (SClass* c = cls; c != nullptr; c = c->superclass) {
    Invokable* found = c->methods->get_or(selector, nullptr);
    if (found != nullptr) return found;
  }
  return nullptr;
}

rt::Str class_display_name(SClass* cls) { return cls->name->value; }

SClass* load_class(SSymbol* name, Frame* frame) {
  if (g_loading->contains(name))
    throw rt::make<SomError>(rt::Str("class ") + name->value + " inherits from itself", frame);
  for (auto dir : *g_universe->classpath) {
    rt::Str path = (dir.empty() ? rt::Str(".") : dir) + "/" + name->value + ".som";
    rt::Str source = "";
    try {
      source = rt::os::read_file(path);
    } catch (rt::OSError* e) {
      continue;
    }
    g_loading->set(name, true);
    SClass* cls = nullptr;
    try {
      cls = load_from(path, source, name, frame);
    } catch (SomError* e) {
      g_loading->discard(name);
      throw e;  // rethrown as SomError* (docs/rcpp.md X5)
    } catch (rt::Exception* e) {
      g_loading->discard(name);
      throw e;
    }
    g_loading->discard(name);
    return cls;
  }
  return nullptr;
}

SClass* load_class_file(rt::Str path, Frame* frame) {
  rt::Str source = "";
  try {
    source = rt::os::read_file(path);
  } catch (rt::OSError* e) {
    return nullptr;
  }
  return load_from(path, source, symbol(file_stem(path)), frame);
}

void bootstrap(rt::List<rt::Str>* classpath) {
  g_universe = rt::make<Universe>();
  g_loading = rt::make<rt::Dict<SSymbol*, bool>>();
  Universe* u = g_universe;
  u->classpath = classpath;
  u->start_time = rt::os::monotonic();
  register_object_primitives();
  register_number_primitives();
  register_string_primitives();
  register_system_primitives();
  set_global(symbol("nil"), u->nil_object);

  // Object, Class and Metaclass refer to each other: load them with the links left open, then
  // close the loop (Object class superclass is Class; every metaclass is a Metaclass).
  u->object_class = load_core_class("Object");
  u->class_class = load_core_class("Class");
  u->metaclass_class = load_core_class("Metaclass");
  u->object_class->cls->superclass = u->class_class;
  rt::List<SClass*>* first = rt::make<rt::List<SClass*>>();
  first->append(u->object_class);
  first->append(u->class_class);
  first->append(u->metaclass_class);
  // The metaclasses' lookups now go on into Class: new tags (no code has run yet, so this
  // only keeps the tag rule of lookup_in true).
  for (auto c : *first) {
    c->cls->cls = u->metaclass_class;
    c->cls->version = rt::make<VersionTag>();
  }
  if (u->class_class->instance_fields->size() > 0)
    throw rt::make<SomError>("class Class must not declare fields", nullptr);
  u->nil_class = load_core_class("Nil");
  u->nil_object->cls = u->nil_class;
  u->array_class = load_core_class("Array");
  u->method_class = load_core_class("Method");
  u->primitive_class = load_core_class("Primitive");
  u->string_class = load_core_class("String");
  u->symbol_class = load_core_class("Symbol");
  u->integer_class = load_core_class("Integer");
  u->double_class = load_core_class("Double");
  u->block_class = load_core_class("Block");
  u->block1_class = load_core_class("Block1");
  u->block2_class = load_core_class("Block2");
  u->block3_class = load_core_class("Block3");
  SClass* true_class = load_core_class("True");
  SClass* false_class = load_core_class("False");
  u->system_class = load_core_class("System");
  u->true_object->cls = true_class;
  u->false_object->cls = false_class;
  set_global(symbol("true"), u->true_object);
  set_global(symbol("false"), u->false_object);
  set_global(symbol("system"),
             rt::make<SInstance>(u->system_class, u->system_class->instance_fields->size()));
}

Frame* home_of(Frame* frame) {
  Frame* f = frame;
  while (f->context != nullptr) f = f->context;
  return f;
}

SClass* SString::som_class() const { return g_universe->string_class; }
SClass* SSymbol::som_class() const { return g_universe->symbol_class; }
SClass* SInteger::som_class() const { return g_universe->integer_class; }
SClass* SBigInteger::som_class() const { return g_universe->integer_class; }
SClass* SDouble::som_class() const { return g_universe->double_class; }
SClass* SArray::som_class() const { return g_universe->array_class; }
SClass* SPrimitive::som_class() const { return g_universe->primitive_class; }
SClass* SMethod::som_class() const { return g_universe->method_class; }
SClass* SBlock::som_class() const {
  switch (method->num_args) {
    case 1: return g_universe->block1_class;
    case 2: return g_universe->block2_class;
    case 3: return g_universe->block3_class;
    default: return g_universe->block_class;
  }
}

}  // namespace som
