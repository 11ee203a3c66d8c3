// rtll::dict_iter / dictiter_* against range-for over rt::Dict: order after deletions and
// re-insertions, values overwritten during the loop, and the RuntimeError of a key inserted,
// removed or cleared during the loop.
#include "agree.h"

namespace {

using HostDict = rt::Dict<int64_t, rt::Str>;
using LlDict = rtll::Dict<int64_t, Bytes*, rtll::IntKeys<int64_t>>;

enum class Mutation : int64_t { kNone, kOverwrite, kInsert, kRemove, kRemoveSelf, kClear, kInsertThenRemove };

// Iterates, applying the mutation when the loop reaches key 3.
rt::Str host_loop(HostDict* d, Mutation mutation) {
  rt::Str text = "";
  try {
    for (auto [key, value] : *d) {
      text = text + " " + rt::Str::from_int(key) + "=" + value;
      if (key != 3) continue;
      switch (mutation) {
        case Mutation::kNone: break;
        case Mutation::kOverwrite: d->set(4, "new"); break;
        case Mutation::kInsert: d->set(100, "x"); break;
        case Mutation::kRemove: d->remove(4); break;
        case Mutation::kRemoveSelf: d->remove(3); break;
        case Mutation::kClear: d->clear(); break;
        case Mutation::kInsertThenRemove:
          d->set(100, "x");
          d->remove(100);
          break;
      }
    }
  } catch (rt::Exception* e) {
    text = text + " " + error_text(e);
  }
  return text;
}

rt::Str ll_loop(LlDict* d, Mutation mutation) {
  rt::Str text = "";
  try {
    rtll::DictIter<int64_t, Bytes*, rtll::IntKeys<int64_t>>* it = rtll::dict_iter(d);
    while (rtll::dictiter_next(it)) {
      int64_t key = rtll::dictiter_key(it);
      text = text + " " + rt::Str::from_int(key) + "=" + from_bytes(rtll::dictiter_value(it));
      if (key != 3) continue;
      switch (mutation) {
        case Mutation::kNone: break;
        case Mutation::kOverwrite: rtll::dict_setitem(d, static_cast<int64_t>(4), to_bytes("new")); break;
        case Mutation::kInsert: rtll::dict_setitem(d, static_cast<int64_t>(100), to_bytes("x")); break;
        case Mutation::kRemove: rtll::dict_delitem(d, static_cast<int64_t>(4)); break;
        case Mutation::kRemoveSelf: rtll::dict_delitem(d, static_cast<int64_t>(3)); break;
        case Mutation::kClear: rtll::dict_clear(d); break;
        case Mutation::kInsertThenRemove:
          rtll::dict_setitem(d, static_cast<int64_t>(100), to_bytes("x"));
          rtll::dict_delitem(d, static_cast<int64_t>(100));
          break;
      }
    }
  } catch (rt::Exception* e) {
    text = text + " " + error_text(e);
  }
  return text;
}

}  // namespace

void check_dict_iteration() {
  rt::print_line("== dict iteration");
  HostDict* empty_host = rt::make<HostDict>();
  LlDict* empty_ll = rtll::dict_new<int64_t, Bytes*, rtll::IntKeys<int64_t>>(nullptr, nullptr);
  agree("iterate empty", host_loop(empty_host, Mutation::kInsert), ll_loop(empty_ll, Mutation::kInsert));
  for (int64_t m = 0; m <= static_cast<int64_t>(Mutation::kInsertThenRemove); ++m) {
    HostDict* h = rt::make<HostDict>();
    LlDict* l = rtll::dict_new<int64_t, Bytes*, rtll::IntKeys<int64_t>>(nullptr, nullptr);
    // Keys 0..7, then 1 and 5 removed and 1 re-inserted (it goes last): holes to skip.
    for (int64_t k = 0; k < 8; ++k) {
      h->set(k, rt::Str("v") + rt::Str::from_int(k));
      rtll::dict_setitem(l, k, to_bytes(rt::Str("v") + rt::Str::from_int(k)));
    }
    h->remove(1);
    h->remove(5);
    h->set(1, "again");
    rtll::dict_delitem(l, static_cast<int64_t>(1));
    rtll::dict_delitem(l, static_cast<int64_t>(5));
    rtll::dict_setitem(l, static_cast<int64_t>(1), to_bytes("again"));
    rt::Str label = rt::Str("iterate mutation#") + rt::Str::from_int(m);
    agree(label, host_loop(h, static_cast<Mutation>(m)), ll_loop(l, static_cast<Mutation>(m)));
    agree(label + " after", host_loop(h, Mutation::kNone), ll_loop(l, Mutation::kNone));
  }
}
