// The IR text parser (internal to rt_ir). Two passes over the tokens: the first declares every
// named entity in text order, so that references may come before declarations and entity ids
// follow the text (which is what makes print -> parse -> print the identity); the second reads
// everything. The first error stops the parse; it is reported with its line and column.
//
// The parser checks syntax and names only. Whether the program makes sense (types agree, each
// variable is defined once...) is the verifier's business, so that an invalid program can be
// written down, parsed and shown to fail verification.
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/StringMap.h>
#include <llvm/ADT/Twine.h>
#include <llvm/Support/Error.h>

#include "lexer.h"
#include "rtoolchain/ir/program.h"

namespace rtoolchain::ir {

class Parser {
 public:
  Parser(llvm::StringRef text, llvm::StringRef buffer_name);
  llvm::Expected<Program> parse();

 private:
  // --- Tokens. --------------------------------------------------------------------------------
  const Token& peek(size_t ahead = 0) const;
  const Token& next();
  bool at(TokenKind kind, size_t ahead = 0) const { return peek(ahead).kind == kind; }
  bool at_word(llvm::StringRef word, size_t ahead = 0) const;
  bool consume(TokenKind kind);
  bool consume_word(llvm::StringRef word);
  bool expect(TokenKind kind, llvm::StringRef what);
  bool expect_word(llvm::StringRef word);
  bool fail(const Token& where, const llvm::Twine& message);
  bool fail_here(const llvm::Twine& message) { return fail(peek(), message); }
  // True when the token starts its line (declarations must).
  bool starts_line(size_t index) const;
  // Fails at the declaration's name unless pass 1 found the entity.
  bool declared(bool found, llvm::StringRef name);

  // --- Declarations (parser.cpp). ---------------------------------------------------------------
  bool declare_all();
  bool parse_item();
  bool parse_struct();
  bool parse_enum();
  bool parse_key_traits();
  bool parse_class();
  bool parse_jit_driver();
  bool parse_global();
  bool parse_prebuilt();
  bool parse_function();
  bool parse_entry();
  bool parse_level();
  bool parse_layout();
  bool resolve_field_offsets();

  bool parse_name(std::string& name, llvm::StringRef what);
  bool parse_type(TypeId& type);
  bool parse_type_list(std::vector<TypeId>& types);
  bool parse_flags(uint32_t& flags, llvm::ArrayRef<FlagName> names);
  bool parse_class_ref(ClassId& cls);
  bool parse_function_ref(FunctionId& fn);
  bool parse_field_ref(FieldId& field);
  bool parse_constant(ConstId& constant);
  bool parse_integer(const Token& token, TypeId type, int64_t& value);

  // --- Function bodies (parser_body.cpp). --------------------------------------------------------
  struct BodyState {
    FunctionId function;
    Graph* graph = nullptr;
    llvm::StringMap<BlockId> blocks;
    llvm::StringMap<const Token*> block_first_use;
    llvm::StringMap<bool> block_defined;
    llvm::StringMap<VarId> variables;
  };
  bool parse_body(FunctionId function);
  bool parse_block(BodyState& state, bool is_start);
  bool parse_op(BodyState& state, BlockId block);
  bool parse_exits(BodyState& state, BlockId block);
  bool parse_exit_line(BodyState& state, BlockId block);
  bool parse_target(BodyState& state, LinkId link);
  bool parse_operand(BodyState& state, Value& value);
  bool define_variable(BodyState& state, const Token& name, TypeId type, VarId& var);
  VarId use_variable(BodyState& state, llvm::StringRef name);
  bool block_for_label(BodyState& state, const Token& label, BlockId& block);
  bool at_exit_start() const;
  static bool is_variable_name(llvm::StringRef name);

  std::string buffer_name_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  Program program_;
  std::string error_;
  const Token* name_token_ = nullptr;  // the name of the declaration being read
  struct PendingOffset {
    ClassId owner_class;
    StructId owner_struct;
    std::string name;
    uint32_t offset;
    const Token* name_token;
  };
  std::vector<PendingOffset> pending_offsets_;
};

}  // namespace rtoolchain::ir
