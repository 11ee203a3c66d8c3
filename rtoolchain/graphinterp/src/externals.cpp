// External functions: the rt library functions that are not operations (rt::print, rt::os,
// rt::math, the rt::Str methods), called by their qualified C++ name with the receiver first
// for methods. They call rt itself, so they behave exactly as in host mode.
#include <string>

#include <llvm/ADT/StringMap.h>

#include "interp.h"
#include "rt/exceptions.h"
#include "rt/jit.h"
#include "rt/lowlevel.h"
#include "rt/main.h"
#include "rt/math.h"
#include "rt/os.h"

namespace rtoolchain::graphinterp {

using namespace ir;

namespace {

using Impl = Interpreter::Impl;
using External = Value (*)(Impl&, const Value*);

Value none() { return Value::none(); }
Value str_list(Impl& impl, rt::List<rt::Str>* items) {
  GList* list = impl.new_list();
  for (int64_t i = 0; i < items->size(); ++i) list->append(Value::str(items->get(i)));
  return Value::ref(Tag::kList, list);
}
rt::List<rt::Str>* host_str_list(Value v) {
  if (v.is_null()) throw FatalError{"invalid memory access (null pointer dereference?)"};
  auto* items = rt::make<rt::List<rt::Str>>();
  GList* list = v.as_ptr<GList>();
  for (int64_t i = 0; i < list->size(); ++i) items->append(list->get(i).as_str());
  return items;
}

struct Entry {
  const char* name;
  unsigned arity;
  External fn;
};

#define S(i) impl.text_of(a[i])
#define I(i) a[i].as_int()
#define F(i) a[i].as_float()
#define STR(e) impl.make_text(e)
#define INT(e) Value::integer(e)
#define FLT(e) Value::floating(e)
#define BOOL(e) Value::boolean(e)

const Entry kExternals[] = {
    // Standard output and error.
    {"rt::print", 1, [](Impl& impl [[maybe_unused]], const Value* a) { rt::print(S(0)); return none(); }},
    {"rt::print_line", 1, [](Impl& impl [[maybe_unused]], const Value* a) { rt::print_line(S(0)); return none(); }},
    {"rt::flush_stdout", 0, [](Impl&, const Value*) { rt::flush_stdout(); return none(); }},
    {"rt::print_error", 1, [](Impl& impl [[maybe_unused]], const Value* a) { rt::print_error(S(0)); return none(); }},
    // rt::os.
    {"rt::os::write", 2, [](Impl& impl [[maybe_unused]], const Value* a) { rt::os::write(I(0), S(1)); return none(); }},
    {"rt::os::read", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(rt::os::read(I(0), I(1))); }},
    {"rt::os::read_file", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(rt::os::read_file(S(0))); }},
    {"rt::os::open", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return INT(rt::os::open(S(0), I(1))); }},
    {"rt::os::close", 1, [](Impl& impl [[maybe_unused]], const Value* a) { rt::os::close(I(0)); return none(); }},
    {"rt::os::time", 0, [](Impl&, const Value*) { return FLT(rt::os::time()); }},
    {"rt::os::monotonic", 0, [](Impl&, const Value*) { return FLT(rt::os::monotonic()); }},
    {"rt::os::exit", 1, [](Impl& impl [[maybe_unused]], const Value* a) -> Value { throw ExitRequest{I(0)}; }},
    {"rt::os::getenv", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(rt::os::getenv(S(0), S(1))); }},
    {"rt::os::getenv", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(rt::os::getenv(S(0))); }},
    {"rt::os::has_env", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return BOOL(rt::os::has_env(S(0))); }},
    // rt::math.
    {"rt::math::isnan", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return BOOL(rt::math::isnan(F(0))); }},
    {"rt::math::isinf", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return BOOL(rt::math::isinf(F(0))); }},
    {"rt::math::isfinite", 1,
     [](Impl& impl [[maybe_unused]], const Value* a) { return BOOL(rt::math::isfinite(F(0))); }},
    {"rt::math::sqrt", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::sqrt(F(0))); }},
    {"rt::math::floor", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::floor(F(0))); }},
    {"rt::math::ceil", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::ceil(F(0))); }},
    {"rt::math::trunc", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::trunc(F(0))); }},
    {"rt::math::fabs", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::fabs(F(0))); }},
    {"rt::math::copysign", 2,
     [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::copysign(F(0), F(1))); }},
    {"rt::math::fmod", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::fmod(F(0), F(1))); }},
    {"rt::math::exp", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::exp(F(0))); }},
    {"rt::math::log", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::log(F(0))); }},
    {"rt::math::pow", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::pow(F(0), F(1))); }},
    {"rt::math::sin", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::sin(F(0))); }},
    {"rt::math::cos", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::cos(F(0))); }},
    {"rt::math::atan2", 2,
     [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(rt::math::atan2(F(0), F(1))); }},
    // rt::Str methods (the receiver first) and static functions.
    {"rt::Str::size", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return INT(S(0).size()); }},
    {"rt::Str::empty", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return BOOL(S(0).empty()); }},
    {"rt::Str::at", 2,
     [](Impl& impl [[maybe_unused]], const Value* a) { return INT(static_cast<int8_t>(S(0).at(I(1)))); }},
    {"rt::Str::byte_at", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return INT(S(0).byte_at(I(1))); }},
    {"rt::Str::slice", 3, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(S(0).slice(I(1), I(2))); }},
    {"rt::Str::slice_from", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(S(0).slice_from(I(1))); }},
    {"rt::Str::find", 3, [](Impl& impl [[maybe_unused]], const Value* a) { return INT(S(0).find(S(1), I(2))); }},
    {"rt::Str::find", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return INT(S(0).find(S(1))); }},
    {"rt::Str::rfind", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return INT(S(0).rfind(S(1))); }},
    {"rt::Str::contains", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return BOOL(S(0).contains(S(1))); }},
    {"rt::Str::starts_with", 2,
     [](Impl& impl [[maybe_unused]], const Value* a) { return BOOL(S(0).starts_with(S(1))); }},
    {"rt::Str::ends_with", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return BOOL(S(0).ends_with(S(1))); }},
    {"rt::Str::count", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return INT(S(0).count(S(1))); }},
    {"rt::Str::split", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return str_list(impl, S(0).split(S(1))); }},
    {"rt::Str::split_whitespace", 1,
     [](Impl& impl [[maybe_unused]], const Value* a) { return str_list(impl, S(0).split_whitespace()); }},
    {"rt::Str::join", 2,
     [](Impl& impl [[maybe_unused]], const Value* a) { return STR(S(0).join(host_str_list(a[1]))); }},
    {"rt::Str::replace", 3, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(S(0).replace(S(1), S(2))); }},
    {"rt::Str::strip", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(S(0).strip()); }},
    {"rt::Str::lstrip", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(S(0).lstrip()); }},
    {"rt::Str::rstrip", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(S(0).rstrip()); }},
    {"rt::Str::upper", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(S(0).upper()); }},
    {"rt::Str::lower", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(S(0).lower()); }},
    {"rt::Str::repeat", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(S(0).repeat(I(1))); }},
    {"rt::Str::compare", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return INT(S(0).compare(S(1))); }},
    {"rt::Str::hash", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return INT(S(0).hash()); }},
    {"rt::Str::to_int", 2, [](Impl& impl [[maybe_unused]], const Value* a) { return INT(S(0).to_int(I(1))); }},
    {"rt::Str::to_int", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return INT(S(0).to_int()); }},
    {"rt::Str::to_double", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return FLT(S(0).to_double()); }},
    {"rt::Str::from_int", 1, [](Impl& impl [[maybe_unused]], const Value* a) { return STR(rt::Str::from_int(I(0))); }},
    {"rt::Str::from_double", 1,
     [](Impl& impl [[maybe_unused]], const Value* a) { return STR(rt::Str::from_double(F(0))); }},
    {"rt::Str::from_char", 1,
     [](Impl& impl [[maybe_unused]], const Value* a) { return STR(rt::Str::from_char(static_cast<char>(I(0)))); }},
    // The low-level helpers' externals (rt/lowlevel.h): byte arrays of i8 values.
    {"rt::ll::format_double", 1,
     [](Impl& impl [[maybe_unused]], const Value* a) {
       rt::Str text = rt::Str::from_double(F(0));
       GArray* bytes = impl.stamp(rt::make<GArray>(text.size(), Value::integer(0)));
       for (int64_t i = 0; i < text.size(); ++i) bytes->set(i, Value::integer(static_cast<int8_t>(text.at(i))));
       return Value::ref(Tag::kArray, bytes);
     }},
    {"rt::ll::parse_double", 1,
     [](Impl& impl [[maybe_unused]], const Value* a) {
       if (a[0].is_null()) throw FatalError{"invalid memory access (null pointer dereference?)"};
       GArray* bytes = a[0].as_ptr<GArray>();
       std::string text;
       for (int64_t i = 0; i < bytes->size(); ++i) text.push_back(static_cast<char>(bytes->get(i).as_int()));
       return FLT(rt::Str::from_bytes(text).to_double());
     }},
    // The runtime.
    {"rt::stack_budget", 0, [](Impl&, const Value*) { return INT(rt::stack_budget()); }},
    {"rt::gc::collect", 0, [](Impl&, const Value*) { rt::gc::collect(); return none(); }},
    {"rt::gc::heap_size", 0, [](Impl&, const Value*) { return INT(static_cast<int64_t>(rt::gc::heap_size())); }},
    {"rt::jit::check_user_params", 1,
     [](Impl& impl [[maybe_unused]], const Value* a) { rt::jit::check_user_params(S(0)); return none(); }},
    // The runtime functions of the rtyper's array helpers (docs/rtyper.md): rt's own.
    {"rt::ll::array_index_error", 2,
     [](Impl&, const Value* a) -> Value { rt::ll::array_index_error(I(0), I(1)); }},
    {"rt::ll::array_assignment_index_error", 2,
     [](Impl&, const Value* a) -> Value { rt::ll::array_assignment_index_error(I(0), I(1)); }},
    {"rt::ll::check_array_size", 1, [](Impl&, const Value* a) { rt::ll::check_array_size(I(0)); return none(); }},
    {"rt::jit::report_broken_promise", 1,
     [](Impl& impl [[maybe_unused]], const Value* a) { rt::jit::report_broken_promise(S(0).c_str()); return none(); }},
};

#undef S
#undef I
#undef F
#undef STR
#undef INT
#undef FLT
#undef BOOL

// (name, arity) -> implementation.
const llvm::StringMap<External>& external_table() {
  static const llvm::StringMap<External> table = [] {
    llvm::StringMap<External> t;
    for (const Entry& e : kExternals) t[std::string(e.name) + "/" + std::to_string(e.arity)] = e.fn;
    return t;
  }();
  return table;
}

}  // namespace

bool Interpreter::Impl::call_external(FunctionId fn, const Value* args, size_t num_args, Value& result) {
  const FunctionInfo& info = program.function_info(fn);
  llvm::StringRef name = info.name;
  // The type_name() of the predefined exception classes: the class name without "rt::".
  if (info.is_builtin && name.ends_with("::type_name")) {
    llvm::StringRef cls = name.drop_back(llvm::StringRef("::type_name").size());
    cls.consume_front("rt::");
    result = make_text(rt::Str::from_bytes(std::string_view(cls.data(), cls.size())));
    return true;
  }
  auto found = external_table().find((name + "/" + llvm::Twine(num_args)).str());
  if (found == external_table().end())
    throw GraphError{"external function " + info.name + " has no graph-mode implementation"};
  try {
    result = found->second(*this, args);
    return true;
  } catch (rt::Exception* error) {
    raise_from_host(error);
    return false;
  }
}

}  // namespace rtoolchain::graphinterp
