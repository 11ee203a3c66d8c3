// The bytecode interpreter and message sending.
#pragma once

#include "objects.h"
#include "universe.h"

namespace som {

// How deeply SOM activations may nest: the VM's own limit, the same in every mode (docs/rcpp.md
// R2), well inside the native stack in every build we test.
constexpr int64_t kMaxDepth = 2500;

// Sends `selector` to args[0] with the other arguments, from the frame `caller` (nullptr at the
// top level); an unknown selector becomes doesNotUnderstand:arguments:.
Value* send(Frame* caller, SSymbol* selector, rt::Array<Value*>* args);
// Runs `invokable` with `args` (receiver first).
Value* invoke(Frame* caller, Invokable* invokable, rt::Array<Value*>* args);
// Runs the block args[0] with the other arguments.
Value* call_block(Frame* caller, SBlock* block, rt::Array<Value*>* args);

// The frames from `frame` outwards, one line each, innermost first.
rt::Str backtrace(Frame* frame);

rt::Array<Value*>* args1(Value* a);
rt::Array<Value*>* args2(Value* a, Value* b);
rt::Array<Value*>* args3(Value* a, Value* b, Value* c);

}  // namespace som
