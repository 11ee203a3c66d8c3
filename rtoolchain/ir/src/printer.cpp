// The IR text printer (the format is described in docs/ir.md).
#include "printer.h"

#include "rtoolchain/ir/ir.h"
#include "text_syntax.h"

namespace rtoolchain::ir {
namespace {

std::string field_ref(const Program& program, FieldId field) {
  if (!field.valid() || field.index() >= program.num_fields()) return "<invalid field>";
  const FieldInfo& info = program.field_info(field);
  std::string owner = "<invalid owner>";
  if (info.owner_class.valid() && info.owner_class.index() < program.num_classes())
    owner = format_name(program.class_info(info.owner_class).name);
  else if (info.owner_struct.valid() && info.owner_struct.index() < program.num_structs())
    owner = format_name(program.struct_info(info.owner_struct).name);
  return owner + "." + format_name(info.name);
}

std::string class_ref(const Program& program, ClassId cls) {
  if (!cls.valid() || cls.index() >= program.num_classes()) return "<invalid class>";
  return format_name(program.class_info(cls).name);
}

std::string function_ref(const Program& program, FunctionId fn) {
  if (!fn.valid() || fn.index() >= program.num_functions()) return "@<invalid function>";
  return "@" + format_name(program.function_info(fn).name);
}

}  // namespace

void print_flags(llvm::raw_ostream& out, uint32_t flags, llvm::ArrayRef<FlagName> names) {
  for (const FlagName& name : names)
    if (flags & name.flag) out << ' ' << name.name;
}

void print_constant(llvm::raw_ostream& out, const Program& program, ConstId id) {
  if (!id.valid() || id.index() >= program.constants().size()) {
    out << "<invalid constant>";
    return;
  }
  const Constant& c = program.constant(id);
  switch (c.kind) {
    case ConstKind::kNone: out << "none"; return;
    case ConstKind::kBool: out << (c.int_value ? "true" : "false"); return;
    case ConstKind::kInt: {
      std::optional<IntegerLayout> layout = program.integer_layout(c.type);
      if (layout && !layout->is_signed)
        out << static_cast<uint64_t>(c.int_value);
      else
        out << c.int_value;
      out << ':' << program.type_name(c.type);
      return;
    }
    case ConstKind::kFloat: out << format_float(c.float_value()) << ":f64"; return;
    case ConstKind::kStr: write_quoted(out, c.text); return;
    case ConstKind::kNull: out << "null:" << program.type_name(c.type); return;
    case ConstKind::kFunction: out << function_ref(program, c.function()); return;
    case ConstKind::kClass: out << "class " << class_ref(program, c.class_id()); return;
    case ConstKind::kPrebuilt:
      out << "prebuilt "
          << (c.entity < program.num_prebuilts() ? format_name(program.prebuilt_info(c.prebuilt()).name)
                                                 : std::string("<invalid prebuilt>"));
      return;
    case ConstKind::kStruct: {
      out << program.type_name(c.type) << " {";
      for (size_t i = 0; i < c.items.size(); ++i) {
        out << (i ? ", " : "");
        print_constant(out, program, ConstId(c.items[i]));
      }
      out << '}';
      return;
    }
    case ConstKind::kField: out << "field " << field_ref(program, c.field()); return;
    case ConstKind::kMethod:
      out << "method " << class_ref(program, c.class_id()) << '.' << format_name(c.text);
      return;
    case ConstKind::kGlobal:
      out << "global "
          << (c.entity < program.num_globals() ? format_name(program.global_info(c.global()).name)
                                               : std::string("<invalid global>"));
      return;
    case ConstKind::kJitDriver:
      out << "driver "
          << (c.entity < program.num_jit_drivers()
                  ? format_name(program.jit_driver_info(c.jit_driver()).name)
                  : std::string("<invalid driver>"));
      return;
    case ConstKind::kTargets: {
      out << "targets(";
      for (size_t i = 0; i < c.items.size(); ++i)
        out << (i ? ", " : "") << function_ref(program, FunctionId(c.items[i]));
      out << ')';
      return;
    }
    case ConstKind::kUnknownTargets: out << "unknown_targets"; return;
  }
}

// --- Functions. ---------------------------------------------------------------------------------

FunctionPrinter::FunctionPrinter(const Program& program, FunctionId function)
    : program_(program), function_(function), graph_(program.function_info(function).graph.get()) {
  if (!graph_) return;
  blocks_ = graph_->reachable_blocks();
  for (size_t i = 0; i < blocks_.size(); ++i) block_numbers_[blocks_[i]] = static_cast<int>(i);
  print(llvm::nulls());
}

std::string FunctionPrinter::block_name(BlockId block) const {
  if (!graph_ || !block.valid() || block.index() >= graph_->num_blocks()) return "<invalid block>";
  if (block == graph_->return_block()) return "return";
  if (block == graph_->except_block()) return "except";
  int number = block_numbers_[block];
  if (number < 0) return "<unreachable block " + std::to_string(block.index()) + ">";
  return "block" + std::to_string(number);
}

void FunctionPrinter::print_var(llvm::raw_ostream& out, VarId var) {
  if (!var.valid() || var.index() >= graph_->num_variables()) {
    out << "<invalid variable>";
    return;
  }
  int& number = var_numbers_[var];
  if (number < 0) number = next_var_++;
  out << 'v' << number;
}

std::string FunctionPrinter::var_name(VarId var) {
  std::string text;
  llvm::raw_string_ostream out(text);
  print_var(out, var);
  return text;
}

void FunctionPrinter::print_value(llvm::raw_ostream& out, Value value) {
  if (value.is_variable())
    print_var(out, value.variable());
  else if (value.is_constant())
    print_constant(out, program_, value.constant());
  else
    out << "<no value>";
}

std::string FunctionPrinter::value_text(Value value) {
  std::string text;
  llvm::raw_string_ostream out(text);
  print_value(out, value);
  return text;
}

void FunctionPrinter::print_var_definition(llvm::raw_ostream& out, VarId var) {
  print_var(out, var);
  out << ": "
      << (var.valid() && var.index() < graph_->num_variables()
              ? program_.type_name(graph_->variable(var).type)
              : std::string("<invalid type>"));
}

void FunctionPrinter::print_op(llvm::raw_ostream& out, OpId id) {
  const Operation& op = graph_->op(id);
  if (op.result.valid()) {
    print_var_definition(out, op.result);
    out << " = ";
  }
  out << op_name(op.opcode);
  for (size_t i = 0; i < op.args.size(); ++i) {
    out << (i ? ", " : " ");
    print_value(out, op.args[i]);
  }
}

std::string FunctionPrinter::op_text(OpId op) {
  std::string text;
  llvm::raw_string_ostream out(text);
  print_op(out, op);
  return text;
}

void FunctionPrinter::print_args(llvm::raw_ostream& out, const Link& link) {
  out << '(';
  for (size_t i = 0; i < link.args.size(); ++i) {
    out << (i ? ", " : "");
    print_value(out, link.args[i]);
  }
  out << ')';
}

void FunctionPrinter::print_target(llvm::raw_ostream& out, const Link& link) {
  out << block_name(link.target);
  print_args(out, link);
}

void FunctionPrinter::print_case(llvm::raw_ostream& out, const Link& link, BlockId source) {
  const ExitCase& exitcase = link.exitcase;
  switch (exitcase.kind()) {
    case ExitCase::Kind::kNone: out << "normal"; return;
    case ExitCase::Kind::kBool: out << (exitcase.bool_value() ? "true" : "false"); return;
    case ExitCase::Kind::kDefault: out << "default"; return;
    case ExitCase::Kind::kInt: {
      const ExitSwitch& exitswitch = graph_->block(source).exitswitch;
      std::optional<IntegerLayout> layout;
      if (exitswitch.is_variable() && exitswitch.variable().valid() &&
          exitswitch.variable().index() < graph_->num_variables())
        layout = program_.integer_layout(graph_->variable(exitswitch.variable()).type);
      if (layout && !layout->is_signed)
        out << static_cast<uint64_t>(exitcase.int_value());
      else
        out << exitcase.int_value();
      return;
    }
    case ExitCase::Kind::kException:
      out << "catch " << class_ref(program_, exitcase.exception_class());
      if (link.last_exception.valid() || link.last_exc_value.valid()) {
        out << " as ";
        print_var(out, link.last_exception);
        out << ", ";
        print_var(out, link.last_exc_value);
      }
      return;
  }
}

std::string FunctionPrinter::link_text(LinkId id) {
  std::string text;
  llvm::raw_string_ostream out(text);
  const Link& link = graph_->link(id);
  const Block& source = graph_->block(link.source);
  if (source.exitswitch.is_none() && source.exits.size() == 1 &&
      link.exitcase.kind() == ExitCase::Kind::kNone) {
    out << "goto ";
  } else {
    print_case(out, link, link.source);
    out << " -> ";
  }
  print_target(out, link);
  return text;
}

std::string FunctionPrinter::link_label(LinkId id) {
  std::string text;
  llvm::raw_string_ostream out(text);
  const Link& link = graph_->link(id);
  const Block& source = graph_->block(link.source);
  if (!(source.exitswitch.is_none() && link.exitcase.kind() == ExitCase::Kind::kNone)) {
    print_case(out, link, link.source);
    out << ' ';
  }
  print_args(out, link);
  return text;
}

std::string FunctionPrinter::block_header(BlockId id) {
  std::string text;
  llvm::raw_string_ostream out(text);
  out << block_name(id) << '(';
  const Block& block = graph_->block(id);
  for (size_t i = 0; i < block.inputargs.size(); ++i) {
    out << (i ? ", " : "");
    print_var_definition(out, block.inputargs[i]);
  }
  out << "):";
  return text;
}

void FunctionPrinter::print_block(llvm::raw_ostream& out, BlockId id) {
  const Block& block = graph_->block(id);
  out << block_header(id) << '\n';
  for (OpId op : block.operations) {
    out << "  ";
    print_op(out, op);
    out << '\n';
  }
  bool simple_goto = block.exitswitch.is_none() && block.exits.size() == 1 &&
                     graph_->link(block.exits[0]).exitcase.kind() == ExitCase::Kind::kNone;
  if (simple_goto) {
    out << "  " << link_text(block.exits[0]) << '\n';
    return;
  }
  if (block.exitswitch.is_variable()) {
    out << "  switch ";
    print_var(out, block.exitswitch.variable());
    out << '\n';
  } else if (block.exitswitch.is_last_exception()) {
    out << "  switch exception\n";
  }
  for (LinkId exit : block.exits) out << "    " << link_text(exit) << '\n';
}

void FunctionPrinter::print_header(llvm::raw_ostream& out) {
  const FunctionInfo& info = program_.function_info(function_);
  if (info.is_external) out << "extern ";
  out << "function ";
  write_name(out, info.name);
  out << '(';
  for (size_t i = 0; i < info.params.size(); ++i) {
    out << (i ? ", " : "");
    write_name(out, info.params[i].name.empty() ? llvm::StringRef("_") : llvm::StringRef(info.params[i].name));
    out << ": " << program_.type_name(info.params[i].type);
  }
  out << ") -> " << program_.type_name(info.result);
  print_flags(out, info.flags, function_flag_names());
  if (info.look_inside_iff.valid())
    out << " look_inside_iff(" << function_ref(program_, info.look_inside_iff) << ')';
  if (!info.oopspec.empty()) {
    out << " oopspec(";
    write_quoted(out, info.oopspec);
    out << ')';
  }
}

void FunctionPrinter::print(llvm::raw_ostream& out) {
  const FunctionInfo& info = program_.function_info(function_);
  print_header(out);
  if (info.is_external) {
    out << '\n';
    return;
  }
  out << " {\n";
  if (graph_)
    for (BlockId block : blocks_) print_block(out, block);
  out << "}\n";
}

// --- Programs. ----------------------------------------------------------------------------------

namespace {

class ProgramPrinter {
 public:
  ProgramPrinter(const Program& program, llvm::raw_ostream& out) : program_(program), out_(out) {}

  void print() {
    if (program_.level() == Level::kLow) {
      separate(Item::kBlock);
      out_ << "level low\n";
      print_layout();
    }
    for (uint32_t i = 0; i < program_.num_structs(); ++i) print_struct(StructId(i));
    for (uint32_t i = 0; i < program_.num_enums(); ++i) print_enum(EnumId(i));
    for (uint32_t i = 0; i < program_.num_key_traits(); ++i) print_key_traits(KeyTraitsId(i));
    for (uint32_t i = 0; i < program_.num_classes(); ++i)
      if (!program_.class_info(ClassId(i)).is_builtin) print_class(ClassId(i));
    for (uint32_t i = 0; i < program_.num_jit_drivers(); ++i) print_jit_driver(JitDriverId(i));
    for (uint32_t i = 0; i < program_.num_globals(); ++i) print_global(GlobalId(i));
    for (uint32_t i = 0; i < program_.num_prebuilts(); ++i) print_prebuilt(PrebuiltId(i));
    for (uint32_t i = 0; i < program_.num_functions(); ++i) {
      const FunctionInfo& info = program_.function_info(FunctionId(i));
      if (info.is_builtin) continue;
      separate(info.is_external ? Item::kExtern : Item::kBlock);
      FunctionPrinter(program_, FunctionId(i)).print(out_);
    }
    if (program_.entry_point().valid()) {
      separate(Item::kEntry);
      out_ << "entry " << function_ref(program_, program_.entry_point()) << '\n';
    }
  }

  // One-line items of one kind go together; anything else is set apart by a blank line.
  enum class Item { kNothing, kBlock, kJitDriver, kGlobal, kExtern, kEntry };
  void separate(Item item) {
    if (last_ != Item::kNothing && (item == Item::kBlock || item != last_)) out_ << '\n';
    last_ = item;
  }

  // The low level's tables: every class (builtins included) and struct in id order, each with
  // its own fields' offsets, then the array type ids.
  void print_layout() {
    separate(Item::kBlock);
    out_ << "layout {\n";
    auto print_offsets = [&](const std::vector<FieldId>& fields) {
      for (FieldId field : fields)
        out_ << "    field " << format_name(program_.field_info(field).name) << " offset "
             << program_.field_offset(field) << '\n';
    };
    for (uint32_t i = 0; i < program_.num_classes(); ++i) {
      const ClassLayout& layout = program_.class_layout(ClassId(i));
      out_ << "  class " << format_name(program_.class_info(ClassId(i)).name) << " typeid " << layout.min_type_id
           << " last " << layout.max_type_id << " size " << layout.size << " align " << layout.align << '\n';
      print_offsets(program_.class_info(ClassId(i)).fields);
    }
    for (uint32_t i = 0; i < program_.num_structs(); ++i) {
      const StructLayout& layout = program_.struct_layout(StructId(i));
      out_ << "  struct " << format_name(program_.struct_info(StructId(i)).name) << " size " << layout.size
           << " align " << layout.align << '\n';
      print_offsets(program_.struct_info(StructId(i)).fields);
    }
    for (const ArrayTypeId& entry : program_.array_type_ids())
      out_ << "  array " << program_.type_name(entry.array_type) << " typeid " << entry.type_id << '\n';
    out_ << "}\n";
  }

  void print_declaration(StructId id) { print_struct(id); }
  void print_declaration(EnumId id) { print_enum(id); }
  void print_declaration(KeyTraitsId id) { print_key_traits(id); }
  void print_declaration(ClassId id) { print_class(id); }
  void print_declaration(JitDriverId id) { print_jit_driver(id); }
  void print_declaration(GlobalId id) { print_global(id); }
  void print_declaration(PrebuiltId id) { print_prebuilt(id); }

 private:
  void print_struct(StructId id) {
    separate(Item::kBlock);
    const StructInfo& info = program_.struct_info(id);
    out_ << "struct " << format_name(info.name) << " {\n";
    for (FieldId field : info.fields) print_field(field);
    out_ << "}\n";
  }

  void print_field(FieldId field) {
    const FieldInfo& info = program_.field_info(field);
    out_ << "  field " << format_name(info.name) << ": " << program_.type_name(info.type);
    print_flags(out_, info.flags, field_flag_names());
    out_ << '\n';
  }

  void print_enum(EnumId id) {
    separate(Item::kBlock);
    const EnumInfo& info = program_.enum_info(id);
    out_ << "enum " << format_name(info.name) << ": " << program_.type_name(info.underlying) << " {\n";
    std::optional<IntegerLayout> layout = program_.integer_layout(info.underlying);
    for (const Enumerator& e : info.enumerators) {
      out_ << "  " << format_name(e.name) << " = ";
      if (layout && !layout->is_signed)
        out_ << static_cast<uint64_t>(e.value);
      else
        out_ << e.value;
      out_ << '\n';
    }
    out_ << "}\n";
  }

  void print_key_traits(KeyTraitsId id) {
    separate(Item::kBlock);
    const KeyTraitsInfo& info = program_.key_traits_info(id);
    out_ << "keytraits " << format_name(info.name) << ": " << program_.type_name(info.key) << " {\n"
         << "  hash = " << function_ref(program_, info.hash) << '\n'
         << "  equal = " << function_ref(program_, info.equal) << '\n'
         << "}\n";
  }

  void print_class(ClassId id) {
    separate(Item::kBlock);
    const ClassInfo& info = program_.class_info(id);
    out_ << "class " << format_name(info.name);
    if (info.base.valid()) out_ << " : " << class_ref(program_, info.base);
    print_flags(out_, info.flags, class_flag_names());
    out_ << " {\n";
    for (FieldId field : info.fields) print_field(field);
    for (const MethodDecl& method : info.methods) {
      out_ << "  method " << format_name(method.name) << ": " << program_.type_name(method.signature)
           << " = ";
      if (method.implementation.valid())
        out_ << function_ref(program_, method.implementation);
      else
        out_ << "abstract";
      out_ << '\n';
    }
    out_ << "}\n";
  }

  void print_types(llvm::ArrayRef<TypeId> types) {
    out_ << '(';
    for (size_t i = 0; i < types.size(); ++i) out_ << (i ? ", " : "") << program_.type_name(types[i]);
    out_ << ')';
  }

  void print_jit_driver(JitDriverId id) {
    separate(Item::kJitDriver);
    const JitDriverInfo& info = program_.jit_driver_info(id);
    out_ << "jitdriver " << format_name(info.name) << " greens";
    print_types(info.greens);
    out_ << " reds";
    print_types(info.reds);
    print_flags(out_, info.flags, jit_driver_flag_names());
    out_ << '\n';
  }

  void print_global(GlobalId id) {
    separate(Item::kGlobal);
    const GlobalInfo& info = program_.global_info(id);
    out_ << "global " << format_name(info.name) << ": " << program_.type_name(info.type);
    if (info.initial.valid()) {
      out_ << " = ";
      print_constant(out_, program_, info.initial);
    }
    print_flags(out_, info.flags, global_flag_names());
    out_ << '\n';
  }

  void print_prebuilt(PrebuiltId id) {
    separate(Item::kBlock);
    const PrebuiltInfo& info = program_.prebuilt_info(id);
    out_ << "prebuilt " << format_name(info.name) << ": " << program_.type_name(info.type);
    print_flags(out_, info.flags, prebuilt_flag_names());
    TypeKind kind = info.type.valid() && info.type.index() < program_.types().size()
                        ? program_.types().kind(info.type)
                        : TypeKind::kVoid;
    if (kind == TypeKind::kList || kind == TypeKind::kArray) {
      out_ << " [\n";
      for (ConstId item : info.items) {
        out_ << "  ";
        print_constant(out_, program_, item);
        out_ << '\n';
      }
      out_ << "]\n";
      return;
    }
    out_ << " {\n";
    for (const auto& [field, value] : info.field_values) {
      out_ << "  " << field_ref(program_, field) << " = ";
      print_constant(out_, program_, value);
      out_ << '\n';
    }
    out_ << "}\n";
  }

  const Program& program_;
  llvm::raw_ostream& out_;
  Item last_ = Item::kNothing;
};

}  // namespace

void print_program(const Program& program, llvm::raw_ostream& out) { ProgramPrinter(program, out).print(); }

namespace {
template <class IdT>
std::string text_of_declaration(const Program& program, IdT id) {
  std::string text;
  llvm::raw_string_ostream out(text);
  ProgramPrinter(program, out).print_declaration(id);
  return text;
}
}  // namespace

std::string declaration_text(const Program& program, StructId id) { return text_of_declaration(program, id); }
std::string declaration_text(const Program& program, EnumId id) { return text_of_declaration(program, id); }
std::string declaration_text(const Program& program, KeyTraitsId id) { return text_of_declaration(program, id); }
std::string declaration_text(const Program& program, ClassId id) { return text_of_declaration(program, id); }
std::string declaration_text(const Program& program, JitDriverId id) { return text_of_declaration(program, id); }
std::string declaration_text(const Program& program, GlobalId id) { return text_of_declaration(program, id); }
std::string declaration_text(const Program& program, PrebuiltId id) { return text_of_declaration(program, id); }
std::string declaration_text(const Program& program, FunctionId id) {
  std::string text;
  llvm::raw_string_ostream out(text);
  FunctionPrinter(program, id).print(out);
  return text;
}

void print_function(const Program& program, FunctionId function, llvm::raw_ostream& out) {
  FunctionPrinter(program, function).print(out);
}

FunctionNames::FunctionNames(const Program& program, FunctionId function)
    : printer_(std::make_unique<FunctionPrinter>(program, function)) {}
FunctionNames::~FunctionNames() = default;
std::string FunctionNames::block(BlockId block) const { return printer_->block_name(block); }
std::string FunctionNames::var(VarId var) const { return printer_->var_name(var); }
std::string FunctionNames::op(OpId op) const { return "`" + printer_->op_text(op) + "`"; }

std::string constant_to_string(const Program& program, ConstId constant) {
  std::string text;
  llvm::raw_string_ostream out(text);
  print_constant(out, program, constant);
  return text;
}

std::string program_to_string(const Program& program) {
  std::string text;
  llvm::raw_string_ostream out(text);
  print_program(program, out);
  return text;
}

}  // namespace rtoolchain::ir
