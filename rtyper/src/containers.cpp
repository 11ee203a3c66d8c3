// Strings and rt containers (docs/lowlevel.md, "rt containers and strings"): their types become
// pointers to the rlib/ll helpers' classes, their operations calls of the helper of the same
// name instantiated for the erased item types, string constants immutable prebuilt byte arrays
// and user key traits FnKeys functions (generated adapters that cast the key back). The helpers
// are ordinary functions of the high-level program (a target built with the helper sources);
// the rtyper finds them by name.
#include "rtyper_impl.h"

namespace rtoolchain::rtyper {

using namespace ir;

namespace {

// Clang's canonical spelling of the fixed-width integer types (int8_t is signed char...).
const char* integer_spelling(unsigned bits, bool is_signed) {
  switch (bits) {
    case 8: return is_signed ? "signed char" : "unsigned char";
    case 16: return is_signed ? "short" : "unsigned short";
    case 32: return is_signed ? "int" : "unsigned int";
    default: return is_signed ? "long" : "unsigned long";
  }
}

constexpr const char* kObjectSpelling = "rt::Object *";
constexpr const char* kBytesSpelling = "rt::Array<signed char> *";
constexpr const char* kMissingHelpers =
    " is not in the program: build the target with the rlib/ll helper sources (rtoolchain rtype and "
    "run --mode=ll add them to a target)";

}  // namespace

ErasedType Rtyper::erase(TypeId high_type) {
  const Type& t = high_.types().get(high_type);
  TypeTable& low = low_.types();
  switch (t.kind) {
    case TypeKind::kEnum: return erase(high_.enum_info(t.enum_id).underlying);
    case TypeKind::kBool: return {"bool", low.bool_type()};
    case TypeKind::kInt: return {integer_spelling(t.bits, t.is_signed), low.int_type(t.bits, t.is_signed)};
    case TypeKind::kFloat: return {"double", low.f64()};
    case TypeKind::kStr: return {kBytesSpelling, low.array(low.i8())};
    case TypeKind::kPointer:
    case TypeKind::kStrBuilder:
    case TypeKind::kList:
    case TypeKind::kArray:
    case TypeKind::kDict:
    case TypeKind::kDictIter: return {kObjectSpelling, low.pointer(low_.object_class())};
    default:
      error("rtyper: a container of " + high_.type_name(high_type) +
            ": the rlib/ll helpers hold bool, integers, double, strings and GC references");
      return {kObjectSpelling, low.pointer(low_.object_class())};
  }
}

ClassId Rtyper::helper_class(const std::string& name) {
  ClassId cls = high_.find_class(name);
  if (cls.valid()) return cls;  // classes keep their ids
  error("rtyper: the helper class " + name + kMissingHelpers);
  return low_.object_class();
}

FunctionId Rtyper::helper_function(const std::string& name) {
  FunctionId fn = high_.find_function(name);
  if (fn.valid()) return function(fn);
  error("rtyper: the helper " + name + kMissingHelpers);
  return FunctionId();
}

std::string Rtyper::key_policy(TypeId key, KeyTraitsId traits) {
  const Type& t = high_.types().get(key);
  if (traits.valid()) {
    if (!high_.types().is_reference(key) || t.kind == TypeKind::kFunction)
      error("rtyper: key traits " + high_.key_traits_info(traits).name + " over " + high_.type_name(key) +
            ": user key traits are lowered for GC reference keys only (rtll::FnKeys)");
    return "rtll::FnKeys";
  }
  switch (t.kind) {
    case TypeKind::kBool:
    case TypeKind::kInt:
    case TypeKind::kEnum: return "rtll::IntKeys<" + erase(key).spelling + ">";
    case TypeKind::kStr: return "rtll::StrKeys";
    default:
      if (erase(key).spelling == kObjectSpelling) return "rtll::RefKeys";
      error("rtyper: dict keys of type " + high_.type_name(key) + " have no rlib/ll key policy");
      return "rtll::RefKeys";
  }
}

std::string Rtyper::dict_arguments(TypeId key, TypeId value, KeyTraitsId traits) {
  return erase(key).spelling + ", " + erase(value).spelling + ", " + key_policy(key, traits);
}

// A dictiter<K, V> type does not say its dict's key traits: they are those of the program's
// dict<K, V> types, which must agree.
KeyTraitsId Rtyper::dictiter_traits(TypeId key, TypeId value) {
  std::set<uint32_t> traits;
  for (uint32_t i = 0; i < high_.types().size(); ++i) {
    const Type& t = high_.types().get(TypeId(i));
    if (t.kind == TypeKind::kDict && t.item == key && t.value == value) traits.insert(t.key_traits.raw());
  }
  if (traits.size() > 1)
    error("rtyper: the iterators of dict<" + high_.type_name(key) + ", " + high_.type_name(value) +
          "> serve dicts with different key traits; the low level cannot tell them apart");
  return traits.empty() ? KeyTraitsId() : KeyTraitsId(*traits.begin());
}

TypeId Rtyper::container_type(const Type& t) {
  TypeTable& low = low_.types();
  switch (t.kind) {
    case TypeKind::kStr: return low.array(low.i8());
    case TypeKind::kStrBuilder: return low.pointer(helper_class("rtll::StrBuilder"));
    case TypeKind::kList: return low.pointer(helper_class("rtll::List<" + erase(t.item).spelling + ">"));
    case TypeKind::kDict:
      return low.pointer(helper_class("rtll::Dict<" + dict_arguments(t.item, t.value, t.key_traits) + ">"));
    case TypeKind::kDictIter:
      return low.pointer(helper_class("rtll::DictIter<" +
                                      dict_arguments(t.item, t.value, dictiter_traits(t.item, t.value)) + ">"));
    default: return TypeId();
  }
}

FunctionId Rtyper::container_helper(const Graph& graph, const Operation& op,
                                    llvm::SmallVectorImpl<Value>& extra_args) {
  FunctionId fn = find_container_helper(graph, op, extra_args);
  // The helper of an operation that raises nothing raises nothing either (but MemoryError,
  // which no operation lists): its call may stay in the middle of a block that catches.
  if (fn.valid() && !op_info(op.opcode).can_raise()) low_.function_info_mut(fn).flags |= kNoThrow;
  return fn;
}

FunctionId Rtyper::find_container_helper(const Graph& graph, const Operation& op,
                                         llvm::SmallVectorImpl<Value>& extra_args) {
  llvm::StringRef opname = op_name(op.opcode);
  auto container = [&](bool from_result) -> const Type& {
    TypeId type = from_result ? graph.variable(op.result).type : high_.type_of(graph, op.args[0]);
    return high_.types().get(type);
  };
  std::string name = "rtll::" + opname.str();
  if (opname.starts_with("str_") || opname.starts_with("strbuilder_")) return helper_function(name);
  if (opname.starts_with("list_") || opname.starts_with("array_")) {
    const Type& t = container(op.opcode == Opcode::list_new || op.opcode == Opcode::list_new_filled);
    return helper_function(name + "<" + erase(t.item).spelling + ">");
  }
  if (opname.starts_with("dictiter_")) {
    const Type& t = container(false);
    return helper_function(name + "<" + dict_arguments(t.item, t.value, dictiter_traits(t.item, t.value)) + ">");
  }
  if (opname.starts_with("dict_")) {
    bool is_new = op.opcode == Opcode::dict_new;
    const Type& t = container(is_new);
    KeyTraitsId traits = t.key_traits;
    FunctionId fn = helper_function(name + "<" + dict_arguments(t.item, t.value, traits) + ">");
    if (is_new && fn.valid()) {
      std::vector<TypeId> params;
      for (const Param& p : low_.function_info(fn).params) params.push_back(p.type);
      if (params.size() != 2) {
        error("rtyper: internal error: " + low_.function_info(fn).name + " does not take the two key functions");
        return FunctionId();
      }
      if (traits.valid()) {
        extra_args.push_back(low_.const_function(key_adapter(traits, false)));
        extra_args.push_back(low_.const_function(key_adapter(traits, true)));
      } else {
        extra_args.push_back(low_.const_null(params[0]));
        extra_args.push_back(low_.const_null(params[1]));
      }
    }
    return fn;
  }
  error("rtyper: internal error: no helper for operation " + opname.str());
  return FunctionId();
}

// rtyper::key_hash<T>(rt::Object* key) -> i64 and rtyper::key_equal<T>(rt::Object*, rt::Object*)
// -> bool: the user's functions of key traits T, the keys cast back to their class.
FunctionId Rtyper::key_adapter(KeyTraitsId traits, bool equal) {
  auto found = key_adapters_.find({traits.index(), equal});
  if (found != key_adapters_.end()) return found->second;
  const KeyTraitsInfo& info = high_.key_traits_info(traits);
  FunctionId user = function(equal ? info.equal : info.hash);
  TypeTable& types = low_.types();
  TypeId object = types.pointer(low_.object_class());
  std::vector<Param> params{{"a", object}};
  if (equal) params.push_back({"b", object});
  std::string name = std::string(equal ? "rtyper::key_equal<" : "rtyper::key_hash<") + info.name + ">";
  FunctionId fn = low_.add_function(name, params, equal ? types.bool_type() : types.i64());
  key_adapters_[{traits.index(), equal}] = fn;
  Builder b(low_, fn);
  std::vector<Value> args;
  for (unsigned i = 0; i < params.size(); ++i) {
    TypeId key = low_.function_info(user).params[i].type;
    args.push_back(key == object ? b.arg(i) : b.emit(Opcode::cast_pointer, {b.arg(i)}, key));
  }
  b.ret(b.call(user, args));
  return fn;
}

ConstId Rtyper::str_constant(llvm::StringRef text) {
  auto found = str_constants_.find(text.str());
  if (found != str_constants_.end()) return found->second;
  TypeTable& types = low_.types();
  TypeId i8 = types.i8();
  PrebuiltId bytes = low_.add_prebuilt("rtyper::str::" + std::to_string(str_constants_.size()), types.array(i8));
  std::vector<ConstId> items;
  for (char c : text) items.push_back(low_.const_int(i8, static_cast<int8_t>(c)));
  PrebuiltInfo& info = low_.prebuilt_info_mut(bytes);
  info.items = std::move(items);
  info.flags = kImmutablePrebuilt;
  ConstId result = low_.const_prebuilt(bytes);
  str_constants_[text.str()] = result;
  return result;
}

}  // namespace rtoolchain::rtyper
