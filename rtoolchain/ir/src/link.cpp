// link_programs: merges one high-level program into another (docs/ir.md, "Linking"). Entities
// are matched by name (types by structure once their names are matched), an entity both programs
// define must be defined identically — compared on its printed text, which names entities and
// never shows ids — and everything else of `from` is appended to `into` in `from`'s id order,
// graphs copied with every program-wide id translated.
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringRef.h>

#include "printer.h"
#include "rtoolchain/ir/ir.h"
#include "rtoolchain/ir/link.h"

namespace rtoolchain::ir {
namespace {

// The first line where two printed definitions differ, for the error message.
std::string first_difference(llvm::StringRef a, llvm::StringRef b) {
  while (!a.empty() || !b.empty()) {
    auto [line_a, rest_a] = a.split('\n');
    auto [line_b, rest_b] = b.split('\n');
    if (line_a != line_b) {
      auto show = [](llvm::StringRef line) { return line.empty() ? std::string("(nothing)") : "`" + line.trim().str() + "`"; };
      return show(line_a) + " against " + show(line_b);
    }
    a = rest_a;
    b = rest_b;
  }
  return "";
}

class Linker {
 public:
  Linker(Program& into, const Program& from, const LinkFilter& filter) : into_(into), from_(from), filter_(filter) {}

  llvm::Error link() {
    if (into_.level() != Level::kHigh || from_.level() != Level::kHigh)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "link: only high-level programs link (a low-level program's layout and type "
                                     "ids are computed over the whole program)");
    check_conflicts();
    if (!errors_.empty()) {
      std::string message;
      for (const std::string& error : errors_) message += (message.empty() ? "" : "\n") + error;
      return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
    }
    declare();
    define();
    if (from_.entry_point().valid()) into_.set_entry_point(functions_[from_.entry_point().index()]);
    return llvm::Error::success();
  }

 private:
  bool keep(ClassId cls) const {
    return from_.class_info(cls).is_builtin || !filter_.keep_class || filter_.keep_class(cls);
  }
  bool keep(FunctionId fn) const {
    return from_.function_info(fn).is_builtin || !filter_.keep_function || filter_.keep_function(fn);
  }

  // --- Checking, before anything changes: `into` is left as it was when the programs conflict.
  void conflict(llvm::StringRef kind, llvm::StringRef name, const std::string& ours, const std::string& theirs) {
    if (ours == theirs) return;
    errors_.push_back("link: conflicting definitions of " + kind.str() + " " + name.str() + ": " +
                      first_difference(ours, theirs));
  }

  void check_conflicts() {
    if (into_.entry_point().valid() && from_.entry_point().valid())
      errors_.push_back("link: both programs have an entry point (@" + into_.function_info(into_.entry_point()).name +
                        ", @" + from_.function_info(from_.entry_point()).name + ")");
    for (uint32_t i = 0; i < from_.num_classes(); ++i) {
      const ClassInfo& info = from_.class_info(ClassId(i));
      if (info.is_builtin || !keep(ClassId(i))) continue;
      if (ClassId ours = into_.find_class(info.name); ours.valid())
        conflict("class", info.name, declaration_text(into_, ours), declaration_text(from_, ClassId(i)));
      else
        check_type_name_free(info.name, "class");
    }
    for (uint32_t i = 0; i < from_.num_structs(); ++i) {
      const StructInfo& info = from_.struct_info(StructId(i));
      if (StructId ours = into_.find_struct(info.name); ours.valid())
        conflict("struct", info.name, declaration_text(into_, ours), declaration_text(from_, StructId(i)));
      else
        check_type_name_free(info.name, "struct");
    }
    for (uint32_t i = 0; i < from_.num_enums(); ++i) {
      const EnumInfo& info = from_.enum_info(EnumId(i));
      if (EnumId ours = into_.find_enum(info.name); ours.valid())
        conflict("enum", info.name, declaration_text(into_, ours), declaration_text(from_, EnumId(i)));
      else
        check_type_name_free(info.name, "enum");
    }
    for (uint32_t i = 0; i < from_.num_key_traits(); ++i) {
      const KeyTraitsInfo& info = from_.key_traits_info(KeyTraitsId(i));
      if (KeyTraitsId ours = into_.find_key_traits(info.name); ours.valid())
        conflict("key traits", info.name, declaration_text(into_, ours), declaration_text(from_, KeyTraitsId(i)));
      else
        check_type_name_free(info.name, "key traits");
    }
    for (uint32_t i = 0; i < from_.num_jit_drivers(); ++i) {
      const std::string& name = from_.jit_driver_info(JitDriverId(i)).name;
      if (JitDriverId ours = into_.find_jit_driver(name); ours.valid())
        conflict("jitdriver", name, declaration_text(into_, ours), declaration_text(from_, JitDriverId(i)));
    }
    for (uint32_t i = 0; i < from_.num_globals(); ++i) {
      const std::string& name = from_.global_info(GlobalId(i)).name;
      if (GlobalId ours = into_.find_global(name); ours.valid())
        conflict("global", name, declaration_text(into_, ours), declaration_text(from_, GlobalId(i)));
    }
    for (uint32_t i = 0; i < from_.num_prebuilts(); ++i) {
      const std::string& name = from_.prebuilt_info(PrebuiltId(i)).name;
      if (PrebuiltId ours = into_.find_prebuilt(name); ours.valid())
        conflict("prebuilt", name, declaration_text(into_, ours), declaration_text(from_, PrebuiltId(i)));
    }
    for (uint32_t i = 0; i < from_.num_functions(); ++i) {
      const FunctionInfo& info = from_.function_info(FunctionId(i));
      if (info.is_builtin || !keep(FunctionId(i))) continue;
      if (FunctionId ours = into_.find_function(info.name); ours.valid())
        conflict("function", "@" + info.name, declaration_text(into_, ours), declaration_text(from_, FunctionId(i)));
    }
  }

  // Classes, structs, enums and key traits share one namespace.
  void check_type_name_free(llvm::StringRef name, llvm::StringRef kind) {
    if (into_.has_type_name(name))
      errors_.push_back("link: " + name.str() + " is a " + kind.str() + " in one program and another kind of type "
                        "in the other");
  }

  // --- Declaring: every entity of `from` gets its id in `into`, new ones appended in id order.
  void declare() {
    classes_.resize(from_.num_classes());
    for (uint32_t i = 0; i < from_.num_classes(); ++i)
      if (keep(ClassId(i))) declare_class(ClassId(i));
    for (uint32_t i = 0; i < from_.num_structs(); ++i) {
      const StructInfo& info = from_.struct_info(StructId(i));
      StructId ours = into_.find_struct(info.name);
      if (!ours.valid()) {
        ours = into_.add_struct(info.name);
        new_structs_.push_back(StructId(i));
      }
      structs_.push_back(ours);
    }
    for (uint32_t i = 0; i < from_.num_enums(); ++i) {
      const EnumInfo& info = from_.enum_info(EnumId(i));
      EnumId ours = into_.find_enum(info.name);
      if (!ours.valid()) {
        ours = into_.add_enum(info.name, type(info.underlying));
        for (const Enumerator& e : info.enumerators) into_.add_enumerator(ours, e.name, e.value);
      }
      enums_.push_back(ours);
    }
    // Key traits name functions (set below); function types may name key traits (dict types).
    for (uint32_t i = 0; i < from_.num_key_traits(); ++i) {
      const KeyTraitsInfo& info = from_.key_traits_info(KeyTraitsId(i));
      KeyTraitsId ours = into_.find_key_traits(info.name);
      if (!ours.valid()) {
        ours = into_.add_key_traits(info.name, TypeId(), FunctionId(), FunctionId());
        new_key_traits_.push_back(KeyTraitsId(i));
      }
      key_traits_.push_back(ours);
    }
    for (uint32_t i = 0; i < from_.num_functions(); ++i) {
      const FunctionInfo& info = from_.function_info(FunctionId(i));
      if (!keep(FunctionId(i))) {
        functions_.push_back(FunctionId());
        continue;
      }
      FunctionId ours = into_.find_function(info.name);
      if (!ours.valid()) {
        std::vector<Param> params;
        for (const Param& param : info.params) params.push_back(Param{param.name, type(param.type)});
        ours = info.is_external ? into_.add_external_function(info.name, params, type(info.result), info.flags)
                                : into_.add_function(info.name, params, type(info.result), info.flags);
        new_functions_.push_back(FunctionId(i));
      }
      functions_.push_back(ours);
    }
    for (uint32_t i = 0; i < from_.num_jit_drivers(); ++i) {
      const JitDriverInfo& info = from_.jit_driver_info(JitDriverId(i));
      JitDriverId ours = into_.find_jit_driver(info.name);
      if (!ours.valid()) ours = into_.add_jit_driver(info.name, types(info.greens), types(info.reds), info.flags);
      jit_drivers_.push_back(ours);
    }
    for (uint32_t i = 0; i < from_.num_globals(); ++i) {
      const GlobalInfo& info = from_.global_info(GlobalId(i));
      GlobalId ours = into_.find_global(info.name);
      if (!ours.valid()) {
        ours = into_.add_global(info.name, type(info.type), ConstId(), info.flags);
        new_globals_.push_back(GlobalId(i));
      }
      globals_.push_back(ours);
    }
    for (uint32_t i = 0; i < from_.num_prebuilts(); ++i) {
      const PrebuiltInfo& info = from_.prebuilt_info(PrebuiltId(i));
      PrebuiltId ours = into_.find_prebuilt(info.name);
      if (!ours.valid()) {
        ours = into_.add_prebuilt(info.name, type(info.type));
        new_prebuilts_.push_back(PrebuiltId(i));
      }
      prebuilts_.push_back(ours);
    }
  }

  // A base before its subclasses, whatever their ids.
  ClassId declare_class(ClassId cls) {
    if (classes_[cls.index()].valid()) return classes_[cls.index()];
    const ClassInfo& info = from_.class_info(cls);
    ClassId ours = into_.find_class(info.name);
    if (!ours.valid()) {
      ClassId base = info.base.valid() ? declare_class(info.base) : ClassId();
      ours = into_.add_class(info.name, base, info.flags);
      new_classes_.push_back(cls);
    }
    classes_[cls.index()] = ours;
    return ours;
  }

  // --- Defining the new entities: fields, methods, values, graphs.
  void define() {
    for (ClassId cls : new_classes_) {
      const ClassInfo& info = from_.class_info(cls);
      for (FieldId field : info.fields) {
        const FieldInfo& f = from_.field_info(field);
        into_.add_field(classes_[cls.index()], f.name, type(f.type), f.flags);
      }
    }
    for (StructId s : new_structs_)
      for (FieldId field : from_.struct_info(s).fields) {
        const FieldInfo& f = from_.field_info(field);
        FieldId ours = into_.add_struct_field(structs_[s.index()], f.name, type(f.type));
        into_.field_info_mut(ours).flags = f.flags;
      }
    // Methods after every class has its fields: a signature may name any class.
    for (ClassId cls : new_classes_)
      for (const MethodDecl& method : from_.class_info(cls).methods)
        into_.add_method(classes_[cls.index()], method.name, type(method.signature), function(method.implementation));
    for (KeyTraitsId traits : new_key_traits_) {
      const KeyTraitsInfo& info = from_.key_traits_info(traits);
      KeyTraitsInfo& ours = into_.key_traits_info_mut(key_traits_[traits.index()]);
      ours.key = type(info.key);
      ours.hash = function(info.hash);
      ours.equal = function(info.equal);
    }
    for (GlobalId global : new_globals_) {
      const GlobalInfo& info = from_.global_info(global);
      if (info.initial.valid()) into_.global_info_mut(globals_[global.index()]).initial = constant(info.initial);
    }
    for (PrebuiltId prebuilt : new_prebuilts_) {
      const PrebuiltInfo& info = from_.prebuilt_info(prebuilt);
      std::vector<std::pair<FieldId, ConstId>> field_values;
      for (const auto& [field_id, value] : info.field_values) field_values.emplace_back(field(field_id), constant(value));
      std::vector<ConstId> items;
      for (ConstId item : info.items) items.push_back(constant(item));
      PrebuiltInfo& ours = into_.prebuilt_info_mut(prebuilts_[prebuilt.index()]);
      ours.field_values = std::move(field_values);
      ours.items = std::move(items);
      ours.flags = info.flags;
    }
    for (FunctionId fn : new_functions_) {
      const FunctionInfo& info = from_.function_info(fn);
      FunctionInfo& ours = into_.function_info_mut(functions_[fn.index()]);
      ours.look_inside_iff = function(info.look_inside_iff);
      ours.oopspec = info.oopspec;
      if (info.graph) ours.graph = copy_graph(*info.graph);
    }
  }

  // Graph-local ids stay as they are; types, constants and caught classes are translated.
  std::unique_ptr<Graph> copy_graph(const Graph& graph) {
    auto copy = std::make_unique<Graph>(graph);
    for (uint32_t v = 0; v < copy->num_variables(); ++v) {
      Variable& var = copy->variable_mut(VarId(v));
      if (var.type.valid()) var.type = type(var.type);
    }
    auto translate = [&](Value& value) {
      if (value.is_constant()) value = constant(value.constant());
    };
    for (uint32_t o = 0; o < copy->num_ops(); ++o)
      for (Value& arg : copy->op_mut(OpId(o)).args) translate(arg);
    for (uint32_t l = 0; l < copy->num_links(); ++l) {
      Link& link = copy->link_mut(LinkId(l));
      for (Value& arg : link.args) translate(arg);
      if (link.exitcase.kind() == ExitCase::Kind::kException)
        link.exitcase = ExitCase::exception(class_id(link.exitcase.exception_class()));
    }
    return copy;
  }

  // --- Translating ids. Invalid ids stay invalid (an abstract method, no look_inside_iff).
  ClassId class_id(ClassId id) const { return id.valid() ? classes_[id.index()] : id; }
  FunctionId function(FunctionId id) const { return id.valid() ? functions_[id.index()] : id; }

  FieldId field(FieldId id) const {
    const FieldInfo& info = from_.field_info(id);
    if (info.owner_class.valid()) return into_.find_own_field(classes_[info.owner_class.index()], info.name);
    return into_.find_struct_field(structs_[info.owner_struct.index()], info.name);
  }

  TypeId type(TypeId id) {
    if (!id.valid()) return id;
    auto found = types_.find(id);
    if (found != types_.end()) return found->second;
    Type t = from_.types().get(id);
    if (t.class_id.valid()) t.class_id = classes_[t.class_id.index()];
    if (t.struct_id.valid()) t.struct_id = structs_[t.struct_id.index()];
    if (t.enum_id.valid()) t.enum_id = enums_[t.enum_id.index()];
    if (t.key_traits.valid()) t.key_traits = key_traits_[t.key_traits.index()];
    t.item = type(t.item);
    t.value = type(t.value);
    for (TypeId& param : t.params) param = type(param);
    TypeId result = into_.types().intern(t);
    types_[id] = result;
    return result;
  }

  std::vector<TypeId> types(llvm::ArrayRef<TypeId> ids) {
    std::vector<TypeId> result;
    for (TypeId id : ids) result.push_back(type(id));
    return result;
  }

  ConstId constant(ConstId id) {
    auto found = constants_.find(id);
    if (found != constants_.end()) return found->second;
    const Constant& c = from_.constant(id);
    ConstId result;
    switch (c.kind) {
      case ConstKind::kNone: result = into_.const_none(); break;
      case ConstKind::kBool: result = into_.const_bool(c.int_value != 0); break;
      case ConstKind::kInt: result = into_.const_int(type(c.type), c.int_value); break;
      case ConstKind::kFloat: result = into_.const_float(c.float_value()); break;
      case ConstKind::kStr: result = into_.const_str(c.text); break;
      case ConstKind::kNull: result = into_.const_null(type(c.type)); break;
      case ConstKind::kFunction: result = into_.const_function(function(c.function())); break;
      case ConstKind::kClass: result = into_.const_class(class_id(c.class_id())); break;
      case ConstKind::kPrebuilt: result = into_.const_prebuilt(prebuilts_[c.prebuilt().index()]); break;
      case ConstKind::kStruct: {
        std::vector<ConstId> values;
        for (uint32_t item : c.items) values.push_back(constant(ConstId(item)));
        result = into_.const_struct(structs_[from_.types().get(c.type).struct_id.index()], values);
        break;
      }
      case ConstKind::kField: result = into_.const_field(field(c.field())); break;
      case ConstKind::kMethod: result = into_.const_method(class_id(c.class_id()), c.text); break;
      case ConstKind::kGlobal: result = into_.const_global(globals_[c.global().index()]); break;
      case ConstKind::kJitDriver: result = into_.const_jit_driver(jit_drivers_[c.jit_driver().index()]); break;
      case ConstKind::kTargets: {
        std::vector<FunctionId> targets;
        for (uint32_t fn : c.items) targets.push_back(function(FunctionId(fn)));
        result = into_.const_targets(targets);
        break;
      }
      case ConstKind::kUnknownTargets: result = into_.const_unknown_targets(); break;
    }
    constants_[id] = result;
    return result;
  }

  Program& into_;
  const Program& from_;
  const LinkFilter& filter_;
  std::vector<std::string> errors_;
  // `from`'s id → `into`'s, per kind.
  std::vector<ClassId> classes_;
  std::vector<StructId> structs_;
  std::vector<EnumId> enums_;
  std::vector<KeyTraitsId> key_traits_;
  std::vector<FunctionId> functions_;
  std::vector<JitDriverId> jit_drivers_;
  std::vector<GlobalId> globals_;
  std::vector<PrebuiltId> prebuilts_;
  llvm::DenseMap<TypeId, TypeId> types_;
  llvm::DenseMap<ConstId, ConstId> constants_;
  // The entities of `from` that `into` did not have (`from`'s ids), to define.
  std::vector<ClassId> new_classes_;
  std::vector<StructId> new_structs_;
  std::vector<KeyTraitsId> new_key_traits_;
  std::vector<FunctionId> new_functions_;
  std::vector<GlobalId> new_globals_;
  std::vector<PrebuiltId> new_prebuilts_;
};

}  // namespace

llvm::Error link_programs(Program& into, const Program& from) { return Linker(into, from, LinkFilter()).link(); }

llvm::Error link_programs(Program& into, const Program& from, const LinkFilter& filter) {
  return Linker(into, from, filter).link();
}

}  // namespace rtoolchain::ir
