// rt::BigInt in every mode: a fixed pseudo-random battery of operations whose expected output
// gen_expected.py computes independently with Python's integers. The same program runs in host
// mode (rt::BigInt compiled as C++), graph mode (its flow graphs) and low-level graph mode (its
// rtyped graphs), so the three must agree with Python and hence with each other.
#include "rt/bigint.h"
#include "rt/rt.h"

namespace {

// A 64-bit linear congruential generator (Knuth's MMIX constants); the top 31 bits of the state.
class Random : public rt::Object {
 public:
  int64_t next() {
    state = state * 6364136223846793005 + 1442695040888963407;
    return rt::shr_unsigned(state, 33);
  }
  int64_t state = 20240607;
};

// Up to 10 limbs of 30 bits, each random, zero or all ones, and a random sign.
rt::BigInt* operand(Random* random) {
  int64_t limbs = random->next() % 11;
  rt::BigInt* value = rt::BigInt::from_int64(0);
  for (int64_t i = 0; i < limbs; ++i) {
    int64_t kind = random->next() % 4;
    int64_t limb = kind == 0 ? 0 : (kind == 1 ? (int64_t{1} << 30) - 1 : random->next() & ((int64_t{1} << 30) - 1));
    value = value->shift_left(30)->bit_or(rt::BigInt::from_int64(limb));
  }
  return random->next() % 2 == 0 ? value : value->negate();
}

void show(rt::Str label, rt::BigInt* value) { rt::print_line(label + " " + value->to_str()); }

void check_pair(int64_t round, rt::BigInt* a, rt::BigInt* b, int64_t count) {
  rt::print_line(rt::Str("== ") + rt::Str::from_int(round));
  show("a", a);
  show("b", b);
  show("add", a->add(b));
  show("sub", a->sub(b));
  show("mul", a->mul(b));
  if (!b->is_zero()) {
    show("div", a->div_floor(b));
    show("mod", a->mod_floor(b));
    show("quo", a->quo(b));
    show("rem", a->rem(b));
  }
  show("and", a->bit_and(b));
  show("or", a->bit_or(b));
  show("xor", a->bit_xor(b));
  show("shl", a->shift_left(count));
  show("shr", a->shift_right(count));
  show("neg", a->negate());
  show("abs", a->abs());
  rt::print_line(rt::Str("cmp ") + rt::Str::from_int(a->compare(b)) + " bits " + rt::Str::from_int(a->bit_length()));
  rt::print_line(rt::Str("double ") + rt::Str::from_double(a->to_double()) + " hash " + rt::Str::from_int(a->hash()));
  if (a->fits_int64()) rt::print_line(rt::Str("int64 ") + rt::Str::from_int(a->to_int64()));
  rt::print_line(rt::Str("parse ") + (rt::BigInt::parse(a->to_str())->equals(a) ? "same" : "DIFFERENT"));
}

}  // namespace

int64_t rt_main(rt::List<rt::Str>*) {
  Random* random = rt::make<Random>();
  for (int64_t round = 0; round < 40; ++round) {
    rt::BigInt* a = operand(random);
    rt::BigInt* b = operand(random);
    check_pair(round, a, b, random->next() % 100);
  }
  rt::BigInt* factorial = rt::BigInt::from_int64(1);
  for (int64_t i = 2; i <= 60; ++i) factorial = factorial->mul(rt::BigInt::from_int64(i));
  show("60!", factorial);
  show("2**200", rt::BigInt::from_int64(1)->shift_left(200));
  show("1e300", rt::BigInt::from_double(1e300));
  try {
    rt::BigInt::parse("12x");
  } catch (rt::ValueError* e) {
    rt::print_line(rt::Str("ValueError: ") + e->message);
  }
  try {
    factorial->div_floor(rt::BigInt::from_int64(0));
  } catch (rt::ZeroDivisionError* e) {
    rt::print_line(rt::Str("ZeroDivisionError: ") + e->message);
  }
  try {
    factorial->to_int64();
  } catch (rt::OverflowError* e) {
    rt::print_line(rt::Str("OverflowError: ") + e->message);
  }
  return 0;
}
