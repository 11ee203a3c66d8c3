#include "rtoolchain/ir/constants.h"

#include <cstring>
#include <tuple>

namespace rtoolchain::ir {

double Constant::float_value() const {
  double value;
  std::memcpy(&value, &float_bits, sizeof value);
  return value;
}

bool operator<(const Constant& a, const Constant& b) {
  auto key = [](const Constant& c) {
    return std::tie(c.kind, c.type, c.int_value, c.float_bits, c.text, c.entity, c.items);
  };
  return key(a) < key(b);
}

ConstId ConstantTable::intern(Constant constant) {
  auto found = index_.find(constant);
  if (found != index_.end()) return found->second;
  ConstId id(static_cast<uint32_t>(constants_.size()));
  index_.emplace(constant, id);
  constants_.push_back(std::move(constant));
  return id;
}

}  // namespace rtoolchain::ir
