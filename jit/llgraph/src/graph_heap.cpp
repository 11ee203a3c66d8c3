// GraphHeap: the JitHeap over graph-mode objects (docs/jit.md, "Low-level graph mode").
#include "rtoolchain/jit/llgraph.h"

#include "rt/object.h"

namespace rtoolchain::jit::llgraph {

using graphinterp::Outcome;
using graphinterp::Tag;
using graphinterp::Value;

GraphHeap::GraphHeap(const ir::Program& program, const JitProgram& jit, graphinterp::Interpreter& interp)
    : JitHeap(jit.descrs), program_(program), interp_(interp) {
  for (const FieldDescr& f : jit.descrs.fields)
    field_shapes_.push_back(f.graph_field == kNoIndex ? Shape::kVoid
                                                      : shape_of(program.field_info(ir::FieldId(f.graph_field)).type));
  for (const ArrayDescr& a : jit.descrs.arrays)
    item_shapes_.push_back(shape_of(program.types().get(ir::TypeId(a.graph_type)).item));
  for (const GlobalDescr& g : jit.descrs.globals)
    global_shapes_.push_back(shape_of(program.global_info(ir::GlobalId(g.graph_global)).type));
  for (uint32_t c = 0; c < program.num_classes(); ++c) {
    uint32_t id = program.class_layout(ir::ClassId(c)).min_type_id;
    if (class_of_type_id_.size() <= id) class_of_type_id_.resize(id + 1);
    class_of_type_id_[id] = ir::ClassId(c);
  }
}

Shape GraphHeap::shape_of(ir::TypeId type) const {
  switch (program_.types().kind(type)) {
    case ir::TypeKind::kBool: return Shape::kBool;
    case ir::TypeKind::kInt: case ir::TypeKind::kEnum: return Shape::kInt;
    case ir::TypeKind::kFloat: return Shape::kFloat;
    case ir::TypeKind::kFunction: return Shape::kFunction;
    case ir::TypeKind::kClassRef: return Shape::kClass;
    case ir::TypeKind::kPointer: return Shape::kObject;
    case ir::TypeKind::kArray: return Shape::kArray;
    default: return Shape::kVoid;
  }
}

ir::ClassId GraphHeap::class_of_type_id(int64_t type_id) const {
  if (type_id < 0 || size_t(type_id) >= class_of_type_id_.size()) return ir::ClassId();
  return class_of_type_id_[type_id];
}

uint32_t GraphHeap::type_id_of_class(ir::ClassId cls) const { return program_.class_layout(cls).min_type_id; }

Value GraphHeap::to_value(Shape shape, AnyValue v) const {
  switch (shape) {
    case Shape::kBool: return Value::boolean(v.i != 0);
    case Shape::kInt: return Value::integer(v.i);
    case Shape::kFloat: return Value::floating(v.f);
    case Shape::kFunction: return {uint64_t(v.i), Tag::kFunction};  // both are FunctionId + 1
    case Shape::kClass: {
      ir::ClassId cls = class_of_type_id(v.i);
      return cls.valid() ? Value::class_ref(cls) : Value{0, Tag::kClass};
    }
    // Graph mode keeps a reference's true tag whatever the static type says (a pointer to an
    // array may sit in an rt::Object* field), so the object's own type decides.
    case Shape::kObject: return graphinterp::Interpreter::reference(v.r);
    case Shape::kArray: return v.r ? graphinterp::Interpreter::reference(v.r) : Value::ref(Tag::kArray, nullptr);
    case Shape::kVoid: return Value::none();
  }
  return Value::none();
}

AnyValue GraphHeap::from_value(Shape shape, Value v) const {
  switch (shape) {
    case Shape::kFloat: return AnyValue::of_float(v.as_float());
    case Shape::kClass: return AnyValue::of_int(v.is_null() ? 0 : type_id_of_class(v.as_class()));
    default: return AnyValue::of_int(int64_t(v.bits));  // ints, bools, functions, references
  }
}

void GraphHeap::null_dereference() const {
  Outcome outcome;
  outcome.kind = Outcome::kFatal;
  outcome.message = "invalid memory access (null pointer dereference?)";
  throw ProgramEnd{outcome};
}

Value GraphHeap::object(GcRef ref) const {
  if (ref == kNullRef) null_dereference();
  return {ref_bits(ref), Tag::kObject};
}

Value GraphHeap::array(GcRef ref) const {
  if (ref == kNullRef) null_dereference();
  return {ref_bits(ref), Tag::kArray};
}

// --- Fields, items, globals. ---------------------------------------------------------------------

int64_t GraphHeap::get_int_field(GcRef o, const FieldDescr& f) {
  return from_value(field_shapes_[f.index], interp_.get_field(object(o), ir::FieldId(f.graph_field))).i;
}
GcRef GraphHeap::get_ref_field(GcRef o, const FieldDescr& f) {
  return make_ref(interp_.get_field(object(o), ir::FieldId(f.graph_field)).bits);
}
double GraphHeap::get_float_field(GcRef o, const FieldDescr& f) {
  return interp_.get_field(object(o), ir::FieldId(f.graph_field)).as_float();
}
void GraphHeap::set_int_field(GcRef o, const FieldDescr& f, int64_t v) {
  interp_.set_field(object(o), ir::FieldId(f.graph_field), to_value(field_shapes_[f.index], AnyValue::of_int(v)));
}
void GraphHeap::set_ref_field(GcRef o, const FieldDescr& f, GcRef v) {
  interp_.set_field(object(o), ir::FieldId(f.graph_field), to_value(field_shapes_[f.index], AnyValue::of_ref(v)));
}
void GraphHeap::set_float_field(GcRef o, const FieldDescr& f, double v) {
  interp_.set_field(object(o), ir::FieldId(f.graph_field), Value::floating(v));
}

int64_t GraphHeap::array_length(GcRef a, const ArrayDescr&) { return interp_.length(array(a)); }
int64_t GraphHeap::get_int_item(GcRef a, const ArrayDescr& d, int64_t i) {
  return from_value(item_shapes_[d.index], interp_.item(array(a), i)).i;
}
GcRef GraphHeap::get_ref_item(GcRef a, const ArrayDescr&, int64_t i) { return make_ref(interp_.item(array(a), i).bits); }
double GraphHeap::get_float_item(GcRef a, const ArrayDescr&, int64_t i) { return interp_.item(array(a), i).as_float(); }
void GraphHeap::set_int_item(GcRef a, const ArrayDescr& d, int64_t i, int64_t v) {
  interp_.set_item(array(a), i, to_value(item_shapes_[d.index], AnyValue::of_int(v)));
}
void GraphHeap::set_ref_item(GcRef a, const ArrayDescr& d, int64_t i, GcRef v) {
  interp_.set_item(array(a), i, to_value(item_shapes_[d.index], AnyValue::of_ref(v)));
}
void GraphHeap::set_float_item(GcRef a, const ArrayDescr&, int64_t i, double v) {
  interp_.set_item(array(a), i, Value::floating(v));
}

int64_t GraphHeap::get_int_global(const GlobalDescr& g) {
  return from_value(global_shapes_[g.index], interp_.get_global(ir::GlobalId(g.graph_global))).i;
}
GcRef GraphHeap::get_ref_global(const GlobalDescr& g) {
  return make_ref(interp_.get_global(ir::GlobalId(g.graph_global)).bits);
}
double GraphHeap::get_float_global(const GlobalDescr& g) {
  return interp_.get_global(ir::GlobalId(g.graph_global)).as_float();
}
void GraphHeap::set_int_global(const GlobalDescr& g, int64_t v) {
  interp_.set_global(ir::GlobalId(g.graph_global), to_value(global_shapes_[g.index], AnyValue::of_int(v)));
}
void GraphHeap::set_ref_global(const GlobalDescr& g, GcRef v) {
  interp_.set_global(ir::GlobalId(g.graph_global), to_value(global_shapes_[g.index], AnyValue::of_ref(v)));
}
void GraphHeap::set_float_global(const GlobalDescr& g, double v) {
  interp_.set_global(ir::GlobalId(g.graph_global), Value::floating(v));
}

// --- Allocation, type ids, hashes. ---------------------------------------------------------------

GcRef GraphHeap::new_object(const SizeDescr& size) {
  return make_ref(interp_.new_object(ir::ClassId(size.graph_class)).bits);
}
GcRef GraphHeap::new_array(const ArrayDescr& d, int64_t length) {
  return make_ref(interp_.new_array(ir::TypeId(d.graph_type), length).bits);
}
uint32_t GraphHeap::type_id_of(GcRef o) {
  return type_id_of_class(graphinterp::class_of(object(o)));
}
int64_t GraphHeap::identity_hash(GcRef o) {
  return interp_.identity_hash(graphinterp::Interpreter::reference(ref_bits(o)));
}

GcRef* GraphHeap::allocate_roots(size_t count) {
  return static_cast<GcRef*>(rt::gc::alloc_roots(count * sizeof(GcRef)));
}
void GraphHeap::free_roots(GcRef* roots) { rt::gc::free_roots(roots); }

// --- Calls: run the graph; the exception comes back as the pair. ---------------------------------

CallResult GraphHeap::call(const CallDescr& descr, int64_t function, const CallArgs& args) {
  if (function <= 0) null_dereference();  // graph mode: an indirect call through null
  ir::FunctionId fn(uint32_t(function - 1));
  const ir::FunctionInfo& info = program_.function_info(fn);
  // Graph mode's arguments are in parameter order: take each kind's next value.
  std::vector<Value> values;
  values.reserve(info.params.size());
  size_t next[kNumValueKinds] = {0, 0, 0};
  for (const ir::Param& param : info.params) {
    Shape shape = shape_of(param.type);
    if (shape == Shape::kFloat) values.push_back(Value::floating(args.floats[next[2]++]));
    else if (shape == Shape::kObject || shape == Shape::kArray)
      values.push_back(to_value(shape, AnyValue::of_ref(args.refs[next[1]++])));
    else values.push_back(to_value(shape, AnyValue::of_int(args.ints[next[0]++])));
  }
  (void)descr;
  Outcome outcome = interp_.call_raw(fn, values);
  CallResult result;
  switch (outcome.kind) {
    case Outcome::kReturned: result.value = from_value(shape_of(info.result), outcome.value); return result;
    case Outcome::kRaised:
      result.raised = true;
      result.exc_type = type_id_of_class(outcome.exc_class);
      result.exc_value = make_ref(outcome.value.bits);
      return result;
    default: throw ProgramEnd{outcome};
  }
}

void GraphHeap::split_args(ir::FunctionId function, llvm::ArrayRef<Value> args, std::vector<int64_t>& ints,
                           std::vector<GcRef>& refs, std::vector<double>& floats) const {
  const ir::FunctionInfo& info = program_.function_info(function);
  for (size_t i = 0; i < info.params.size(); ++i) {
    Shape shape = shape_of(info.params[i].type);
    if (shape == Shape::kFloat) floats.push_back(args[i].as_float());
    else if (shape == Shape::kObject || shape == Shape::kArray) refs.push_back(make_ref(args[i].bits));
    else if (shape != Shape::kVoid) ints.push_back(from_value(shape, args[i]).i);
  }
}

}  // namespace rtoolchain::jit::llgraph
