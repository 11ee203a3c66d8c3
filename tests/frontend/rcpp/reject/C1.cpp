// Rejected by rule C1 of docs/rcpp.md.
#include "rt/rt.h"

struct Node {
  Node* next = nullptr;
  int64_t v = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Node n{};
  return n.v;
}
