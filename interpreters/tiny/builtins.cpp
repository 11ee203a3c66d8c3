// The builtin functions. Each takes its arguments as an array whose size call_builtin has
// checked against builtins.def, and raises tiny errors for arguments of the wrong type.
#include "builtins.h"

namespace tiny {

namespace {

rt::Str count_text(int64_t count, rt::Str noun) {
  return rt::Str::from_int(count) + " " + noun + (count == 1 ? "" : "s");
}

[[noreturn]] void raise_argument_type(rt::Str function, int64_t index, rt::Str expected,
                                      Value* got) {
  raise_error("TypeError", function + "() argument " + rt::Str::from_int(index + 1) + " must be " +
                               expected + ", not " + got->type_name());
}

int64_t int_arg(rt::Array<Value*>* args, int64_t index, rt::Str function) {
  IntValue* value = dynamic_cast<IntValue*>(args->get(index));
  if (value == nullptr) raise_argument_type(function, index, "int", args->get(index));
  return value->value;
}

rt::Str str_arg(rt::Array<Value*>* args, int64_t index, rt::Str function) {
  StrValue* value = dynamic_cast<StrValue*>(args->get(index));
  if (value == nullptr) raise_argument_type(function, index, "str", args->get(index));
  return value->value;
}

rt::List<Value*>* list_arg(rt::Array<Value*>* args, int64_t index, rt::Str function) {
  ListValue* value = dynamic_cast<ListValue*>(args->get(index));
  if (value == nullptr) raise_argument_type(function, index, "list", args->get(index));
  return value->items;
}

ValueDict* dict_arg(rt::Array<Value*>* args, int64_t index, rt::Str function) {
  DictValue* value = dynamic_cast<DictValue*>(args->get(index));
  if (value == nullptr) raise_argument_type(function, index, "dict", args->get(index));
  return value->entries;
}

ErrorValue* error_arg(rt::Array<Value*>* args, int64_t index, rt::Str function) {
  ErrorValue* value = dynamic_cast<ErrorValue*>(args->get(index));
  if (value == nullptr) raise_argument_type(function, index, "error", args->get(index));
  return value;
}

Value* make_str(rt::Str text) { return rt::make<StrValue>(text); }
Value* make_int(int64_t value) { return rt::make<IntValue>(value); }

// min() and max(): the first item that no other item beats, comparing with `comparison`.
Value* extreme(rt::Array<Value*>* args, rt::Str function, op::Opcode comparison,
               int64_t winning_order) {
  rt::List<Value*>* items = rt::make<rt::List<Value*>>();
  if (args->size() == 1) {
    items = list_arg(args, 0, function);
    if (items->empty()) raise_error("ValueError", function + "() of an empty list");
  } else {
    for (Value* arg : *args) items->append(arg);
  }
  Value* best = items->get(0);
  for (int64_t i = 1; i < items->size(); ++i)
    if (order(items->get(i), best, comparison) == winning_order) best = items->get(i);
  return best;
}

// --- The builtins, in the order of builtins.def ------------------------------------------------

Value* builtin_print(rt::Array<Value*>* args) {
  rt::StrBuilder line(64);
  for (int64_t i = 0; i < args->size(); ++i) {
    if (i > 0) line.append_char(' ');
    line.append(args->get(i)->to_str());
  }
  line.append_char('\n');
  rt::print(line.build());
  return nil_value();
}

Value* builtin_str(rt::Array<Value*>* args) { return make_str(args->get(0)->to_str()); }

Value* builtin_repr(rt::Array<Value*>* args) { return make_str(args->get(0)->repr()); }

// Floats truncate toward zero; strings parse as decimal integers (the rt parser raises
// ValueError and OverflowError, which the interpreter turns into tiny errors).
Value* builtin_int(rt::Array<Value*>* args) {
  Value* value = args->get(0);
  if (dynamic_cast<IntValue*>(value) != nullptr) return value;
  FloatValue* real = dynamic_cast<FloatValue*>(value);
  if (real != nullptr) {
    // Checked here rather than left to rt::float_to_int, whose overflow message is garbled.
    if (rt::math::isnan(real->value)) raise_error("ValueError", "cannot convert NaN to int");
    if (!rt::float_fits_int(real->value))
      raise_error("OverflowError", "float too large to convert to int");
    return make_int(rt::float_to_int(real->value));
  }
  StrValue* text = dynamic_cast<StrValue*>(value);
  if (text != nullptr) return make_int(text->value.to_int());
  raise_argument_type("int", 0, "a number or a string", value);
}

Value* builtin_float(rt::Array<Value*>* args) {
  Value* value = args->get(0);
  if (dynamic_cast<FloatValue*>(value) != nullptr) return value;
  IntValue* integer = dynamic_cast<IntValue*>(value);
  if (integer != nullptr) return rt::make<FloatValue>(static_cast<double>(integer->value));
  StrValue* text = dynamic_cast<StrValue*>(value);
  if (text != nullptr) return rt::make<FloatValue>(text->value.to_double());
  raise_argument_type("float", 0, "a number or a string", value);
}

Value* builtin_type(rt::Array<Value*>* args) { return make_str(args->get(0)->type_name()); }

Value* builtin_len(rt::Array<Value*>* args) {
  Value* value = args->get(0);
  StrValue* text = dynamic_cast<StrValue*>(value);
  if (text != nullptr) return make_int(text->value.size());
  ListValue* list = dynamic_cast<ListValue*>(value);
  if (list != nullptr) return make_int(list->items->size());
  DictValue* dict = dynamic_cast<DictValue*>(value);
  if (dict != nullptr) return make_int(dict->entries->size());
  raise_argument_type("len", 0, "a str, list or dict", value);
}

Value* builtin_range(rt::Array<Value*>* args) {
  int64_t start = args->size() == 2 ? int_arg(args, 0, "range") : 0;
  int64_t stop = int_arg(args, args->size() - 1, "range");
  rt::List<Value*>* items = rt::make<rt::List<Value*>>();
  for (int64_t i = start; i < stop; ++i) items->append(make_int(i));
  return rt::make<ListValue>(items);
}

Value* builtin_push(rt::Array<Value*>* args) {
  list_arg(args, 0, "push")->append(args->get(1));
  return nil_value();
}

Value* builtin_pop(rt::Array<Value*>* args) {
  rt::List<Value*>* items = list_arg(args, 0, "pop");
  if (items->empty()) raise_error("IndexError", "pop from an empty list");
  return items->pop();
}

Value* builtin_insert(rt::Array<Value*>* args) {
  rt::List<Value*>* items = list_arg(args, 0, "insert");
  int64_t index = int_arg(args, 1, "insert");
  if (index < 0 || index > items->size())
    raise_error("IndexError", rt::Str("insert index ") + rt::Str::from_int(index) +
                                  " out of range for length " + rt::Str::from_int(items->size()));
  items->insert(index, args->get(2));
  return nil_value();
}

// Both bounds are clamped to [0, len].
Value* builtin_slice(rt::Array<Value*>* args) {
  int64_t start = int_arg(args, 1, "slice");
  int64_t stop = int_arg(args, 2, "slice");
  StrValue* text = dynamic_cast<StrValue*>(args->get(0));
  if (text != nullptr) return make_str(text->value.slice(start, stop));
  return rt::make<ListValue>(list_arg(args, 0, "slice")->slice(start, stop));
}

Value* builtin_keys(rt::Array<Value*>* args) {
  return rt::make<ListValue>(dict_arg(args, 0, "keys")->keys());
}

Value* builtin_has(rt::Array<Value*>* args) {
  return bool_value(dict_arg(args, 0, "has")->contains(args->get(1)));
}

Value* builtin_del(rt::Array<Value*>* args) {
  if (!dict_arg(args, 0, "del")->discard(args->get(1)))
    raise_error("KeyError", rt::Str("key ") + args->get(1)->repr() + " not found");
  return nil_value();
}

Value* builtin_join(rt::Array<Value*>* args) {
  rt::Str separator = str_arg(args, 0, "join");
  rt::List<rt::Str>* pieces = rt::make<rt::List<rt::Str>>();
  for (Value* item : *list_arg(args, 1, "join")) {
    StrValue* text = dynamic_cast<StrValue*>(item);
    if (text == nullptr)
      raise_error("TypeError", rt::Str("join() list items must be str, not ") + item->type_name());
    pieces->append(text->value);
  }
  return make_str(separator.join(pieces));
}

Value* builtin_split(rt::Array<Value*>* args) {
  rt::Str text = str_arg(args, 0, "split");
  rt::Str separator = str_arg(args, 1, "split");
  if (separator.empty()) raise_error("ValueError", "split() separator is empty");
  rt::List<Value*>* items = rt::make<rt::List<Value*>>();
  for (rt::Str piece : *text.split(separator)) items->append(make_str(piece));
  return rt::make<ListValue>(items);
}

Value* builtin_find(rt::Array<Value*>* args) {
  return make_int(str_arg(args, 0, "find").find(str_arg(args, 1, "find")));
}

Value* builtin_ord(rt::Array<Value*>* args) {
  rt::Str text = str_arg(args, 0, "ord");
  if (text.size() != 1)
    raise_error("ValueError", rt::Str("ord() expects a string of length 1, not ") +
                                  rt::Str::from_int(text.size()));
  return make_int(text.byte_at(0));
}

Value* builtin_chr(rt::Array<Value*>* args) {
  int64_t code = int_arg(args, 0, "chr");
  if (code < 0 || code > 255)
    raise_error("ValueError",
                rt::Str("chr() argument ") + rt::Str::from_int(code) + " is not in 0..255");
  return make_str(rt::Str::from_char(static_cast<char>(code)));
}

Value* builtin_abs(rt::Array<Value*>* args) {
  Value* value = args->get(0);
  IntValue* integer = dynamic_cast<IntValue*>(value);
  if (integer != nullptr) return integer->value < 0 ? make_int(rt::ovf_neg(integer->value)) : value;
  FloatValue* real = dynamic_cast<FloatValue*>(value);
  if (real == nullptr) raise_argument_type("abs", 0, "a number", value);
  return rt::make<FloatValue>(rt::math::fabs(real->value));
}

Value* builtin_sqrt(rt::Array<Value*>* args) {
  Value* value = args->get(0);
  IntValue* integer = dynamic_cast<IntValue*>(value);
  FloatValue* real = dynamic_cast<FloatValue*>(value);
  if (integer == nullptr && real == nullptr) raise_argument_type("sqrt", 0, "a number", value);
  double x = integer != nullptr ? static_cast<double>(integer->value) : real->value;
  if (x < 0.0) raise_error("ValueError", "sqrt() of a negative number");
  return rt::make<FloatValue>(rt::math::sqrt(x));
}

Value* builtin_min(rt::Array<Value*>* args) { return extreme(args, "min", op::LESS, -1); }

Value* builtin_max(rt::Array<Value*>* args) { return extreme(args, "max", op::GREATER, 1); }

Value* builtin_error(rt::Array<Value*>* args) {
  return rt::make<ErrorValue>(str_arg(args, 0, "error"), str_arg(args, 1, "error"));
}

Value* builtin_kind(rt::Array<Value*>* args) { return make_str(error_arg(args, 0, "kind")->kind); }

Value* builtin_message(rt::Array<Value*>* args) {
  return make_str(error_arg(args, 0, "message")->message);
}

}  // namespace

void raise_argument_count(rt::Str name, int64_t min_args, int64_t max_args, int64_t given) {
  rt::Str expected = min_args == max_args ? count_text(min_args, "argument")
                     : max_args < 0
                         ? rt::Str("at least ") + count_text(min_args, "argument")
                         : rt::Str::from_int(min_args) + " to " + count_text(max_args, "argument");
  raise_error("ArgumentError", name + "() takes " + expected + ", got " + rt::Str::from_int(given));
}

void declare_builtins(rt::List<rt::Str>* names) {
#define BUILTIN(name, min_args, max_args) names->append(#name);
#include "builtins.def"
#undef BUILTIN
}

void install_builtins(Globals* globals) {
#define BUILTIN(name, min_args, max_args)       \
  globals->values->set(globals->slot_of(#name), \
                       rt::make<BuiltinValue>(#name, min_args, max_args, builtin_##name));
#include "builtins.def"
#undef BUILTIN
}

Value* call_builtin(BuiltinValue* builtin, rt::Array<Value*>* args) {
  int64_t given = args->size();
  if (given < builtin->min_args || (builtin->max_args >= 0 && given > builtin->max_args))
    raise_argument_count(builtin->name, builtin->min_args, builtin->max_args, given);
  return builtin->function(args);
}

}  // namespace tiny
