// Forward declarations: a class used through a pointer before its definition is the same class
// as its definition. Creating B's base A reaches B again through A's field `B* b`; B must still
// be one class (it used to be created twice, the second "B#2").
#include "rt/rt.h"

class B;
class Node;

class A : public rt::Object {
 public:
  explicit A(B* b) : b(b) {}
  B* b;
};

class B : public A {
 public:
  B() : A(nullptr) {}
  int64_t x = 1;
};

// A class whose only earlier mention is a pointer to itself through a forward declaration.
class Node : public rt::Object {
 public:
  Node* next = nullptr;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  B* b = rt::make<B>();
  A* a = rt::make<A>(b);
  Node* n = rt::make<Node>();
  n->next = n;
  return a->b->x + argv->size() - 2 + (n->next == n ? 0 : 1);
}

// CHECK-LABEL: class A : rt::Object {
// CHECK-NEXT:   field b: B*
// CHECK-NEXT: }
// CHECK-LABEL: class B : A {
// CHECK-NEXT:   field x: i64
// CHECK-NEXT: }
// CHECK-LABEL: class Node : rt::Object {
// CHECK-NEXT:   field next: Node*
// CHECK-NEXT: }
// CHECK-NOT: B#2
// CHECK-LABEL: function rt_main(
// CHECK:   v1: B* = new_object class B
// CHECK:   v2: A* = new_object class A
// CHECK:   direct_call @A::A, v2, v1
// CHECK:   v4: B* = getfield v2, field A.b
// CHECK:   v5: i64 = getfield v4, field B.x
// CHECK-LABEL: function A::A(this: A*, b: B*) -> void {
// CHECK:   setfield v0, field A.b, v1
