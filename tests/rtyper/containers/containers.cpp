// The rt containers and strings lowered to the rlib/ll helpers (docs/rtyper.md, "Containers"):
// one program using every family with every kind of item, run in host mode and in low-level
// graph mode against this file's expected output (containers.stdout), and its rtyped program
// checked with FileCheck (the CHECK lines below, against containers.ll.rtir).
#include "rt/rt.h"

// Pruned: of the ~4,400 helper instantiations only those the program reaches stay.
// PRUNED: level low
// PRUNED-NOT: "rtll::Dict<bool, bool, rtll::IntKeys<bool>>"
// PRUNED-NOT: "rtll::List<unsigned short>"
// PRUNED-NOT: function "rtll::dict_setitem<bool, bool, rtll::IntKeys<bool>>"
// PRUNED-NOT: function "rtll::list_append<unsigned short>"
// PRUNED: function rt_main(

enum class Color : uint8_t { red = 1, green = 2, blue = 7 };

class Box : public rt::Object {
 public:
  explicit Box(int64_t value) : value(value) {}
  int64_t value;
  rt::Str label;  // never set: starts as the empty string in every mode
};


// Boxes equal by value (FnKeys at the low level, through generated adapters).
struct BoxKeys {
  static int64_t hash(Box* key) { return key->value & 3; }
  static bool equal(Box* a, Box* b) { return a->value == b->value; }
};

rt::Str show(bool b) { return b ? "true" : "false"; }

rt::Str show_ints(rt::List<int64_t>* items) {
  rt::StrBuilder out(8);
  out.append("[");
  for (int64_t i = 0; i < items->size(); ++i) {
    if (i > 0) out.append(", ");
    out.append_int(items->get(i));
  }
  out.append("]");
  return out.build();
}

// Strings are byte arrays, constants immutable prebuilt ones; str_* calls the helper of its name.
// CHECK: prebuilt "rtyper::str::{{[0-9]+}}": array<i8> immutable [
// CHECK-LABEL: function strings(
// CHECK: array<i8> = direct_call @rtll::str_concat, prebuilt "rtyper::str::{{[0-9]+}}", prebuilt "rtyper::str::{{[0-9]+}}"
// CHECK: "rtll::List<rt::Array<signed char> *>"* = direct_call @rtll::str_split, v{{[0-9]+}}, prebuilt "rtyper::str::{{[0-9]+}}"
// CHECK-NEXT: i64 = direct_call @"rtll::list_len<rt::Array<signed char> *>"
void strings() {
  rt::Str text = rt::Str("  Hello, ") + "World  ";
  rt::List<rt::Str>* words = text.strip().split(", ");
  rt::print_line(rt::Str::from_int(words->size()) + " " + words->get(1).upper() + " " + words->get(0).lower());
  rt::print_line(rt::Str("-").join(words) + " " + text.replace("l", "L") + "|" + text.slice(2, 7));
  rt::print_line(rt::Str::from_int(text.find("o", 0)) + " " + rt::Str::from_int(text.rfind("o")) + " " +
                 show(text.contains("World")) + " " + show(rt::Str("abc") < rt::Str("abd")) + " " +
                 rt::Str::from_int(rt::Str("hash me").hash()));
  rt::print_line(rt::Str::from_double(2.5) + " " + rt::Str::from_double(rt::Str("1e-3").to_double()) + " " +
                 rt::Str::from_int(rt::Str("ff").to_int(16)) + " " + rt::Str::from_char('x') + " " +
                 rt::Str::from_int(rt::Str("Zz").byte_at(1)));
  try {
    rt::print_line(rt::Str::from_int(rt::Str("12x").to_int()));
  } catch (rt::ValueError* e) {
    rt::print_line(rt::Str("ValueError: ") + e->message);
  }
}

// CHECK-LABEL: function builders(
// CHECK: rtll::StrBuilder* = direct_call @rtll::strbuilder_new, 0:i64
// CHECK: direct_call @rtll::strbuilder_append_double, v{{[0-9]+}}, 0.1
void builders() {
  rt::StrBuilder out(0);
  out.append("x=");
  out.append_int(-42);
  out.append_char(';');
  out.append_double(0.1);
  rt::print_line(out.build() + " " + rt::Str::from_int(out.size()));
  out.clear();
  out.append("again");
  rt::print_line(out.build());
}

// Items are erased: a class pointer enters a list as rt::Object* and leaves it cast back; an
// enum is its integer. When the helper call is the raising last operation of a block that
// catches, the cast is on the normal exit, in a block of its own.
// CHECK-LABEL: function lists(
// CHECK: "rtll::List<long>"* = direct_call @"rtll::list_new<long>"
// CHECK: [[ITEM:v[0-9]+]]: rt::Object* = direct_call @"rtll::list_getitem<rt::Object *>", v{{[0-9]+}}, 2:i64
// CHECK-NEXT: [[BOX:v[0-9]+]]: Box* = cast_pointer [[ITEM]]
// CHECK: [[ERASED:v[0-9]+]]: rt::Object* = cast_pointer [[BOX]]
// CHECK-NEXT: direct_call @"rtll::list_index_of<rt::Object *>", v{{[0-9]+}}, [[ERASED]]
// CHECK: [[RAW:v[0-9]+]]: rt::Object* = direct_call @"rtll::list_getitem<rt::Object *>", v{{[0-9]+}}, 10:i64
// CHECK-NEXT: switch exception
// CHECK-NEXT: normal -> [[MID:block[0-9]+]]([[RAW]])
// CHECK-NEXT: catch rt::IndexError
// CHECK: [[MID]]([[ARG:v[0-9]+]]: rt::Object*):
// CHECK-NEXT: [[CAST:v[0-9]+]]: Box* = cast_pointer [[ARG]]
// CHECK-NEXT: goto block{{[0-9]+}}([[CAST]])
// CHECK: direct_call @"rtll::list_append<unsigned char>", v{{[0-9]+}}, 7:u8
// A new object's string fields start as the empty string.
// CHECK: [[NEW:v[0-9]+]]: Box* = new_object class Box
// CHECK-NEXT: setfield [[NEW]], field Box.label, prebuilt "rtyper::str::{{[0-9]+}}"
// CHECK-NEXT: int_mul
void lists() {
  auto* numbers = rt::make<rt::List<int64_t>>();
  for (int64_t i = 0; i < 20; ++i) numbers->append(i * i % 7);
  numbers->insert(0, 100);
  numbers->set(1, -1);
  int64_t popped = numbers->pop();
  int64_t first = numbers->pop_at(0);
  numbers->reverse();
  rt::print_line(show_ints(numbers) + " " + rt::Str::from_int(popped) + " " + rt::Str::from_int(first));
  rt::print_line(show_ints(numbers->slice(2, 5)) + " " + rt::Str::from_int(numbers->index_of(4)) + " " +
                 show(numbers->contains(6)) + " " + show(numbers->copy()->empty()));
  auto* filled = rt::make<rt::List<int64_t>>(3, 9);
  filled->extend(numbers->slice(0, 2));
  filled->resize(7, 5);
  rt::print_line(show_ints(filled));
  filled->clear();
  rt::print_line(show_ints(filled) + " " + show(filled->empty()));

  auto* boxes = rt::make<rt::List<Box*>>();
  for (int64_t i = 0; i < 5; ++i) boxes->append(rt::make<Box>(i * 10));
  Box* third = boxes->get(2);
  rt::print_line(rt::Str::from_int(third->value) + " " + rt::Str::from_int(boxes->index_of(third)) + " [" +
                 third->label + "]" + " " + rt::Str::from_int(boxes->pop()->value));
  try {
    Box* missing = boxes->get(10);
    rt::print_line(rt::Str::from_int(missing->value));
  } catch (rt::IndexError* e) {
    rt::print_line(rt::Str("IndexError: ") + e->message);
  }

  auto* colors = rt::make<rt::List<Color>>();
  colors->append(Color::blue);
  colors->append(Color::green);
  rt::print_line(rt::Str::from_int(static_cast<int64_t>(colors->get(0))) + " " + show(colors->contains(Color::red)));
  auto* flags = rt::make<rt::List<bool>>(2, true);
  auto* halves = rt::make<rt::List<double>>();
  halves->append(0.5);
  rt::print_line(show(flags->get(1)) + " " + rt::Str::from_double(halves->get(0) * 3.0));
  auto* words = rt::make<rt::List<rt::Str>>();
  words->append("b");
  words->append("a");
  rt::print_line(rt::Str::from_int(words->index_of("a")) + " " + show(words->contains("c")));
}

// Arrays of references are cast to arrays of rt::Object* for the helpers; arrays as list items
// are erased to rt::Object* like objects.
// CHECK-LABEL: function arrays(
// CHECK: [[CELLS:v[0-9]+]]: array<rt::Object*> = cast_pointer v{{[0-9]+}}
// CHECK-NEXT: [[SHARED:v[0-9]+]]: rt::Object* = cast_pointer
// CHECK-NEXT: direct_call @"rtll::array_fill<rt::Object *>", [[CELLS]], [[SHARED]]
// CHECK: array<i64> = direct_call @"rtll::array_from_list<long>"
// CHECK: rt::Object* = cast_pointer {{v[0-9]+}}
// CHECK-NEXT: direct_call @"rtll::list_append<rt::Object *>"
// CHECK: [[ROW:v[0-9]+]]: rt::Object* = direct_call @"rtll::list_getitem<rt::Object *>"
// CHECK-NEXT: array<i64> = cast_pointer [[ROW]]
void arrays() {
  auto* cells = rt::make<rt::Array<Box*>>(3, nullptr);
  Box* shared = rt::make<Box>(7);
  cells->fill(shared);
  auto* numbers = rt::make<rt::List<int64_t>>();
  numbers->append(4);
  numbers->append(2);
  rt::Array<int64_t>* fixed = rt::Array<int64_t>::from_list(numbers);
  auto* names = rt::make<rt::Array<rt::Str>>(2, "?");
  names->set(1, "one");
  rt::print_line(rt::Str::from_int(cells->get(2)->value) + " " + rt::Str::from_int(fixed->size()) + " " +
                 rt::Str::from_int(fixed->get(1)) + " " + names->get(0) + names->get(1));
  auto* rows = rt::make<rt::List<rt::Array<int64_t>*>>();
  rows->append(fixed);
  rt::print_line(rt::Str::from_int(rows->get(0)->get(0)));
}

// One key policy per key kind: integers (enums too) by value, strings by content, references by
// identity, user key traits through generated adapters that cast the key back.
// CHECK-LABEL: function dicts(
// CHECK: direct_call @"rtll::dict_new<long, long, rtll::IntKeys<long>>", null:fn(i64) -> i64, null:fn(i64, i64) -> bool
// CHECK: direct_call @"rtll::dict_new<rt::Array<signed char> *, long, rtll::StrKeys>"
// CHECK: "rtll::DictIter<rt::Array<signed char> *, long, rtll::StrKeys>"* = direct_call @"rtll::dict_iter<rt::Array<signed char> *, long, rtll::StrKeys>"
// CHECK: bool = direct_call @"rtll::dictiter_next<rt::Array<signed char> *, long, rtll::StrKeys>"
// CHECK: direct_call @"rtll::dict_new<rt::Object *, rt::Array<signed char> *, rtll::RefKeys>"
// CHECK: direct_call @"rtll::dict_new<rt::Object *, long, rtll::FnKeys>", @"rtyper::key_hash<BoxKeys>", @"rtyper::key_equal<BoxKeys>"
// CHECK: direct_call @"rtll::dict_new<unsigned char, bool, rtll::IntKeys<unsigned char>>"
// CHECK-LABEL: function "rtyper::key_hash<BoxKeys>"(a: rt::Object*) -> i64 {
// CHECK-NEXT: block0(v0: rt::Object*):
// CHECK-NEXT:   v1: Box* = cast_pointer v0
// CHECK-NEXT:   v2: i64 = direct_call @BoxKeys::hash, v1
// CHECK-NEXT:   goto return(v2)
// CHECK-LABEL: function "rtyper::key_equal<BoxKeys>"(a: rt::Object*, b: rt::Object*) -> bool {
// CHECK: direct_call @BoxKeys::equal
void dicts() {
  auto* squares = rt::make<rt::Dict<int64_t, int64_t>>();
  for (int64_t i = 0; i < 30; ++i) squares->set(i, i * i);
  squares->remove(3);
  rt::print_line(rt::Str::from_int(squares->size()) + " " + rt::Str::from_int(squares->get(12)) + " " +
                 rt::Str::from_int(squares->get_or(3, -1)) + " " + show(squares->discard(4)) + " " +
                 rt::Str::from_int(squares->pop(5)) + " " + show(squares->contains(5)));
  try {
    squares->get(99);
  } catch (rt::KeyError* e) {
    rt::print_line(rt::Str("KeyError: ") + e->message);
  }
  auto* counts = rt::make<rt::Dict<rt::Str, int64_t>>();
  rt::List<rt::Str>* words = rt::Str("a b a c b a").split_whitespace();
  for (int64_t i = 0; i < words->size(); ++i) counts->set(words->get(i), counts->get_or(words->get(i), 0) + 1);
  rt::StrBuilder out(16);
  for (auto [word, count] : *counts) {
    out.append(word);
    out.append("=");
    out.append_int(count);
    out.append(" ");
  }
  rt::print_line(out.build() + rt::Str::from_int(counts->keys()->size()) + " " + show_ints(counts->values()));

  auto* names = rt::make<rt::Dict<Box*, rt::Str>>();
  Box* a = rt::make<Box>(1);
  names->set(a, "first");
  names->set(rt::make<Box>(1), "other");
  rt::print_line(names->get(a) + " " + rt::Str::from_int(names->size()) + " " + rt::Str::from_int(names->keys()->get(0)->value));

  auto* by_value = rt::make<rt::Dict<Box*, int64_t, BoxKeys>>();
  for (int64_t i = 0; i < 12; ++i) by_value->set(rt::make<Box>(i % 5), i);
  rt::Dict<Box*, int64_t, BoxKeys>* copy = by_value->copy();
  copy->clear();
  rt::print_line(rt::Str::from_int(by_value->size()) + " " + rt::Str::from_int(by_value->get(rt::make<Box>(3))) + " " +
                 show(copy->empty()));
  auto* colors = rt::make<rt::Dict<Color, bool>>();
  colors->set(Color::green, true);
  rt::print_line(show(colors->get_or(Color::green, false)) + " " + show(colors->get_or(Color::red, false)));
  try {
    for (auto [key, value] : *counts) {
      if (value > 0) counts->set(key + "!", 0);
    }
  } catch (rt::RuntimeError* e) {
    rt::print_line(rt::Str("RuntimeError: ") + e->message);
  }
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  rt::print_line(rt::Str("args ") + rt::Str::from_int(argv->size()));
  strings();
  builders();
  lists();
  arrays();
  dicts();
  return 0;
}
