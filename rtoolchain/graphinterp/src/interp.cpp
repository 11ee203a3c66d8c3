// The interpreter's state: object layout, constants, globals, prebuilt objects, zero values,
// identity hashes, and turning rt exceptions into graph-mode objects.
#include <cstdio>

#include "interp.h"
#include "rt/exceptions.h"

namespace rtoolchain::graphinterp {

using namespace ir;

namespace {
// Every live interpreter's roots, reachable from static data (which Boehm scans).
GcRoots* g_all_roots = nullptr;
}  // namespace

Interpreter::Impl::Impl(const Program& program) : program(program) {
  low_level = program.level() == Level::kLow;
  roots = static_cast<GcRoots*>(rt::gc::alloc(sizeof(GcRoots)));
  roots->next = g_all_roots;
  if (g_all_roots) g_all_roots->prev = roots;
  g_all_roots = roots;

  // Layout: a class's slots are its base's, then its own fields in declaration order.
  field_slot.assign(program.num_fields(), 0);
  class_slots.resize(program.num_classes());
  std::vector<uint8_t> done(program.num_classes(), 0);
  for (size_t c = 0; c < program.num_classes(); ++c) {
    std::vector<ClassId> chain;  // c and its bases up to the first laid out one
    for (ClassId k(static_cast<uint32_t>(c)); k.valid() && !done[k.index()];
         k = program.class_info(k).base)
      chain.push_back(k);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const ClassInfo& info = program.class_info(*it);
      std::vector<TypeId> slots;
      if (info.base.valid()) slots = class_slots[info.base.index()];
      for (FieldId f : info.fields) {
        field_slot[f.index()] = static_cast<uint32_t>(slots.size());
        slots.push_back(program.field_info(f).type);
      }
      class_slots[it->index()] = std::move(slots);
      done[it->index()] = 1;
    }
  }
  for (size_t s = 0; s < program.num_structs(); ++s) {
    const StructInfo& info = program.struct_info(StructId(static_cast<uint32_t>(s)));
    for (size_t i = 0; i < info.fields.size(); ++i) field_slot[info.fields[i].index()] = static_cast<uint32_t>(i);
  }
  message_field = program.find_own_field(program.exception_class(), "message");
  errno_field = program.find_own_field(program.rt_exception_class(RtException::kOSError), "errno_value");

  roots->constants = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (program.constants().size() + 1)));
  constant_ready.assign(program.constants().size(), 0);
  link_scratch.assign(program.num_functions(), 0);

  // Prebuilt objects: allocate them all first, then fill them (they may refer to each other).
  size_t num_prebuilts = program.num_prebuilts();
  roots->prebuilts = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (num_prebuilts + 1)));
  for (size_t p = 0; p < num_prebuilts; ++p) {
    const PrebuiltInfo& info = program.prebuilt_info(PrebuiltId(static_cast<uint32_t>(p)));
    const Type& type = program.types().get(info.type);
    Value& slot = roots->prebuilts[p];
    if (type.kind == TypeKind::kPointer) slot = new_object(type.class_id);
    else if (type.kind == TypeKind::kList) slot = Value::ref(Tag::kList, new_list());
    else if (type.kind == TypeKind::kArray)
      slot = Value::ref(Tag::kArray, stamp(rt::make<GArray>(static_cast<int64_t>(info.items.size()), zero_value(type.item))));
    else throw GraphError{"prebuilt " + info.name + " has an unsupported type"};
  }
  for (size_t p = 0; p < num_prebuilts; ++p) {
    const PrebuiltInfo& info = program.prebuilt_info(PrebuiltId(static_cast<uint32_t>(p)));
    Value object = roots->prebuilts[p];
    for (const auto& [field, value] : info.field_values)
      object.as_ptr<GObject>()->fields[field_slot[field.index()]] = constant(value);
    for (size_t i = 0; i < info.items.size(); ++i) {
      if (object.tag == Tag::kList) object.as_ptr<GList>()->append(constant(info.items[i]));
      else object.as_ptr<GArray>()->set(static_cast<int64_t>(i), constant(info.items[i]));
    }
  }

  size_t num_globals = program.num_globals();
  roots->globals = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (num_globals + 1)));
  for (size_t g = 0; g < num_globals; ++g) {
    const GlobalInfo& info = program.global_info(GlobalId(static_cast<uint32_t>(g)));
    roots->globals[g] = info.initial.valid() ? constant(info.initial) : zero_value(info.type);
  }
}

Interpreter::Impl::~Impl() {
  if (roots->prev) roots->prev->next = roots->next;
  else g_all_roots = roots->next;
  if (roots->next) roots->next->prev = roots->prev;
}

IntegerLayout Interpreter::Impl::layout(TypeId type) const {
  if (program.types().kind(type) == TypeKind::kBool) return {1, false};
  auto l = program.integer_layout(type);
  return l ? *l : IntegerLayout{64, true};
}

int64_t Interpreter::Impl::normalize(int64_t value, TypeId type) const {
  IntegerLayout l = layout(type);
  if (l.bits >= 64) return value;
  uint64_t mask = (uint64_t(1) << l.bits) - 1;
  uint64_t v = static_cast<uint64_t>(value) & mask;
  if (l.is_signed && (v >> (l.bits - 1)) != 0) v |= ~mask;
  return static_cast<int64_t>(v);
}

Value Interpreter::Impl::constant(ConstId id) {
  if (constant_ready[id.index()]) return roots->constants[id.index()];
  const Constant& c = program.constant(id);
  Value v;
  switch (c.kind) {
    case ConstKind::kBool: v = Value::boolean(c.int_value != 0); break;
    case ConstKind::kInt: v = Value::integer(c.int_value); break;
    case ConstKind::kFloat: v = {c.float_bits, Tag::kFloat}; break;
    case ConstKind::kStr: v = Value::str(rt::Str::from_bytes(c.text)); break;
    case ConstKind::kNull: v = zero_value(c.type); break;
    case ConstKind::kFunction: v = Value::function(c.function()); break;
    case ConstKind::kClass: v = Value::class_ref(c.class_id()); break;
    case ConstKind::kPrebuilt: v = roots->prebuilts[c.prebuilt().index()]; break;
    case ConstKind::kStruct: {
      auto* fields = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (c.items.size() + 1)));
      for (size_t i = 0; i < c.items.size(); ++i) fields[i] = constant(ConstId(c.items[i]));
      v = Value::ref(Tag::kStruct, fields);
      break;
    }
    default: break;  // none and descriptors
  }
  roots->constants[id.index()] = v;
  constant_ready[id.index()] = 1;
  return v;
}

// The value a field, global or new container item starts with: C++'s value-initialisation.
Value Interpreter::Impl::zero_value(TypeId type) {
  const Type& t = program.types().get(type);
  switch (t.kind) {
    case TypeKind::kVoid: return Value::none();
    case TypeKind::kBool: return Value::boolean(false);
    case TypeKind::kInt:
    case TypeKind::kEnum: return Value::integer(0);
    case TypeKind::kFloat: return Value::floating(0.0);
    case TypeKind::kStr: return Value::str(rt::Str());
    // A StrBuilder member is default-constructed with its object (docs/graphinterp.md).
    case TypeKind::kStrBuilder: return Value::ref(Tag::kStrBuilder, stamp(rt::make<GStrBuilder>(16)));
    case TypeKind::kPointer: return Value::ref(Tag::kObject, nullptr);
    case TypeKind::kClassRef: return {0, Tag::kClass};
    case TypeKind::kList: return Value::ref(Tag::kList, nullptr);
    case TypeKind::kArray: return Value::ref(Tag::kArray, nullptr);
    case TypeKind::kDict: return Value::ref(Tag::kDict, nullptr);
    case TypeKind::kDictIter: return Value::ref(Tag::kDictIter, nullptr);
    case TypeKind::kFunction: return Value::function(FunctionId());
    case TypeKind::kStruct: {
      const StructInfo& info = program.struct_info(t.struct_id);
      auto* fields = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (info.fields.size() + 1)));
      for (size_t i = 0; i < info.fields.size(); ++i) fields[i] = zero_value(program.field_info(info.fields[i]).type);
      return Value::ref(Tag::kStruct, fields);
    }
  }
  return Value::none();
}

Value Interpreter::Impl::new_object(ClassId cls) {
  const std::vector<TypeId>& slots = class_slots[cls.index()];
  GObject* object = stamp(rt::make<GObject>());
  object->class_index = cls.index();
  object->fields = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (slots.size() + 1)));
  for (size_t i = 0; i < slots.size(); ++i) object->fields[i] = zero_value(slots[i]);
  return Value::ref(Tag::kObject, object);
}

GList* Interpreter::Impl::new_list() { return stamp(rt::make<GList>()); }

GDict* Interpreter::Impl::new_dict(TypeId dict_type) {
  GDict* dict = stamp(rt::make<GDict>());
  KeyTraitsId traits = program.types().get(dict_type).key_traits;
  dict->traits = traits.valid() ? traits.index() : ~0u;
  return dict;
}

int64_t Interpreter::Impl::identity_of(Value ref) const {
  if (ref.is_null()) return 0;
  switch (ref.tag) {
    case Tag::kObject:
    case Tag::kDictIter:
    case Tag::kStrBuilder: return ref.as_ptr<HeapObject>()->identity;
    case Tag::kList: return ref.as_ptr<GList>()->identity;
    case Tag::kArray: return ref.as_ptr<GArray>()->identity;
    case Tag::kDict: return ref.as_ptr<GDict>()->identity;
    default: return static_cast<int64_t>(ref.bits);  // functions and classes: index + 1
  }
}

// --- Exceptions. -------------------------------------------------------------------------------

Value Interpreter::Impl::make_text(rt::Str text) {
  if (!low_level) return Value::str(text);
  GArray* bytes = stamp(rt::make<GArray>(text.size(), Value::integer(0)));
  for (int64_t i = 0; i < text.size(); ++i) bytes->set(i, Value::integer(static_cast<int8_t>(text.at(i))));
  return Value::ref(Tag::kArray, bytes);
}

rt::Str Interpreter::Impl::text_of(Value text) const {
  if (text.tag == Tag::kStr) return text.as_str();
  if (text.is_null()) throw FatalError{"invalid memory access (null pointer dereference?)"};
  GArray* bytes = text.as_ptr<GArray>();
  std::string chars;
  for (int64_t i = 0; i < bytes->size(); ++i) chars.push_back(static_cast<char>(bytes->get(i).as_int()));
  return rt::Str::from_bytes(chars);
}

void Interpreter::Impl::raise_rt(RtException kind, rt::Str message) {
  ClassId cls = program.rt_exception_class(kind);
  Value object = new_object(cls);
  object.as_ptr<GObject>()->fields[field_slot[message_field.index()]] = make_text(message);
  set_pending(Value::class_ref(cls), object);
}

void Interpreter::Impl::raise_from_host(rt::Exception* error) {
  std::string name = "rt::" + std::string(error->type_name().view());
  ClassId cls = program.find_class(name);
  if (!cls.valid() || !program.is_exception_class(cls)) cls = program.exception_class();
  Value object = new_object(cls);
  GObject* o = object.as_ptr<GObject>();
  o->fields[field_slot[message_field.index()]] = make_text(error->message);
  if (auto* os_error = dynamic_cast<rt::OSError*>(error); os_error && errno_field.valid())
    o->fields[field_slot[errno_field.index()]] = Value::integer(os_error->errno_value);
  set_pending(Value::class_ref(cls), object);
}

void Interpreter::Impl::null_dereference() {
  throw FatalError{"invalid memory access (null pointer dereference?)"};
}

std::string Interpreter::Impl::exception_type_name(Value exception) {
  if (exception.tag != Tag::kObject || exception.is_null()) return "Exception";
  ClassId cls(exception.as_ptr<GObject>()->class_index);
  const MethodDecl* method = program.resolve_method(cls, "type_name");
  Value result;
  if (method && method->implementation.valid() &&
      call(method->implementation, &exception, 1, result) && (result.tag == Tag::kStr || !result.is_null()))
    return std::string(text_of(result).view());
  std::string name = program.class_info(cls).name;
  return name.rfind("rt::", 0) == 0 ? name.substr(4) : name;
}

// --- Value equality and the dynamic key traits. --------------------------------------------------

bool values_equal(Value a, Value b) {
  switch (a.tag) {
    case Tag::kFloat: return a.as_float() == b.as_float();
    case Tag::kStr: return a.as_str() == b.as_str();
    case Tag::kStruct: {
      if (a.bits == b.bits) return true;
      // Structs of one type have the same number of fields; the arrays end with a none slot.
      const Value* x = a.as_ptr<Value>();
      const Value* y = b.as_ptr<Value>();
      for (; x->tag != Tag::kNone || y->tag != Tag::kNone; ++x, ++y)
        if (!values_equal(*x, *y)) return false;
      return true;
    }
    default: return a.bits == b.bits;
  }
}

namespace {
thread_local DictScope* g_dict_scope = nullptr;
}

DictScope::DictScope(Interpreter::Impl& impl, GDict* dict)
    : impl_(&impl), traits_(dict->traits), saved_(g_dict_scope) {
  g_dict_scope = this;
}
DictScope::~DictScope() { g_dict_scope = saved_; }

int64_t DynKeyTraits::hash(Value key) {
  DictScope* scope = g_dict_scope;
  if (scope && scope->traits_ != ~0u) {
    const KeyTraitsInfo& info = scope->impl_->program.key_traits_info(KeyTraitsId(scope->traits_));
    Value result;
    if (!scope->impl_->call(info.hash, &key, 1, result)) throw PendingRaise{};
    return result.as_int();
  }
  switch (key.tag) {
    case Tag::kStr: return key.as_str().hash();
    case Tag::kBool:
    case Tag::kInt: return key.as_int();
    default: return scope ? scope->impl_->identity_of(key) : static_cast<int64_t>(key.bits >> 4);
  }
}

bool DynKeyTraits::equal(Value a, Value b) {
  DictScope* scope = g_dict_scope;
  if (scope && scope->traits_ != ~0u) {
    const KeyTraitsInfo& info = scope->impl_->program.key_traits_info(KeyTraitsId(scope->traits_));
    Value args[2] = {a, b};
    Value result;
    if (!scope->impl_->call(info.equal, args, 2, result)) throw PendingRaise{};
    return result.as_bool();
  }
  return values_equal(a, b);
}

}  // namespace rtoolchain::graphinterp
