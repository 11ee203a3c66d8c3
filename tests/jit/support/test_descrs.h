// A small hand-built DescrTable for the trace and backend tests: one class with a field of each
// kind, arrays of ints and refs, and calls that cannot and can raise.
#pragma once

#include "rtoolchain/jit/descr.h"

namespace rtoolchain::jit::testing {

// class Node (type id 1, 32 bytes): value:i64 @8, next:Node* @16, weight:f64 @24, flag:i8 @28...
// laid out as docs/lowlevel.md does (header at 0).
inline DescrTable make_test_descrs() {
  DescrTable t;
  auto field = [&](const char* name, MemType type, uint32_t offset) {
    FieldDescr f;
    f.index = static_cast<uint32_t>(t.fields.size());
    f.name = name;
    f.type = type;
    f.offset = offset;
    f.owner_type_id = 1;
    f.owner_last_type_id = 2;
    t.fields.push_back(f);
  };
  field("Node.value", {Kind::kInt, 8, true}, 8);
  field("Node.next", {Kind::kRef, 8, false}, 16);
  field("Node.weight", {Kind::kFloat, 8, true}, 24);
  field("Node.small", {Kind::kInt, 2, true}, 32);
  field("Node.flag", {Kind::kInt, 1, false}, 34);

  SizeDescr node;
  node.index = 0;
  node.name = "Node";
  node.type_id = 1;
  node.size = 40;
  t.sizes.push_back(node);
  SizeDescr sub = node;
  sub.index = 1;
  sub.name = "SubNode";
  sub.type_id = 2;
  t.sizes.push_back(sub);

  auto array = [&](const char* name, MemType item, uint32_t type_id) {
    ArrayDescr a;
    a.index = static_cast<uint32_t>(t.arrays.size());
    a.name = name;
    a.item = item;
    a.type_id = type_id;
    t.arrays.push_back(a);
  };
  array("array_i64", {Kind::kInt, 8, true}, 10);
  array("array_ref", {Kind::kRef, 8, false}, 11);
  array("array_f64", {Kind::kFloat, 8, true}, 12);
  array("array_u8", {Kind::kInt, 1, false}, 13);

  auto call = [&](const char* name, std::vector<Kind> args, Kind result, EffectInfo::Extra extra) {
    CallDescr c;
    c.index = static_cast<uint32_t>(t.calls.size());
    c.name = name;
    c.arg_kinds = args;
    for (Kind k : args) c.arg_types.push_back({k, 8, true});
    c.result = {result, static_cast<uint8_t>(result == Kind::kVoid ? 0 : 8), true};
    c.effects.extra = extra;
    t.calls.push_back(c);
    FunctionEntry f;
    f.name = name;
    f.calldescr = c.index;
    t.functions.push_back(f);
  };
  using X = EffectInfo::Extra;
  call("add2", {Kind::kInt, Kind::kInt}, Kind::kInt, X::kCannotRaise);             // 0
  call("check_positive", {Kind::kInt}, Kind::kInt, X::kCanRaise);                  // 1
  call("scale", {Kind::kFloat, Kind::kInt, Kind::kRef}, Kind::kFloat, X::kCannotRaise);  // 2
  call("make_node", {Kind::kInt}, Kind::kRef, X::kCanRaise);                      // 3
  call("record", {Kind::kInt}, Kind::kVoid, X::kCannotRaise);                     // 4
  call("elidable_sq", {Kind::kInt}, Kind::kInt, X::kElidableCannotRaise);          // 5
  call("force_frame", {Kind::kInt}, Kind::kInt, X::kForcesVirtual);                // 6
  return t;
}

}  // namespace rtoolchain::jit::testing
