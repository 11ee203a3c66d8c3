#include "rtoolchain/ir/ops.h"

#include <cstdlib>
#include <string>
#include <vector>

#include <llvm/ADT/StringMap.h>
#include <llvm/Support/raw_ostream.h>

#include "signature.h"

namespace rtoolchain::ir {
namespace {

struct RawOp {
  llvm::StringLiteral name;
  llvm::StringLiteral signature;
  OpEffects effects;
  RaiseSet raises;
};

constexpr RawOp kRawOps[] = {
#define RT_IR_OP(name, signature, effects, raises) {#name, signature, effects, raises},
#include "rtoolchain/ir/ops.def"
};
static_assert(sizeof(kRawOps) / sizeof(kRawOps[0]) == kNumOpcodes);

constexpr llvm::StringLiteral kRtExceptionNames[] = {
#define RT_IR_RT_EXCEPTION(Name) #Name,
#include "rtoolchain/ir/exceptions.def"
};

struct OpTables {
  std::vector<OpInfo> infos;
  std::vector<Signature> signatures;
  llvm::StringMap<Opcode> by_name;
};

OpTables build_tables() {
  OpTables tables;
  for (unsigned i = 0; i < kNumOpcodes; ++i) {
    const RawOp& raw = kRawOps[i];
    std::string error;
    std::optional<Signature> signature = parse_signature(raw.signature, &error);
    if (!signature) {
      // A malformed ops.def line is a bug in the table itself, found by every test run.
      llvm::errs() << "ops.def: " << raw.name << ": " << error << "\n";
      std::abort();
    }
    tables.infos.push_back(OpInfo{raw.name, raw.signature, raw.effects, raw.raises,
                                  static_cast<unsigned>(signature->operands.size()),
                                  signature->is_variadic,
                                  signature->result_kind != Signature::Result::kNone});
    tables.signatures.push_back(std::move(*signature));
    tables.by_name[raw.name] = static_cast<Opcode>(i);
  }
  return tables;
}

const OpTables& tables() {
  static const OpTables kTables = build_tables();
  return kTables;
}

}  // namespace

llvm::StringRef rt_exception_name(RtException exception) {
  return kRtExceptionNames[static_cast<unsigned>(exception)];
}

llvm::StringRef level_name(Level level) { return level == Level::kHigh ? "high" : "low"; }

const OpInfo& op_info(Opcode opcode) { return tables().infos[static_cast<unsigned>(opcode)]; }

const Signature& op_signature(Opcode opcode) {
  return tables().signatures[static_cast<unsigned>(opcode)];
}

std::optional<Opcode> find_opcode(llvm::StringRef name) {
  auto found = tables().by_name.find(name);
  if (found == tables().by_name.end()) return std::nullopt;
  return found->second;
}

}  // namespace rtoolchain::ir
