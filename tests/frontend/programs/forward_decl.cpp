// Forward declarations, a subject for the host-vs-graph differential test: within one unit (B is
// used through a pointer by its own base before its definition) and across two units (Registry
// is defined only in forward_decl_registry.cpp; this unit sees `class Registry;`).
#include "forward_decl.h"

class B;

class A : public rt::Object {
 public:
  explicit A(B* b) : b(b) {}
  B* b;
};

class B : public A {
 public:
  B() : A(nullptr) {}
  int64_t x = 1;
};

// Holds a pointer to a class this unit cannot see into.
class Holder : public rt::Object {
 public:
  Registry* registry = nullptr;
};

void report(Registry* registry) {
  rt::print_line(name_of(registry) + rt::Str(": ") + rt::Str::from_int(total(registry)));
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  B* b = rt::make<B>();
  A* a = rt::make<A>(b);
  rt::print_line(rt::Str("a->b->x = ") + rt::Str::from_int(a->b->x + argv->size() - 2));
  Holder* holder = rt::make<Holder>();
  holder->registry = new_registry("plain");
  Registry* doubled = new_registry("doubled");
  for (int64_t i = 1; i <= 4; ++i) {
    Entry* entry = add(holder->registry, i);
    add(entry->owner == holder->registry ? doubled : holder->registry, i * 10);
  }
  report(holder->registry);
  report(doubled);
  return 0;
}
