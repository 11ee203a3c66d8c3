// The list and array helpers, instantiated for every erased item type (docs/lowlevel.md), so
// that the set of helper graphs does not depend on the program.
#include "list.h"

#include "str.h"

#define RTLL_LIST_HELPERS(E)                                                  \
  template List<E>* list_new<E>();                                           \
  template List<E>* list_new_filled<E>(int64_t, E);                          \
  template int64_t list_len<E>(List<E>*);                                    \
  template bool list_is_empty<E>(List<E>*);                                  \
  template E list_getitem<E>(List<E>*, int64_t);                             \
  template void list_setitem<E>(List<E>*, int64_t, E);                       \
  template void list_append<E>(List<E>*, E);                                 \
  template E list_pop<E>(List<E>*);                                          \
  template E list_pop_at<E>(List<E>*, int64_t);                              \
  template void list_insert<E>(List<E>*, int64_t, E);                        \
  template void list_extend<E>(List<E>*, List<E>*);                          \
  template void list_resize<E>(List<E>*, int64_t, E);                        \
  template void list_clear<E>(List<E>*);                                     \
  template void list_reverse<E>(List<E>*);                                   \
  template int64_t list_index_of<E>(List<E>*, E);                            \
  template bool list_contains<E>(List<E>*, E);                               \
  template List<E>* list_slice<E>(List<E>*, int64_t, int64_t);               \
  template List<E>* list_copy<E>(List<E>*);                                  \
  template void array_fill<E>(rt::Array<E>*, E);                             \
  template rt::Array<E>* array_from_list<E>(List<E>*);

namespace rtll {

RTLL_LIST_HELPERS(bool)
RTLL_LIST_HELPERS(int8_t)
RTLL_LIST_HELPERS(int16_t)
RTLL_LIST_HELPERS(int32_t)
RTLL_LIST_HELPERS(int64_t)
RTLL_LIST_HELPERS(uint8_t)
RTLL_LIST_HELPERS(uint16_t)
RTLL_LIST_HELPERS(uint32_t)
RTLL_LIST_HELPERS(uint64_t)
RTLL_LIST_HELPERS(double)
RTLL_LIST_HELPERS(rt::Object*)
RTLL_LIST_HELPERS(Bytes*)

}  // namespace rtll
