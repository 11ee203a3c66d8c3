// The graph interpreter's private state and helpers, shared by its source files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringMap.h>

#include "heap.h"
#include "rtoolchain/graphinterp/graphinterp.h"
#include "rtoolchain/ir/ir.h"

namespace rtoolchain::graphinterp {

using Operand = ir::Value;

// Thrown (as C++ exceptions, never caught by an rt::Exception* handler) to leave the
// interpreter: a null dereference (rule M9), rt::os::exit, a problem of the program that the
// verifier does not catch (an external without a graph-mode implementation, an abstract call).
struct FatalError {
  std::string message;
};
struct ExitRequest {
  int64_t status;
};
struct GraphError {
  std::string message;
};
// Thrown out of a key-traits callback whose graph raised: the pending exception is set, the
// dict operation around it turns it back into a raise.
struct PendingRaise {};

// Everything the collector must see: reachable from a static list (in .bss, which Boehm
// scans), wherever the Interpreter itself lives.
struct GcRoots {
  GcRoots* next = nullptr;
  GcRoots* prev = nullptr;
  Value* globals = nullptr;
  Value* constants = nullptr;
  Value* prebuilts = nullptr;
  Value exc_class, exc_value;  // the pending exception
};

struct Interpreter::Impl {
  explicit Impl(const ir::Program& program);
  ~Impl();

  const ir::Program& program;
  Observer* observer = nullptr;
  // Interpreter::set_call_hook: calls of `hooked` go to `hook`.
  ir::FunctionId hooked;
  CallHook* hook = nullptr;
  // Interpreter::set_merge_point_hook.
  MergePointHook* merge_hook = nullptr;
  GcRoots* roots;
  int64_t next_identity = 1;
  int64_t depth = 0;         // graph and external calls in progress
  int64_t nested_runs = 0;   // native nesting of `run` (see exec.cpp)
  static constexpr int64_t kMaxNestedRuns = 1000;
  // Layout: each field's slot in its class's (or struct's) array, each class's field types.
  std::vector<uint32_t> field_slot;
  std::vector<std::vector<ir::TypeId>> class_slots;
  std::vector<uint8_t> constant_ready;
  std::vector<uint32_t> link_scratch;  // per function: 1 + the most arguments a link passes
  llvm::DenseMap<uint64_t, ir::FunctionId> method_cache;  // (class, method const) -> impl
  ir::FieldId message_field, errno_field;

  // --- Low-level programs (docs/graphinterp.md): a string is a byte array there. ------------------
  bool low_level = false;
  // A string as the program represents it: an rt::Str value, or at the low level a new byte
  // array of i8 integers.
  Value make_text(rt::Str text);
  // The bytes of a string of either representation.
  rt::Str text_of(Value text) const;
  Value make_low_level_str_list(llvm::ArrayRef<std::string> items);

  // --- Values. ---------------------------------------------------------------------------------
  Value constant(ir::ConstId id);
  Value zero_value(ir::TypeId type);
  Value new_object(ir::ClassId cls);
  GList* new_list();
  GDict* new_dict(ir::TypeId dict_type);
  int64_t identity_of(Value ref) const;
  template <class T> T* stamp(T* object) {
    object->identity = next_identity++;
    return object;
  }
  // The integer layout of an integer, enum or bool type.
  ir::IntegerLayout layout(ir::TypeId type) const;
  // Truncates/extends a 64-bit value to the type's width and signedness.
  int64_t normalize(int64_t value, ir::TypeId type) const;

  // --- Exceptions. -------------------------------------------------------------------------------
  // Sets the pending exception; callers then return false.
  void set_pending(Value cls, Value object) {
    roots->exc_class = cls;
    roots->exc_value = object;
  }
  void raise_rt(ir::RtException kind, rt::Str message);
  // Turns an exception thrown by rt code into a graph-mode object of the same class.
  void raise_from_host(rt::Exception* error);
  [[noreturn]] void null_dereference();
  // The dynamic type_name() of an exception object (its virtual method, called as a graph).
  std::string exception_type_name(Value exception);

  // --- Calls. -------------------------------------------------------------------------------------
  // Returns false when the callee raised (the pending exception is set). Counts the call in
  // `depth`; past kMaxCallDepth it raises RecursionError instead.
  bool call(ir::FunctionId fn, const Value* args, size_t num_args, Value& result);
  bool check_depth();
  // A call of the hooked function: the hook's outcome delivered as a callee's.
  [[gnu::noinline]] bool call_hooked(ir::FunctionId fn, const Value* args, size_t num_args, Value& result);
  // A jit_merge_point or can_enter_jit with a merge-point hook set: true when the frame leaves
  // (its block was set to the return or except block, their arguments written).
  [[gnu::noinline]] bool at_merge_point(const ir::Graph& graph, const ir::Operation& op, Value* vars,
                                        ir::BlockId& block);
  // Runs a graph function, and the graphs it calls, on an explicit frame stack.
  bool run(ir::FunctionId fn, const Value* args, size_t num_args, Value& result);
  // A frame's variables in GC memory, the arguments in the start block's; `temp` gets room for
  // the arguments of any link of the graph.
  Value* new_frame(ir::FunctionId fn, const Value* args, size_t num_args, Value** temp);
  // Turns what rt code throws into a pending exception, as operations do.
  [[gnu::noinline]] bool call_external(ir::FunctionId fn, const Value* args, size_t num_args, Value& result);
  ir::FunctionId resolve_virtual(Value receiver, ir::ConstId method);
  // The callee and arguments (in GC memory) of a direct, indirect or virtual call.
  struct PreparedCall {
    ir::FunctionId function;
    Value* args = nullptr;
    size_t num_args = 0;
  };
  [[gnu::noinline]] PreparedCall prepare_call(const ir::Graph& graph, const ir::Operation& op, Value* vars);

  // --- Operations (ops_*.cpp): false when the operation raised. ------------------------------------
  bool exec_op(const ir::Graph& graph, const ir::Operation& op, Value* vars);
  Value operand(const ir::Graph&, Operand v, Value* vars) {
    return v.is_variable() ? vars[v.variable().index()] : constant(v.constant());
  }
  ir::TypeId type_of(const ir::Graph& graph, Operand v) const { return program.type_of(graph, v); }
  bool exec_scalar(const ir::Graph& graph, const ir::Operation& op, Value* vars, Value& result, bool& handled);
  bool exec_container(const ir::Graph& graph, const ir::Operation& op, Value* vars, Value& result, bool& handled);
  bool exec_object(const ir::Graph& graph, const ir::Operation& op, Value* vars, Value& result, bool& handled);
  // The low-level operations, and the class tests of low-level programs (ops_lowlevel.cpp).
  bool exec_lowlevel(const ir::Graph& graph, const ir::Operation& op, Value* vars, Value& result, bool& handled);
};

// Sets the dict whose traits DynKeyTraits uses, for the duration of one dict operation.
class DictScope {
 public:
  DictScope(Interpreter::Impl& impl, GDict* dict);
  ~DictScope();

 private:
  Interpreter::Impl* impl_;
  uint32_t traits_;
  DictScope* saved_;
  friend struct DynKeyTraits;
};

}  // namespace rtoolchain::graphinterp
