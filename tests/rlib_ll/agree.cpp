#include "agree.h"

int64_t g_mismatches = 0;

rt::Str error_text(rt::Exception* e) { return rt::Str("raise ") + e->type_name() + ": " + e->message; }

void agree(rt::Str label, rt::Str host, rt::Str ll) {
  if (host == ll) {
    rt::print_line(label + ": " + host);
    return;
  }
  g_mismatches = g_mismatches + 1;
  rt::print_line(label + ": MISMATCH rt=" + host + " ll=" + ll);
}

int64_t mismatches() { return g_mismatches; }

Bytes* to_bytes(rt::Str s) {
  Bytes* b = rt::make<Bytes>(s.size(), 0);
  for (int64_t i = 0; i < s.size(); ++i) b->set(i, s.at(i));
  return b;
}

rt::Str from_bytes(Bytes* b) {
  rt::StrBuilder builder(b->size());
  for (int64_t i = 0; i < b->size(); ++i) builder.append_char(static_cast<char>(b->get(i)));
  return builder.build();
}

rt::Str quote(rt::Str s) {
  rt::Str hex = "0123456789abcdef";
  rt::StrBuilder builder(s.size() + 2);
  builder.append_char('"');
  for (int64_t i = 0; i < s.size(); ++i) {
    int64_t byte = s.byte_at(i);
    if (byte >= 32 && byte < 127 && byte != '\\' && byte != '"') {
      builder.append_char(s.at(i));
    } else {
      builder.append("\\x");
      builder.append_char(hex.at(byte >> 4));
      builder.append_char(hex.at(byte & 15));
    }
  }
  builder.append_char('"');
  return builder.build();
}

rt::Str quote_bytes(Bytes* b) { return quote(from_bytes(b)); }

rt::Str show_bool(bool b) { return b ? "true" : "false"; }

int64_t rt_main([[maybe_unused]] rt::List<rt::Str>* argv) {
  check_strings();
  check_builders();
  check_lists();
  check_dicts();
  check_dict_iteration();
  rt::print_line(rt::Str("mismatches: ") + rt::Str::from_int(mismatches()));
  return mismatches() == 0 ? 0 : 1;
}
