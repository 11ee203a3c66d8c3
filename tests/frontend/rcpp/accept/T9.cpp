// Accepted by rule T9 of docs/rcpp.md.
#include "rt/rt.h"

rt::Str join_names(rt::List<rt::Str>* names) {
  rt::StrBuilder sb;
  for (auto n : *names) {
    sb.append(n);
    sb.append_char(' ');
  }
  return sb.build();
}
class Printer : public rt::Object {
 public:
  rt::StrBuilder out;
  void emit(rt::Str v) { out.append(v); }
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Printer* p = rt::make<Printer>();
  p->emit(join_names(argv));
  return 0;
}
