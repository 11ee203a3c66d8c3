// The dict helpers, instantiated for every key policy and erased value type
// (docs/lowlevel.md), so that the set of helper graphs does not depend on the program.
#include "dict.h"

#define RTLL_DICT_HELPERS(EK, EV, Keys)                                                   \
  template Dict<EK, EV, Keys>* dict_new<EK, EV, Keys>(int64_t (*)(EK), bool (*)(EK, EK)); \
  template int64_t dict_len<EK, EV, Keys>(Dict<EK, EV, Keys>*);                           \
  template bool dict_is_empty<EK, EV, Keys>(Dict<EK, EV, Keys>*);                         \
  template bool dict_contains<EK, EV, Keys>(Dict<EK, EV, Keys>*, EK);                     \
  template EV dict_getitem<EK, EV, Keys>(Dict<EK, EV, Keys>*, EK);                        \
  template EV dict_get_or<EK, EV, Keys>(Dict<EK, EV, Keys>*, EK, EV);                     \
  template void dict_setitem<EK, EV, Keys>(Dict<EK, EV, Keys>*, EK, EV);                  \
  template EV dict_pop<EK, EV, Keys>(Dict<EK, EV, Keys>*, EK);                            \
  template void dict_delitem<EK, EV, Keys>(Dict<EK, EV, Keys>*, EK);                      \
  template bool dict_discard<EK, EV, Keys>(Dict<EK, EV, Keys>*, EK);                      \
  template void dict_clear<EK, EV, Keys>(Dict<EK, EV, Keys>*);                            \
  template List<EK>* dict_keys<EK, EV, Keys>(Dict<EK, EV, Keys>*);                        \
  template List<EV>* dict_values<EK, EV, Keys>(Dict<EK, EV, Keys>*);                      \
  template Dict<EK, EV, Keys>* dict_copy<EK, EV, Keys>(Dict<EK, EV, Keys>*);              \
  template DictIter<EK, EV, Keys>* dict_iter<EK, EV, Keys>(Dict<EK, EV, Keys>*);          \
  template bool dictiter_next<EK, EV, Keys>(DictIter<EK, EV, Keys>*);                     \
  template EK dictiter_key<EK, EV, Keys>(DictIter<EK, EV, Keys>*);                        \
  template EV dictiter_value<EK, EV, Keys>(DictIter<EK, EV, Keys>*);

// Every erased value type for one key policy.
#define RTLL_DICT_VALUES(EK, Keys)             \
  RTLL_DICT_HELPERS(EK, bool, Keys)            \
  RTLL_DICT_HELPERS(EK, int8_t, Keys)          \
  RTLL_DICT_HELPERS(EK, int16_t, Keys)         \
  RTLL_DICT_HELPERS(EK, int32_t, Keys)         \
  RTLL_DICT_HELPERS(EK, int64_t, Keys)         \
  RTLL_DICT_HELPERS(EK, uint8_t, Keys)         \
  RTLL_DICT_HELPERS(EK, uint16_t, Keys)        \
  RTLL_DICT_HELPERS(EK, uint32_t, Keys)        \
  RTLL_DICT_HELPERS(EK, uint64_t, Keys)        \
  RTLL_DICT_HELPERS(EK, double, Keys)          \
  RTLL_DICT_HELPERS(EK, rt::Object*, Keys)     \
  RTLL_DICT_HELPERS(EK, Bytes*, Keys)

namespace rtll {

RTLL_DICT_VALUES(bool, IntKeys<bool>)
RTLL_DICT_VALUES(int8_t, IntKeys<int8_t>)
RTLL_DICT_VALUES(int16_t, IntKeys<int16_t>)
RTLL_DICT_VALUES(int32_t, IntKeys<int32_t>)
RTLL_DICT_VALUES(int64_t, IntKeys<int64_t>)
RTLL_DICT_VALUES(uint8_t, IntKeys<uint8_t>)
RTLL_DICT_VALUES(uint16_t, IntKeys<uint16_t>)
RTLL_DICT_VALUES(uint32_t, IntKeys<uint32_t>)
RTLL_DICT_VALUES(uint64_t, IntKeys<uint64_t>)
RTLL_DICT_VALUES(Bytes*, StrKeys)
RTLL_DICT_VALUES(rt::Object*, RefKeys)
RTLL_DICT_VALUES(rt::Object*, FnKeys)

}  // namespace rtll
