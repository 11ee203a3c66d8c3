// One function's graph as Graphviz dot text: a box per block with its operations, an edge per
// link labelled with its case and arguments. Names are those of the text printer.
#include "printer.h"
#include "rtoolchain/ir/ir.h"

namespace rtoolchain::ir {
namespace {

// A dot string literal's contents; `\l` ends a left-aligned line, so it is written separately.
std::string escape(llvm::StringRef text) {
  std::string escaped;
  for (char c : text) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

}  // namespace

void print_dot(const Program& program, FunctionId function, llvm::raw_ostream& out) {
  FunctionPrinter printer(program, function);
  const FunctionInfo& info = program.function_info(function);
  out << "digraph \"" << escape(info.name) << "\" {\n"
      << "  node [shape=box, fontname=\"monospace\"];\n"
      << "  edge [fontname=\"monospace\"];\n";
  const Graph* graph = info.graph.get();
  if (!graph) {
    out << "}\n";
    return;
  }
  bool returns = false, raises = false;
  for (BlockId block : printer.block_order()) {
    const Block& data = graph->block(block);
    out << "  \"" << printer.block_name(block) << "\" [label=\"" << escape(printer.block_header(block)) << "\\l";
    for (OpId op : data.operations) out << "  " << escape(printer.op_text(op)) << "\\l";
    if (data.exitswitch.is_variable())
      out << "  switch " << printer.var_name(data.exitswitch.variable()) << "\\l";
    else if (data.exitswitch.is_last_exception())
      out << "  switch exception\\l";
    out << "\"];\n";
    for (LinkId link : data.exits) {
      const Link& edge = graph->link(link);
      returns |= edge.target == graph->return_block();
      raises |= edge.target == graph->except_block();
      out << "  \"" << printer.block_name(block) << "\" -> \"" << printer.block_name(edge.target)
          << "\" [label=\"" << escape(printer.link_label(link)) << "\"";
      if (edge.exitcase.kind() == ExitCase::Kind::kException) out << ", style=dashed";
      out << "];\n";
    }
  }
  if (returns) out << "  \"return\" [shape=oval];\n";
  if (raises) out << "  \"except\" [shape=oval];\n";
  out << "}\n";
}

}  // namespace rtoolchain::ir
