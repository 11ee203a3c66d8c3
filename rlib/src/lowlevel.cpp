// The externals of the low-level helpers (rt/lowlevel.h): rt::Str's formatting and parsing of
// doubles, over byte arrays.
#include "rt/lowlevel.h"

#include <string>

#include "rt/exceptions.h"
#include "rt/str.h"

namespace rt::ll {

Array<int8_t>* format_double(double value) {
  Str text = Str::from_double(value);
  auto* bytes = make<Array<int8_t>>(text.size());
  for (int64_t i = 0; i < text.size(); ++i) bytes->set(i, static_cast<int8_t>(text.at(i)));
  return bytes;
}

double parse_double(Array<int8_t>* text) {
  std::string bytes;
  for (int64_t i = 0; i < text->size(); ++i) bytes.push_back(static_cast<char>(text->get(i)));
  return Str::from_bytes(bytes).to_double();
}

void array_index_error(int64_t index, int64_t size) { detail::throw_index_error("array index", index, size); }

void array_assignment_index_error(int64_t index, int64_t size) {
  detail::throw_index_error("array assignment index", index, size);
}

void check_array_size(int64_t count) {
  if (count < 0) detail::throw_value_error("negative array size");
  if (count > (INT64_MAX >> 4)) throw make<MemoryError>("array too large");
}

}  // namespace rt::ll
