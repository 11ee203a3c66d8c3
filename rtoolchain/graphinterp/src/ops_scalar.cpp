// Integer, float, conversion and string operations: rt's helpers wherever rt has one.
#include "interp.h"
#include "rt/arith.h"

namespace rtoolchain::graphinterp {

using namespace ir;

namespace {

[[noreturn]] void overflow(const char* what) { throw rt::make<rt::OverflowError>(rt::Str(what) + " overflow"); }

bool fits(int64_t value, IntegerLayout l) {
  if (l.bits >= 64) return true;
  int64_t lo = l.is_signed ? -(int64_t(1) << (l.bits - 1)) : 0;
  int64_t hi = l.is_signed ? (int64_t(1) << (l.bits - 1)) - 1 : (int64_t(1) << l.bits) - 1;
  return value >= lo && value <= hi;
}

}  // namespace

bool Interpreter::Impl::exec_scalar(const Graph& graph, const Operation& op, Value* vars, Value& r,
                                    bool& handled) {
  auto arg = [&](unsigned i) { return operand(graph, op.args[i], vars); };
  auto i0 = [&] { return arg(0).as_int(); };
  auto i1 = [&] { return arg(1).as_int(); };
  auto u0 = [&] { return static_cast<uint64_t>(arg(0).as_int()); };
  auto u1 = [&] { return static_cast<uint64_t>(arg(1).as_int()); };
  auto f0 = [&] { return arg(0).as_float(); };
  auto f1 = [&] { return arg(1).as_float(); };
  auto s0 = [&] { return arg(0).as_str(); };
  auto s1 = [&] { return arg(1).as_str(); };
  TypeId rtype = op.result.valid() ? graph.variable(op.result).type : TypeId();
  // A wrapped integer result of the operation's type.
  auto wrap = [&](uint64_t v) { return Value::integer(normalize(static_cast<int64_t>(v), rtype)); };
  // Checked: the exact result must fit the type (the rt helpers for i64, the same check below).
  auto checked = [&](int64_t exact, const char* what) {
    if (!fits(exact, layout(rtype))) overflow(what);
    return Value::integer(exact);
  };
  bool is64 = rtype.valid() && layout(rtype).bits == 64;
  handled = true;
  switch (op.opcode) {
    // --- Integers. Operands are normalised, so 64-bit arithmetic then normalising wraps. ---
    case Opcode::int_add: r = wrap(u0() + u1()); break;
    case Opcode::int_sub: r = wrap(u0() - u1()); break;
    case Opcode::int_mul: r = wrap(u0() * u1()); break;
    case Opcode::int_and: r = wrap(u0() & u1()); break;
    case Opcode::int_or: r = wrap(u0() | u1()); break;
    case Opcode::int_xor: r = wrap(u0() ^ u1()); break;
    case Opcode::int_neg: r = wrap(0 - u0()); break;
    case Opcode::int_invert: r = wrap(~u0()); break;
    case Opcode::int_lshift: r = wrap(u0() << (u1() & 63)); break;
    case Opcode::int_rshift: r = wrap(static_cast<uint64_t>(i0() >> (u1() & 63))); break;
    case Opcode::uint_rshift: r = wrap(u0() >> (u1() & 63)); break;
    case Opcode::int_lshift_var: r = Value::integer(rt::shl(i0(), i1())); break;
    case Opcode::int_rshift_var: r = Value::integer(rt::shr(i0(), i1())); break;
    case Opcode::uint_rshift_var: r = Value::integer(rt::shr_unsigned(i0(), i1())); break;
    case Opcode::int_lshift_ovf: r = Value::integer(rt::ovf_shl(i0(), i1())); break;
    case Opcode::int_add_ovf:
      r = is64 ? Value::integer(rt::ovf_add(i0(), i1())) : checked(i0() + i1(), "integer addition");
      break;
    case Opcode::int_sub_ovf:
      r = is64 ? Value::integer(rt::ovf_sub(i0(), i1())) : checked(i0() - i1(), "integer subtraction");
      break;
    case Opcode::int_mul_ovf:
      r = is64 ? Value::integer(rt::ovf_mul(i0(), i1())) : checked(i0() * i1(), "integer multiplication");
      break;
    case Opcode::int_neg_ovf:
      r = is64 ? Value::integer(rt::ovf_neg(i0())) : checked(-i0(), "integer negation");
      break;
    case Opcode::int_div_c: r = wrap(static_cast<uint64_t>(rt::div_c(i0(), i1()))); break;
    case Opcode::int_mod_c: r = wrap(static_cast<uint64_t>(rt::mod_c(i0(), i1()))); break;
    case Opcode::int_div_floor: r = wrap(static_cast<uint64_t>(rt::div_floor(i0(), i1()))); break;
    case Opcode::int_mod_floor: r = wrap(static_cast<uint64_t>(rt::mod_floor(i0(), i1()))); break;
    case Opcode::int_div_floor_ovf:
      r = is64 ? Value::integer(rt::ovf_div_floor(i0(), i1()))
               : checked(rt::div_floor(i0(), i1()), "integer division");
      break;
    case Opcode::uint_div:
      if (u1() == 0) throw rt::make<rt::ZeroDivisionError>("integer division by zero");
      r = wrap(u0() / u1());
      break;
    case Opcode::uint_mod:
      if (u1() == 0) throw rt::make<rt::ZeroDivisionError>("integer modulo by zero");
      r = wrap(u0() % u1());
      break;
    case Opcode::int_eq: r = Value::boolean(i0() == i1()); break;
    case Opcode::int_ne: r = Value::boolean(i0() != i1()); break;
    case Opcode::int_lt: r = Value::boolean(i0() < i1()); break;
    case Opcode::int_le: r = Value::boolean(i0() <= i1()); break;
    case Opcode::int_gt: r = Value::boolean(i0() > i1()); break;
    case Opcode::int_ge: r = Value::boolean(i0() >= i1()); break;
    case Opcode::uint_lt: r = Value::boolean(u0() < u1()); break;
    case Opcode::uint_le: r = Value::boolean(u0() <= u1()); break;
    case Opcode::uint_gt: r = Value::boolean(u0() > u1()); break;
    case Opcode::uint_ge: r = Value::boolean(u0() >= u1()); break;
    case Opcode::int_is_true: r = Value::boolean(i0() != 0); break;
    case Opcode::bool_not: r = Value::boolean(!arg(0).as_bool()); break;

    // --- Floats. ---
    case Opcode::float_add: r = Value::floating(f0() + f1()); break;
    case Opcode::float_sub: r = Value::floating(f0() - f1()); break;
    case Opcode::float_mul: r = Value::floating(f0() * f1()); break;
    case Opcode::float_truediv: r = Value::floating(f0() / f1()); break;
    case Opcode::float_neg: r = Value::floating(-f0()); break;
    case Opcode::float_abs: r = Value::floating(__builtin_fabs(f0())); break;
    case Opcode::float_eq: r = Value::boolean(f0() == f1()); break;
    case Opcode::float_ne: r = Value::boolean(f0() != f1()); break;
    case Opcode::float_lt: r = Value::boolean(f0() < f1()); break;
    case Opcode::float_le: r = Value::boolean(f0() <= f1()); break;
    case Opcode::float_gt: r = Value::boolean(f0() > f1()); break;
    case Opcode::float_ge: r = Value::boolean(f0() >= f1()); break;

    // --- Conversions. ---
    case Opcode::cast_int: r = wrap(u0()); break;
    case Opcode::cast_bool_to_int: r = Value::integer(arg(0).as_bool() ? 1 : 0); break;
    case Opcode::cast_int_to_float: {
      bool is_signed = layout(type_of(graph, op.args[0])).is_signed;
      r = Value::floating(is_signed ? static_cast<double>(i0()) : static_cast<double>(u0()));
      break;
    }
    case Opcode::cast_float_to_int: r = Value::integer(rt::float_to_int(f0())); break;
    case Opcode::float_fits_int: r = Value::boolean(rt::float_fits_int(f0())); break;
    case Opcode::same_as: r = arg(0); break;

    // --- rt::Str. ---
    case Opcode::str_len: r = Value::integer(s0().size()); break;
    case Opcode::str_getitem: r = Value::integer(static_cast<int8_t>(s0().at(i1()))); break;
    case Opcode::str_concat: r = Value::str(s0() + s1()); break;
    case Opcode::str_eq: r = Value::boolean(s0() == s1()); break;
    case Opcode::str_compare: r = Value::integer(s0().compare(s1())); break;
    case Opcode::str_slice: r = Value::str(s0().slice(i1(), arg(2).as_int())); break;
    case Opcode::str_find: r = Value::integer(s0().find(s1(), arg(2).as_int())); break;
    case Opcode::str_hash: r = Value::integer(s0().hash()); break;
    case Opcode::str_from_int: r = Value::str(rt::Str::from_int(i0())); break;
    case Opcode::str_from_double: r = Value::str(rt::Str::from_double(f0())); break;
    case Opcode::str_from_char: r = Value::str(rt::Str::from_char(static_cast<char>(i0()))); break;
    case Opcode::str_to_int: r = Value::integer(s0().to_int(i1())); break;
    case Opcode::str_to_double: r = Value::floating(s0().to_double()); break;
    case Opcode::str_is_empty: r = Value::boolean(s0().empty()); break;
    case Opcode::str_byte_at: r = Value::integer(s0().byte_at(i1())); break;
    case Opcode::str_ne: r = Value::boolean(s0() != s1()); break;
    case Opcode::str_lt: r = Value::boolean(s0() < s1()); break;
    case Opcode::str_le: r = Value::boolean(s0() <= s1()); break;
    case Opcode::str_gt: r = Value::boolean(s0() > s1()); break;
    case Opcode::str_ge: r = Value::boolean(s0() >= s1()); break;
    case Opcode::str_slice_from: r = Value::str(s0().slice_from(i1())); break;
    case Opcode::str_rfind: r = Value::integer(s0().rfind(s1())); break;
    case Opcode::str_contains: r = Value::boolean(s0().contains(s1())); break;
    case Opcode::str_startswith: r = Value::boolean(s0().starts_with(s1())); break;
    case Opcode::str_endswith: r = Value::boolean(s0().ends_with(s1())); break;
    case Opcode::str_count: r = Value::integer(s0().count(s1())); break;
    case Opcode::str_replace: r = Value::str(s0().replace(s1(), arg(2).as_str())); break;
    case Opcode::str_strip: r = Value::str(s0().strip()); break;
    case Opcode::str_lstrip: r = Value::str(s0().lstrip()); break;
    case Opcode::str_rstrip: r = Value::str(s0().rstrip()); break;
    case Opcode::str_upper: r = Value::str(s0().upper()); break;
    case Opcode::str_lower: r = Value::str(s0().lower()); break;
    case Opcode::str_repeat: r = Value::str(s0().repeat(i1())); break;
    default: handled = false;
  }
  return true;
}

}  // namespace rtoolchain::graphinterp
