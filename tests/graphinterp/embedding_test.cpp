// The embedding API (docs/graphinterp.md, "Embedding"): a call hook replacing one function's
// graph (its outcomes delivered as the callee's), call_raw, heap access by IR entity, and
// reference tags from raw bits.
#include "test_util.h"

namespace {

const char* kProgram = R"(
class Oops : rt::Exception {
}
class Cell : rt::Object {
  field value: i64
}
global total: i64
function hooked(x: i64) -> i64 {
block0(v0: i64):
  v1: i64 = int_mul v0, 2:i64
  goto return(v1)
}
; calls hooked(x) + 1; an Oops from it gives -1
function caller(x: i64) -> i64 {
block0(v0: i64):
  v1: i64 = direct_call @hooked, v0
  switch exception
    normal -> add(v1)
    catch Oops as v2, v3 -> return(-1:i64)
add(v4: i64):
  v5: i64 = int_add v4, 1:i64
  goto return(v5)
}
)";

// Returns x * 10, raises Oops for x == 3, is fatal for x == 4.
struct TenTimes : gi::CallHook {
  gi::Interpreter* interp = nullptr;
  ir::ClassId oops;
  int calls = 0;
  gi::Outcome call(ir::FunctionId, llvm::ArrayRef<gi::Value> args) override {
    ++calls;
    gi::Outcome o;
    if (args[0].as_int() == 3) {
      o.kind = gi::Outcome::kRaised;
      o.exc_class = oops;
      o.value = interp->new_object(oops);
    } else if (args[0].as_int() == 4) {
      o.kind = gi::Outcome::kFatal;
      o.message = "hook says no";
    } else {
      o.value = I(args[0].as_int() * 10);
    }
    return o;
  }
};

}  // namespace

TEST_CASE("embedding: a call hook runs one function in place of its graph") {
  Run run(kProgram);
  TenTimes hook;
  hook.interp = run.interp.get();
  hook.oops = run.program.find_class("Oops");
  CHECK(run.value("caller", {I(5)}).as_int() == 11);  // no hook yet: the graph
  run.interp->set_call_hook(run.program.find_function("hooked"), &hook);
  CHECK(run.value("caller", {I(5)}).as_int() == 51);
  CHECK(run.value("hooked", {I(2)}).as_int() == 20);  // direct calls too
  CHECK(run.value("caller", {I(3)}).as_int() == -1);  // raised in the caller, caught there
  gi::Outcome fatal = run.call("caller", {I(4)});
  CHECK(fatal.kind == gi::Outcome::kFatal);
  CHECK(fatal.message == "hook says no");
  CHECK(hook.calls == 4);
  run.interp->set_call_hook(ir::FunctionId(), nullptr);
  CHECK(run.value("caller", {I(5)}).as_int() == 11);
  // call_raw: the pair only.
  run.interp->set_call_hook(run.program.find_function("hooked"), &hook);
  gi::Outcome raw = run.interp->call_raw(run.program.find_function("hooked"), {I(3)});
  CHECK(raw.kind == gi::Outcome::kRaised);
  CHECK(raw.exc_class == hook.oops);
  CHECK(raw.type_name.empty());
}

TEST_CASE("embedding: fields, globals, arrays and tags by IR entity") {
  Run run(kProgram);
  gi::Interpreter& interp = *run.interp;
  ir::ClassId cell = run.program.find_class("Cell");
  gi::Value object = interp.new_object(cell);
  ir::FieldId value = run.program.find_own_field(cell, "value");
  CHECK(interp.get_field(object, value).as_int() == 0);  // zero-filled
  interp.set_field(object, value, I(7));
  CHECK(interp.field(object, "Cell", "value").as_int() == 7);
  CHECK(interp.identity_hash(object) > 0);
  ir::GlobalId total(0);
  interp.set_global(total, I(9));
  CHECK(interp.get_global(total).as_int() == 9);
  // Tags come from the object, whatever the caller believed.
  CHECK(gi::Interpreter::reference(object.bits).tag == gi::Tag::kObject);
  CHECK(gi::Interpreter::reference(0).is_null());
}
