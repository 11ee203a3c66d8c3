// The codewriter's driver: descriptors, effects, the policy, then one jitcode per JIT-visible
// graph (the portal first), the function table and the portal's description.
#include "internal.h"

namespace rtoolchain::jit::codewriter {

using namespace ir;

CodewriterResult write_jitcodes(const Program& program) {
  CodewriterResult result;
  auto out = std::make_unique<JitProgram>();
  Context cx(program, *out, result.errors);
  if (program.level() != Level::kLow) {
    cx.error(FunctionId(), "", "the codewriter needs a low-level program (run the rtyper first)");
    return result;
  }
  out->ref_constants.push_back({RefConstant::Kind::kNull, "null", kNoIndex, ""});
  build_descrs(cx);
  compute_effects(cx);
  choose_graphs(cx);
  if (!result.errors.empty()) return result;
  // Number the jitcodes: the portal first, then the others by FunctionId.
  cx.jitcode_of.assign(program.num_functions(), kNoIndex);
  std::vector<FunctionId> visible{cx.portal};
  for (uint32_t f = 0; f < program.num_functions(); ++f)
    if (cx.look_inside[f] && FunctionId(f) != cx.portal) visible.push_back(FunctionId(f));
  for (size_t i = 0; i < visible.size(); ++i) cx.jitcode_of[visible[i].index()] = i;
  for (FunctionId fn : visible) {
    const FunctionInfo& info = program.function_info(fn);
    JitCode code;
    code.name = info.name;
    code.function = Context::function_index(fn);
    for (const Param& param : info.params) {
      Kind k = Kind::kVoid;
      kind_of(program, param.type, k);
      code.params.push_back(k);
    }
    kind_of(program, info.result, code.result);
    std::vector<Insn> insns;
    ConstPools pools;
    if (!flatten_graph(cx, fn, insns, pools, code.num_regs)) continue;
    assemble(cx, insns, pools, code);
    for (const Insn& insn : insns) result.num_instructions += !insn.is_label;
    result.num_bytes += code.code.size();
    out->jitcodes.push_back(std::move(code));
  }
  if (!result.errors.empty()) return result;
  build_function_table(cx);
  // The portal.
  const Operation& merge = program.function_info(cx.portal).graph->op(cx.merge_point_op);
  const JitDriverInfo& driver = program.jit_driver_info(program.constant(merge.args[0].constant()).jit_driver());
  PortalInfo& portal = out->portal;
  portal.driver = driver.name;
  portal.jitcode = 0;
  portal.function = Context::function_index(cx.portal);
  portal.is_recursive = driver.flags & kRecursiveDriver;
  FunctionNames names(program, cx.portal);
  const Graph& g = *program.function_info(cx.portal).graph;
  for (size_t i = 1; i < merge.args.size(); ++i) {
    Kind k = Kind::kVoid;
    kind_of(program, program.type_of(g, merge.args[i]), k);
    std::string name = merge.args[i].is_variable() ? names.var(merge.args[i].variable()) : "const";
    if (i - 1 < driver.greens.size()) {
      portal.greens.push_back(k);
      portal.green_names.push_back(name);
    } else {
      portal.reds.push_back(k);
      portal.red_names.push_back(name);
    }
  }
  std::vector<std::string> encoding_errors;
  verify_program(*out, encoding_errors);
  for (const std::string& e : encoding_errors) cx.error(FunctionId(), "", "toolchain bug: " + e);
  if (result.errors.empty()) result.program = std::move(out);
  return result;
}

}  // namespace rtoolchain::jit::codewriter
