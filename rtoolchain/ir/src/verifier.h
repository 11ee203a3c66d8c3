// The verifier's shared state (internal to rt_ir). verifier.cpp checks the program model and the
// shape of each graph, verifier_ops.cpp the operations and constants.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "printer.h"
#include "rtoolchain/ir/ir.h"
#include "signature.h"

namespace rtoolchain::ir {

class Verifier {
 public:
  explicit Verifier(const Program& program) : program_(program) {}

  void verify_program_model();
  void verify_function(FunctionId function);
  std::vector<VerifierError> take_errors() { return std::move(errors_); }

 private:
  // --- Reporting. ------------------------------------------------------------------------------
  void report(std::string location, std::string message);
  void report_op(OpId op, std::string message);
  void report_link(LinkId link, std::string message);
  std::string type_name(TypeId type) const { return program_.type_name(type); }

  // --- Validity of references (everything a broken program may get wrong). -----------------------
  bool valid_type(TypeId type) const { return type.valid() && type.index() < program_.types().size(); }
  bool valid_class(ClassId cls) const { return cls.valid() && cls.index() < program_.num_classes(); }
  bool valid_function(FunctionId fn) const { return fn.valid() && fn.index() < program_.num_functions(); }
  bool valid_constant(ConstId c) const { return c.valid() && c.index() < program_.constants().size(); }
  bool valid_var(VarId var) const { return var.valid() && var.index() < graph_->num_variables(); }
  bool valid_block(BlockId block) const { return block.valid() && block.index() < graph_->num_blocks(); }
  // Checks that every entity a type refers to exists; `what` names the type's use in messages.
  bool check_type(TypeId type, const std::string& location, const std::string& what, bool allow_void);
  // Checks a constant's own consistency (an integer fits its type...).
  bool check_constant(ConstId constant, const std::string& location, const std::string& what);
  // Type of a value, or invalid (reported) for a broken reference.
  TypeId value_type(Value value) const;
  bool is_class_pointer(TypeId type) const;
  ClassId pointee(TypeId type) const;
  bool related(TypeId a, TypeId b) const;
  // cast_pointer: related class pointers; at the low level also arrays and rt::Object* (docs/lowlevel.md).
  bool castable(TypeId a, TypeId b) const;
  // Whether an operation may raise: its opcode's rule, except direct calls of nothrow functions.
  bool op_can_raise(const Operation& op) const;

  // --- Program model (verifier.cpp). -------------------------------------------------------------
  void check_names();
  void check_class(ClassId cls);
  void check_method(ClassId cls, const MethodDecl& method);
  void check_struct(StructId s);
  void check_enum(EnumId e);
  void check_key_traits(KeyTraitsId traits);
  void check_jit_driver(JitDriverId driver);
  void check_global(GlobalId global);
  void check_prebuilt(PrebuiltId prebuilt);
  void check_function_declaration(FunctionId fn);
  void check_entry_point();

  // --- Level rules (verifier_level.cpp). ------------------------------------------------------------
  bool type_allowed_at_level(TypeId type) const;
  void check_level_type(TypeId type, const std::string& location, const std::string& what);
  void check_level_program();
  void check_type_ids();
  void check_layout();
  void check_level_op(OpId op);
  void check_level_block(BlockId block);

  // --- Graphs (verifier.cpp). -----------------------------------------------------------------------
  void check_final_blocks();
  void collect_definitions();
  void check_block(BlockId block);
  void check_use(Value value, BlockId block, const std::vector<bool>& defined_here,
                 const std::string& where, OpId op, LinkId link);
  void check_exits(BlockId block);
  void check_link(LinkId link, BlockId block);

  // --- Operations (verifier_ops.cpp). ---------------------------------------------------------------
  void check_op(OpId op);
  struct Bindings {
    TypeId variables[26];
    bool dict_traits_bound = false;
    KeyTraitsId dict_traits;
  };
  bool match(const TypePattern& pattern, TypeId actual, Bindings& bindings, bool exact,
             const Signature& signature) const;
  bool in_class(TypeClass cls, TypeId type) const;
  std::string describe(const TypePattern& pattern, const Bindings& bindings,
                       const Signature& signature) const;
  void check_special(OpId op, const Bindings& bindings);
  // The arguments from operand `first_arg` against the callee's parameters from `first_param`.
  void check_call_arguments(OpId op, TypeId function_type, size_t first_arg, size_t first_param, bool check_result);
  void expect_result(OpId op, TypeId expected);

  const Program& program_;
  std::vector<VerifierError> errors_;
  // Per function being verified.
  FunctionId function_;
  const Graph* graph_ = nullptr;
  std::optional<FunctionPrinter> printer_;
  EntityMap<VarId, BlockId> definition_block_;
  EntityMap<VarId, LinkId> defining_link_;
  EntityMap<VarId, int> definition_count_{0};
  EntityMap<OpId, BlockId> op_block_;
};

// Helpers shared by the verifier's files.
inline bool is_int_type(const Program& program, TypeId type, unsigned bits, bool is_signed) {
  return type.valid() && type.index() < program.types().size() && program.types().is_int(type) &&
         program.types().get(type).bits == bits && program.types().get(type).is_signed == is_signed;
}

inline bool fits(int64_t value, IntegerLayout layout) {
  if (layout.bits == 64) return true;
  if (layout.is_signed) {
    int64_t limit = int64_t(1) << (layout.bits - 1);
    return value >= -limit && value < limit;
  }
  return static_cast<uint64_t>(value) < (uint64_t(1) << layout.bits);
}

}  // namespace rtoolchain::ir
