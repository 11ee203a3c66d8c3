// The graph-mode heap: instances of program classes and the rt containers of Values, all
// allocated with rt::make (GC memory the collector scans), each with an identity counter.
#pragma once

#include <cstdint>

#include "rt/dict.h"
#include "rt/list.h"
#include "rt/object.h"
#include "rt/str.h"
#include "rtoolchain/graphinterp/graphinterp.h"

namespace rtoolchain::graphinterp {

// Two Values are equal as the host's operator== on the C++ type would say: integers and bools
// by value, floats as doubles (NaN != NaN), strings by content, references by identity, value
// structs field by field.
bool values_equal(Value a, Value b);
inline bool operator==(Value a, Value b) { return values_equal(a, b); }

// The key traits of a graph-mode dict: the program's key-traits functions (called as graphs)
// or rt's defaults (by value, by content, by identity counter). The dict being operated on is
// in a thread-local context set around each dict operation (DictScope in interp.h).
struct DynKeyTraits {
  static int64_t hash(Value key);
  static bool equal(Value a, Value b);
};

struct HeapObject : rt::Object {
  int64_t identity = 0;
};

// An instance of a program class: every field (its bases' first) in one GC array.
struct GObject : HeapObject {
  uint32_t class_index = 0;
  Value* fields = nullptr;
};

struct GList : rt::List<Value> {
  GList() = default;
  GList(int64_t count, Value fill) : rt::List<Value>(count, fill) {}
  int64_t identity = 0;
};

struct GArray : rt::Array<Value> {
  GArray(int64_t count, Value fill) : rt::Array<Value>(count, fill) {}
  int64_t identity = 0;
};

using RtDict = rt::Dict<Value, Value, DynKeyTraits>;
struct GDict : RtDict {
  int64_t identity = 0;
  uint32_t traits = ~0u;  // KeyTraitsId index, ~0u for rt's default key traits
};

// dict_iter's handle: a host iterator and whether dictiter_next has run yet.
struct GDictIter : HeapObject {
  explicit GDictIter(GDict* d) : dict(d), it(d->begin()) {}
  GDict* dict;
  RtDict::Iterator it;
  bool started = false;
};

struct GStrBuilder : HeapObject {
  explicit GStrBuilder(int64_t hint) : builder(hint) {}
  rt::StrBuilder builder;
};

}  // namespace rtoolchain::graphinterp
