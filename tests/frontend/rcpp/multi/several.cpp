// Several violations in one file: every one is reported, in source order (rules P2, T2, A4, A5,
// S1, S3, T5, M1, T3, X3, F3, E4).
#include <vector>
#include "rt/rt.h"

class Counter : public rt::Object {
 public:
  int64_t count = 0;
};

int64_t mean(int64_t total, short n) { return total / n; }

int64_t shifted(int64_t x, int64_t n) { return x << n; }

int64_t sign(int64_t x) {
  int64_t result;
  if (x > 0) return 1;
  result = -1;
  if (x < 0) return result;
}

void touch(Counter* c) {
  auto p = &c->count;
  float f = 1.5f;
  (void)p;
  (void)f;
}

int64_t rt_main(rt::List<rt::Str>* argv) {
  try {
    touch(rt::make<Counter>());
  } catch (rt::Exception* e) {
    throw;
  }
  auto id = [](int64_t x) { return x; };
  int64_t n = 0;
  while (n = n + 1, n < 3) {
  }
  return mean(sign(argv->size()), 1) + shifted(1, 2) + id(0);
}
