// Strings: one helper per str_* operation of ops.def, over rtll::Bytes (docs/lowlevel.md).
// Each behaves exactly as the rt::Str member of the same operation (rlib/include/rt/str.h),
// exceptions and messages included.
#pragma once

#include "common.h"
#include "list.h"

namespace rtll {

RT_LL_HELPER int64_t str_len(Bytes* s);
RT_LL_HELPER bool str_is_empty(Bytes* s);
RT_LL_HELPER int8_t str_getitem(Bytes* s, int64_t index);
RT_LL_HELPER int64_t str_byte_at(Bytes* s, int64_t index);
RT_LL_HELPER Bytes* str_concat(Bytes* a, Bytes* b);
RT_LL_HELPER int64_t str_compare(Bytes* a, Bytes* b);
RT_LL_HELPER bool str_eq(Bytes* a, Bytes* b);
RT_LL_HELPER bool str_ne(Bytes* a, Bytes* b);
RT_LL_HELPER bool str_lt(Bytes* a, Bytes* b);
RT_LL_HELPER bool str_le(Bytes* a, Bytes* b);
RT_LL_HELPER bool str_gt(Bytes* a, Bytes* b);
RT_LL_HELPER bool str_ge(Bytes* a, Bytes* b);
RT_LL_HELPER Bytes* str_slice(Bytes* s, int64_t start, int64_t stop);
RT_LL_HELPER Bytes* str_slice_from(Bytes* s, int64_t start);
RT_LL_HELPER int64_t str_find(Bytes* s, Bytes* needle, int64_t start);
RT_LL_HELPER int64_t str_rfind(Bytes* s, Bytes* needle);
RT_LL_HELPER bool str_contains(Bytes* s, Bytes* needle);
RT_LL_HELPER bool str_startswith(Bytes* s, Bytes* prefix);
RT_LL_HELPER bool str_endswith(Bytes* s, Bytes* suffix);
RT_LL_HELPER int64_t str_count(Bytes* s, Bytes* needle);
RT_LL_HELPER List<Bytes*>* str_split(Bytes* s, Bytes* sep);
RT_LL_HELPER List<Bytes*>* str_split_whitespace(Bytes* s);
RT_LL_HELPER Bytes* str_join(Bytes* sep, List<Bytes*>* pieces);
RT_LL_HELPER Bytes* str_replace(Bytes* s, Bytes* old, Bytes* replacement);
RT_LL_HELPER Bytes* str_strip(Bytes* s);
RT_LL_HELPER Bytes* str_lstrip(Bytes* s);
RT_LL_HELPER Bytes* str_rstrip(Bytes* s);
RT_LL_HELPER Bytes* str_upper(Bytes* s);
RT_LL_HELPER Bytes* str_lower(Bytes* s);
RT_LL_HELPER Bytes* str_repeat(Bytes* s, int64_t times);
RT_LL_HELPER int64_t str_hash(Bytes* s);
RT_LL_HELPER Bytes* str_from_int(int64_t value);
RT_LL_HELPER Bytes* str_from_double(double value);
RT_LL_HELPER Bytes* str_from_char(int8_t c);
RT_LL_HELPER int64_t str_to_int(Bytes* s, int64_t base);
RT_LL_HELPER double str_to_double(Bytes* s);

// rt::StrBuilder: `length` bytes of `buffer` are the text; the buffer starts at the size hint
// (16 when the hint is not positive) and doubles when full, as rt::StrBuilder's.
class StrBuilder : public rt::Object {
 public:
  int64_t length = 0;
  Bytes* buffer = nullptr;
};

RT_LL_HELPER StrBuilder* strbuilder_new(int64_t size_hint);
RT_LL_HELPER void strbuilder_append(StrBuilder* sb, Bytes* piece);
RT_LL_HELPER void strbuilder_append_char(StrBuilder* sb, int8_t c);
RT_LL_HELPER void strbuilder_append_int(StrBuilder* sb, int64_t value);
RT_LL_HELPER void strbuilder_append_double(StrBuilder* sb, double value);
RT_LL_HELPER int64_t strbuilder_len(StrBuilder* sb);
RT_LL_HELPER Bytes* strbuilder_build(StrBuilder* sb);
RT_LL_HELPER void strbuilder_clear(StrBuilder* sb);

}  // namespace rtll
