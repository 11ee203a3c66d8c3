// Accepted by rule C1 of docs/rcpp.md.
#include "rt/rt.h"

class Node : public rt::Object {
 public:
  Node* next = nullptr;
  int64_t v = 0;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Node* n = rt::make<Node>();
  return n->v;
}
