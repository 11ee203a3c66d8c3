// The annotator's facts carried to the low-level program (docs/annotator.md, "Checking the facts
// at the low level"): the annotator runs on the high-level program; the rtyper's origins map each
// low-level variable, block and operation back to the high-level one, and translate_facts turns
// every fact into a check on low-level values. The checks are written beside a low-level .rtir
// (`rtype -o FILE --facts FILE.facts`) so that `run-ir --check-facts` needs neither the front
// end nor the annotator.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <llvm/Support/Error.h>
#include <llvm/Support/raw_ostream.h>

#include "rtoolchain/annotator/annotator.h"
#include "rtoolchain/graphinterp/graphinterp.h"
#include "rtoolchain/ir/ir.h"
#include "rtoolchain/rtyper/rtyper.h"

namespace rtoolchain::driver {

// What every value of a low-level variable must satisfy (from its high-level variable's fact).
struct ValueCheck {
  enum class Kind : uint8_t {
    kNone,       // no value ever flows here
    kInt,        // integers, enums, bools: lo <= value <= hi
    kFloat,      // one float constant (NaN is not checked)
    kObject,     // a class pointer: null allowed or not; its class in `members`
    kClassRef,   // a classref: its class in `members`
    kFunction,   // a function pointer: its (low-level) function in `members`
    kContainer,  // a list, array or dict: its allocation site in `members`
  };
  Kind kind = Kind::kNone;
  int64_t lo = 0, hi = 0;
  uint64_t float_bits = 0;
  bool may_be_null = true;
  bool any_member = true;  // the annotator's unknown_members: no member test
  std::vector<uint32_t> members;  // sorted: ClassId, low FunctionId or SiteId indices
  std::string claim;              // the fact as the annotator prints it, for the message
};

// What an operation must not do, or where it must go.
struct OpCheck {
  enum class Kind : uint8_t {
    kResizes,         // a resizing container helper call: its site (argument 1) must be resized
    kMutates,         // a mutating one: its site must be mutated
    kImmutableWrite,  // a setfield of a field claimed immutable: only on an object under construction
    kCallTargets,     // an indirect_call: its callee (argument 0) in `targets`
    kDispatch,        // a devirtualised virtual call (direct_call): the receiver's (argument 1)
                      // dispatch-array entry is the callee, and in `targets`
  };
  Kind kind = Kind::kResizes;
  std::vector<uint32_t> targets;  // sorted low FunctionId indices
  ir::PrebuiltId dispatch;        // kDispatch: the slot's dispatch array
  ir::ClassId introducer;         // kDispatch: the class introducing the slot
};

struct FunctionFacts {
  bool constructor = false;
  std::vector<ir::BlockId> unreached;  // blocks the annotator proved unreachable
  std::vector<std::pair<ir::VarId, ValueCheck>> values;
  std::vector<std::pair<ir::VarId, uint32_t>> site_results;  // a variable defined by a site's allocation
  std::vector<std::pair<ir::OpId, OpCheck>> ops;
};

struct SiteFlags {
  bool resized = false;
  bool mutated = false;
};

struct LowFacts {
  std::vector<SiteFlags> sites;            // by SiteId index
  std::vector<FunctionFacts> functions;    // by low FunctionId
};

// The checks of `low`, made from the annotation of `high` through the rtyper's origins and
// function map.
LowFacts translate_facts(const annotator::Annotation& annotation, const ir::Program& low,
                         const rtyper::Origins& origins, const std::vector<ir::FunctionId>& function_map);

// The facts file: one line per check, entities by name (functions, classes, fields, prebuilts
// as printed, blocks and variables as the printed IR names them), so that it applies to the
// program the .rtir parses into.
void write_facts(const LowFacts& facts, const ir::Program& low, llvm::raw_ostream& out);
llvm::Expected<LowFacts> read_facts(llvm::StringRef text, const ir::Program& low, llvm::StringRef file_name);

// The observer of `run --mode=ll --check-facts` / `run-ir --check-facts --facts FILE`.
std::unique_ptr<graphinterp::Observer> make_low_fact_checker(const ir::Program& low, const LowFacts& facts);

}  // namespace rtoolchain::driver
