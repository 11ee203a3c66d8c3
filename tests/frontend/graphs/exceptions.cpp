// throw and try/catch in RPython's model: raising operations inside a try end their block with a
// last-exception switch; throw is a link to the handler its static class matches (rule X5).
#include "rt/rt.h"

class AppError : public rt::Exception {
 public:
  AppError(rt::Str message, int64_t code) : rt::Exception(message), code(code) {}
  int64_t code;
};

int64_t parse_or(rt::Str text, int64_t fallback) {
  try {
    return text.to_int();
  } catch (rt::ValueError* e) {
    return fallback;
  } catch (rt::OverflowError* e) {
    return -1;
  }
}

int64_t check(int64_t x) {
  if (x < 0) throw rt::make<AppError>("negative", x);
  if (x == 0) rt::raise<rt::ValueError>("zero");
  return x;
}

int64_t guarded(int64_t x) {
  int64_t result = 0;
  try {
    result = check(x);
    try {
      result += check(x - 1);
    } catch (AppError* inner) {
      result = inner->code;
      throw inner;
    }
  } catch (AppError* outer) {
    result = outer->code * 2;
  } catch (rt::Exception* e) {
    rt::print_line(e->type_name() + ": " + e->message);
  }
  return result;
}

int64_t rt_main(rt::List<rt::Str>* argv) { return parse_or(argv->get(0), 3) + guarded(argv->size()); }

// The golden IR (rtoolchain graphs), checked by FileCheck.
// CHECK-LABEL: function parse_or(text: str, fallback: i64) -> i64 {
// CHECK-NEXT: block0(v0: str, v1: i64):
// CHECK-NEXT:   goto block1(v0, v1)
// CHECK-NEXT: block1(v2: str, v3: i64):
// CHECK-NEXT:   v4: i64 = str_to_int v2, 10:i64
// CHECK-NEXT:   switch exception
// CHECK-NEXT:     normal -> return(v4)
// CHECK-NEXT:     catch rt::ValueError as v5, v6 -> return(v3)
// CHECK-NEXT:     catch rt::OverflowError as v7, v8 -> block2()
// CHECK-NEXT:     catch rt::Exception as v9, v10 -> except(v9, v10)
// CHECK-NEXT: block2():
// CHECK-NEXT:   goto return(-1:i64)
// CHECK-NEXT: }
// CHECK-LABEL: function guarded(x: i64) -> i64 {
// CHECK-NEXT: block0(v0: i64):
// CHECK-NEXT:   goto block1(v0, 0:i64)
// CHECK-NEXT: block1(v1: i64, v2: i64):
// CHECK-NEXT:   v3: i64 = direct_call @check, v1
// CHECK-NEXT:   switch exception
// CHECK-NEXT:     normal -> block2(v1, v3)
// CHECK-NEXT:     catch AppError as v4, v5 -> block5(v5)
// CHECK-NEXT:     catch rt::Exception as v6, v7 -> block6(v2, v7)
// CHECK-NEXT: block2(v8: i64, v9: i64):
// CHECK-NEXT:   v10: i64 = int_sub v8, 1:i64
// CHECK-NEXT:   v11: i64 = direct_call @check, v10
// CHECK-NEXT:   switch exception
// CHECK-NEXT:     normal -> block3(v9, v11)
// CHECK-NEXT:     catch AppError as v12, v13 -> block4(v13)
// CHECK-NEXT:     catch rt::Exception as v14, v15 -> block6(v9, v15)
// CHECK-NEXT: block3(v16: i64, v17: i64):
// CHECK-NEXT:   v18: i64 = int_add v16, v17
// CHECK-NEXT:   goto return(v18)
// CHECK-NEXT: block4(v19: AppError*):
// CHECK-NEXT:   v20: i64 = getfield v19, field AppError.code
// CHECK-NEXT:   goto block5(v19)
// CHECK-NEXT: block5(v21: AppError*):
// CHECK-NEXT:   v22: i64 = getfield v21, field AppError.code
// CHECK-NEXT:   v23: i64 = int_mul v22, 2:i64
// CHECK-NEXT:   goto return(v23)
// CHECK-NEXT: block6(v24: i64, v25: rt::Exception*):
// CHECK-NEXT:   v26: str = virtual_call method rt::Exception.type_name, v25
// CHECK-NEXT:   v27: str = str_concat v26, ": "
// CHECK-NEXT:   v28: str = getfield v25, field rt::Exception.message
// CHECK-NEXT:   v29: str = str_concat v27, v28
// CHECK-NEXT:   direct_call @rt::print_line, v29
// CHECK-NEXT:   goto return(v24)
// CHECK-NEXT: }
// CHECK-LABEL: function check(x: i64) -> i64 {
// CHECK-NEXT: block0(v0: i64):
// CHECK-NEXT:   v1: bool = int_lt v0, 0:i64
// CHECK-NEXT:   switch v1
// CHECK-NEXT:     false -> block1(v0)
// CHECK-NEXT:     true -> block3(v0)
// CHECK-NEXT: block1(v2: i64):
// CHECK-NEXT:   v3: bool = int_eq v2, 0:i64
// CHECK-NEXT:   switch v3
// CHECK-NEXT:     false -> return(v2)
// CHECK-NEXT:     true -> block2()
// CHECK-NEXT: block2():
// CHECK-NEXT:   v4: rt::ValueError* = new_object class rt::ValueError
// CHECK-NEXT:   setfield v4, field rt::Exception.message, "zero"
// CHECK-NEXT:   goto except(class rt::ValueError, v4)
// CHECK-NEXT: block3(v5: i64):
// CHECK-NEXT:   v6: AppError* = new_object class AppError
// CHECK-NEXT:   direct_call @AppError::AppError, v6, "negative", v5
// CHECK-NEXT:   goto except(class AppError, v6)
// CHECK-NEXT: }
// CHECK-LABEL: function AppError::AppError(this: AppError*, message: str, code: i64) -> void {
// CHECK-NEXT: block0(v0: AppError*, v1: str, v2: i64):
// CHECK-NEXT:   setfield v0, field rt::Exception.message, v1
// CHECK-NEXT:   setfield v0, field AppError.code, v2
// CHECK-NEXT:   goto return(none)
// CHECK-NEXT: }
