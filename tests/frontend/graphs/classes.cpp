// Classes: fields with flags, constructors with base and member initialisers, virtual and direct
// calls (a qualified call is direct), dynamic_cast, globals, enums, constexpr.
#include "rt/rt.h"

constexpr int64_t kScale = 3 * 4;

enum class Kind : int8_t { circle = 1, square = 2 };

class Shape : public rt::Object {
 public:
  explicit Shape(Kind kind) : kind(kind) {}
  virtual int64_t area() const = 0;
  virtual rt::Str name() const { return "shape"; }
  RT_IMMUTABLE Kind kind;
  RT_QUASI_IMMUTABLE int64_t version = 0;
};

class Square : public Shape {
 public:
  explicit Square(int64_t side) : Shape(Kind::square), side(side) {}
  int64_t area() const override { return side * side * kScale; }
  rt::Str name() const override { return "square"; }
  RT_IMMUTABLE int64_t side;
};

Shape* last_shape = nullptr;

int64_t describe(Shape* shape) {
  last_shape = shape;
  Square* square = dynamic_cast<Square*>(shape);
  if (square != nullptr) return square->side;
  if (shape->kind == Kind::square) return shape->Shape::name().size();
  return shape->area() + shape->name().size();
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  Shape* shape = rt::make<Square>(argv->size());
  return describe(shape) + (last_shape == shape ? 1 : 0);
}

// The golden IR (rtoolchain graphs), checked by FileCheck.
// CHECK-LABEL: enum Kind: i8 {
// CHECK-NEXT:   circle = 1
// CHECK-NEXT:   square = 2
// CHECK-NEXT: }
// CHECK-LABEL: class Shape : rt::Object {
// CHECK-NEXT:   field kind: enum Kind immutable
// CHECK-NEXT:   field version: i64 quasi_immutable
// CHECK-NEXT:   method area: fn(Shape*) -> i64 = abstract
// CHECK-NEXT:   method name: fn(Shape*) -> str = @Shape::name
// CHECK-NEXT: }
// CHECK-LABEL: class Square : Shape {
// CHECK-NEXT:   field side: i64 immutable
// CHECK-NEXT:   method area: fn(Square*) -> i64 = @Square::area
// CHECK-NEXT:   method name: fn(Square*) -> str = @Square::name
// CHECK-NEXT: }
// CHECK-LABEL: global last_shape: Shape* = null:Shape*
// CHECK-LABEL: function rt_main(argv: list<str>) -> i64 {
// CHECK-NEXT: block0(v0: list<str>):
// CHECK-NEXT:   v1: Square* = new_object class Square
// CHECK-NEXT:   v2: i64 = list_len v0
// CHECK-NEXT:   direct_call @Square::Square, v1, v2
// CHECK-NEXT:   v3: i64 = direct_call @describe, v1
// CHECK-NEXT:   v4: Shape* = getglobal global last_shape
// CHECK-NEXT:   v5: bool = ptr_eq v4, v1
// CHECK-NEXT:   switch v5
// CHECK-NEXT:     false -> block1(v3)
// CHECK-NEXT:     true -> block2(v3)
// CHECK-NEXT: block1(v6: i64):
// CHECK-NEXT:   goto block3(v6, 0:i32)
// CHECK-NEXT: block2(v7: i64):
// CHECK-NEXT:   goto block3(v7, 1:i32)
// CHECK-NEXT: block3(v8: i64, v9: i32):
// CHECK-NEXT:   v10: i64 = cast_int v9
// CHECK-NEXT:   v11: i64 = int_add v8, v10
// CHECK-NEXT:   goto return(v11)
// CHECK-NEXT: }
// CHECK-LABEL: function Square::Square(this: Square*, side: i64) -> void {
// CHECK-NEXT: block0(v0: Square*, v1: i64):
// CHECK-NEXT:   direct_call @Shape::Shape, v0, 2:enum Kind
// CHECK-NEXT:   setfield v0, field Square.side, v1
// CHECK-NEXT:   goto return(none)
// CHECK-NEXT: }
// CHECK-LABEL: function describe(shape: Shape*) -> i64 {
// CHECK-NEXT: block0(v0: Shape*):
// CHECK-NEXT:   setglobal global last_shape, v0
// CHECK-NEXT:   v1: Square* = cast_dynamic v0, class Square
// CHECK-NEXT:   v2: bool = ptr_ne v1, null:Square*
// CHECK-NEXT:   switch v2
// CHECK-NEXT:     false -> block1(v0)
// CHECK-NEXT:     true -> block4(v1)
// CHECK-NEXT: block1(v3: Shape*):
// CHECK-NEXT:   v4: enum Kind = getfield v3, field Shape.kind
// CHECK-NEXT:   v5: bool = int_eq v4, 2:enum Kind
// CHECK-NEXT:   switch v5
// CHECK-NEXT:     false -> block2(v3)
// CHECK-NEXT:     true -> block3(v3)
// CHECK-NEXT: block2(v6: Shape*):
// CHECK-NEXT:   v7: i64 = virtual_call method Shape.area, v6
// CHECK-NEXT:   v8: str = virtual_call method Shape.name, v6
// CHECK-NEXT:   v9: i64 = str_len v8
// CHECK-NEXT:   v10: i64 = int_add v7, v9
// CHECK-NEXT:   goto return(v10)
// CHECK-NEXT: block3(v11: Shape*):
// CHECK-NEXT:   v12: str = direct_call @Shape::name, v11
// CHECK-NEXT:   v13: i64 = str_len v12
// CHECK-NEXT:   goto return(v13)
// CHECK-NEXT: block4(v14: Square*):
// CHECK-NEXT:   v15: i64 = getfield v14, field Square.side
// CHECK-NEXT:   goto return(v15)
// CHECK-NEXT: }
// CHECK-LABEL: function Shape::Shape(this: Shape*, kind: enum Kind) -> void {
// CHECK-NEXT: block0(v0: Shape*, v1: enum Kind):
// CHECK-NEXT:   setfield v0, field Shape.kind, v1
// CHECK-NEXT:   setfield v0, field Shape.version, 0:i64
// CHECK-NEXT:   goto return(none)
// CHECK-NEXT: }
