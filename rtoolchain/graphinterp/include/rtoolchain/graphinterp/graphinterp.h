// Graph mode (docs/graphinterp.md): runs an ir::Program's flow graphs with the semantics of the
// rt library, so a whole interpreter runs on its own graphs before any backend exists.
//
//   int64_t status = run_program(program, {"prog", "arg1"});   // like host mode's main()
//
// Objects live on the GC heap (Boehm, through rt::gc): the host runtime must be initialised
// first (rt::init_host_runtime). Standard output goes through rt::print, as in host mode.
#pragma once

#include <bit>
#include <cstdint>
#include <string>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>

#include "rt/str.h"
#include "rtoolchain/ir/ir.h"

namespace rtoolchain::graphinterp {

// What a Value holds. References (kObject .. kStrBuilder) keep a GC pointer in `bits` (0 is
// null); kFunction and kClass keep the entity's index + 1 (0 is a null function pointer).
enum class Tag : uint8_t {
  kNone, kBool, kInt, kFloat, kStr,
  kObject, kList, kArray, kDict, kDictIter, kStrBuilder, kStruct,
  kFunction, kClass,
};

// A graph-mode value: 16 bytes, trivially copyable (rt containers hold it). Integers of every
// width are kept normalised in 64 bits: sign-extended for signed types, zero-extended for
// unsigned ones (so an unsigned value's int64 is its bit pattern, as ir constants store it).
struct Value {
  uint64_t bits = 0;
  Tag tag = Tag::kNone;

  static Value none() { return {}; }
  static Value boolean(bool b) { return {b ? 1u : 0u, Tag::kBool}; }
  static Value integer(int64_t i) { return {static_cast<uint64_t>(i), Tag::kInt}; }
  static Value floating(double d) { return {std::bit_cast<uint64_t>(d), Tag::kFloat}; }
  static Value str(rt::Str s) { return {std::bit_cast<uint64_t>(s), Tag::kStr}; }
  static Value function(ir::FunctionId f) { return {f.valid() ? f.index() + 1u : 0u, Tag::kFunction}; }
  static Value class_ref(ir::ClassId c) { return {c.index() + 1u, Tag::kClass}; }
  static Value ref(Tag tag, const void* p) { return {reinterpret_cast<uint64_t>(p), tag}; }

  bool as_bool() const { return bits != 0; }
  int64_t as_int() const { return static_cast<int64_t>(bits); }
  double as_float() const { return std::bit_cast<double>(bits); }
  rt::Str as_str() const { return std::bit_cast<rt::Str>(bits); }
  ir::FunctionId as_function() const { return bits ? ir::FunctionId(uint32_t(bits - 1)) : ir::FunctionId(); }
  ir::ClassId as_class() const { return bits ? ir::ClassId(uint32_t(bits - 1)) : ir::ClassId(); }
  template <class T> T* as_ptr() const { return reinterpret_cast<T*>(bits); }
  bool is_null() const { return bits == 0; }
};

// How a call ended.
struct Outcome {
  enum Kind { kReturned, kRaised, kFatal, kExited, kError } kind = kReturned;
  Value value;            // kReturned: the result; kRaised: the exception object
  ir::ClassId exc_class;  // kRaised: the exception's class as raised (rcpp.md X5)
  std::string type_name;  // kRaised: the object's dynamic type_name(), e.g. "IndexError"
  std::string message;    // kRaised: its message; kFatal/kError: what happened
  int64_t exit_status = 0;  // kExited (rt::os::exit)
};

// Calls past this depth raise rt::RecursionError (docs/graphinterp.md, "Recursion").
inline constexpr int64_t kMaxCallDepth = 100000;

// Watches a run (rtoolchain run --check-facts asserts the annotator's facts with it). Costs
// one test of a null pointer per block, operation and call when no observer is set.
class Observer {
 public:
  virtual ~Observer() = default;
  // A graph function starts, its parameters set; it ends (returned or raised).
  virtual void on_enter(ir::FunctionId function, const Value* args, size_t num_args) = 0;
  virtual void on_leave(ir::FunctionId function) = 0;
  // Control enters a block (the start block after on_enter, the return block, not the except
  // block), its input arguments set in `vars` (indexed by VarId).
  virtual void on_block(ir::FunctionId function, ir::BlockId block, const Value* vars) = 0;
  // An operation completed without raising; its result, if any, is in `vars`.
  virtual void on_op(ir::FunctionId function, ir::OpId op, const Value* vars) = 0;
};

// What an observer may ask of values: an object's run-time class, a reference's identity (the
// same counter dict hashes use), a list's, array's or dict's length.
ir::ClassId class_of(Value object);
int64_t identity_of(Value ref);

// Runs the calls of one function in place of its graph: the JIT's portal runner in low-level
// graph mode (jit/llgraph). The outcome is delivered as the callee's would be: kReturned gives
// the result, kRaised raises the pair (exc_class, value) in the caller, kFatal, kExited and
// kError end the run as the interpreter's own fatal errors, rt::os::exit and graph-mode errors do.
class CallHook {
 public:
  virtual ~CallHook() = default;
  virtual Outcome call(ir::FunctionId function, llvm::ArrayRef<Value> args) = 0;
};

// Called at the portal's jit_merge_point and can_enter_jit operations: the JIT's hand-over
// point in graph mode (docs/jit.md, "The portal runner"). Separate from CallHook, which replaces
// whole calls. `values` are the operation's greens and reds in the driver's order.
class MergePointHook {
 public:
  enum class Action : uint8_t {
    kContinue,  // go on after the operation
    kRestart,   // `values` were overwritten: set the merge point's variables to them, go on
    kReturn,    // the frame returns `value`
    kRaise,     // the frame raises (`exc_class` as raised, `value`), past its own handlers
    kEnd,       // the whole run ends with `end` (kFatal, kExited or kError), as a CallHook's would
  };
  struct Result {
    Action action = Action::kContinue;
    Value value;
    ir::ClassId exc_class;
    Outcome end;
  };
  virtual ~MergePointHook() = default;
  // can_enter_jit may only answer kContinue.
  virtual Result at_merge_point(bool can_enter_jit, llvm::MutableArrayRef<Value> values) = 0;
};

// One run of a program: its globals, prebuilt objects and identity counter. The program must
// outlive the interpreter and must have verified (the interpreter trusts the verifier).
class Interpreter {
 public:
  explicit Interpreter(const ir::Program& program);
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  Outcome call(ir::FunctionId function, llvm::ArrayRef<Value> args);
  // Every later call is watched by `observer` (not owned; null: none).
  void set_observer(Observer* observer);
  // By name; kError when there is no such function.
  Outcome call(llvm::StringRef function, llvm::ArrayRef<Value> args);

  // Helpers for embedders and tests.
  Value make_str_list(llvm::ArrayRef<std::string> items);
  // A list's or array's items, an object's field (by class and field name).
  int64_t length(Value container);
  Value item(Value container, int64_t index);
  Value field(Value object, llvm::StringRef class_name, llvm::StringRef field_name);
  // The graph-mode identity hash of a reference (a counter, the same on every run).
  int64_t identity_hash(Value ref);

  // --- For embedders that run parts of the program themselves (jit/llgraph). -----------------
  // Every later call of `function` (from a graph, from call(), from a callback) goes to `hook`
  // (not owned) instead of its graph. One hooked function at a time; a null hook removes it.
  void set_call_hook(ir::FunctionId function, CallHook* hook);
  // Every later jit_merge_point / can_enter_jit goes to `hook` (not owned; null: none).
  void set_merge_point_hook(MergePointHook* hook);
  // As call(), but cheaper for a caller that passes exceptions on: kRaised carries only the pair
  // (exc_class, value): no type_name() is called, no message read.
  Outcome call_raw(ir::FunctionId function, llvm::ArrayRef<Value> args);
  // Heap access by IR entity, as the operations do it. A null object or array is a fatal error
  // (thrown as the interpreter's own: only for use inside a call hook or a call made from one).
  Value get_field(Value object, ir::FieldId field);
  void set_field(Value object, ir::FieldId field, Value value);
  void set_item(Value array, int64_t index, Value value);
  Value get_global(ir::GlobalId global);
  void set_global(ir::GlobalId global, Value value);
  // Allocation with the identity counter and zero-filled fields or items (malloc_varsize's).
  Value new_object(ir::ClassId cls);
  Value new_array(ir::TypeId array_type, int64_t length);
  Value constant(ir::ConstId constant);
  // A reference with the tag its object's dynamic type gives (a GC array, an object, ...); a
  // null reference is tagged kObject. Graph mode keeps true tags even where the static type is
  // a base pointer, so conversions from raw bits must use this.
  static Value reference(uint64_t bits);

  struct Impl;  // private to the library

 private:
  Impl* impl_;
};

// Runs the program's entry point with argv (argv[0] is the program name) like host mode's
// main(): flushes stdout, reports an uncaught exception ("<prog>: uncaught rt::<Type>: <msg>")
// or a null dereference ("<prog>: fatal error: ...") on stderr with status 70, and returns the
// exit status. `<prog>` is the file name of argv[0].
int64_t run_program(const ir::Program& program, llvm::ArrayRef<std::string> argv,
                    Observer* observer = nullptr);
// The end of run_program, for embedders that call the entry point themselves: flushes stdout,
// reports an uncaught exception, fatal error or graph-mode error on stderr, returns the status.
int64_t report_outcome(const Outcome& outcome, llvm::StringRef argv0);

}  // namespace rtoolchain::graphinterp
