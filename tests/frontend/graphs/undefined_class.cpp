// A class that is declared but defined in no source of the target: one located error, reported
// once for the class (not at every mention of it), and nothing about the field it left out.
#include "rt/rt.h"

class Missing;

class Holder : public rt::Object {
 public:
  Missing* missing = nullptr;
};

int64_t rt_main(rt::List<rt::Str>* argv) {
  Holder* holder = rt::make<Holder>();
  return holder->missing == nullptr ? argv->size() : 1;
}

// ERROR: undefined_class.cpp:9:12: error: [P5 whole-program] class 'Missing' is used but not defined in any source of the target
// ERROR: rtoolchain: 1 error(s)
