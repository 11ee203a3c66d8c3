// Shared by forward_decl.cpp and forward_decl_registry.cpp: Registry is only declared here, and
// defined in forward_decl_registry.cpp, so forward_decl.cpp never sees its definition.
#pragma once
#include "rt/rt.h"

class Registry;

class Entry : public rt::Object {
 public:
  Entry(Registry* owner, int64_t value) : owner(owner), value(value) {}
  Registry* owner;
  int64_t value;
};

Registry* new_registry(rt::Str name);
Entry* add(Registry* registry, int64_t value);
int64_t total(Registry* registry);
rt::Str name_of(Registry* registry);
