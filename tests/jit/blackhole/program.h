// The program of the blackhole tests, as high-level IR text (rtyped by the fixture): a portal
// whose loop calls every helper, so the codewriter gives each one a jitcode.
#pragma once

inline const char* kBlackholeTestProgram = R"(
class Oops : rt::Exception {
}

class Box : rt::Object {
  field value: i64
  field small: i16
  field ratio: f64
}

global counter: i64

jitdriver loop greens(i64) reds(i64, i64)

function wrap8(a: i8, b: i8) -> i8 {
block0(v0: i8, v1: i8):
  v2: i8 = int_add v0, v1
  v3: i8 = int_mul v2, 3:i8
  goto return(v3)
}

function wrap_u16(a: u16, b: u16) -> u16 {
block0(v0: u16, v1: u16):
  v2: u16 = int_sub v0, v1
  goto return(v2)
}

function arith(a: i64, b: i64) -> i64 {
block0(v0: i64, v1: i64):
  v2: i64 = int_mul v0, v1
  v3: i64 = int_add v2, 9223372036854775807:i64
  v4: i64 = int_xor v3, v1
  v5: i64 = int_rshift v4, 3:i64
  v6: i64 = int_and v4, 255:i64
  v7: i64 = int_add v5, v6
  goto return(v7)
}

function floats(a: i64, b: f64) -> f64 {
block0(v0: i64, v1: f64):
  v2: f64 = cast_int_to_float v0
  v3: f64 = float_mul v2, v1
  v4: f64 = float_truediv v3, 4.0:f64
  v5: f64 = float_neg v4
  goto return(v5)
}

function classify(x: i64) -> i64 {
block0(v0: i64):
  switch v0
    1 -> return(10:i64)
    2 -> return(20:i64)
    7 -> block1(v0)
    default -> block2(v0)
block1(v1: i64):
  goto return(70:i64)
block2(v2: i64):
  v3: bool = int_lt v2, 0:i64
  switch v3
    false -> return(0:i64)
    true -> return(-1:i64)
}

function raiser(x: i64) -> i64 {
block0(v0: i64):
  v1: bool = int_gt v0, 3:i64
  switch v1
    false -> return(v0)
    true -> block1()
block1():
  v2: Oops* = new_object class Oops
  goto except(class Oops, v2)
}

function catcher(x: i64) -> i64 {
block0(v0: i64):
  v1: i64 = direct_call @raiser, v0
  switch exception
    normal -> return(v1)
    catch Oops as v2, v3 -> return(100:i64)
}

function overflow(a: i64, b: i64) -> i64 {
block0(v0: i64, v1: i64):
  v2: i64 = int_add_ovf v0, v1
  goto return(v2)
}

function divide(a: i64, b: i64) -> i64 {
block0(v0: i64, v1: i64):
  v2: i64 = int_div_floor v0, v1
  switch exception
    normal -> return(v2)
    catch rt::ZeroDivisionError as v3, v4 -> return(-7:i64)
}

function boxes(a: i64) -> i64 {
block0(v0: i64):
  v1: Box* = new_object class Box
  setfield v1, field Box.value, v0
  v2: i16 = cast_int v0
  setfield v1, field Box.small, v2
  v3: i16 = getfield v1, field Box.small
  v4: i64 = cast_int v3
  v5: i64 = getfield v1, field Box.value
  v6: i64 = int_add v4, v5
  v7: i64 = getglobal global counter
  v8: i64 = int_add v7, 1:i64
  setglobal global counter, v8
  v9: i64 = int_add v6, v8
  goto return(v9)
}

function run(pc: i64, n: i64, acc: i64) -> i64 {
block0(v0: i64, v1: i64, v2: i64):
  goto block1(v0, v1, v2)
block1(v3: i64, v4: i64, v5: i64):
  jit_merge_point driver loop, v3, v4, v5
  v6: bool = int_gt v4, 0:i64
  switch v6
    false -> return(v5)
    true -> block2(v3, v4, v5)
block2(v7: i64, v8: i64, v9: i64):
  v10: i8 = cast_int v8
  v11: i8 = direct_call @wrap8, v10, v10
  v12: u16 = cast_int v8
  v13: u16 = direct_call @wrap_u16, v12, 7:u16
  v14: i64 = direct_call @arith, v8, v9
  v15: f64 = direct_call @floats, v8, 2.5:f64
  v16: i64 = direct_call @classify, v8
  v17: i64 = direct_call @catcher, v8
  v18: i64 = direct_call @overflow, v8, v9
  v19: i64 = direct_call @divide, v9, v8
  v20: i64 = direct_call @boxes, v8
  v21: i64 = cast_int v11
  v22: i64 = int_add v9, v21
  v23: i64 = int_add v22, v16
  v24: i64 = int_add v23, v17
  v25: i64 = int_add v24, v20
  v26: i64 = int_sub v8, 1:i64
  v27: i64 = int_add v7, 1:i64
  goto block1(v27, v26, v25)
}

function rt_main(argv: list<str>) -> i64 {
block0(v0: list<str>):
  v1: i64 = direct_call @run, 0:i64, 5:i64, 0:i64
  goto return(v1)
}

class "rtll::List<rt::Array<signed char> *>" : rt::Object {
  field length: i64
  field items: array<array<i8>>
}

entry @rt_main
)";
