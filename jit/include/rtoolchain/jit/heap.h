// The JIT's one interface to memory, allocation, calls and the GC (docs/jit.md, "Seams").
// RPython spreads this over the CPU's bh_* primitives and GcLLDescr; here it is one small
// abstract class so that the JIT run time (tracer, blackhole, interpreting backend) works
// unchanged over
//   - low-level graph mode (jit/llgraph: objects are graph-mode heap objects, calls run graphs),
//   - a translated VM (raw memory at the layout's offsets, calls through the function table),
// and so that a precise, moving GC can replace Boehm later without touching the JIT.
//
// Exceptions cross this interface as the pending-exception pair of docs/backend.md: a call
// that raises returns CallResult::raised with the exception's type id and object; the JIT never
// sees a C++ exception.
#pragma once

#include <cstddef>
#include <cstdint>

#include "rtoolchain/jit/descr.h"
#include "rtoolchain/jit/kinds.h"

namespace rtoolchain::jit {

// Arguments of a call grouped by kind (CallDescr's convention).
struct CallArgs {
  const int64_t* ints = nullptr;
  size_t num_ints = 0;
  const GcRef* refs = nullptr;
  size_t num_refs = 0;
  const double* floats = nullptr;
  size_t num_floats = 0;
};

struct CallResult {
  AnyValue value = AnyValue::of_int(0);  // by the CallDescr's result kind; unset when raised
  bool raised = false;
  int64_t exc_type = 0;    // the type id of the class as raised (rcpp.md X5), which links test
  GcRef exc_value = kNullRef;
};

class JitHeap {
 public:
  virtual ~JitHeap() = default;

  const DescrTable& descrs() const { return *descrs_; }

  // --- Fields. The object is non-null: the caller guards (a null here is a toolchain bug). ----
  virtual int64_t get_int_field(GcRef object, const FieldDescr& field) = 0;
  virtual GcRef get_ref_field(GcRef object, const FieldDescr& field) = 0;
  virtual double get_float_field(GcRef object, const FieldDescr& field) = 0;
  virtual void set_int_field(GcRef object, const FieldDescr& field, int64_t value) = 0;
  virtual void set_ref_field(GcRef object, const FieldDescr& field, GcRef value) = 0;
  virtual void set_float_field(GcRef object, const FieldDescr& field, double value) = 0;

  // --- Arrays. Indices are in range: the low-level program checks them before (rtyper). ----
  virtual int64_t array_length(GcRef array, const ArrayDescr& descr) = 0;
  virtual int64_t get_int_item(GcRef array, const ArrayDescr& descr, int64_t index) = 0;
  virtual GcRef get_ref_item(GcRef array, const ArrayDescr& descr, int64_t index) = 0;
  virtual double get_float_item(GcRef array, const ArrayDescr& descr, int64_t index) = 0;
  virtual void set_int_item(GcRef array, const ArrayDescr& descr, int64_t index, int64_t v) = 0;
  virtual void set_ref_item(GcRef array, const ArrayDescr& descr, int64_t index, GcRef v) = 0;
  virtual void set_float_item(GcRef array, const ArrayDescr& descr, int64_t index, double v) = 0;

  // --- Allocation: zeroed (null refs, 0, 0.0), the header's type id set. ----------------------
  virtual GcRef new_object(const SizeDescr& size) = 0;
  virtual GcRef new_array(const ArrayDescr& descr, int64_t length) = 0;
  // The type id in an object's header (gc_typeid; guard_class compares it).
  virtual uint32_t type_id_of(GcRef object) = 0;
  // The identity hash the interpreter would compute (gc_identityhash).
  virtual int64_t identity_hash(GcRef object) = 0;

  // --- Calls: `function` is an index into descrs().functions (a function-pointer value). -----
  virtual CallResult call(const CallDescr& descr, int64_t function, const CallArgs& args) = 0;

  // --- Globals (added with the codewriter; not pure so that heaps without globals need not
  // implement them: the defaults report a toolchain bug). -----------------------------------------
  virtual int64_t get_int_global(const GlobalDescr& global);
  virtual GcRef get_ref_global(const GlobalDescr& global);
  virtual double get_float_global(const GlobalDescr& global);
  virtual void set_int_global(const GlobalDescr& global, int64_t value);
  virtual void set_ref_global(const GlobalDescr& global, GcRef value);
  virtual void set_float_global(const GlobalDescr& global, double value);

  // --- The GC side. Storage outside the GC heap that holds GcRefs the JIT keeps (trace
  // constants, dead frames, resume data's constants, blackhole registers) must come from here,
  // so the collector sees it; with Boehm it is uncollectable, scanned memory. ---------------------
  virtual GcRef* allocate_roots(size_t count) = 0;  // zeroed
  virtual void free_roots(GcRef* roots) = 0;

 protected:
  explicit JitHeap(const DescrTable& descrs) : descrs_(&descrs) {}

 private:
  const DescrTable* descrs_;
};

}  // namespace rtoolchain::jit
