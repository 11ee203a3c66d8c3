// The descriptor table from the low-level program's layout block: a field descriptor per class
// field, an array descriptor per GC array type, a size descriptor per class, a global
// descriptor per global, a call descriptor per function (and per indirect-call target set).
#include <algorithm>

#include "internal.h"

namespace rtoolchain::jit::codewriter {

using namespace ir;

bool kind_of(const Program& program, TypeId type, Kind& kind) {
  switch (program.types().kind(type)) {
    case TypeKind::kVoid: kind = Kind::kVoid; return true;
    case TypeKind::kBool: case TypeKind::kInt: case TypeKind::kEnum: case TypeKind::kFunction:
    case TypeKind::kClassRef:
      kind = Kind::kInt;
      return true;
    case TypeKind::kFloat: kind = Kind::kFloat; return true;
    case TypeKind::kPointer: case TypeKind::kArray: kind = Kind::kRef; return true;
    default: return false;
  }
}

MemType memtype_of(const Program& program, TypeId type) {
  MemType t;
  if (!kind_of(program, type, t.kind)) return t;
  switch (program.types().kind(type)) {
    case TypeKind::kBool: t.size = 1; t.is_signed = false; break;
    case TypeKind::kInt: case TypeKind::kEnum: {
      IntegerLayout l = *program.integer_layout(type);
      t.size = uint8_t(l.bits / 8);
      t.is_signed = l.is_signed;
      break;
    }
    case TypeKind::kClassRef: t.size = 4; t.is_signed = false; break;
    case TypeKind::kVoid: t.size = 0; break;
    default: t.size = 8;
  }
  return t;
}

namespace {

std::string signature_text(const std::vector<Kind>& args, Kind result) {
  std::string text = "(";
  for (size_t i = 0; i < args.size(); ++i) text += std::string(i ? " " : "") + kind_letter(args[i]);
  return text + ") -> " + kind_letter(result);
}

EffectInfo to_effect_info(Context& cx, const FunctionEffects& e, uint32_t flags, bool can_raise) {
  EffectInfo info;
  for (unsigned f : e.fields_read.set_bits()) info.read_fields.push_back(f);
  for (unsigned f : e.fields_written.set_bits()) info.write_fields.push_back(f);
  for (unsigned a : e.arrays_read.set_bits()) info.read_arrays.push_back(a);
  for (unsigned a : e.arrays_written.set_bits()) info.write_arrays.push_back(a);
  info.can_collect = e.allocates || e.random;
  info.can_invalidate = e.writes_quasi_immutable || e.random;
  using X = EffectInfo::Extra;
  if (flags & kElidable) info.extra = can_raise ? X::kElidableCanRaise : X::kElidableCannotRaise;
  else if (flags & kLoopInvariant) info.extra = X::kLoopInvariant;
  else if (e.random) info.extra = X::kRandomEffects;
  else info.extra = can_raise ? X::kCanRaise : X::kCannotRaise;
  (void)cx;
  return info;
}

}  // namespace

uint32_t calldescr_for_targets(Context& cx, const std::vector<uint32_t>& targets) {
  auto it = cx.calldescr_of_targets.find(targets);
  if (it != cx.calldescr_of_targets.end()) return it->second;
  const Program& p = cx.program;
  FunctionEffects all = cx.effects[targets[0] - 1];
  bool can_raise = false;
  uint32_t flags = ~0u;
  for (uint32_t t : targets) {
    FunctionId fn(t - 1);
    const FunctionEffects& e = cx.effects[fn.index()];
    merge_effects(all, e);  // all.can_raise is not used: `can_raise` honours kNoThrow
    uint32_t fflags = p.function_info(fn).flags;
    can_raise |= e.can_raise && !(fflags & kNoThrow);
    flags &= fflags;
  }
  const FunctionInfo& first = p.function_info(FunctionId(targets[0] - 1));
  CallDescr d;
  d.index = cx.out.descrs.calls.size();
  for (const Param& param : first.params) {
    Kind k = Kind::kVoid;
    kind_of(p, param.type, k);
    d.arg_kinds.push_back(k);
    d.arg_types.push_back(memtype_of(p, param.type));
  }
  d.result = memtype_of(p, first.result);
  d.name = signature_text(d.arg_kinds, d.result.kind) + " " + first.name;
  if (targets.size() > 1) d.name += " (+" + std::to_string(targets.size() - 1) + " targets)";
  d.effects = to_effect_info(cx, all, targets.size() == 1 ? flags : 0, can_raise);
  d.effects.oopspec = targets.size() == 1 ? first.oopspec : "";
  cx.out.descrs.calls.push_back(d);
  cx.calldescr_of_targets[targets] = d.index;
  return d.index;
}

uint32_t calldescr_for_unknown(Context& cx, TypeId function_type) {
  const Program& p = cx.program;
  const Type& t = p.types().get(function_type);
  CallDescr d;
  d.index = cx.out.descrs.calls.size();
  for (TypeId param : t.params) {
    Kind k = Kind::kVoid;
    kind_of(p, param, k);
    d.arg_kinds.push_back(k);
    d.arg_types.push_back(memtype_of(p, param));
  }
  d.result = memtype_of(p, t.item);
  d.name = signature_text(d.arg_kinds, d.result.kind) + " <unknown targets>";
  d.effects.extra = EffectInfo::Extra::kRandomEffects;
  cx.out.descrs.calls.push_back(d);
  return d.index;
}

void build_descrs(Context& cx) {
  const Program& p = cx.program;
  DescrTable& d = cx.out.descrs;
  for (uint32_t c = 0; c < p.num_classes(); ++c) {
    ClassId cls(c);
    const ClassInfo& info = p.class_info(cls);
    const ClassLayout& layout = p.class_layout(cls);
    for (FieldId field : info.fields) {
      const FieldInfo& fi = p.field_info(field);
      FieldDescr f;
      f.name = info.name + "." + fi.name;
      f.type = memtype_of(p, fi.type);
      f.offset = p.field_offset(field);
      f.owner_type_id = layout.min_type_id;
      f.owner_last_type_id = layout.max_type_id;
      f.is_immutable = (fi.flags & kImmutableField) || (info.flags & kImmutableClass);
      f.is_quasi_immutable = fi.flags & kQuasiImmutableField;
      f.graph_class = c;
      f.graph_field = field.index();
      // Indexed by FieldId so that the codewriter and the effect sets need no map.
      if (d.fields.size() <= field.index()) d.fields.resize(field.index() + 1);
      f.index = field.index();
      d.fields[field.index()] = f;
    }
    SizeDescr s;
    s.index = c;
    s.name = info.name;
    s.type_id = layout.min_type_id;
    s.size = layout.size;
    s.graph_class = c;
    d.sizes.push_back(s);
  }
  // Struct fields have no descriptor: a gap keeps the indexing by FieldId.
  if (d.fields.size() < p.num_fields()) d.fields.resize(p.num_fields());
  for (size_t i = 0; i < d.fields.size(); ++i)
    if (d.fields[i].index == kNoIndex) {
      d.fields[i].index = i;
      d.fields[i].name = "<struct field " + p.field_info(FieldId(i)).name + ">";
    }
  for (const ArrayTypeId& at : p.array_type_ids()) {
    ArrayDescr a;
    a.index = d.arrays.size();
    a.name = p.type_name(at.array_type);
    a.item = memtype_of(p, p.types().get(at.array_type).item);
    a.type_id = at.type_id;
    a.graph_type = at.array_type.index();
    cx.array_descr_of_type[at.array_type.index()] = a.index;
    d.arrays.push_back(a);
  }
  for (uint32_t g = 0; g < p.num_globals(); ++g) {
    const GlobalInfo& gi = p.global_info(GlobalId(g));
    GlobalDescr gd;
    gd.index = g;
    gd.name = gi.name;
    gd.type = memtype_of(p, gi.type);
    gd.graph_global = g;
    d.globals.push_back(gd);
  }
  // Where exceptions the run time raises itself come from.
  cx.out.exception_message_field = p.find_own_field(p.exception_class(), "message").index();
  auto str_array = cx.array_descr_of_type.find(p.field_info(FieldId(cx.out.exception_message_field)).type.index());
  if (str_array != cx.array_descr_of_type.end()) cx.out.string_array = str_array->second;
#define RT_IR_RT_EXCEPTION(Name) \
  cx.out.rt_exceptions.push_back({#Name, p.rt_exception_class(ir::RtException::k##Name).index()});
#include "rtoolchain/ir/exceptions.def"
}

void build_function_table(Context& cx) {
  const Program& p = cx.program;
  DescrTable& d = cx.out.descrs;
  d.functions.resize(p.num_functions() + 1);
  d.functions[0].name = "<null>";
  for (uint32_t f = 0; f < p.num_functions(); ++f) {
    FunctionEntry& e = d.functions[f + 1];
    e.name = p.function_info(FunctionId(f)).name;
    e.graph_function = f;
    e.jitcode = cx.jitcode_of[f];
    e.calldescr = calldescr_for_targets(cx, {f + 1});
  }
}

}  // namespace rtoolchain::jit::codewriter
