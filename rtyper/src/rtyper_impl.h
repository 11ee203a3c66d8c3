// The rtyper's shared state (internal): the high-level program, the low-level one being built,
// and the translation of types, constants and functions between them.
#pragma once

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>

#include "rtoolchain/rtyper/rtyper.h"

namespace rtoolchain::rtyper {

// A high-level item type as the rlib/ll helpers see it (docs/lowlevel.md, "Item erasure"): the
// template argument's canonical C++ spelling and the low-level type of that argument.
struct ErasedType {
  std::string spelling;  // "long", "rt::Object *", "rt::Array<signed char> *"
  ir::TypeId low;
};

class Rtyper {
 public:
  Rtyper(const ir::Program& high, const Options& options);

  // Builds the low-level program; errors are collected (errors()).
  ir::Program run();
  const std::vector<std::string>& errors() const { return errors_; }
  const std::vector<ir::FunctionId>& function_map() const { return function_map_; }
  // Filled by lower_function when Options::origins is set.
  Origins& origins() { return origins_; }

  const ir::Program& high() const { return high_; }
  ir::Program& low() { return low_; }
  const Options& options() const { return options_; }
  void error(const std::string& message);

  ir::TypeId type(ir::TypeId high_type);
  ir::ConstId constant(ir::ConstId high_constant);
  // The zero value of a low-level type, as a constant.
  ir::ConstId zero(ir::TypeId low_type);
  // The low-level function of a high-level one, declared on first use; its graph (if any) is
  // lowered later. Only what is used this way survives: the pruning of docs/rtyper.md.
  ir::FunctionId function(ir::FunctionId high_function);

  // The dispatch array of the slot `method` introduced by `introducer`.
  ir::PrebuiltId dispatch_array(ir::ClassId introducer, llvm::StringRef method);
  const ir::ClassLayout& type_ids(ir::ClassId cls) const { return type_ids_[cls.index()]; }

  // Generated helpers (helpers.cpp), one per low-level item type, made on first use.
  ir::FunctionId array_getitem_helper(ir::TypeId item);
  ir::FunctionId array_setitem_helper(ir::TypeId item);
  ir::FunctionId array_new_helper(ir::TypeId item);

  // --- Containers and strings (containers.cpp). ---
  // The erased item type of a high-level type; an error (and rt::Object*) when it has none.
  ErasedType erase(ir::TypeId high_type);
  // The rlib/ll helper of a high-level container operation (its low-level function), and the
  // extra arguments it takes (dict_new: the FnKeys functions or nulls).
  ir::FunctionId container_helper(const ir::Graph& graph, const ir::Operation& op,
                                  llvm::SmallVectorImpl<ir::Value>& extra_args);
  // A string constant: an immutable prebuilt byte array, one per distinct text.
  ir::ConstId str_constant(llvm::StringRef text);

 private:
  void copy_declarations();
  void build_dispatch_arrays();
  ir::FunctionId runtime_function(llvm::StringRef name, llvm::ArrayRef<ir::TypeId> params);
  ir::FunctionId helper(const std::string& kind, ir::TypeId item);
  // containers.cpp
  ir::TypeId container_type(const ir::Type& t);
  ir::FunctionId find_container_helper(const ir::Graph& graph, const ir::Operation& op,
                                       llvm::SmallVectorImpl<ir::Value>& extra_args);
  ir::ClassId helper_class(const std::string& name);
  ir::FunctionId helper_function(const std::string& name);
  std::string key_policy(ir::TypeId key, ir::KeyTraitsId traits);
  std::string dict_arguments(ir::TypeId key, ir::TypeId value, ir::KeyTraitsId traits);
  ir::KeyTraitsId dictiter_traits(ir::TypeId key, ir::TypeId value);
  ir::FunctionId key_adapter(ir::KeyTraitsId traits, bool equal);

  const ir::Program& high_;
  ir::Program low_;
  const Options& options_;
  std::vector<std::string> errors_;
  std::set<std::string> reported_;
  llvm::DenseMap<uint32_t, ir::TypeId> types_;
  llvm::DenseMap<uint32_t, ir::ConstId> constants_;
  std::vector<ir::FunctionId> function_map_;  // by high-level id; invalid until used
  Origins origins_;
  std::deque<ir::FunctionId> to_lower_;       // high-level functions whose graphs wait
  std::vector<ir::ClassLayout> type_ids_;
  std::map<std::pair<uint32_t, std::string>, ir::PrebuiltId> dispatch_arrays_;
  std::map<std::pair<std::string, uint32_t>, ir::FunctionId> helpers_;
  std::map<std::string, ir::ConstId> str_constants_;
  std::map<std::pair<uint32_t, bool>, ir::FunctionId> key_adapters_;
};

// Lowers one high-level function's graph into its low-level function (lower_function.cpp).
void lower_function(Rtyper& rtyper, ir::FunctionId high_function);

}  // namespace rtoolchain::rtyper
