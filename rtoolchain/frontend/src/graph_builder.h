// The graph builder's shared state: the program model being filled (ModelBuilder, in
// program_model.cpp) and the builder of one function's flow graph (FunctionBuilder: statements in
// stmt.cpp, expressions in expr.cpp, places and value structs in places.cpp, calls in calls.cpp).
// docs/frontend.md explains the lowering decisions.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>

#include "ast_set.h"
#include "rtoolchain/ir/ir.h"

namespace rtoolchain::frontend {

// One entry of rlib/include/rt/library_ops.def, found through a declaration's RT_OP marking.
struct LibraryOp {
  enum class Kind { kOp, kExternal, kForm };
  Kind kind;
  llvm::StringLiteral name;
  ir::Opcode opcode;              // kOp
  llvm::StringLiteral external;   // kExternal: the IR name, "rt::os::write"
};
// The marking of `decl` (RT_OP), or nullptr when it has none.
const LibraryOp* library_op_of(const clang::Decl* decl);
bool is_form(const LibraryOp* op, llvm::StringRef name);
// A value struct (rule T6): a class of the program without a base (GC classes derive from
// rt::Object; the checker has rejected everything else), or rt::DictItem<K, V>.
bool is_value_struct(const clang::CXXRecordDecl* record);

// Builds the program model on demand, the first time the graph builder meets a type, class,
// function, global or JIT driver. Identities across translation units: classes, enums and key
// traits by their qualified name, functions by mangled name (plus the translation unit for
// internal linkage), globals by qualified name (same).
class ModelBuilder {
 public:
  ModelBuilder(const AstSet& asts, ir::Program& program, Diagnostics& diags);

  ir::Program& program() { return program_; }
  Diagnostics& diags() { return diags_; }
  const AstSet& asts() const { return asts_; }

  void error(const clang::ASTContext& context, clang::SourceLocation where, std::string rule,
             std::string message);

  // An invalid TypeId (after an error) when the type is not RC++.
  ir::TypeId type_of(clang::QualType type, const clang::ASTContext& context,
                     clang::SourceLocation where);
  ir::ClassId class_of(const clang::CXXRecordDecl* record, clang::SourceLocation where);
  ir::StructId struct_of(const clang::CXXRecordDecl* record, clang::SourceLocation where);
  // The field of a GC class or of a value struct.
  ir::FieldId field_of(const clang::FieldDecl* field, clang::SourceLocation where);
  // Declares the function (and queues its graph); invalid after an error.
  ir::FunctionId function_of(const clang::FunctionDecl* function, clang::SourceLocation where);
  ir::FunctionId external_of(const clang::FunctionDecl* function, const LibraryOp& op,
                             clang::SourceLocation where);
  ir::GlobalId global_of(const clang::VarDecl* var, clang::SourceLocation where);
  ir::JitDriverId driver_of(const clang::VarDecl* var, clang::SourceLocation where);
  bool is_driver(const clang::VarDecl* var) const;
  // A constant of `type` with the value zero (0, 0.0, false, null, "", a struct of zeros).
  ir::ConstId zero_of(ir::TypeId type);
  // The constant Clang evaluated (a global's initial value), or invalid when the IR cannot
  // spell it.
  ir::ConstId constant_of(const clang::APValue& value, ir::TypeId type, const clang::ASTContext& context,
                          clang::SourceLocation where);

  struct PendingFunction {
    const clang::FunctionDecl* definition;
    ir::FunctionId id;
  };
  // Functions declared whose graph is still to build, in declaration order.
  bool next_pending(PendingFunction& out);
  // Adds the virtual methods of the classes created since the last call (may declare more
  // functions); false when there was nothing to do.
  bool add_pending_vtables();

 private:
  std::string unit_tag(const clang::Decl* decl) const;
  std::string record_name(const clang::CXXRecordDecl* record) const;
  std::string function_name(const clang::FunctionDecl* function) const;
  ir::EnumId enum_of(const clang::EnumDecl* decl, clang::SourceLocation where);
  ir::KeyTraitsId key_traits_of(const clang::CXXRecordDecl* traits, ir::TypeId key,
                                clang::SourceLocation where);

  const AstSet& asts_;
  ir::Program& program_;
  Diagnostics& diags_;
  std::map<std::string, ir::ClassId> classes_;
  std::set<std::string> undefined_classes_;
  std::set<std::string> skipped_field_names_;  // "Class.field": its type was an error
  std::map<std::string, ir::StructId> structs_;
  std::vector<std::pair<ir::ClassId, const clang::CXXRecordDecl*>> class_records_;
  size_t vtables_done_ = 0;
  std::map<std::string, ir::EnumId> enums_;
  std::map<std::string, ir::KeyTraitsId> key_traits_;
  std::map<std::string, ir::FunctionId> functions_;
  std::map<std::string, ir::GlobalId> globals_;
  std::map<std::string, ir::JitDriverId> drivers_;
  std::deque<PendingFunction> pending_;
  std::map<const clang::ASTContext*, unsigned> unit_index_;
};

// Builds the graph of one function. Locals live in an environment of slots (declaration →
// current value); a new block takes one input argument per slot in scope, every jump passes the
// slots' current values, and a later pass (prune_block_arguments) keeps only the live ones.
class FunctionBuilder {
 public:
  FunctionBuilder(ModelBuilder& model, const clang::FunctionDecl* function, ir::FunctionId id);
  void build();

 private:
  struct Slot {
    const void* key;
    ir::TypeId type;
    ir::Value value;
  };
  // A block that jumps can reach, with the slots it receives.
  struct Target {
    ir::BlockId block;
    std::vector<Slot> slots;  // key and type; value unused
  };
  struct CatchClause {
    ir::ClassId cls;
    Target* target;  // receives the try's slots plus the exception object
  };
  struct TryContext {
    std::vector<CatchClause> clauses;
  };
  // A value struct being built: the slots of the fields evaluated so far.
  struct PartialStruct {
    const clang::CXXRecordDecl* record;
    std::vector<const void*> field_keys;
  };
  // An assignable place: a local slot, a global, or a field of an object (the base), then a
  // path of value-struct fields inside it (`obj->pos.line`: the field pos, then line).
  struct LValue {
    enum class Kind { kLocal, kGlobal, kField, kInvalid } kind = Kind::kInvalid;
    const void* key = nullptr;
    ir::GlobalId global;
    ir::Value object;
    ir::FieldId field;
    ir::TypeId base_type;
    std::vector<ir::FieldId> path;
    ir::TypeId type;
  };

  // --- Blocks, slots, jumps (stmt.cpp). ---
  Target* new_target(std::vector<Slot> extra = {});
  void jump(Target* target, llvm::ArrayRef<ir::Value> extra = {});
  void enter(Target* target);
  void branch(ir::Value condition, Target* if_false, Target* if_true);
  void start_dead_block();
  const void* temp_key();
  ir::Value lookup(const void* key, const clang::Expr* use);
  const Slot* find_slot(const void* key) const;
  void assign_slot(const void* key, ir::Value value);
  void push_slot(const void* key, ir::TypeId type, ir::Value value);
  ir::Value emit(ir::Opcode opcode, llvm::ArrayRef<ir::Value> args, ir::TypeId result = {});
  void throw_value(ir::Value object, ir::ClassId static_class);
  void unreachable();

  void statement(const clang::Stmt* stmt);
  void compound(const clang::CompoundStmt* stmt);
  void declaration(const clang::VarDecl* var);
  void if_statement(const clang::IfStmt* stmt);
  void while_statement(const clang::WhileStmt* stmt);
  void do_statement(const clang::DoStmt* stmt);
  void for_statement(const clang::ForStmt* stmt);
  void range_for(const clang::CXXForRangeStmt* stmt);
  void switch_statement(const clang::SwitchStmt* stmt);
  void try_statement(const clang::CXXTryStmt* stmt);
  void constructor_initialisers(const clang::CXXConstructorDecl* ctor);

  // --- Expressions (expr.cpp; names, places and assignments in places.cpp). ---
  ir::Value value(const clang::Expr* expr);
  ir::Value condition(const clang::Expr* expr);  // a bool
  std::optional<ir::Value> fold(const clang::Expr* expr);
  ir::Value cast(const clang::CastExpr* expr);
  ir::Value convert_int(ir::Value value, ir::TypeId from, ir::TypeId to);
  ir::Value binary(const clang::BinaryOperator* expr);
  ir::Value logical(const clang::BinaryOperator* expr);
  ir::Value conditional(const clang::AbstractConditionalOperator* expr);
  ir::Value unary(const clang::UnaryOperator* expr);
  ir::Value assignment(const clang::BinaryOperator* expr);
  ir::Value assign(const clang::Expr* lhs, const clang::Expr* rhs);
  ir::Value arithmetic(clang::BinaryOperatorKind op, ir::Value left, ir::Value right,
                       ir::TypeId type, const clang::Expr* where, const clang::Expr* rhs_expr);
  LValue lvalue(const clang::Expr* expr);
  ir::Value load(const LValue& place);
  void store(const LValue& place, ir::Value value);
  ir::Value load_base(const LValue& place);
  void store_base(const LValue& place, ir::Value value);
  ir::Value call(const clang::CallExpr* expr);
  ir::Value library_call(const clang::Expr* expr, const clang::FunctionDecl* callee,
                         const LibraryOp& op, const clang::Expr* object,
                         llvm::ArrayRef<const clang::Expr*> args);
  ir::Value construct(const clang::CXXConstructExpr* expr);
  // Value structs (places.cpp): braces, value-initialisation, field reads.
  ir::Value init_list(const clang::InitListExpr* expr);
  ir::Value paren_init(const clang::CXXParenListInitExpr* expr);
  ir::Value default_struct(const clang::CXXRecordDecl* record, const clang::Expr* where);
  ir::Value struct_field(const clang::MemberExpr* expr, const clang::FieldDecl* field);
  ir::Value new_struct(ir::TypeId type, llvm::ArrayRef<const clang::Expr*> inits,
                       const clang::CXXRecordDecl* record, const clang::Expr* where);
  ir::Value make(const clang::CallExpr* expr, const clang::FunctionDecl* make_function);
  ir::Value new_rt_exception(ir::ClassId cls, llvm::ArrayRef<const clang::Expr*> args,
                             const clang::Expr* where);
  ir::Value str_from_literal(const clang::Expr* expr);
  std::vector<ir::Value> arguments(llvm::ArrayRef<const clang::Expr*> args,
                                   ir::Value first = ir::Value());
  ir::Value member(const clang::MemberExpr* expr);
  // The key or value of a range-for's DictItem variable, which lives as two slots (var, var + 1).
  const void* loop_item_part(const clang::MemberExpr* expr);
  ir::Value decl_ref(const clang::DeclRefExpr* expr);
  ir::Value poison(ir::TypeId type);
  ir::TypeId type_of(clang::QualType type, const clang::Expr* where);
  ir::TypeId type_of(const clang::Expr* expr) { return type_of(expr->getType(), expr); }
  ir::ClassId pointee_class(clang::QualType pointer, const clang::Expr* where);
  const clang::Expr* substituted(const clang::Expr* expr);
  void error(const clang::Stmt* where, std::string rule, std::string message);

  ModelBuilder& model_;
  ir::Program& program_;
  const clang::FunctionDecl* function_;
  const clang::ASTContext& context_;
  ir::FunctionId id_;
  ir::Graph* graph_ = nullptr;
  ir::BlockId current_;
  std::vector<Slot> env_;
  std::deque<Target> targets_;
  std::deque<char> temp_keys_;
  std::vector<Target*> break_targets_;
  std::vector<Target*> continue_targets_;
  std::vector<TryContext> tries_;
  // rt::make's parameters while lowering its construct expression: each stands for the
  // argument expression of the call being lowered.
  std::map<const clang::ParmVarDecl*, const clang::Expr*> substitutions_;
  char this_key_ = 0;
  // Structs under construction, and which of them a default member initialiser being lowered
  // belongs to (its `this`).
  std::vector<PartialStruct> building_;
  std::vector<size_t> active_defaults_;
};

// Drops block input arguments that no operation, switch or live successor argument uses
// (liveness over block arguments), and the matching link arguments.
void prune_block_arguments(ir::Graph& graph);
// Links into blocks that only pass their arguments on go to the final target instead.
void skip_forwarding_blocks(ir::Graph& graph);

}  // namespace rtoolchain::frontend
