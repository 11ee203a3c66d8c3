// Annotation: the public queries over the annotator's results, and annotate().
#include "engine.h"

namespace rtoolchain::annotator {

using namespace ir;

std::string AnnotatorError::to_string() const {
  if (function.empty()) return "error: " + location + ": " + message;
  return "error: function " + function + ": " + location + ": " + message;
}

Annotation::Annotation() : impl_(std::make_unique<Impl>()) {}
Annotation::Annotation(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Annotation::~Annotation() = default;
Annotation::Annotation(Annotation&&) noexcept = default;
Annotation& Annotation::operator=(Annotation&&) noexcept = default;

const Program& Annotation::program() const { return *impl_->program; }
llvm::ArrayRef<AnnotatorError> Annotation::errors() const { return impl_->errors; }

bool Annotation::is_reachable(FunctionId function) const {
  const FunctionState& fs = impl_->functions[function.index()];
  return fs.reached || fs.called;
}

bool Annotation::is_reachable(FunctionId function, BlockId block) const {
  const FunctionState& fs = impl_->functions[function.index()];
  return fs.reached && block.index() < fs.block_reached.size() && fs.block_reached[block.index()];
}

const Fact& Annotation::fact(FunctionId function, VarId var) const {
  static const Fact kBottom;
  const FunctionState& fs = impl_->functions[function.index()];
  if (!fs.reached || var.index() >= fs.vars.size()) return kBottom;
  return fs.vars[var.index()];
}

const Fact& Annotation::return_fact(FunctionId function) const {
  static const Fact kBottom;
  const Graph* g = impl_->program->function_info(function).graph.get();
  if (!g) return kBottom;
  return fact(function, g->block(g->return_block()).inputargs[0]);
}

bool Annotation::is_instantiated(ClassId cls) const { return impl_->instantiated[cls.index()] != 0; }

bool Annotation::is_constructor(FunctionId function) const {
  return impl_->functions[function.index()].constructs.valid();
}

const FieldFacts& Annotation::field(FieldId field) const { return impl_->fields[field.index()]; }
size_t Annotation::num_sites() const { return impl_->sites.size(); }
const SiteInfo& Annotation::site(SiteId site) const { return impl_->sites[site.index()]; }

SiteId Annotation::site_of(FunctionId function, OpId op) const {
  auto found = impl_->op_sites.find({function.index(), op.index()});
  return found == impl_->op_sites.end() ? SiteId() : found->second;
}

SiteId Annotation::site_of(PrebuiltId prebuilt) const { return impl_->prebuilt_sites[prebuilt.index()]; }

llvm::ArrayRef<FunctionId> Annotation::call_targets(FunctionId function, OpId op) const {
  const FunctionState& fs = impl_->functions[function.index()];
  auto found = fs.call_targets.find(op.index());
  if (found == fs.call_targets.end()) return {};
  return found->second;
}

size_t Annotation::num_call_edges() const { return impl_->num_call_edges; }

llvm::ArrayRef<FunctionId> Annotation::callees(FunctionId function) const {
  return impl_->functions[function.index()].callees;
}

const EffectInfo& Annotation::effects(FunctionId function) const {
  return impl_->functions[function.index()].effects;
}

Annotation annotate(const Program& program) {
  auto impl = std::make_unique<Annotation::Impl>();
  impl->program = &program;
  Engine(*impl).run();
  check_immutability(*impl);
  check_immutable_items(*impl);
  compute_effects(*impl);
  return Annotation(std::move(impl));
}

}  // namespace rtoolchain::annotator
