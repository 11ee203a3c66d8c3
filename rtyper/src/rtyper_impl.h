// The rtyper's shared state (internal): the high-level program, the low-level one being built,
// and the translation of types, constants and generated functions between them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>

#include "rtoolchain/rtyper/rtyper.h"

namespace rtoolchain::rtyper {

class Rtyper {
 public:
  Rtyper(const ir::Program& high, const Options& options);

  // Builds the low-level program; errors are collected (errors()).
  ir::Program run();
  const std::vector<std::string>& errors() const { return errors_; }

  const ir::Program& high() const { return high_; }
  ir::Program& low() { return low_; }
  const Options& options() const { return options_; }
  void error(const std::string& message) { errors_.push_back(message); }

  ir::TypeId type(ir::TypeId high_type);
  ir::ConstId constant(ir::ConstId high_constant);
  // The zero value of a low-level type, as a constant.
  ir::ConstId zero(ir::TypeId low_type);

  // The dispatch array of the slot `method` introduced by `introducer`.
  ir::PrebuiltId dispatch_array(ir::ClassId introducer, llvm::StringRef method);
  const ir::ClassLayout& type_ids(ir::ClassId cls) const { return type_ids_[cls.index()]; }

  // Generated helpers (helpers.cpp), one per low-level item type, made on first use.
  ir::FunctionId array_getitem_helper(ir::TypeId item);
  ir::FunctionId array_setitem_helper(ir::TypeId item);
  ir::FunctionId array_new_helper(ir::TypeId item);
  ir::FunctionId array_fill_helper(ir::TypeId item);

 private:
  void copy_declarations();
  void build_dispatch_arrays();
  ir::FunctionId runtime_function(llvm::StringRef name, llvm::ArrayRef<ir::TypeId> params);
  ir::FunctionId helper(const std::string& kind, ir::TypeId item);

  const ir::Program& high_;
  ir::Program low_;
  const Options& options_;
  std::vector<std::string> errors_;
  llvm::DenseMap<uint32_t, ir::TypeId> types_;
  llvm::DenseMap<uint32_t, ir::ConstId> constants_;
  std::vector<ir::ClassLayout> type_ids_;
  std::map<std::pair<uint32_t, std::string>, ir::PrebuiltId> dispatch_arrays_;
  std::map<std::pair<std::string, uint32_t>, ir::FunctionId> helpers_;
};

// Lowers one function's graph into the low-level program (lower_function.cpp).
void lower_function(Rtyper& rtyper, ir::FunctionId function);

}  // namespace rtoolchain::rtyper
