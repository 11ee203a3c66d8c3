// The primitives of String, Symbol and Array. Strings are byte strings; indices are 1-based.
#include "interp.h"
#include "primitives.h"

namespace som {

namespace {

rt::Str self_string(Frame* frame, rt::Array<Value*>* args) {
  return string_arg(frame, args->get(0), "String");
}

Value* string_concatenate(Frame* frame, rt::Array<Value*>* args) {
  return som_string(self_string(frame, args) + string_arg(frame, args->get(1), "concatenate:"));
}

Value* string_as_symbol(Frame* frame, rt::Array<Value*>* args) { return symbol(self_string(frame, args)); }
Value* string_as_string(Frame* frame, rt::Array<Value*>* args) { return som_string(self_string(frame, args)); }

Value* string_length(Frame* frame, rt::Array<Value*>* args) {
  return rt::make<SInteger>(self_string(frame, args).size());
}

Value* string_equal(Frame* frame, rt::Array<Value*>* args) {
  SString* other = dynamic_cast<SString*>(args->get(1));
  if (other == nullptr) return som_bool(false);
  // A symbol equals only itself; a string equals any string or symbol with its bytes.
  if (dynamic_cast<SSymbol*>(args->get(0)) != nullptr && dynamic_cast<SSymbol*>(other) != nullptr)
    return som_bool(args->get(0) == other);
  return som_bool(self_string(frame, args) == other->value);
}

Value* string_substring(Frame* frame, rt::Array<Value*>* args) {
  rt::Str text = self_string(frame, args);
  int64_t start = int_arg(frame, args->get(1), "primSubstringFrom:to:");
  int64_t end = int_arg(frame, args->get(2), "primSubstringFrom:to:");
  if (start < 1 || end > text.size() || end < start - 1)
    primitive_failed(frame, rt::Str("substring [") + rt::Str::from_int(start) + ", " +
                                rt::Str::from_int(end) + "] out of bounds of a string of length " +
                                rt::Str::from_int(text.size()));
  return som_string(text.slice(start - 1, end));
}

Value* string_char_at(Frame* frame, rt::Array<Value*>* args) {
  rt::Str text = self_string(frame, args);
  int64_t index = int_arg(frame, args->get(1), "charAt:");
  if (index < 1 || index > text.size())
    primitive_failed(frame, rt::Str("index ") + rt::Str::from_int(index) +
                                " out of bounds of a string of length " + rt::Str::from_int(text.size()));
  return som_string(text.slice(index - 1, index));
}

Value* string_hashcode(Frame* frame, rt::Array<Value*>* args) {
  return rt::make<SInteger>(self_string(frame, args).hash() & INT32_MAX);
}

bool all_bytes(rt::Str text, int64_t kind) {
  if (text.empty()) return false;
  for (int64_t i = 0; i < text.size(); ++i) {
    int64_t c = text.byte_at(i);
    bool ok = false;
    if (kind == 0) ok = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (kind == 1) ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (kind == 2) ok = c >= '0' && c <= '9';
    if (!ok) return false;
  }
  return true;
}

Value* string_is_whitespace(Frame* f, rt::Array<Value*>* a) { return som_bool(all_bytes(self_string(f, a), 0)); }
Value* string_is_letters(Frame* f, rt::Array<Value*>* a) { return som_bool(all_bytes(self_string(f, a), 1)); }
Value* string_is_digits(Frame* f, rt::Array<Value*>* a) { return som_bool(all_bytes(self_string(f, a), 2)); }

// ---- Array ----
SArray* self_array(Frame* frame, rt::Array<Value*>* args) { return array_arg(frame, args->get(0), "Array"); }

int64_t array_index(Frame* frame, SArray* array, Value* index) {
  int64_t i = int_arg(frame, index, "at:");
  if (i < 1 || i > array->items->size())
    primitive_failed(frame, rt::Str("index ") + rt::Str::from_int(i) +
                                " out of bounds of an array of length " + rt::Str::from_int(array->items->size()));
  return i - 1;
}

Value* array_at(Frame* frame, rt::Array<Value*>* args) {
  SArray* array = self_array(frame, args);
  return array->items->get(array_index(frame, array, args->get(1)));
}

Value* array_at_put(Frame* frame, rt::Array<Value*>* args) {
  SArray* array = self_array(frame, args);
  array->items->set(array_index(frame, array, args->get(1)), args->get(2));
  return args->get(2);
}

Value* array_length(Frame* frame, rt::Array<Value*>* args) {
  return rt::make<SInteger>(self_array(frame, args)->items->size());
}

Value* array_copy(Frame* frame, rt::Array<Value*>* args) {
  rt::Array<Value*>* items = self_array(frame, args)->items;
  rt::Array<Value*>* copy = rt::make<rt::Array<Value*>>(items->size(), nil());
  for (int64_t i = 0; i < items->size(); ++i) copy->set(i, items->get(i));
  return rt::make<SArray>(copy);
}

// Arrays beyond this length are refused rather than exhausting memory.
constexpr int64_t kMaxArrayLength = int64_t{1} << 32;

Value* array_new(Frame* frame, rt::Array<Value*>* args) {
  int64_t length = int_arg(frame, args->get(1), "new:");
  if (length < 0 || length > kMaxArrayLength)
    primitive_failed(frame, rt::Str("new: invalid array length ") + rt::Str::from_int(length));
  return rt::make<SArray>(rt::make<rt::Array<Value*>>(length, nil()));
}

}  // namespace

void register_string_primitives() {
  rt::List<rt::Str>* strings = rt::make<rt::List<rt::Str>>();
  strings->append("String");
  strings->append("Symbol");
  for (auto name : *strings) {
    add_primitive(name, "concatenate:", string_concatenate);
    add_primitive(name, "asSymbol", string_as_symbol);
    add_primitive(name, "asString", string_as_string);
    add_primitive(name, "length", string_length);
    add_primitive(name, "=", string_equal);
    add_primitive(name, "primSubstringFrom:to:", string_substring);
    add_primitive(name, "charAt:", string_char_at);
    add_primitive(name, "hashcode", string_hashcode);
    add_primitive(name, "isWhiteSpace", string_is_whitespace);
    add_primitive(name, "isLetters", string_is_letters);
    add_primitive(name, "isDigits", string_is_digits);
  }
  add_primitive("Array", "at:", array_at);
  add_primitive("Array", "at:put:", array_at_put);
  add_primitive("Array", "length", array_length);
  add_primitive("Array", "copy", array_copy);
  add_primitive("Array class", "new:", array_new);
}

}  // namespace som
