// rt containers and strings: range-for over List, Array and Dict (an item, a structured
// binding), Str operations and implicit conversions, StrBuilder, externals.
#include "rt/rt.h"

int64_t total(rt::List<int64_t>* xs) {
  int64_t sum = 0;
  for (int64_t x : *xs) sum += x;
  return sum;
}

int64_t longest(rt::Array<rt::Str>* words) {
  int64_t best = 0;
  for (rt::Str word : *words) {
    if (word.empty()) continue;
    if (word.size() > best) best = word.size();
  }
  return best;
}

rt::Str render(rt::Dict<rt::Str, int64_t>* counts) {
  rt::StrBuilder out(16);
  for (rt::DictItem<rt::Str, int64_t> item : *counts) {
    out.append(item.key + "=");
    out.append_int(item.value);
  }
  for (auto [key, value] : *counts)
    if (key == "x") out.append_char('!');
  return out.build();
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  auto* xs = rt::make<rt::List<int64_t>>();
  xs->append(4);
  auto* words = rt::make<rt::Array<rt::Str>>(2, "ab");
  auto* counts = rt::make<rt::Dict<rt::Str, int64_t>>();
  counts->set("a", counts->get_or("a", 0) + 1);
  rt::print_line(render(counts) + rt::Str::from_int(total(xs) + longest(words)));
  return rt::math::isnan(rt::math::sqrt(2.0)) ? 1 : argv->get(0)[0];
}

// The golden IR (rtoolchain graphs), checked by FileCheck.
// CHECK-LABEL: function rt_main(argv: list<str>) -> i64 {
// CHECK-NEXT: block0(v0: list<str>):
// CHECK-NEXT:   v1: list<i64> = list_new
// CHECK-NEXT:   list_append v1, 4:i64
// CHECK-NEXT:   v2: array<str> = array_new 2:i64, "ab"
// CHECK-NEXT:   v3: dict<str, i64> = dict_new
// CHECK-NEXT:   v4: i64 = dict_get_or v3, "a", 0:i64
// CHECK-NEXT:   v5: i64 = int_add v4, 1:i64
// CHECK-NEXT:   dict_setitem v3, "a", v5
// CHECK-NEXT:   v6: str = direct_call @render, v3
// CHECK-NEXT:   v7: i64 = direct_call @total, v1
// CHECK-NEXT:   v8: i64 = direct_call @longest, v2
// CHECK-NEXT:   v9: i64 = int_add v7, v8
// CHECK-NEXT:   v10: str = str_from_int v9
// CHECK-NEXT:   v11: str = str_concat v6, v10
// CHECK-NEXT:   direct_call @rt::print_line, v11
// CHECK-NEXT:   v12: f64 = direct_call @rt::math::sqrt, 2.0:f64
// CHECK-NEXT:   v13: bool = direct_call @rt::math::isnan, v12
// CHECK-NEXT:   switch v13
// CHECK-NEXT:     false -> block1(v0)
// CHECK-NEXT:     true -> block2()
// CHECK-NEXT: block1(v14: list<str>):
// CHECK-NEXT:   v15: str = list_getitem v14, 0:i64
// CHECK-NEXT:   v16: i8 = str_getitem v15, 0:i64
// CHECK-NEXT:   v17: i32 = cast_int v16
// CHECK-NEXT:   goto block3(v17)
// CHECK-NEXT: block2():
// CHECK-NEXT:   goto block3(1:i32)
// CHECK-NEXT: block3(v18: i32):
// CHECK-NEXT:   v19: i64 = cast_int v18
// CHECK-NEXT:   goto return(v19)
// CHECK-NEXT: }
// CHECK-LABEL: function render(counts: dict<str, i64>) -> str {
// CHECK-NEXT: block0(v0: dict<str, i64>):
// CHECK-NEXT:   v1: strbuilder = strbuilder_new 16:i64
// CHECK-NEXT:   v2: dictiter<str, i64> = dict_iter v0
// CHECK-NEXT:   goto block1(v0, v1, v2)
// CHECK-NEXT: block1(v3: dict<str, i64>, v4: strbuilder, v5: dictiter<str, i64>):
// CHECK-NEXT:   v6: bool = dictiter_next v5
// CHECK-NEXT:   switch v6
// CHECK-NEXT:     false -> block2(v3, v4)
// CHECK-NEXT:     true -> block7(v3, v4, v5)
// CHECK-NEXT: block2(v7: dict<str, i64>, v8: strbuilder):
// CHECK-NEXT:   v9: dictiter<str, i64> = dict_iter v7
// CHECK-NEXT:   goto block3(v8, v9)
// CHECK-NEXT: block3(v10: strbuilder, v11: dictiter<str, i64>):
// CHECK-NEXT:   v12: bool = dictiter_next v11
// CHECK-NEXT:   switch v12
// CHECK-NEXT:     false -> block4(v10)
// CHECK-NEXT:     true -> block5(v10, v11)
// CHECK-NEXT: block4(v13: strbuilder):
// CHECK-NEXT:   v14: str = strbuilder_build v13
// CHECK-NEXT:   goto return(v14)
// CHECK-NEXT: block5(v15: strbuilder, v16: dictiter<str, i64>):
// CHECK-NEXT:   v17: str = dictiter_key v16
// CHECK-NEXT:   v18: i64 = dictiter_value v16
// CHECK-NEXT:   v19: bool = str_eq v17, "x"
// CHECK-NEXT:   switch v19
// CHECK-NEXT:     false -> block3(v15, v16)
// CHECK-NEXT:     true -> block6(v15, v16)
// CHECK-NEXT: block6(v20: strbuilder, v21: dictiter<str, i64>):
// CHECK-NEXT:   strbuilder_append_char v20, 33:i8
// CHECK-NEXT:   goto block3(v20, v21)
// CHECK-NEXT: block7(v22: dict<str, i64>, v23: strbuilder, v24: dictiter<str, i64>):
// CHECK-NEXT:   v25: str = dictiter_key v24
// CHECK-NEXT:   v26: i64 = dictiter_value v24
// CHECK-NEXT:   v27: str = str_concat v25, "="
// CHECK-NEXT:   strbuilder_append v23, v27
// CHECK-NEXT:   strbuilder_append_int v23, v26
// CHECK-NEXT:   goto block1(v22, v23, v24)
// CHECK-NEXT: }
// CHECK-LABEL: function total(xs: list<i64>) -> i64 {
// CHECK-NEXT: block0(v0: list<i64>):
// CHECK-NEXT:   goto block1(0:i64, v0, 0:i64)
// CHECK-NEXT: block1(v1: i64, v2: list<i64>, v3: i64):
// CHECK-NEXT:   v4: i64 = list_len v2
// CHECK-NEXT:   v5: bool = int_lt v3, v4
// CHECK-NEXT:   switch v5
// CHECK-NEXT:     false -> return(v1)
// CHECK-NEXT:     true -> block2(v1, v2, v3)
// CHECK-NEXT: block2(v6: i64, v7: list<i64>, v8: i64):
// CHECK-NEXT:   v9: i64 = list_getitem v7, v8
// CHECK-NEXT:   v10: i64 = int_add v6, v9
// CHECK-NEXT:   goto block3(v10, v7, v8)
// CHECK-NEXT: block3(v11: i64, v12: list<i64>, v13: i64):
// CHECK-NEXT:   v14: i64 = int_add v13, 1:i64
// CHECK-NEXT:   goto block1(v11, v12, v14)
// CHECK-NEXT: }
// CHECK-LABEL: function longest(words: array<str>) -> i64 {
// CHECK-NEXT: block0(v0: array<str>):
// CHECK-NEXT:   goto block1(0:i64, v0, 0:i64)
// CHECK-NEXT: block1(v1: i64, v2: array<str>, v3: i64):
// CHECK-NEXT:   v4: i64 = array_len v2
// CHECK-NEXT:   v5: bool = int_lt v3, v4
// CHECK-NEXT:   switch v5
// CHECK-NEXT:     false -> return(v1)
// CHECK-NEXT:     true -> block2(v1, v2, v3)
// CHECK-NEXT: block2(v6: i64, v7: array<str>, v8: i64):
// CHECK-NEXT:   v9: str = array_getitem v7, v8
// CHECK-NEXT:   v10: bool = str_is_empty v9
// CHECK-NEXT:   switch v10
// CHECK-NEXT:     false -> block3(v6, v7, v8, v9)
// CHECK-NEXT:     true -> block5(v6, v7, v8)
// CHECK-NEXT: block3(v11: i64, v12: array<str>, v13: i64, v14: str):
// CHECK-NEXT:   v15: i64 = str_len v14
// CHECK-NEXT:   v16: bool = int_gt v15, v11
// CHECK-NEXT:   switch v16
// CHECK-NEXT:     false -> block5(v11, v12, v13)
// CHECK-NEXT:     true -> block4(v12, v13, v14)
// CHECK-NEXT: block4(v17: array<str>, v18: i64, v19: str):
// CHECK-NEXT:   v20: i64 = str_len v19
// CHECK-NEXT:   goto block5(v20, v17, v18)
// CHECK-NEXT: block5(v21: i64, v22: array<str>, v23: i64):
// CHECK-NEXT:   v24: i64 = int_add v23, 1:i64
// CHECK-NEXT:   goto block1(v21, v22, v24)
// CHECK-NEXT: }
