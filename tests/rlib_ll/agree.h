// The low-level helpers (rlib/ll) against the host-mode rt library, side by side: every check
// runs an rt operation and the helper of the same operation on the same inputs and prints one
// line, the result when they agree, "MISMATCH" with both otherwise. The expected output is
// checked in host mode and in graph mode (docs/lowlevel.md, docs/testing.md).
#pragma once

#include "ll/ll.h"
#include "rt/rt.h"

using Bytes = rtll::Bytes;

// A GC object for reference items and keys.
class Box : public rt::Object {
 public:
  explicit Box(int64_t value) : value(value) {}
  int64_t value;
};

// "raise <Type>: <message>".
rt::Str error_text(rt::Exception* e);
// Prints "<label>: <host>" when host == ll, else "<label>: MISMATCH rt=<host> ll=<ll>", and
// counts the mismatches.
void agree(rt::Str label, rt::Str host, rt::Str ll);
int64_t mismatches();

Bytes* to_bytes(rt::Str s);
rt::Str from_bytes(Bytes* b);
// The text between quotes, bytes outside printable ASCII as \xNN.
rt::Str quote(rt::Str s);
rt::Str quote_bytes(Bytes* b);
rt::Str show_bool(bool b);

void check_strings();
void check_builders();
void check_lists();
void check_dicts();
void check_dict_iteration();
