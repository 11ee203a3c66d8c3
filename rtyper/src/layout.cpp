// Object layout and type ids (docs/rtyper.md, "Layout" and "Type ids").
#include <algorithm>

#include "rtoolchain/rtyper/rtyper.h"

namespace rtoolchain::rtyper {

using namespace ir;

namespace {

uint32_t align_to(uint32_t offset, uint32_t align) { return (offset + align - 1) / align * align; }

}  // namespace

std::vector<ClassLayout> number_classes(const Program& program) {
  size_t n = program.num_classes();
  std::vector<std::vector<ClassId>> children(n);
  for (uint32_t c = 0; c < n; ++c) {
    ClassId base = program.class_info(ClassId(c)).base;
    if (base.valid()) children[base.index()].push_back(ClassId(c));  // ClassId order
  }
  std::vector<ClassLayout> layouts(n);
  uint32_t next_id = 1;
  // Preorder without recursion (class trees can be deep): (class, next child to visit).
  std::vector<std::pair<ClassId, size_t>> stack{{program.object_class(), 0}};
  layouts[program.object_class().index()].min_type_id = next_id++;
  while (!stack.empty()) {
    auto& [cls, child] = stack.back();
    if (child < children[cls.index()].size()) {
      ClassId next = children[cls.index()][child++];
      layouts[next.index()].min_type_id = next_id++;
      stack.push_back({next, 0});
      continue;
    }
    layouts[cls.index()].max_type_id = next_id - 1;
    stack.pop_back();
  }
  return layouts;
}

void compute_layout(Program& program) {
  // A struct may hold a struct declared after it: repeat until nothing changes (the nesting is
  // acyclic, so as many passes as structs suffice).
  for (size_t pass = 0; pass <= program.num_structs(); ++pass)
  for (uint32_t s = 0; s < program.num_structs(); ++s) {
    const StructInfo& info = program.struct_info(StructId(s));
    uint32_t offset = 0, align = 1;
    for (FieldId field : info.fields) {
      MachineLayout m = program.machine_layout(program.field_info(field).type);
      offset = align_to(offset, m.align);
      program.set_field_offset(field, offset);
      offset += m.size;
      align = std::max(align, m.align);
    }
    program.set_struct_layout(StructId(s), {align_to(offset, align), align});
  }

  std::vector<ClassLayout> layouts = number_classes(program);
  std::vector<uint8_t> done(program.num_classes(), 0);
  for (uint32_t c = 0; c < program.num_classes(); ++c) {
    std::vector<ClassId> chain;  // c and its bases not laid out yet, derived first
    for (ClassId k(c); k.valid() && !done[k.index()]; k = program.class_info(k).base) chain.push_back(k);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const ClassInfo& info = program.class_info(*it);
      ClassLayout& layout = layouts[it->index()];
      uint32_t offset = kGcHeaderSize, align = kGcHeaderSize;
      if (info.base.valid()) {
        offset = layouts[info.base.index()].size;
        align = layouts[info.base.index()].align;
      }
      for (FieldId field : info.fields) {
        MachineLayout m = program.machine_layout(program.field_info(field).type);
        offset = align_to(offset, m.align);
        program.set_field_offset(field, offset);
        offset += m.size;
        align = std::max(align, m.align);
      }
      layout.size = align_to(offset, align);
      layout.align = align;
      done[it->index()] = 1;
    }
  }
  uint32_t next_id = 1;
  for (uint32_t c = 0; c < program.num_classes(); ++c) {
    program.set_class_layout(ClassId(c), layouts[c]);
    next_id = std::max(next_id, layouts[c].max_type_id + 1);
  }
  for (uint32_t t = 0; t < program.types().size(); ++t)
    if (program.types().kind(TypeId(t)) == TypeKind::kArray && !program.array_type_id(TypeId(t)))
      program.add_array_type_id(TypeId(t), next_id++);
}

}  // namespace rtoolchain::rtyper
