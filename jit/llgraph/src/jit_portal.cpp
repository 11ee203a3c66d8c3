// The graph-mode portal of the JIT (llgraph_jit.h): graph-mode values to MergePointValues and
// back, PortalActions to the graph interpreter's merge-point actions.
#include "rtoolchain/jit/llgraph_jit.h"

#include "rtoolchain/jit/codewriter.h"
#include "rtoolchain/jit/interp_backend.h"
#include "rtoolchain/jit/params.h"
#include "run_support.h"

namespace rtoolchain::jit::llgraph {

using graphinterp::MergePointHook;
using graphinterp::Outcome;
using graphinterp::Value;

namespace {

Kind kind_of_shape(Shape shape) {
  switch (shape) {
    case Shape::kFloat: return Kind::kFloat;
    case Shape::kObject: case Shape::kArray: return Kind::kRef;
    case Shape::kVoid: return Kind::kVoid;
    default: return Kind::kInt;
  }
}

}  // namespace

JitPortal::JitPortal(const ir::Program& program, const JitProgram& jit, GraphHeap& heap, MetaInterp& mi)
    : heap_(heap), mi_(mi), back_edge_values_(&heap) {
  for (size_t d = 0; d < program.num_jit_drivers(); ++d) {
    const ir::JitDriverInfo& driver = program.jit_driver_info(ir::JitDriverId(static_cast<uint32_t>(d)));
    if (driver.name != jit.portal.driver) continue;
    for (ir::TypeId t : driver.greens) {
      shapes_.push_back(heap.shape_of(t));
      is_green_.push_back(true);
      ++num_greens_[static_cast<int>(kind_of_shape(shapes_.back()))];
    }
    for (ir::TypeId t : driver.reds) {
      shapes_.push_back(heap.shape_of(t));
      is_green_.push_back(false);
    }
  }
  result_shape_ = heap.shape_of(program.function_info(ir::FunctionId(jit.portal.function - 1)).result);
}

void JitPortal::to_jit(llvm::ArrayRef<Value> values, MergePointValues& out) const {
  for (int k = 0; k < kNumValueKinds; ++k) out.num_greens[k] = num_greens_[k];
  // Each kind's greens, then its reds, in the driver's order.
  for (int part = 0; part < 2; ++part)
    for (size_t i = 0; i < values.size(); ++i) {
      if (is_green_[i] != (part == 0)) continue;
      AnyValue v = heap_.from_value(shapes_[i], values[i]);
      switch (kind_of_shape(shapes_[i])) {
        case Kind::kInt: out.ints.push_back(v.i); break;
        case Kind::kRef: out.refs.push_back(v.ref()); break;
        case Kind::kFloat: out.floats.push_back(v.f); break;
        case Kind::kVoid: break;
      }
    }
}

MergePointHook::Result JitPortal::at_merge_point(bool can_enter_jit, llvm::MutableArrayRef<Value> values) {
  Result result;
  if (!mi_.enabled() || (!can_enter_jit && !mi_.merge_point_armed())) return result;
  if (can_enter_jit) {
    back_edge_values_.ints.clear();
    back_edge_values_.refs.resize(0);
    back_edge_values_.floats.clear();
    to_jit(values, back_edge_values_);
    mi_.at_can_enter_jit(back_edge_values_);
    return result;
  }
  MergePointValues jv(&heap_);
  to_jit(values, jv);
  try {
    PortalAction action = mi_.at_merge_point(jv);
    switch (action.type) {
      case PortalAction::Type::kContinue: break;
      case PortalAction::Type::kRestart: {
        size_t taken[2][kNumValueKinds] = {{0, 0, 0}, {0, 0, 0}};
        for (size_t i = 0; i < values.size(); ++i) {
          int k = static_cast<int>(kind_of_shape(shapes_[i]));
          if (k >= kNumValueKinds) continue;
          size_t at = is_green_[i] ? taken[0][k]++ : jv.num_greens[k] + taken[1][k]++;
          AnyValue v = k == 0 ? AnyValue::of_int(jv.ints[at])
                       : k == 1 ? AnyValue::of_ref(jv.refs[at])
                                : AnyValue::of_float(jv.floats[at]);
          values[i] = heap_.to_value(shapes_[i], v);
        }
        result.action = Action::kRestart;
        break;
      }
      case PortalAction::Type::kReturn:
        result.action = Action::kReturn;
        if (action.result_kind == Kind::kRef) result.value = graphinterp::Interpreter::reference(ref_bits(action.ref()));
        else if (result_shape_ != Shape::kVoid) result.value = heap_.to_value(result_shape_, action.result);
        break;
      case PortalAction::Type::kRaise:
        result.action = Action::kRaise;
        result.exc_class = heap_.class_of_type_id(action.exc_type);
        result.value = graphinterp::Interpreter::reference(ref_bits(action.ref()));
        break;
    }
  } catch (const ProgramEnd& end) {
    result.action = Action::kEnd;
    result.end = end.outcome;
  }
  return result;
}

int64_t run_program_with_jit(const ir::Program& program, llvm::ArrayRef<std::string> argv, llvm::raw_ostream& errors) {
  JitParams params;
  LogParams log;
  std::string error = load_params_from_environment(params, log);
  if (!error.empty()) {
    errors << "rtoolchain: " << error << "\n";
    return 1;
  }
  codewriter::CodewriterResult written;
  if (!write_jitcodes_or_report(program, written, errors)) return 1;
  const JitProgram& jit = *written.program;
  std::string argv0 = argv.empty() ? "rt" : argv[0];
  Outcome outcome;
  {
    graphinterp::Interpreter interp(program);
    GraphHeap heap(program, jit, interp);
    RootedRefs ref_constants(&heap);
    make_ref_constants(jit, heap, ref_constants,
                       [&](uint32_t c) { return make_ref(interp.constant(ir::ConstId(c)).bits); });
    InterpBackend backend(heap);
    MetaInterp mi(jit, heap, backend, &ref_constants[0], params, log);
    JitPortal portal(program, jit, heap, mi);
    // RTJIT=off: no hook at all, so the run costs what plain graph mode costs.
    if (params.enabled) interp.set_merge_point_hook(&portal);
    outcome = call_entry_point(interp, program, argv);
    interp.set_merge_point_hook(nullptr);
    int64_t status = graphinterp::report_outcome(outcome, argv0);
    mi.report(errors);
    return status;
  }
}

}  // namespace rtoolchain::jit::llgraph
