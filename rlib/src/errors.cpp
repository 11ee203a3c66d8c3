// Out-of-line throwers: keep the inline fast paths of the containers and arithmetic small.
#include <cstdio>

#include "rt/dict.h"
#include "rt/exceptions.h"
#include "rt/list.h"

namespace rt::detail {

void throw_index_error(const char* what, int64_t index, int64_t size) {
  char text[160];
  std::snprintf(text, sizeof text, "%s %lld out of range for size %lld", what,
                static_cast<long long>(index), static_cast<long long>(size));
  raise<IndexError>(Str(text));
}
void throw_index_error_message(const char* message) { raise<IndexError>(Str(message)); }
void throw_key_error() { raise<KeyError>("key not found"); }
void throw_dict_changed() { raise<RuntimeError>("dict changed size during iteration"); }
void throw_value_error(const char* message) { raise<ValueError>(Str(message)); }
void throw_overflow(const char* what) {
  raise<OverflowError>(Str(what) + Str(" overflow"));
}
void throw_zero_division(const char* what) { raise<ZeroDivisionError>(Str(what)); }

}  // namespace rt::detail
