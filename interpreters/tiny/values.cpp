// Printing, equality, hashing, ordering and the operators of tiny values.
#include "values.h"

#include "code.h"

namespace tiny {

namespace {

NilValue* the_nil = nullptr;
BoolValue* the_true = nullptr;
BoolValue* the_false = nullptr;

IntValue* as_int(Value* value) { return dynamic_cast<IntValue*>(value); }
FloatValue* as_float(Value* value) { return dynamic_cast<FloatValue*>(value); }
StrValue* as_str(Value* value) { return dynamic_cast<StrValue*>(value); }
bool is_number(Value* value) { return as_int(value) != nullptr || as_float(value) != nullptr; }

// The value of a number (is_number() holds) as a double.
double to_double(Value* number) {
  IntValue* integer = as_int(number);
  if (integer != nullptr) return static_cast<double>(integer->value);
  return as_float(number)->value;
}

rt::Str operator_symbol(op::Opcode opcode) {
  switch (opcode) {
    case op::ADD:
      return "+";
    case op::SUBTRACT:
      return "-";
    case op::MULTIPLY:
      return "*";
    case op::DIVIDE:
      return "/";
    case op::MODULO:
      return "%";
    case op::LESS:
      return "<";
    case op::LESS_EQUAL:
      return "<=";
    case op::GREATER:
      return ">";
    case op::GREATER_EQUAL:
      return ">=";
    default:
      return opcode_name(opcode);
  }
}

int64_t sign(int64_t a, int64_t b) { return a < b ? -1 : a > b ? 1 : 0; }

// Compares exactly, without rounding the integer to a double: 2**53 + 1 > 2.0**53.
int64_t compare_int_float(int64_t integer, double real) {
  if (rt::math::isnan(real)) return kUnordered;
  if (real >= 9223372036854775808.0) return -1;
  if (real < -9223372036854775808.0) return 1;
  int64_t whole = rt::float_to_int(real);  // truncated toward zero, so exact
  if (integer != whole) return sign(integer, whole);
  double fraction = real - static_cast<double>(whole);
  return fraction > 0.0 ? -1 : fraction < 0.0 ? 1 : 0;
}

// Both arguments are numbers.
int64_t compare_numbers(Value* a, Value* b) {
  IntValue* int_a = as_int(a);
  IntValue* int_b = as_int(b);
  if (int_a != nullptr && int_b != nullptr) return sign(int_a->value, int_b->value);
  if (int_a != nullptr) return compare_int_float(int_a->value, as_float(b)->value);
  if (int_b != nullptr) {
    int64_t reversed = compare_int_float(int_b->value, as_float(a)->value);
    return reversed == kUnordered ? kUnordered : -reversed;
  }
  double x = as_float(a)->value;
  double y = as_float(b)->value;
  return x < y ? -1 : x > y ? 1 : x == y ? 0 : kUnordered;
}

// A float equal to an integer hashes as that integer, so that 2.0 and 2 find the same dict slot.
int64_t hash_float(double real) {
  if (rt::math::isnan(real)) return 0;
  if (rt::float_fits_int(real)) {
    int64_t whole = rt::float_to_int(real);
    if (static_cast<double>(whole) == real) return whole;
  }
  double scaled = real * 4096.0;
  if (rt::float_fits_int(scaled)) return rt::float_to_int(scaled) ^ 0x5bd1e995;
  return real < 0.0 ? -314159 : 314159;  // huge or infinite: too rare as keys to spread out
}

// x % y with the sign of y, as Python's float %: C's fmod has the sign of x.
double float_modulo(double x, double y) {
  if (y == 0.0) raise_error("ZeroDivisionError", "float modulo by zero");
  double remainder = rt::math::fmod(x, y);
  if (remainder == 0.0) return rt::math::copysign(0.0, y);
  if ((remainder < 0.0) != (y < 0.0)) remainder = remainder + y;
  return remainder;
}

int64_t index_value(Value* index, rt::Str what) {
  IntValue* integer = as_int(index);
  if (integer == nullptr)
    raise_error("TypeError", what + " index must be an int, not " + index->type_name());
  return integer->value;
}

void check_index(int64_t index, int64_t length, rt::Str what) {
  if (index < 0 || index >= length)
    raise_error("IndexError", what + " index " + rt::Str::from_int(index) +
                                  " out of range for length " + rt::Str::from_int(length));
}

}  // namespace

void init_values() {
  the_nil = rt::make<NilValue>();
  the_true = rt::make<BoolValue>(true);
  the_false = rt::make<BoolValue>(false);
}

Value* nil_value() { return the_nil; }
Value* bool_value(bool value) { return value ? the_true : the_false; }

Thrown::Thrown(Value* value)
    : rt::Exception("tiny exception"),
      value(value),
      located(false),
      line(0),
      column(0),
      traceback(rt::make<rt::List<rt::Str>>()) {}

void raise_error(rt::Str kind, rt::Str message) {
  throw rt::make<Thrown>(rt::make<ErrorValue>(kind, message));
}

void raise_operand_error(op::Opcode opcode, Value* left, Value* right) {
  raise_error("TypeError", rt::Str("unsupported operand types for ") + operator_symbol(opcode) +
                               ": " + left->type_name() + " and " + right->type_name());
}

// --- Text --------------------------------------------------------------------------------------

rt::Str quote(rt::Str text) {
  rt::Str hex_digits = "0123456789abcdef";
  rt::StrBuilder out(text.size() + 2);
  out.append_char('"');
  for (int64_t i = 0; i < text.size(); ++i) {
    int64_t byte = text.byte_at(i);
    if (byte == '"' || byte == '\\') {
      out.append_char('\\');
      out.append_char(text.at(i));
    } else if (byte == '\n') {
      out.append("\\n");
    } else if (byte == '\t') {
      out.append("\\t");
    } else if (byte < 0x20 || byte == 0x7f) {
      out.append("\\x");
      out.append_char(hex_digits.at(byte / 16));
      out.append_char(hex_digits.at(byte % 16));
    } else {
      out.append_char(text.at(i));
    }
  }
  out.append_char('"');
  return out.build();
}

rt::Str StrValue::repr() const { return quote(value); }

rt::Str ListValue::repr() const {
  rt::StrBuilder out(16);
  out.append_char('[');
  for (int64_t i = 0; i < items->size(); ++i) {
    if (i > 0) out.append(", ");
    out.append(items->get(i)->repr());
  }
  out.append_char(']');
  return out.build();
}

rt::Str DictValue::repr() const {
  rt::StrBuilder out(16);
  out.append_char('{');
  bool first = true;
  for (rt::DictItem<Value*, Value*> item : *entries) {
    if (!first) out.append(", ");
    first = false;
    out.append(item.key->repr());
    out.append(": ");
    out.append(item.value->repr());
  }
  out.append_char('}');
  return out.build();
}

rt::Str FunctionValue::repr() const { return rt::Str("<fn ") + code->name + ">"; }

rt::Str ErrorValue::repr() const { return message.empty() ? kind : kind + ": " + message; }

Value* ListIterator::next() {
  if (index >= items->size()) return nullptr;
  index += 1;
  return items->get(index - 1);
}

Value* StrIterator::next() {
  if (index >= text.size()) return nullptr;
  index += 1;
  return rt::make<StrValue>(text.slice(index - 1, index));
}

// --- Equality, hashing, ordering -----------------------------------------------------------------

namespace {

// The containers' loops live in functions of their own, so that the JIT can trace into
// values_equal (a function with a loop is called from traces, not inlined).
bool lists_equal(rt::List<Value*>* a, rt::List<Value*>* b) {
  if (a->size() != b->size()) return false;
  for (int64_t i = 0; i < a->size(); ++i)
    if (!values_equal(a->get(i), b->get(i))) return false;
  return true;
}

bool dicts_equal(ValueDict* a, ValueDict* b) {
  if (a->size() != b->size()) return false;
  for (rt::DictItem<Value*, Value*> item : *a) {
    Value* other = b->get_or(item.key, nullptr);
    if (other == nullptr || !values_equal(item.value, other)) return false;
  }
  return true;
}

}  // namespace

bool values_equal(Value* a, Value* b) {
  if (is_number(a) && is_number(b)) return compare_numbers(a, b) == 0;
  if (as_str(a) != nullptr && as_str(b) != nullptr) return as_str(a)->value == as_str(b)->value;
  BoolValue* bool_a = dynamic_cast<BoolValue*>(a);
  BoolValue* bool_b = dynamic_cast<BoolValue*>(b);
  if (bool_a != nullptr && bool_b != nullptr) return bool_a->value == bool_b->value;
  ListValue* list_a = dynamic_cast<ListValue*>(a);
  ListValue* list_b = dynamic_cast<ListValue*>(b);
  if (list_a != nullptr && list_b != nullptr) return lists_equal(list_a->items, list_b->items);
  DictValue* dict_a = dynamic_cast<DictValue*>(a);
  DictValue* dict_b = dynamic_cast<DictValue*>(b);
  if (dict_a != nullptr && dict_b != nullptr) return dicts_equal(dict_a->entries, dict_b->entries);
  // nil is a singleton; functions and errors are equal only to themselves.
  return a == b;
}

int64_t hash_value(Value* value) {
  if (as_int(value) != nullptr) return as_int(value)->value;
  if (as_float(value) != nullptr) return hash_float(as_float(value)->value);
  if (as_str(value) != nullptr) return as_str(value)->value.hash();
  BoolValue* boolean = dynamic_cast<BoolValue*>(value);
  if (boolean != nullptr) return boolean->value ? 1 : 0;
  if (dynamic_cast<NilValue*>(value) != nullptr) return 7;
  raise_error("TypeError", rt::Str("unhashable type: ") + value->type_name());
}

int64_t ValueKeys::hash(Value* key) { return hash_value(key); }
bool ValueKeys::equal(Value* a, Value* b) { return values_equal(a, b); }

int64_t order(Value* a, Value* b, op::Opcode comparison) {
  if (is_number(a) && is_number(b)) return compare_numbers(a, b);
  if (as_str(a) != nullptr && as_str(b) != nullptr)
    return as_str(a)->value.compare(as_str(b)->value);
  raise_operand_error(comparison, a, b);
}

// --- Operators -----------------------------------------------------------------------------------

Value* add(Value* left, Value* right) {
  if (as_int(left) != nullptr && as_int(right) != nullptr)
    return rt::make<IntValue>(rt::ovf_add(as_int(left)->value, as_int(right)->value));
  if (is_number(left) && is_number(right))
    return rt::make<FloatValue>(to_double(left) + to_double(right));
  if (as_str(left) != nullptr && as_str(right) != nullptr)
    return rt::make<StrValue>(as_str(left)->value + as_str(right)->value);
  ListValue* list_left = dynamic_cast<ListValue*>(left);
  ListValue* list_right = dynamic_cast<ListValue*>(right);
  if (list_left != nullptr && list_right != nullptr) {
    rt::List<Value*>* items = list_left->items->copy();
    items->extend(list_right->items);
    return rt::make<ListValue>(items);
  }
  raise_operand_error(op::ADD, left, right);
}

Value* subtract(Value* left, Value* right) {
  if (as_int(left) != nullptr && as_int(right) != nullptr)
    return rt::make<IntValue>(rt::ovf_sub(as_int(left)->value, as_int(right)->value));
  if (is_number(left) && is_number(right))
    return rt::make<FloatValue>(to_double(left) - to_double(right));
  raise_operand_error(op::SUBTRACT, left, right);
}

Value* multiply(Value* left, Value* right) {
  if (as_int(left) != nullptr && as_int(right) != nullptr)
    return rt::make<IntValue>(rt::ovf_mul(as_int(left)->value, as_int(right)->value));
  if (is_number(left) && is_number(right))
    return rt::make<FloatValue>(to_double(left) * to_double(right));
  raise_operand_error(op::MULTIPLY, left, right);
}

// Floor division on two ints, true division otherwise.
Value* divide(Value* left, Value* right) {
  if (as_int(left) != nullptr && as_int(right) != nullptr)
    return rt::make<IntValue>(rt::ovf_div_floor(as_int(left)->value, as_int(right)->value));
  if (is_number(left) && is_number(right)) {
    double divisor = to_double(right);
    if (divisor == 0.0) raise_error("ZeroDivisionError", "float division by zero");
    return rt::make<FloatValue>(to_double(left) / divisor);
  }
  raise_operand_error(op::DIVIDE, left, right);
}

Value* modulo(Value* left, Value* right) {
  if (as_int(left) != nullptr && as_int(right) != nullptr)
    return rt::make<IntValue>(rt::mod_floor(as_int(left)->value, as_int(right)->value));
  if (is_number(left) && is_number(right))
    return rt::make<FloatValue>(float_modulo(to_double(left), to_double(right)));
  raise_operand_error(op::MODULO, left, right);
}

Value* negate(Value* operand) {
  if (as_int(operand) != nullptr) return rt::make<IntValue>(rt::ovf_neg(as_int(operand)->value));
  if (as_float(operand) != nullptr) return rt::make<FloatValue>(-as_float(operand)->value);
  raise_error("TypeError", rt::Str("bad operand type for unary -: ") + operand->type_name());
}

// --- Containers ----------------------------------------------------------------------------------

Value* get_item(Value* container, Value* index) {
  ListValue* list = dynamic_cast<ListValue*>(container);
  if (list != nullptr) {
    int64_t position = index_value(index, "list");
    check_index(position, list->items->size(), "list");
    return list->items->get(position);
  }
  StrValue* text = as_str(container);
  if (text != nullptr) {
    int64_t position = index_value(index, "string");
    check_index(position, text->value.size(), "string");
    return rt::make<StrValue>(text->value.slice(position, position + 1));
  }
  DictValue* dict = dynamic_cast<DictValue*>(container);
  if (dict != nullptr) {
    Value* value = dict->entries->get_or(index, nullptr);
    if (value == nullptr) raise_error("KeyError", rt::Str("key ") + index->repr() + " not found");
    return value;
  }
  raise_error("TypeError", rt::Str("cannot index ") + container->type_name());
}

void set_item(Value* container, Value* index, Value* value) {
  ListValue* list = dynamic_cast<ListValue*>(container);
  if (list != nullptr) {
    int64_t position = index_value(index, "list");
    check_index(position, list->items->size(), "list");
    list->items->set(position, value);
    return;
  }
  DictValue* dict = dynamic_cast<DictValue*>(container);
  if (dict != nullptr) {
    dict->entries->set(index, value);
    return;
  }
  raise_error("TypeError", rt::Str("cannot assign to an item of ") + container->type_name());
}

// A dict is iterated over a snapshot of its keys, so the loop body may change the dict.
IteratorValue* make_iterator(Value* iterable) {
  ListValue* list = dynamic_cast<ListValue*>(iterable);
  if (list != nullptr) return rt::make<ListIterator>(list->items);
  DictValue* dict = dynamic_cast<DictValue*>(iterable);
  if (dict != nullptr) return rt::make<ListIterator>(dict->entries->keys());
  StrValue* text = as_str(iterable);
  if (text != nullptr) return rt::make<StrIterator>(text->value);
  raise_error("TypeError", rt::Str("cannot iterate over ") + iterable->type_name());
}

}  // namespace tiny
