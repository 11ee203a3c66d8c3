// The definition of Registry, which forward_decl.cpp only knows as `class Registry;`.
#include "forward_decl.h"

class Registry : public rt::Object {
 public:
  explicit Registry(rt::Str name) : name(name), entries(rt::make<rt::List<Entry*>>()) {}
  virtual int64_t weight(Entry* entry) const { return entry->value; }
  rt::Str name;
  rt::List<Entry*>* entries;
};

class DoublingRegistry : public Registry {
 public:
  explicit DoublingRegistry(rt::Str name) : Registry(name) {}
  int64_t weight(Entry* entry) const override { return 2 * entry->value; }
};

Registry* new_registry(rt::Str name) {
  if (name.starts_with("double")) return rt::make<DoublingRegistry>(name);
  return rt::make<Registry>(name);
}

Entry* add(Registry* registry, int64_t value) {
  Entry* entry = rt::make<Entry>(registry, value);
  registry->entries->append(entry);
  return entry;
}

int64_t total(Registry* registry) {
  int64_t sum = 0;
  for (Entry* entry : *registry->entries) sum += registry->weight(entry);
  return sum;
}

rt::Str name_of(Registry* registry) { return registry->name; }
