// The public API: Interpreter::call and run_program (host mode's main() for graphs).
#include <typeinfo>

#include "interp.h"
#include "rt/os.h"

namespace rtoolchain::graphinterp {

using namespace ir;

Interpreter::Interpreter(const Program& program) : impl_(new Impl(program)) {}
Interpreter::~Interpreter() { delete impl_; }
void Interpreter::set_observer(Observer* observer) { impl_->observer = observer; }

ClassId class_of(Value object) {
  if (object.tag != Tag::kObject || object.is_null()) return ClassId();
  return ClassId(object.as_ptr<GObject>()->class_index);
}

int64_t identity_of(Value ref) {
  if (ref.is_null()) return 0;
  switch (ref.tag) {
    case Tag::kObject:
    case Tag::kDictIter:
    case Tag::kStrBuilder: return ref.as_ptr<HeapObject>()->identity;
    case Tag::kList: return ref.as_ptr<GList>()->identity;
    case Tag::kArray: return ref.as_ptr<GArray>()->identity;
    case Tag::kDict: return ref.as_ptr<GDict>()->identity;
    default: return 0;
  }
}

namespace {

// Interpreter::call and call_raw: `describe` reads the raised exception's type name and message.
Outcome call_function(Interpreter::Impl* impl_, FunctionId function, llvm::ArrayRef<Value> args, bool describe) {
  Outcome outcome;
  // The arguments, where the collector sees them.
  auto* copy = static_cast<Value*>(rt::gc::alloc(sizeof(Value) * (args.size() + 1)));
  for (size_t i = 0; i < args.size(); ++i) copy[i] = args[i];
  try {
    const FunctionInfo& info = impl_->program.function_info(function);
    if (info.params.size() != args.size())
      throw GraphError{"call of " + info.name + " with the wrong number of arguments"};
    Value result;
    if (impl_->call(function, copy, args.size(), result)) {
      outcome.value = result;
      return outcome;
    }
    outcome.kind = Outcome::kRaised;
    outcome.value = impl_->roots->exc_value;
    outcome.exc_class = impl_->roots->exc_class.as_class();
    impl_->set_pending(Value(), Value());
    if (!describe) return outcome;
    outcome.type_name = impl_->exception_type_name(outcome.value);
    GObject* exception = outcome.value.as_ptr<GObject>();
    if (exception && impl_->message_field.valid())
      outcome.message =
          std::string(impl_->text_of(exception->fields[impl_->field_slot[impl_->message_field.index()]]).view());
  } catch (const FatalError& fatal) {
    outcome = Outcome();
    outcome.kind = Outcome::kFatal;
    outcome.message = fatal.message;
  } catch (const ExitRequest& exit) {
    outcome = Outcome();
    outcome.kind = Outcome::kExited;
    outcome.exit_status = exit.status;
  } catch (const GraphError& error) {
    outcome = Outcome();
    outcome.kind = Outcome::kError;
    outcome.message = error.message;
  }
  return outcome;
}

}  // namespace

Outcome Interpreter::call(FunctionId function, llvm::ArrayRef<Value> args) {
  return call_function(impl_, function, args, /*describe=*/true);
}

Outcome Interpreter::call_raw(FunctionId function, llvm::ArrayRef<Value> args) {
  return call_function(impl_, function, args, /*describe=*/false);
}

void Interpreter::set_merge_point_hook(MergePointHook* hook) { impl_->merge_hook = hook; }

void Interpreter::set_call_hook(FunctionId function, CallHook* hook) {
  impl_->hooked = hook ? function : FunctionId();
  impl_->hook = hook;
}

Value Interpreter::get_field(Value object, FieldId field) {
  if (object.is_null()) impl_->null_dereference();
  return object.as_ptr<GObject>()->fields[impl_->field_slot[field.index()]];
}

void Interpreter::set_field(Value object, FieldId field, Value value) {
  if (object.is_null()) impl_->null_dereference();
  object.as_ptr<GObject>()->fields[impl_->field_slot[field.index()]] = value;
}

void Interpreter::set_item(Value array, int64_t index, Value value) {
  if (array.is_null()) impl_->null_dereference();
  if (array.tag == Tag::kArray) array.as_ptr<GArray>()->set(index, value);
  else array.as_ptr<GList>()->set(index, value);
}

Value Interpreter::get_global(GlobalId global) { return impl_->roots->globals[global.index()]; }
void Interpreter::set_global(GlobalId global, Value value) { impl_->roots->globals[global.index()] = value; }
Value Interpreter::new_object(ClassId cls) { return impl_->new_object(cls); }

Value Interpreter::new_array(TypeId array_type, int64_t length) {
  TypeId item = impl_->program.types().get(array_type).item;
  return Value::ref(Tag::kArray, impl_->stamp(rt::make<GArray>(length, impl_->zero_value(item))));
}

Value Interpreter::constant(ConstId constant) { return impl_->constant(constant); }

Value Interpreter::reference(uint64_t bits) {
  if (bits == 0) return Value::ref(Tag::kObject, nullptr);
  auto* object = reinterpret_cast<rt::Object*>(bits);
  const std::type_info& type = typeid(*object);
  Tag tag = type == typeid(GObject)       ? Tag::kObject
            : type == typeid(GArray)      ? Tag::kArray
            : type == typeid(GList)       ? Tag::kList
            : type == typeid(GDict)       ? Tag::kDict
            : type == typeid(GStrBuilder) ? Tag::kStrBuilder
            : type == typeid(GDictIter)   ? Tag::kDictIter
                                          : Tag::kObject;
  return {bits, tag};
}

Outcome Interpreter::call(llvm::StringRef function, llvm::ArrayRef<Value> args) {
  FunctionId id = impl_->program.find_function(function);
  if (!id.valid()) {
    Outcome outcome;
    outcome.kind = Outcome::kError;
    outcome.message = "no function named " + function.str();
    return outcome;
  }
  return call(id, args);
}

Value Interpreter::make_str_list(llvm::ArrayRef<std::string> items) {
  if (impl_->low_level) return impl_->make_low_level_str_list(items);
  GList* list = impl_->new_list();
  for (const std::string& item : items) list->append(Value::str(rt::Str::from_bytes(item)));
  return Value::ref(Tag::kList, list);
}

// The entry point's list<str> at the low level: an rtll::List of byte arrays, its fields found
// by name in the class the entry point takes (docs/lowlevel.md, "Representations").
Value Interpreter::Impl::make_low_level_str_list(llvm::ArrayRef<std::string> items) {
  FunctionId entry = program.entry_point();
  if (!entry.valid() || program.function_info(entry).params.size() != 1)
    throw GraphError{"the entry point does not take the argument list"};
  const Type& list_type = program.types().get(program.function_info(entry).params[0].type);
  FieldId length = program.find_own_field(list_type.class_id, "length");
  FieldId item_array = program.find_own_field(list_type.class_id, "items");
  if (list_type.kind != TypeKind::kPointer || !length.valid() || !item_array.valid())
    throw GraphError{"the entry point does not take an rtll::List of strings"};
  Value list = new_object(list_type.class_id);
  GArray* array = stamp(rt::make<GArray>(static_cast<int64_t>(items.size()), Value::ref(Tag::kArray, nullptr)));
  for (size_t i = 0; i < items.size(); ++i) array->set(static_cast<int64_t>(i), make_text(rt::Str::from_bytes(items[i])));
  GObject* object = list.as_ptr<GObject>();
  object->fields[field_slot[length.index()]] = Value::integer(static_cast<int64_t>(items.size()));
  object->fields[field_slot[item_array.index()]] = Value::ref(Tag::kArray, array);
  return list;
}

int64_t Interpreter::length(Value container) {
  if (container.tag == Tag::kArray) return container.as_ptr<GArray>()->size();
  if (container.tag == Tag::kDict) return container.as_ptr<GDict>()->size();
  return container.as_ptr<GList>()->size();
}

Value Interpreter::item(Value container, int64_t index) {
  if (container.tag == Tag::kArray) return container.as_ptr<GArray>()->get(index);
  return container.as_ptr<GList>()->get(index);
}

Value Interpreter::field(Value object, llvm::StringRef class_name, llvm::StringRef field_name) {
  FieldId f = impl_->program.find_own_field(impl_->program.find_class(class_name), field_name);
  return object.as_ptr<GObject>()->fields[impl_->field_slot[f.index()]];
}

int64_t Interpreter::identity_hash(Value ref) { return impl_->identity_of(ref); }

int64_t run_program(const Program& program, llvm::ArrayRef<std::string> argv, Observer* observer) {
  std::string argv0 = argv.empty() ? "rt" : argv[0];
  FunctionId entry = program.entry_point();
  if (!entry.valid()) {
    Outcome outcome;
    outcome.kind = Outcome::kError;
    outcome.message = "the program has no entry point";
    return report_outcome(outcome, argv0);
  }
  Outcome outcome;
  {
    Interpreter interpreter(program);
    Value args = interpreter.make_str_list(argv);
    interpreter.set_observer(observer);
    outcome = interpreter.call(entry, {args});
  }
  return report_outcome(outcome, argv0);
}

int64_t report_outcome(const Outcome& outcome, llvm::StringRef argv0) {
  std::string name = argv0.str();
  name = name.substr(name.rfind('/') + 1);
  rt::Str prog = rt::Str::from_bytes(name);
  rt::flush_stdout();
  auto text = [](const std::string& s) { return rt::Str::from_bytes(s); };
  switch (outcome.kind) {
    case Outcome::kReturned: return outcome.value.as_int();
    case Outcome::kExited: return outcome.exit_status;
    case Outcome::kRaised:
      rt::print_error(prog + ": uncaught rt::" + text(outcome.type_name) + ": " + text(outcome.message) + "\n");
      return 70;
    case Outcome::kFatal: rt::print_error(prog + ": fatal error: " + text(outcome.message) + "\n"); return 70;
    case Outcome::kError:
      rt::print_error(prog + ": graph mode error: " + text(outcome.message) + "\n");
      return 70;
  }
  return 70;
}

}  // namespace rtoolchain::graphinterp
