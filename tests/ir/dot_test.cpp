// The Graphviz printer.
#include "ir_test_support.h"

namespace rtoolchain::ir {
namespace {

TEST_CASE("dot: a graph with a switch, an exception switch and both final blocks", "[dot]") {
  Program program = testing::parse(R"(function f(s: str) -> i64 {
block0(v0: str):
  v1: i64 = str_to_int v0, 10:i64
  switch exception
    normal -> block2(v1)
    catch rt::ValueError as v2, v3 -> except(v2, v3)
block2(v4: i64):
  v5: bool = int_lt v4, 0:i64
  switch v5
    false -> return(v4)
    true -> return(0:i64)
}
)");
  std::string dot = testing::dot_of(program, "f");
  CHECK(dot ==
        "digraph \"f\" {\n"
        "  node [shape=box, fontname=\"monospace\"];\n"
        "  edge [fontname=\"monospace\"];\n"
        "  \"block0\" [label=\"block0(v0: str):\\l  v1: i64 = str_to_int v0, 10:i64\\l  switch exception\\l\"];\n"
        "  \"block0\" -> \"block1\" [label=\"normal (v1)\"];\n"
        "  \"block0\" -> \"except\" [label=\"catch rt::ValueError as v2, v3 (v2, v3)\", style=dashed];\n"
        "  \"block1\" [label=\"block1(v4: i64):\\l  v5: bool = int_lt v4, 0:i64\\l  switch v5\\l\"];\n"
        "  \"block1\" -> \"return\" [label=\"false (v4)\"];\n"
        "  \"block1\" -> \"return\" [label=\"true (0:i64)\"];\n"
        "  \"return\" [shape=oval];\n"
        "  \"except\" [shape=oval];\n"
        "}\n");
  CHECK(dot == testing::dot_of(program, "f"));
}

TEST_CASE("dot: quotes in labels are escaped", "[dot]") {
  Program program = testing::parse(R"(function "q\"uote"() -> str {
block0():
  goto return("a\"b")
}
)");
  CHECK(testing::dot_of(program, "q\"uote") ==
        "digraph \"q\\\"uote\" {\n"
        "  node [shape=box, fontname=\"monospace\"];\n"
        "  edge [fontname=\"monospace\"];\n"
        "  \"block0\" [label=\"block0():\\l\"];\n"
        "  \"block0\" -> \"return\" [label=\"(\\\"a\\\\\\\"b\\\")\"];\n"
        "  \"return\" [shape=oval];\n"
        "}\n");
}

}  // namespace
}  // namespace rtoolchain::ir
