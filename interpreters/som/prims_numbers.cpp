// The primitives of Integer and Double. Integers are SInteger while they fit in int64_t and
// SBigInteger beyond; every operation overflows into big integers and comes back when it fits.
// An Integer operation with a Double argument is done in doubles, as in the standard VMs.
#include "interp.h"
#include "primitives.h"

namespace som {

namespace {

SInteger* small(Value* v) { return dynamic_cast<SInteger*>(v); }
SDouble* real(Value* v) { return dynamic_cast<SDouble*>(v); }

// The value as a big integer, or nullptr when it is not an integer.
BigInt* big(Value* v) {
  SInteger* s = small(v);
  if (s != nullptr) return BigInt::from_int64(s->value);
  SBigInteger* b = dynamic_cast<SBigInteger*>(v);
  return b == nullptr ? nullptr : b->value;
}

bool is_number(Value* v) { return big(v) != nullptr || real(v) != nullptr; }

double as_double(Frame* frame, Value* v, rt::Str what) {
  SDouble* d = real(v);
  if (d != nullptr) return d->value;
  SInteger* s = small(v);
  if (s != nullptr) return static_cast<double>(s->value);
  SBigInteger* b = dynamic_cast<SBigInteger*>(v);
  if (b != nullptr) return b->value->to_double();
  primitive_failed(frame, what + ": expected a number argument");
}

BigInt* big_arg(Frame* frame, Value* v, rt::Str what) {
  BigInt* b = big(v);
  if (b == nullptr) primitive_failed(frame, what + ": expected an integer argument");
  return b;
}

Value* integer(int64_t value) { return rt::make<SInteger>(value); }
Value* real_value(double value) { return rt::make<SDouble>(value); }

enum class Arith : int64_t { kAdd, kSub, kMul };

Value* arith(Frame* frame, rt::Array<Value*>* args, Arith kind, rt::Str what) {
  Value* a = args->get(0);
  Value* b = args->get(1);
  SInteger* sa = small(a);
  SInteger* sb = small(b);
  if (sa != nullptr && sb != nullptr) {
    try {
      switch (kind) {
        case Arith::kAdd: return integer(rt::ovf_add(sa->value, sb->value));
        case Arith::kSub: return integer(rt::ovf_sub(sa->value, sb->value));
        case Arith::kMul: return integer(rt::ovf_mul(sa->value, sb->value));
      }
    } catch (rt::OverflowError* e) {
      // fall through to big integers
    }
  }
  if (real(b) != nullptr) {
    double x = as_double(frame, a, what);
    double y = real(b)->value;
    switch (kind) {
      case Arith::kAdd: return real_value(x + y);
      case Arith::kSub: return real_value(x - y);
      case Arith::kMul: return real_value(x * y);
    }
  }
  BigInt* x = big_arg(frame, a, what);
  BigInt* y = big_arg(frame, b, what);
  switch (kind) {
    case Arith::kAdd: return make_integer(x->add(y));
    case Arith::kSub: return make_integer(x->sub(y));
    case Arith::kMul: return make_integer(x->mul(y));
  }
  primitive_failed(frame, what);
}

Value* int_add(Frame* f, rt::Array<Value*>* a) { return arith(f, a, Arith::kAdd, "+"); }
Value* int_sub(Frame* f, rt::Array<Value*>* a) { return arith(f, a, Arith::kSub, "-"); }
Value* int_mul(Frame* f, rt::Array<Value*>* a) { return arith(f, a, Arith::kMul, "*"); }

[[noreturn]] void zero_division(Frame* frame) { primitive_failed(frame, "division by zero"); }

Value* int_div(Frame* frame, rt::Array<Value*>* args) {
  if (real(args->get(1)) != nullptr) {
    return real_value(as_double(frame, args->get(0), "/") / real(args->get(1))->value);
  }
  SInteger* sa = small(args->get(0));
  SInteger* sb = small(args->get(1));
  if (sa != nullptr && sb != nullptr) {
    if (sb->value == 0) zero_division(frame);
    if (!(sa->value == INT64_MIN && sb->value == -1)) return integer(rt::div_floor(sa->value, sb->value));
  }
  BigInt* divisor = big_arg(frame, args->get(1), "/");
  if (divisor->is_zero()) zero_division(frame);
  return make_integer(big_arg(frame, args->get(0), "/")->div_floor(divisor));
}

Value* int_double_div(Frame* frame, rt::Array<Value*>* args) {
  return real_value(as_double(frame, args->get(0), "//") / as_double(frame, args->get(1), "//"));
}

Value* int_mod(Frame* frame, rt::Array<Value*>* args) {
  SInteger* sa = small(args->get(0));
  SInteger* sb = small(args->get(1));
  if (sa != nullptr && sb != nullptr) {
    if (sb->value == 0) zero_division(frame);
    return integer(rt::mod_floor(sa->value, sb->value));
  }
  BigInt* divisor = big_arg(frame, args->get(1), "%");
  if (divisor->is_zero()) zero_division(frame);
  return make_integer(big_arg(frame, args->get(0), "%")->mod_floor(divisor));
}

Value* int_rem(Frame* frame, rt::Array<Value*>* args) {
  SInteger* sa = small(args->get(0));
  SInteger* sb = small(args->get(1));
  if (sa != nullptr && sb != nullptr) {
    if (sb->value == 0) zero_division(frame);
    return integer(rt::mod_c(sa->value, sb->value));
  }
  BigInt* divisor = big_arg(frame, args->get(1), "rem:");
  if (divisor->is_zero()) zero_division(frame);
  return make_integer(big_arg(frame, args->get(0), "rem:")->rem(divisor));
}

int64_t small_arg(Frame* frame, Value* v, rt::Str what) {
  SInteger* s = small(v);
  if (s == nullptr) primitive_failed(frame, what + ": operands must be 64-bit integers");
  return s->value;
}

enum class BitOp : int64_t { kAnd, kOr, kXor };

// On the infinite two's complement representation, as the standard VMs' large integers do.
Value* bit_op(Frame* frame, rt::Array<Value*>* args, BitOp op, rt::Str what) {
  SInteger* sa = small(args->get(0));
  SInteger* sb = small(args->get(1));
  if (sa != nullptr && sb != nullptr) {
    switch (op) {
      case BitOp::kAnd: return integer(sa->value & sb->value);
      case BitOp::kOr: return integer(sa->value | sb->value);
      case BitOp::kXor: return integer(sa->value ^ sb->value);
    }
  }
  BigInt* x = big_arg(frame, args->get(0), what);
  BigInt* y = big_arg(frame, args->get(1), what);
  switch (op) {
    case BitOp::kAnd: return make_integer(x->bit_and(y));
    case BitOp::kOr: return make_integer(x->bit_or(y));
    case BitOp::kXor: return make_integer(x->bit_xor(y));
  }
  primitive_failed(frame, what);
}

Value* int_and(Frame* f, rt::Array<Value*>* a) { return bit_op(f, a, BitOp::kAnd, "bitAnd:"); }
Value* int_or(Frame* f, rt::Array<Value*>* a) { return bit_op(f, a, BitOp::kOr, "bitOr:"); }
Value* int_xor(Frame* f, rt::Array<Value*>* a) { return bit_op(f, a, BitOp::kXor, "bitXor:"); }

Value* int_shift_left(Frame* frame, rt::Array<Value*>* args) {
  int64_t count = small_arg(frame, args->get(1), "<<");
  if (count < 0) primitive_failed(frame, "<<: negative shift count");
  SInteger* sa = small(args->get(0));
  if (sa != nullptr) {
    try {
      return integer(rt::ovf_shl(sa->value, count));
    } catch (rt::OverflowError* e) {
      // fall through to big integers
    }
  }
  try {
    return make_integer(big_arg(frame, args->get(0), "<<")->shift_left(count));
  } catch (rt::OverflowError* e) {
    primitive_failed(frame, "<<: shift count too large");
  }
}

Value* int_shift_right(Frame* frame, rt::Array<Value*>* args) {
  int64_t count = small_arg(frame, args->get(1), ">>");
  if (count < 0) primitive_failed(frame, ">>: negative shift count");
  SInteger* sa = small(args->get(0));
  if (sa != nullptr) return integer(rt::shr(sa->value, count));
  return make_integer(big_arg(frame, args->get(0), ">>")->shift_right(count));
}

Value* int_unsigned_shift_right(Frame* frame, rt::Array<Value*>* args) {
  int64_t count = small_arg(frame, args->get(1), ">>>");
  return integer(rt::shr_unsigned(small_arg(frame, args->get(0), ">>>"), count));
}

// -1, 0 or 1; 2 when unordered (a NaN).
int64_t compare_numbers(Frame* frame, Value* a, Value* b, rt::Str what) {
  if (real(a) != nullptr || real(b) != nullptr) {
    double x = as_double(frame, a, what);
    double y = as_double(frame, b, what);
    if (x < y) return -1;
    if (x > y) return 1;
    if (x == y) return 0;
    return 2;
  }
  SInteger* sa = small(a);
  SInteger* sb = small(b);
  if (sa != nullptr && sb != nullptr) return sa->value < sb->value ? -1 : (sa->value > sb->value ? 1 : 0);
  return big_arg(frame, a, what)->compare(big_arg(frame, b, what));
}

Value* num_less(Frame* f, rt::Array<Value*>* a) { return som_bool(compare_numbers(f, a->get(0), a->get(1), "<") == -1); }
Value* num_greater(Frame* f, rt::Array<Value*>* a) { return som_bool(compare_numbers(f, a->get(0), a->get(1), ">") == 1); }
Value* num_less_equal(Frame* f, rt::Array<Value*>* a) {
  int64_t c = compare_numbers(f, a->get(0), a->get(1), "<=");
  return som_bool(c == -1 || c == 0);
}
Value* num_greater_equal(Frame* f, rt::Array<Value*>* a) {
  int64_t c = compare_numbers(f, a->get(0), a->get(1), ">=");
  return som_bool(c == 1 || c == 0);
}
// Equality with a non-number is false rather than an error.
Value* num_equal(Frame* f, rt::Array<Value*>* a) {
  if (!is_number(a->get(1))) return som_bool(false);
  return som_bool(compare_numbers(f, a->get(0), a->get(1), "=") == 0);
}
Value* num_not_equal(Frame* f, rt::Array<Value*>* a) {
  if (!is_number(a->get(1))) return som_bool(true);
  return som_bool(compare_numbers(f, a->get(0), a->get(1), "<>") != 0);
}

Value* int_as_string(Frame* frame, rt::Array<Value*>* args) {
  SInteger* s = small(args->get(0));
  if (s != nullptr) return som_string(rt::Str::from_int(s->value));
  return som_string(big_arg(frame, args->get(0), "asString")->to_str());
}

Value* int_as_double(Frame* frame, rt::Array<Value*>* args) {
  return real_value(as_double(frame, args->get(0), "asDouble"));
}

// The low 32 bits, as a signed or an unsigned number. The low bits of a big integer are those
// of its two's complement.
int64_t low_bits(Frame* frame, Value* v) {
  SInteger* s = small(v);
  if (s != nullptr) return s->value;
  BigInt* b = big_arg(frame, v, "as32BitValue");
  return b->bit_and(BigInt::from_int64(int64_t{4294967295}))->to_int64();
}

Value* int_as_32_signed(Frame* frame, rt::Array<Value*>* args) {
  return integer(static_cast<int32_t>(low_bits(frame, args->get(0))));
}
Value* int_as_32_unsigned(Frame* frame, rt::Array<Value*>* args) {
  return integer(static_cast<uint32_t>(low_bits(frame, args->get(0))));
}

Value* int_sqrt(Frame* frame, rt::Array<Value*>* args) {
  double root = rt::math::sqrt(as_double(frame, args->get(0), "sqrt"));
  if (root == rt::math::floor(root) && rt::float_fits_int(root)) return integer(rt::float_to_int(root));
  return real_value(root);
}

Value* int_abs(Frame* frame, rt::Array<Value*>* args) {
  return make_integer(big_arg(frame, args->get(0), "abs")->abs());
}

Value* int_negated(Frame* frame, rt::Array<Value*>* args) {
  return make_integer(big_arg(frame, args->get(0), "negated")->negate());
}

// A pseudo-random number in [0, self): a fixed linear congruential sequence, so that programs
// behave the same in every run and mode.
int64_t g_random_state = 74755;

Value* int_at_random(Frame* frame, rt::Array<Value*>* args) {
  int64_t limit = small_arg(frame, args->get(0), "atRandom");
  if (limit <= 0) primitive_failed(frame, "atRandom: the receiver must be positive");
  g_random_state = (g_random_state * 1309 + 13849) & 65535;
  return integer(rt::mod_floor(g_random_state, limit));
}

Value* int_from_string(Frame* frame, rt::Array<Value*>* args) {
  rt::Str text = string_arg(frame, args->get(1), "fromString:").strip();
  try {
    return make_integer(BigInt::parse(text));
  } catch (rt::ValueError* e) {
    return nil();
  }
}

// ---- Double ----
enum class DoubleOp : int64_t { kAdd, kSub, kMul, kDiv, kMod };

Value* double_arith(Frame* frame, rt::Array<Value*>* args, DoubleOp op, rt::Str what) {
  double x = as_double(frame, args->get(0), what);
  double y = as_double(frame, args->get(1), what);
  switch (op) {
    case DoubleOp::kAdd: return real_value(x + y);
    case DoubleOp::kSub: return real_value(x - y);
    case DoubleOp::kMul: return real_value(x * y);
    case DoubleOp::kDiv: return real_value(x / y);
    case DoubleOp::kMod: {
      double r = rt::math::fmod(x, y);
      if (r != 0.0 && ((r < 0.0) != (y < 0.0))) r = r + y;
      return real_value(r);
    }
  }
  primitive_failed(frame, what);
}

Value* double_add(Frame* f, rt::Array<Value*>* a) { return double_arith(f, a, DoubleOp::kAdd, "+"); }
Value* double_sub(Frame* f, rt::Array<Value*>* a) { return double_arith(f, a, DoubleOp::kSub, "-"); }
Value* double_mul(Frame* f, rt::Array<Value*>* a) { return double_arith(f, a, DoubleOp::kMul, "*"); }
Value* double_div(Frame* f, rt::Array<Value*>* a) { return double_arith(f, a, DoubleOp::kDiv, "//"); }
Value* double_mod(Frame* f, rt::Array<Value*>* a) { return double_arith(f, a, DoubleOp::kMod, "%"); }

double self_double(Frame* frame, rt::Array<Value*>* args) { return as_double(frame, args->get(0), "Double"); }

Value* double_sqrt(Frame* f, rt::Array<Value*>* a) { return real_value(rt::math::sqrt(self_double(f, a))); }
Value* double_sin(Frame* f, rt::Array<Value*>* a) { return real_value(rt::math::sin(self_double(f, a))); }
Value* double_cos(Frame* f, rt::Array<Value*>* a) { return real_value(rt::math::cos(self_double(f, a))); }
Value* double_floor(Frame* f, rt::Array<Value*>* a) { return real_value(rt::math::floor(self_double(f, a))); }
Value* double_ceiling(Frame* f, rt::Array<Value*>* a) { return real_value(rt::math::ceil(self_double(f, a))); }
Value* double_as_string(Frame* f, rt::Array<Value*>* a) { return som_string(rt::Str::from_double(self_double(f, a))); }

Value* to_integer(Frame* frame, double value) {
  if (rt::math::isnan(value) || rt::math::isinf(value)) primitive_failed(frame, "cannot convert a NaN or an infinity to an integer");
  if (rt::float_fits_int(value)) return integer(rt::float_to_int(value));
  return make_integer(BigInt::from_double(value));
}

Value* double_as_integer(Frame* f, rt::Array<Value*>* a) { return to_integer(f, rt::math::trunc(self_double(f, a))); }
Value* double_round(Frame* f, rt::Array<Value*>* a) {
  double x = self_double(f, a);
  double rounded = rt::math::floor(rt::math::fabs(x) + 0.5);
  return to_integer(f, rt::math::copysign(rounded, x));
}

Value* double_positive_infinity(Frame*, rt::Array<Value*>*) { return real_value(1.0 / 0.0); }

Value* double_from_string(Frame* frame, rt::Array<Value*>* args) {
  try {
    return real_value(string_arg(frame, args->get(1), "fromString:").to_double());
  } catch (rt::ValueError* e) {
    return nil();
  }
}

}  // namespace

void register_number_primitives() {
  add_primitive("Integer", "+", int_add);
  add_primitive("Integer", "-", int_sub);
  add_primitive("Integer", "*", int_mul);
  add_primitive("Integer", "/", int_div);
  add_primitive("Integer", "//", int_double_div);
  add_primitive("Integer", "%", int_mod);
  add_primitive("Integer", "rem:", int_rem);
  add_primitive("Integer", "&", int_and);
  add_primitive("Integer", "bitAnd:", int_and);
  add_primitive("Integer", "bitOr:", int_or);
  add_primitive("Integer", "bitXor:", int_xor);
  add_primitive("Integer", "<<", int_shift_left);
  add_primitive("Integer", ">>", int_shift_right);
  add_primitive("Integer", ">>>", int_unsigned_shift_right);
  add_primitive("Integer", "sqrt", int_sqrt);
  add_primitive("Integer", "abs", int_abs);
  add_primitive("Integer", "negated", int_negated);
  add_primitive("Integer", "atRandom", int_at_random);
  add_primitive("Integer", "asString", int_as_string);
  add_primitive("Integer", "printString", int_as_string);
  add_primitive("Integer", "asDouble", int_as_double);
  add_primitive("Integer", "as32BitSignedValue", int_as_32_signed);
  add_primitive("Integer", "as32BitUnsignedValue", int_as_32_unsigned);
  add_primitive("Integer class", "fromString:", int_from_string);
  rt::List<rt::Str>* numbers = rt::make<rt::List<rt::Str>>();
  numbers->append("Integer");
  numbers->append("Double");
  for (auto name : *numbers) {
    add_primitive(name, "<", num_less);
    add_primitive(name, ">", num_greater);
    add_primitive(name, "<=", num_less_equal);
    add_primitive(name, ">=", num_greater_equal);
    add_primitive(name, "=", num_equal);
    add_primitive(name, "<>", num_not_equal);
    add_primitive(name, "~=", num_not_equal);
  }
  add_primitive("Double", "+", double_add);
  add_primitive("Double", "-", double_sub);
  add_primitive("Double", "*", double_mul);
  add_primitive("Double", "/", double_div);
  add_primitive("Double", "//", double_div);
  add_primitive("Double", "%", double_mod);
  add_primitive("Double", "sqrt", double_sqrt);
  add_primitive("Double", "sin", double_sin);
  add_primitive("Double", "cos", double_cos);
  add_primitive("Double", "floor", double_floor);
  add_primitive("Double", "ceiling", double_ceiling);
  add_primitive("Double", "round", double_round);
  add_primitive("Double", "asInteger", double_as_integer);
  add_primitive("Double", "asString", double_as_string);
  add_primitive("Double", "printString", double_as_string);
  add_primitive("Double class", "PositiveInfinity", double_positive_infinity);
  add_primitive("Double class", "fromString:", double_from_string);
}

}  // namespace som
