// Accepted by rule H10 of docs/rcpp.md.
#include "rt/rt.h"

class MyList : public rt::Object {};
int64_t my_get(MyList* l, int64_t i) { return l == nullptr ? i : 0; }

int64_t rt_main(rt::List<rt::Str>* argv) {
  return my_get(rt::make<MyList>(), 0);
}
