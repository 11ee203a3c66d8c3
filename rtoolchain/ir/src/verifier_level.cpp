// The verifier's rules per program level (docs/lowlevel.md): which types and operations a level
// admits, and the low level's tables (type-id ranges, layout, array type ids) and invariants
// (quasi-immutable writes announced, immutable prebuilts never written).
#include <algorithm>
#include <set>

#include "text_syntax.h"
#include "verifier.h"

namespace rtoolchain::ir {

namespace {

bool is_power_of_two(uint32_t value) { return value != 0 && (value & (value - 1)) == 0; }

}  // namespace

bool Verifier::type_allowed_at_level(TypeId type) const {
  if (program_.level() == Level::kHigh || !valid_type(type)) return true;
  const Type& t = program_.types().get(type);
  switch (t.kind) {
    // The rtyper lowers enums to their integers, strings and rt containers to the rlib/ll
    // helpers' byte arrays and classes (docs/lowlevel.md).
    case TypeKind::kEnum:
    case TypeKind::kStr:
    case TypeKind::kStrBuilder:
    case TypeKind::kList:
    case TypeKind::kDict:
    case TypeKind::kDictIter: return false;
    case TypeKind::kArray: return type_allowed_at_level(t.item);
    case TypeKind::kFunction:
      return type_allowed_at_level(t.item) &&
             std::all_of(t.params.begin(), t.params.end(), [&](TypeId p) { return type_allowed_at_level(p); });
    default: return true;
  }
}

void Verifier::check_level_type(TypeId type, const std::string& location, const std::string& what) {
  if (!type_allowed_at_level(type))
    report(location, what + " has type " + type_name(type) +
                         ", which the low level does not have (enums are their underlying integer type, "
                         "strings and rt containers the rlib/ll helpers' representations)");
}

void Verifier::check_level_program() {
  if (program_.level() == Level::kHigh) {
    if (program_.class_layout(program_.object_class()).size != 0 || !program_.array_type_ids().empty())
      report("layout", "a high-level program has no layout (it is the rtyper's)");
    return;
  }
  for (uint32_t i = 0; i < program_.num_fields(); ++i) {
    const FieldInfo& field = program_.field_info(FieldId(i));
    std::string owner = field.owner_class.valid() && valid_class(field.owner_class)
                            ? "class " + format_name(program_.class_info(field.owner_class).name)
                            : "struct";
    check_level_type(field.type, owner, "field " + format_name(field.name));
  }
  for (uint32_t i = 0; i < program_.num_globals(); ++i)
    check_level_type(program_.global_info(GlobalId(i)).type,
                     "global " + format_name(program_.global_info(GlobalId(i)).name), "the global");
  for (uint32_t i = 0; i < program_.num_prebuilts(); ++i)
    check_level_type(program_.prebuilt_info(PrebuiltId(i)).type,
                     "prebuilt " + format_name(program_.prebuilt_info(PrebuiltId(i)).name), "the prebuilt object");
  for (uint32_t i = 0; i < program_.num_functions(); ++i) {
    const FunctionInfo& info = program_.function_info(FunctionId(i));
    check_level_type(info.type, "function " + format_name(info.name), "the signature");
  }
  for (uint32_t i = 0; i < program_.num_classes(); ++i)
    for (const MethodDecl& method : program_.class_info(ClassId(i)).methods)
      check_level_type(method.signature, "class " + format_name(program_.class_info(ClassId(i)).name),
                       "method " + format_name(method.name));
  check_type_ids();
  check_layout();
}

// Type ids number the classes in preorder, so a class's range holds exactly its subclasses'
// own ids: the low-level `instanceof` is a range check only when this holds.
void Verifier::check_type_ids() {
  std::set<uint32_t> own_ids;
  uint32_t max_class_id = 0;
  for (uint32_t i = 0; i < program_.num_classes(); ++i) {
    ClassId cls(i);
    const ClassLayout& layout = program_.class_layout(cls);
    std::string location = "layout: class " + format_name(program_.class_info(cls).name);
    if (layout.min_type_id == 0 || layout.max_type_id < layout.min_type_id) {
      report(location, "needs a type id range [typeid, last] with 0 < typeid <= last");
      continue;
    }
    if (!own_ids.insert(layout.min_type_id).second) report(location, "type id " + std::to_string(layout.min_type_id) + " is used twice");
    max_class_id = std::max(max_class_id, layout.max_type_id);
    for (uint32_t j = 0; j < program_.num_classes(); ++j) {
      uint32_t other = program_.class_layout(ClassId(j)).min_type_id;
      bool in_range = other >= layout.min_type_id && other <= layout.max_type_id;
      bool subclass = program_.is_subclass(ClassId(j), cls);
      if (in_range != subclass) {
        report(location, "the range " + std::to_string(layout.min_type_id) + ".." + std::to_string(layout.max_type_id) +
                             (subclass ? " misses the subclass " : " holds the non-subclass ") +
                             format_name(program_.class_info(ClassId(j)).name));
        break;
      }
    }
  }
  for (uint32_t id = 1; id <= max_class_id && own_ids.size() == program_.num_classes(); ++id)
    if (!own_ids.count(id)) {
      report("layout", "class type ids must be 1..N without gaps; " + std::to_string(id) + " is missing");
      break;
    }
  std::set<uint32_t> array_ids;
  std::set<uint32_t> array_types;
  for (const ArrayTypeId& entry : program_.array_type_ids()) {
    std::string location = "layout: array " + (valid_type(entry.array_type) ? type_name(entry.array_type) : "?");
    if (!valid_type(entry.array_type) || program_.types().kind(entry.array_type) != TypeKind::kArray) {
      report(location, "is not an array type");
      continue;
    }
    if (!array_types.insert(entry.array_type.index()).second) report(location, "has two type ids");
    if (entry.type_id <= max_class_id || !array_ids.insert(entry.type_id).second)
      report(location, "type id " + std::to_string(entry.type_id) + " is not above the classes' or is used twice");
  }
  for (uint32_t t = 0; t < program_.types().size(); ++t)
    if (program_.types().kind(TypeId(t)) == TypeKind::kArray && !array_types.count(t) &&
        type_allowed_at_level(TypeId(t)))
      report("layout", "the array type " + type_name(TypeId(t)) + " has no type id");
}

void Verifier::check_layout() {
  // Fields at offsets that fit their type's size and alignment, in order, without overlap.
  auto check_fields = [&](const std::vector<FieldId>& fields, uint32_t start, uint32_t size,
                          const std::string& location) {
    uint32_t end = start;
    for (FieldId field : fields) {
      const FieldInfo& info = program_.field_info(field);
      MachineLayout machine = program_.machine_layout(info.type);
      uint32_t offset = program_.field_offset(field);
      if (offset < end || offset % std::max(machine.align, 1u) != 0 || offset + machine.size > size)
        report(location, "field " + format_name(info.name) + " at offset " + std::to_string(offset) +
                             " overlaps, is misaligned or lies outside the object");
      end = std::max(end, offset + machine.size);
    }
  };
  for (uint32_t i = 0; i < program_.num_structs(); ++i) {
    const StructLayout& layout = program_.struct_layout(StructId(i));
    std::string location = "layout: struct " + format_name(program_.struct_info(StructId(i)).name);
    if (!is_power_of_two(layout.align) || layout.size % layout.align != 0) {
      report(location, "needs a power-of-two alignment that divides its size");
      continue;
    }
    check_fields(program_.struct_info(StructId(i)).fields, 0, layout.size, location);
  }
  for (uint32_t i = 0; i < program_.num_classes(); ++i) {
    ClassId cls(i);
    const ClassInfo& info = program_.class_info(cls);
    const ClassLayout& layout = program_.class_layout(cls);
    std::string location = "layout: class " + format_name(info.name);
    if (!is_power_of_two(layout.align) || layout.align < kGcHeaderSize || layout.size % layout.align != 0 ||
        layout.size < kGcHeaderSize) {
      report(location, "needs the 8-byte header, a power-of-two alignment of at least 8 dividing its size");
      continue;
    }
    // The base's fields keep their offsets: a subclass pointer is a valid base pointer.
    uint32_t start = kGcHeaderSize;
    if (info.base.valid() && valid_class(info.base)) {
      start = program_.class_layout(info.base).size;
      if (layout.size < start) report(location, "is smaller than its base class");
    }
    check_fields(info.fields, start, layout.size, location);
  }
}

void Verifier::check_level_op(OpId id) {
  const Operation& op = graph_->op(id);
  const OpInfo& info = op_info(op.opcode);
  if (!info.allowed_at(program_.level())) {
    report_op(id, "is a " + std::string(program_.level() == Level::kHigh ? "low" : "high") +
                      "-level operation, the program is " + level_name(program_.level()).str() + " level");
    return;
  }
  auto immutable_prebuilt = [&](Value v) {
    if (!v.is_constant() || !valid_constant(v.constant())) return false;
    const Constant& c = program_.constant(v.constant());
    return c.kind == ConstKind::kPrebuilt && c.entity < program_.num_prebuilts() &&
           (program_.prebuilt_info(c.prebuilt()).flags & kImmutablePrebuilt);
  };
  if ((op.opcode == Opcode::setarrayitem || op.opcode == Opcode::setfield || op.opcode == Opcode::array_setitem ||
       op.opcode == Opcode::array_fill || op.opcode == Opcode::list_setitem) &&
      !op.args.empty() && immutable_prebuilt(op.args[0]))
    report_op(id, "writes to an immutable prebuilt object");
  if (op.opcode == Opcode::debug_assert && op.args.size() == 2 && !op.args[1].is_constant())
    report_op(id, "the message must be a constant");
}

void Verifier::check_level_block(BlockId id) {
  if (program_.level() != Level::kLow) return;
  const Block& block = graph_->block(id);
  for (VarId var : block.inputargs)
    if (valid_var(var) && !type_allowed_at_level(graph_->variable(var).type))
      report(printer_->block_name(id), "an argument has type " + type_name(graph_->variable(var).type) +
                                           ", which the low level does not have");
  for (size_t i = 0; i < block.operations.size(); ++i) {
    const Operation& op = graph_->op(block.operations[i]);
    if (valid_var(op.result) && !type_allowed_at_level(graph_->variable(op.result).type))
      report_op(block.operations[i], "the result has type " + type_name(graph_->variable(op.result).type) +
                                         ", which the low level does not have");
    // A write to a quasi-immutable field is announced right before, on the same object, so
    // the JIT can invalidate the code that folded the old value.
    if (op.opcode == Opcode::setfield && op.args.size() == 3 && op.args[1].is_constant() &&
        valid_constant(op.args[1].constant())) {
      const Constant& field = program_.constant(op.args[1].constant());
      if (field.kind != ConstKind::kField || field.entity >= program_.num_fields() ||
          !(program_.field_info(field.field()).flags & kQuasiImmutableField))
        continue;
      bool announced = false;
      if (i > 0) {
        const Operation& before = graph_->op(block.operations[i - 1]);
        announced = before.opcode == Opcode::jit_force_quasi_immutable && before.args.size() == 2 &&
                    before.args[0] == op.args[0] && before.args[1] == op.args[1];
      }
      if (!announced)
        report_op(block.operations[i],
                  "writes a quasi-immutable field without jit_force_quasi_immutable on the same object and field "
                  "right before");
    }
  }
}

}  // namespace rtoolchain::ir
