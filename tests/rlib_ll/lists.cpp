// rtll::strbuilder_*, list_* and array_* against rt::StrBuilder, rt::List and rt::Array.
#include "agree.h"

namespace {

rt::Str show_host(rt::List<int64_t>* l) {
  rt::StrBuilder builder;
  builder.append("[");
  for (int64_t i = 0; i < l->size(); ++i) {
    if (i > 0) builder.append(",");
    builder.append_int(l->get(i));
  }
  builder.append("]");
  return builder.build();
}

rt::Str show_ll(rtll::List<int64_t>* l) {
  rt::StrBuilder builder;
  builder.append("[");
  for (int64_t i = 0; i < rtll::list_len<int64_t>(l); ++i) {
    if (i > 0) builder.append(",");
    builder.append_int(rtll::list_getitem<int64_t>(l, i));
  }
  builder.append("]");
  return builder.build();
}

enum class ListOp : int64_t {
  kGet, kSet, kPopAt, kInsert, kResize, kSlice, kIndexOf, kAppend, kPop, kReverse, kExtendSelf, kClear, kCopy
};

// One operation with its integer argument; the result and then the list.
rt::Str host_op(rt::List<int64_t>* l, ListOp op, int64_t n) {
  rt::Str result = "-";
  try {
    switch (op) {
      case ListOp::kGet: result = rt::Str::from_int(l->get(n)); break;
      case ListOp::kSet: l->set(n, 100 + n); break;
      case ListOp::kPopAt: result = rt::Str::from_int(l->pop_at(n)); break;
      case ListOp::kInsert: l->insert(n, 200 + n); break;
      case ListOp::kResize: l->resize(n, 9); break;
      case ListOp::kSlice: result = show_host(l->slice(n, n + 3)) + show_host(l->slice(-5, 100)) + show_host(l->slice(3, 1)); break;
      case ListOp::kIndexOf: result = rt::Str::from_int(l->index_of(n)) + show_bool(l->contains(n)); break;
      case ListOp::kAppend: l->append(n); break;
      case ListOp::kPop: result = rt::Str::from_int(l->pop()); break;
      case ListOp::kReverse: l->reverse(); break;
      case ListOp::kExtendSelf: l->extend(l); break;
      case ListOp::kClear: l->clear(); break;
      case ListOp::kCopy: result = show_host(l->copy()); break;
    }
  } catch (rt::Exception* e) {
    result = error_text(e);
  }
  return result + " " + show_host(l) + " len " + rt::Str::from_int(l->size()) + " empty " + show_bool(l->empty());
}

rt::Str ll_op(rtll::List<int64_t>* l, ListOp op, int64_t n) {
  rt::Str result = "-";
  try {
    switch (op) {
      case ListOp::kGet: result = rt::Str::from_int(rtll::list_getitem<int64_t>(l, n)); break;
      case ListOp::kSet: rtll::list_setitem<int64_t>(l, n, 100 + n); break;
      case ListOp::kPopAt: result = rt::Str::from_int(rtll::list_pop_at<int64_t>(l, n)); break;
      case ListOp::kInsert: rtll::list_insert<int64_t>(l, n, 200 + n); break;
      case ListOp::kResize: rtll::list_resize<int64_t>(l, n, 9); break;
      case ListOp::kSlice:
        result = show_ll(rtll::list_slice<int64_t>(l, n, n + 3)) + show_ll(rtll::list_slice<int64_t>(l, -5, 100)) +
                 show_ll(rtll::list_slice<int64_t>(l, 3, 1));
        break;
      case ListOp::kIndexOf:
        result = rt::Str::from_int(rtll::list_index_of<int64_t>(l, n)) + show_bool(rtll::list_contains<int64_t>(l, n));
        break;
      case ListOp::kAppend: rtll::list_append<int64_t>(l, n); break;
      case ListOp::kPop: result = rt::Str::from_int(rtll::list_pop<int64_t>(l)); break;
      case ListOp::kReverse: rtll::list_reverse<int64_t>(l); break;
      case ListOp::kExtendSelf: rtll::list_extend<int64_t>(l, l); break;
      case ListOp::kClear: rtll::list_clear<int64_t>(l); break;
      case ListOp::kCopy: result = show_ll(rtll::list_copy<int64_t>(l)); break;
    }
  } catch (rt::Exception* e) {
    result = error_text(e);
  }
  return result + " " + show_ll(l) + " len " + rt::Str::from_int(rtll::list_len<int64_t>(l)) + " empty " +
         show_bool(rtll::list_is_empty<int64_t>(l));
}

void step(rt::List<int64_t>* h, rtll::List<int64_t>* l, ListOp op, int64_t n) {
  agree(rt::Str("list op#") + rt::Str::from_int(static_cast<int64_t>(op)) + "(" + rt::Str::from_int(n) + ")",
        host_op(h, op, n), ll_op(l, op, n));
}

rt::Str host_new_filled(int64_t count) {
  try {
    return show_host(rt::make<rt::List<int64_t>>(count, 7));
  } catch (rt::Exception* e) {
    return error_text(e);
  }
}

rt::Str ll_new_filled(int64_t count) {
  try {
    return show_ll(rtll::list_new_filled<int64_t>(count, 7));
  } catch (rt::Exception* e) {
    return error_text(e);
  }
}

}  // namespace

void check_builders() {
  rt::print_line("== builders");
  rt::List<int64_t>* hints = rt::make<rt::List<int64_t>>();
  hints->append(-5);
  hints->append(0);
  hints->append(1);
  hints->append(100);
  for (int64_t hint : *hints) {
    rt::StrBuilder host(hint);
    rtll::StrBuilder* ll = rtll::strbuilder_new(hint);
    rt::Str label = rt::Str("builder hint ") + rt::Str::from_int(hint);
    agree(label + " empty", quote(host.build()), quote_bytes(rtll::strbuilder_build(ll)));
    host.append("abc");
    rtll::strbuilder_append(ll, to_bytes("abc"));
    host.append_char('\xfe');
    rtll::strbuilder_append_char(ll, '\xfe');
    host.append_int(INT64_MIN);
    rtll::strbuilder_append_int(ll, INT64_MIN);
    host.append_double(0.1);
    rtll::strbuilder_append_double(ll, 0.1);
    agree(label + " built", quote(host.build()), quote_bytes(rtll::strbuilder_build(ll)));
    // Growth past several reallocations; the builder goes on after build().
    for (int64_t i = 0; i < 300; ++i) {
      host.append_int(i);
      rtll::strbuilder_append_int(ll, i);
      if (i % 97 == 0)
        agree(label + " len", rt::Str::from_int(host.size()), rt::Str::from_int(rtll::strbuilder_len(ll)));
    }
    agree(label + " long", rt::Str::from_int(host.build().hash()), rt::Str::from_int(rtll::str_hash(rtll::strbuilder_build(ll))));
    host.clear();
    rtll::strbuilder_clear(ll);
    host.append("x");
    rtll::strbuilder_append(ll, to_bytes("x"));
    agree(label + " cleared", quote(host.build()) + rt::Str::from_int(host.size()),
          quote_bytes(rtll::strbuilder_build(ll)) + rt::Str::from_int(rtll::strbuilder_len(ll)));
  }
}

void check_lists() {
  rt::print_line("== lists");
  agree("new_filled 3", host_new_filled(3), ll_new_filled(3));
  agree("new_filled 0", host_new_filled(0), ll_new_filled(0));
  agree("new_filled -1", host_new_filled(-1), ll_new_filled(-1));
  rt::List<int64_t>* h = rt::make<rt::List<int64_t>>();
  rtll::List<int64_t>* l = rtll::list_new<int64_t>();
  // Empty list edge cases.
  step(h, l, ListOp::kPop, 0);
  step(h, l, ListOp::kGet, 0);
  step(h, l, ListOp::kPopAt, 0);
  step(h, l, ListOp::kInsert, 1);
  step(h, l, ListOp::kInsert, 0);
  step(h, l, ListOp::kSlice, 0);
  for (int64_t i = 1; i <= 6; ++i) step(h, l, ListOp::kAppend, i * 10);
  rt::List<int64_t>* args = rt::make<rt::List<int64_t>>();
  args->append(-1);
  args->append(0);
  args->append(3);
  args->append(5);
  args->append(6);
  args->append(7);
  args->append(INT64_MIN);
  for (int64_t n : *args) {
    step(h, l, ListOp::kGet, n);
    step(h, l, ListOp::kSet, n);
    step(h, l, ListOp::kIndexOf, n);
    step(h, l, ListOp::kSlice, n);
  }
  step(h, l, ListOp::kIndexOf, 40);
  step(h, l, ListOp::kIndexOf, 103);
  for (int64_t n : *args) step(h, l, ListOp::kInsert, n);
  for (int64_t n : *args) step(h, l, ListOp::kPopAt, n);
  step(h, l, ListOp::kReverse, 0);
  step(h, l, ListOp::kExtendSelf, 0);
  step(h, l, ListOp::kReverse, 0);
  step(h, l, ListOp::kCopy, 0);
  step(h, l, ListOp::kResize, -1);
  step(h, l, ListOp::kResize, 3);
  step(h, l, ListOp::kResize, 12);
  step(h, l, ListOp::kPop, 0);
  step(h, l, ListOp::kClear, 0);
  step(h, l, ListOp::kPop, 0);
  // Growth past several reallocations, then shrinking by pops.
  for (int64_t i = 0; i < 500; ++i) {
    h->append(i * i);
    rtll::list_append<int64_t>(l, i * i);
  }
  step(h, l, ListOp::kGet, 499);
  step(h, l, ListOp::kIndexOf, 250000 - 1000 + 1);
  step(h, l, ListOp::kIndexOf, 62001);
  for (int64_t i = 0; i < 490; ++i) {
    h->pop();
    rtll::list_pop<int64_t>(l);
  }
  step(h, l, ListOp::kCopy, 0);

  // Other item types: narrow and unsigned integers wrap as stored, doubles compare as doubles
  // (NaN is never found, -0.0 finds 0.0), references by identity, strings by content.
  rt::List<int8_t>* h8 = rt::make<rt::List<int8_t>>(2, static_cast<int8_t>(-128));
  rtll::List<int8_t>* l8 = rtll::list_new_filled<int8_t>(2, static_cast<int8_t>(-128));
  h8->append(127);
  rtll::list_append<int8_t>(l8, 127);
  agree("int8 items", rt::Str::from_int(h8->get(0)) + " " + rt::Str::from_int(h8->get(2)) + " " + rt::Str::from_int(h8->index_of(127)),
        rt::Str::from_int(rtll::list_getitem<int8_t>(l8, 0)) + " " + rt::Str::from_int(rtll::list_getitem<int8_t>(l8, 2)) +
            " " + rt::Str::from_int(rtll::list_index_of<int8_t>(l8, 127)));
  rt::List<uint64_t>* hu = rt::make<rt::List<uint64_t>>();
  rtll::List<uint64_t>* lu = rtll::list_new<uint64_t>();
  hu->append(UINT64_MAX);
  rtll::list_append<uint64_t>(lu, UINT64_MAX);
  agree("uint64 items", rt::Str::from_int(hu->index_of(UINT64_MAX)) + rt::Str::from_int(static_cast<int64_t>(hu->pop())),
        rt::Str::from_int(rtll::list_index_of<uint64_t>(lu, UINT64_MAX)) +
            rt::Str::from_int(static_cast<int64_t>(rtll::list_pop<uint64_t>(lu))));
  rt::List<double>* hd = rt::make<rt::List<double>>();
  rtll::List<double>* ld = rtll::list_new<double>();
  hd->append(0.0 / 0.0);
  hd->append(0.0);
  rtll::list_append<double>(ld, 0.0 / 0.0);
  rtll::list_append<double>(ld, 0.0);
  agree("double items", rt::Str::from_int(hd->index_of(0.0 / 0.0)) + " " + rt::Str::from_int(hd->index_of(-0.0)),
        rt::Str::from_int(rtll::list_index_of<double>(ld, 0.0 / 0.0)) + " " +
            rt::Str::from_int(rtll::list_index_of<double>(ld, -0.0)));
  rt::List<bool>* hb = rt::make<rt::List<bool>>(3, true);
  rtll::List<bool>* lb = rtll::list_new_filled<bool>(3, true);
  hb->set(1, false);
  rtll::list_setitem<bool>(lb, 1, false);
  agree("bool items", rt::Str::from_int(hb->index_of(false)), rt::Str::from_int(rtll::list_index_of<bool>(lb, false)));
  Box* first = rt::make<Box>(1);
  Box* twin = rt::make<Box>(1);
  rt::List<Box*>* hr = rt::make<rt::List<Box*>>();
  rtll::List<rt::Object*>* lr = rtll::list_new<rt::Object*>();
  hr->append(first);
  hr->append(nullptr);
  rtll::list_append<rt::Object*>(lr, first);
  rtll::list_append<rt::Object*>(lr, nullptr);
  agree("ref items", rt::Str::from_int(hr->index_of(twin)) + rt::Str::from_int(hr->index_of(first)) + rt::Str::from_int(hr->index_of(nullptr)),
        rt::Str::from_int(rtll::list_index_of<rt::Object*>(lr, twin)) + rt::Str::from_int(rtll::list_index_of<rt::Object*>(lr, first)) +
            rt::Str::from_int(rtll::list_index_of<rt::Object*>(lr, nullptr)));
  rt::List<rt::Str>* hs = rt::make<rt::List<rt::Str>>();
  rtll::List<Bytes*>* ls = rtll::list_new<Bytes*>();
  hs->append("x\xff");
  rtll::list_append<Bytes*>(ls, to_bytes("x\xff"));
  agree("str items", show_bool(hs->contains("x\xff")) + show_bool(hs->contains("x")),
        show_bool(rtll::list_contains<Bytes*>(ls, to_bytes("x\xff"))) + show_bool(rtll::list_contains<Bytes*>(ls, to_bytes("x"))));

  // Arrays: fill and from_list.
  rt::Array<int64_t>* ha = rt::Array<int64_t>::from_list(h);
  rt::Array<int64_t>* la = rtll::array_from_list<int64_t>(l);
  ha->fill(-3);
  rtll::array_fill<int64_t>(la, -3);
  rt::Str host_array = rt::Str::from_int(ha->size());
  rt::Str ll_array = rt::Str::from_int(la->size());
  for (int64_t v : *ha) host_array = host_array + " " + rt::Str::from_int(v);
  for (int64_t v : *la) ll_array = ll_array + " " + rt::Str::from_int(v);
  agree("array fill", host_array, ll_array);
}
