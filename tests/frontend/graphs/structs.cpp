// Value structs (rule T6): SSA values built by struct_new, read by struct_getfield; a member
// write makes a new value with struct_setfield and stores it back where the old one came from
// (a local's slot, a GC object's field, a global). Const member functions take the struct by
// value first; braces fill omitted fields from default member initialisers.
#include "rt/rt.h"

struct Pos {
  int64_t line = 1;
  int64_t col = 1;
  bool before(Pos other) const { return line < other.line; }
  static Pos origin() { return Pos{}; }
};

struct Span {
  Pos start;
  Pos end{.line = 9};
  int64_t size = end.col - start.col;
};

class Node : public rt::Object {
 public:
  Span span;
  Node* next = nullptr;
};

Pos g_last = {0, 0};

int64_t locals(int64_t n) {
  Pos p{n};
  Pos q = p;
  q.col += 2;
  ++p.line;
  return p.line + q.col;
}

void nested(Node* node, Pos at) {
  node->span.start.col = at.col;
  node->next->span.end = at;
  g_last.line = 7;
}

int64_t in_list(rt::List<Span>* spans) {
  spans->append(Span{});
  return spans->get(0).end.line;
}

// A range-for's DictItem is two slots; used whole it becomes the struct {key, value}.
int64_t items(rt::Dict<rt::Str, int64_t>* d, rt::List<rt::DictItem<rt::Str, int64_t>>* out) {
  for (auto item : *d) out->append(item);
  return out->get(0).value;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  Node* node = rt::make<Node>();
  node->next = node;
  nested(node, Pos::origin());
  bool early = node->span.start.before(Pos{2, 1});
  int64_t n = items(rt::make<rt::Dict<rt::Str, int64_t>>(), rt::make<rt::List<rt::DictItem<rt::Str, int64_t>>>());
  return locals(argv->size()) + in_list(rt::make<rt::List<Span>>()) + (early ? 1 : 0) + n;
}

// The golden IR (rtoolchain graphs), checked by FileCheck.
// CHECK-LABEL: struct Span {
// CHECK-NEXT:   field start: struct Pos
// CHECK-NEXT:   field end: struct Pos
// CHECK-NEXT:   field size: i64
// CHECK-NEXT: }
// CHECK-LABEL: struct Pos {
// CHECK-NEXT:   field line: i64
// CHECK-NEXT:   field col: i64
// CHECK-NEXT: }
// CHECK-LABEL: struct "rt::DictItem<rt::Str, long>" {
// CHECK-NEXT:   field key: str
// CHECK-NEXT:   field value: i64
// CHECK-NEXT: }
// CHECK-LABEL: class Node : rt::Object {
// CHECK-NEXT:   field span: struct Span
// CHECK-NEXT:   field next: Node*
// CHECK-NEXT: }
// CHECK-LABEL: global g_last: struct Pos = struct Pos {0:i64, 0:i64}
// CHECK-LABEL: function Node::Node(this: Node*) -> void {
// CHECK-NEXT: block0(v0: Node*):
// CHECK-NEXT:   v1: struct Pos = struct_new 1:i64, 1:i64
// CHECK-NEXT:   v2: struct Pos = struct_new 9:i64, 1:i64
// CHECK-NEXT:   v3: i64 = struct_getfield v2, field Pos.col
// CHECK-NEXT:   v4: i64 = struct_getfield v1, field Pos.col
// CHECK-NEXT:   v5: i64 = int_sub v3, v4
// CHECK-NEXT:   v6: struct Span = struct_new v1, v2, v5
// CHECK-NEXT:   setfield v0, field Node.span, v6
// CHECK-NEXT:   setfield v0, field Node.next, null:Node*
// CHECK-NEXT:   goto return(none)
// CHECK-NEXT: }
// CHECK-LABEL: function nested(node: Node*, at: struct Pos) -> void {
// CHECK-NEXT: block0(v0: Node*, v1: struct Pos):
// CHECK-NEXT:   v2: i64 = struct_getfield v1, field Pos.col
// CHECK-NEXT:   v3: struct Span = getfield v0, field Node.span
// CHECK-NEXT:   v4: struct Pos = struct_getfield v3, field Span.start
// CHECK-NEXT:   v5: struct Pos = struct_setfield v4, field Pos.col, v2
// CHECK-NEXT:   v6: struct Span = struct_setfield v3, field Span.start, v5
// CHECK-NEXT:   setfield v0, field Node.span, v6
// CHECK-NEXT:   v7: Node* = getfield v0, field Node.next
// CHECK-NEXT:   v8: struct Span = getfield v7, field Node.span
// CHECK-NEXT:   v9: struct Span = struct_setfield v8, field Span.end, v1
// CHECK-NEXT:   setfield v7, field Node.span, v9
// CHECK-NEXT:   v10: struct Pos = getglobal global g_last
// CHECK-NEXT:   v11: struct Pos = struct_setfield v10, field Pos.line, 7:i64
// CHECK-NEXT:   setglobal global g_last, v11
// CHECK-NEXT:   goto return(none)
// CHECK-NEXT: }
// CHECK-LABEL: function Pos::before(this: struct Pos, other: struct Pos) -> bool {
// CHECK-NEXT: block0(v0: struct Pos, v1: struct Pos):
// CHECK-NEXT:   v2: i64 = struct_getfield v0, field Pos.line
// CHECK-NEXT:   v3: i64 = struct_getfield v1, field Pos.line
// CHECK-NEXT:   v4: bool = int_lt v2, v3
// CHECK-NEXT:   goto return(v4)
// CHECK-NEXT: }
// CHECK-LABEL: function items(d: dict<str, i64>, out: list<struct "rt::DictItem<rt::Str, long>">) -> i64 {
// CHECK-NEXT: block0(v0: dict<str, i64>, v1: list<struct "rt::DictItem<rt::Str, long>">):
// CHECK-NEXT:   v2: dictiter<str, i64> = dict_iter v0
// CHECK-NEXT:   goto block1(v1, v2)
// CHECK-NEXT: block1(v3: list<struct "rt::DictItem<rt::Str, long>">, v4: dictiter<str, i64>):
// CHECK-NEXT:   v5: bool = dictiter_next v4
// CHECK-NEXT:   switch v5
// CHECK-NEXT:     false -> block2(v3)
// CHECK-NEXT:     true -> block3(v3, v4)
// CHECK-NEXT: block2(v6: list<struct "rt::DictItem<rt::Str, long>">):
// CHECK-NEXT:   v7: struct "rt::DictItem<rt::Str, long>" = list_getitem v6, 0:i64
// CHECK-NEXT:   v8: i64 = struct_getfield v7, field "rt::DictItem<rt::Str, long>".value
// CHECK-NEXT:   goto return(v8)
// CHECK-NEXT: block3(v9: list<struct "rt::DictItem<rt::Str, long>">, v10: dictiter<str, i64>):
// CHECK-NEXT:   v11: str = dictiter_key v10
// CHECK-NEXT:   v12: i64 = dictiter_value v10
// CHECK-NEXT:   v13: struct "rt::DictItem<rt::Str, long>" = struct_new v11, v12
// CHECK-NEXT:   list_append v9, v13
// CHECK-NEXT:   goto block1(v9, v10)
// CHECK-NEXT: }
// CHECK-LABEL: function locals(n: i64) -> i64 {
// CHECK-NEXT: block0(v0: i64):
// CHECK-NEXT:   v1: struct Pos = struct_new v0, 1:i64
// CHECK-NEXT:   v2: i64 = struct_getfield v1, field Pos.col
// CHECK-NEXT:   v3: i64 = int_add v2, 2:i64
// CHECK-NEXT:   v4: struct Pos = struct_setfield v1, field Pos.col, v3
// CHECK-NEXT:   v5: i64 = struct_getfield v1, field Pos.line
// CHECK-NEXT:   v6: i64 = int_add v5, 1:i64
// CHECK-NEXT:   v7: struct Pos = struct_setfield v1, field Pos.line, v6
// CHECK-NEXT:   v8: i64 = struct_getfield v7, field Pos.line
// CHECK-NEXT:   v9: i64 = struct_getfield v4, field Pos.col
// CHECK-NEXT:   v10: i64 = int_add v8, v9
// CHECK-NEXT:   goto return(v10)
// CHECK-NEXT: }
// CHECK-LABEL: function in_list(spans: list<struct Span>) -> i64 {
// CHECK-NEXT: block0(v0: list<struct Span>):
// CHECK-NEXT:   v1: struct Pos = struct_new 1:i64, 1:i64
// CHECK-NEXT:   v2: struct Pos = struct_new 9:i64, 1:i64
// CHECK-NEXT:   v3: i64 = struct_getfield v2, field Pos.col
// CHECK-NEXT:   v4: i64 = struct_getfield v1, field Pos.col
// CHECK-NEXT:   v5: i64 = int_sub v3, v4
// CHECK-NEXT:   v6: struct Span = struct_new v1, v2, v5
// CHECK-NEXT:   list_append v0, v6
// CHECK-NEXT:   v7: struct Span = list_getitem v0, 0:i64
// CHECK-NEXT:   v8: struct Pos = struct_getfield v7, field Span.end
// CHECK-NEXT:   v9: i64 = struct_getfield v8, field Pos.line
// CHECK-NEXT:   goto return(v9)
// CHECK-NEXT: }
