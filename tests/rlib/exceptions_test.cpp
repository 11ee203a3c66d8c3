// rt/exceptions.h: the hierarchy, type names, messages, user-defined exceptions, and the
// exception each rt operation raises.
#include "test_util.h"

#include <cerrno>
#include <cstdint>
#include <limits>
#include <string>

#include "rt/rt.h"

namespace {

// A language's own errors, declared as the header suggests.
RT_DEFINE_EXCEPTION(LangError, rt::Exception);
RT_DEFINE_EXCEPTION(LangTypeError, LangError);
RT_DEFINE_EXCEPTION(LangIndexError, rt::IndexError);

// An exception carrying a payload.
class ThrowValue : public rt::Exception {
 public:
  explicit ThrowValue(int64_t value) : rt::Exception("throw"), value(value) {}
  rt::Str type_name() const override { return "ThrowValue"; }
  int64_t value;
};

template <class E>
std::string caught_type_name(void (*fn)()) {
  try {
    fn();
  } catch (E* e) {
    return std::string(e->type_name().view());
  }
  return "nothing";
}

}  // namespace

TEST_CASE("Every rt exception has its type name and derives from rt::Exception", "[exceptions]") {
  rt::Exception* all[] = {
      rt::make<rt::Exception>("m"),     rt::make<rt::IndexError>("m"),
      rt::make<rt::KeyError>("m"),      rt::make<rt::ValueError>("m"),
      rt::make<rt::OverflowError>("m"), rt::make<rt::ZeroDivisionError>("m"),
      rt::make<rt::MemoryError>("m"),   rt::make<rt::RecursionError>("m"),
      rt::make<rt::RuntimeError>("m"),  rt::make<rt::OSError>("m", ENOENT),
  };
  const char* names[] = {
      "Exception",         "IndexError",  "KeyError",       "ValueError",   "OverflowError",
      "ZeroDivisionError", "MemoryError", "RecursionError", "RuntimeError", "OSError"};
  for (int i = 0; i < 10; ++i) {
    CHECK(all[i]->type_name() == names[i]);
    CHECK(all[i]->message == "m");
  }
  // The standard ones are siblings: none derives from another.
  for (int i = 1; i < 10; ++i)
    for (int j = 1; j < 10; ++j)
      if (i != j) CHECK(all[i]->type_name() != all[j]->type_name());
  CHECK(dynamic_cast<rt::ValueError*>(all[4]) == nullptr);  // OverflowError is not a ValueError
  CHECK(dynamic_cast<rt::Exception*>(all[9]) == all[9]);
  CHECK(static_cast<rt::OSError*>(all[9])->errno_value == ENOENT);
}

TEST_CASE("Exception messages default to empty", "[exceptions]") {
  CHECK(rt::make<rt::Exception>()->message.empty());
  CHECK(rt::make<rt::KeyError>()->message.empty());
  CHECK(rt::make<LangError>()->message.empty());
  CHECK(rt::make<LangError>()->type_name() == "LangError");
}

TEST_CASE("Exceptions are thrown and caught as pointers, by base class", "[exceptions]") {
  try {
    rt::raise<rt::ValueError>("bad digit");
    FAIL("no exception");
  } catch (rt::Exception* e) {
    CHECK(e->type_name() == "ValueError");
    CHECK(e->message == "bad digit");
    CHECK(dynamic_cast<rt::ValueError*>(e) != nullptr);
  }
  CHECK(caught_type_name<rt::Exception>([] { rt::raise<rt::KeyError>("k"); }) == "KeyError");
  CHECK(caught_type_name<rt::OSError>([] { throw rt::make<rt::OSError>("x", EBADF); }) ==
        "OSError");
  CHECK_THROWS_AS(rt::raise<rt::MemoryError>("m"), rt::MemoryError*);
  // Only the exact pointer type or a base matches: a KeyError* handler misses a ValueError.
  auto raise_value = [] {
    try {
      rt::raise<rt::ValueError>("v");
    } catch (rt::KeyError*) {
      return std::string("wrong handler");
    } catch (rt::ValueError* e) {
      return std::string(e->message.view());
    }
    return std::string("none");
  };
  CHECK(raise_value() == "v");
}

TEST_CASE("User exception hierarchies", "[exceptions]") {
  CHECK(caught_type_name<LangError>([] { rt::raise<LangTypeError>("t"); }) == "LangTypeError");
  CHECK(caught_type_name<rt::IndexError>([] { rt::raise<LangIndexError>("i"); }) ==
        "LangIndexError");
  CHECK(caught_type_name<rt::Exception>([] { throw rt::make<ThrowValue>(9); }) == "ThrowValue");
  try {
    throw rt::make<ThrowValue>(42);
  } catch (ThrowValue* e) {
    CHECK(e->value == 42);
    CHECK(e->message == "throw");
  }
  // Rethrowing the same object keeps its identity.
  rt::Exception* first = nullptr;
  try {
    try {
      rt::raise<LangError>("inner");
    } catch (LangError* e) {
      first = e;
      throw e;
    }
  } catch (rt::Exception* e) {
    CHECK(e == first);
  }
}

TEST_CASE("Which operation raises which exception", "[exceptions]") {
  CHECK(caught_type_name<rt::Exception>([] { rt::Str("ab").at(2); }) == "IndexError");
  CHECK(caught_type_name<rt::Exception>([] { rt::make<rt::List<int64_t>>()->pop(); }) ==
        "IndexError");
  CHECK(caught_type_name<rt::Exception>([] { rt::make<rt::Dict<int64_t, int64_t>>()->get(1); }) ==
        "KeyError");
  CHECK(caught_type_name<rt::Exception>([] { rt::Str("x").to_int(); }) == "ValueError");
  CHECK(caught_type_name<rt::Exception>([] { rt::Str("1").to_int(99); }) == "ValueError");
  CHECK(caught_type_name<rt::Exception>([] { rt::make<rt::List<int64_t>>(-1); }) == "ValueError");
  CHECK(caught_type_name<rt::Exception>([] { rt::shl(1, -1); }) == "ValueError");
  CHECK(caught_type_name<rt::Exception>(
            [] { rt::float_to_int(std::numeric_limits<double>::quiet_NaN()); }) == "ValueError");
  CHECK(caught_type_name<rt::Exception>([] { rt::Str("99999999999999999999").to_int(); }) ==
        "OverflowError");
  CHECK(caught_type_name<rt::Exception>([] { rt::ovf_mul(INT64_MAX, 2); }) == "OverflowError");
  CHECK(caught_type_name<rt::Exception>([] { rt::float_to_int(1e19); }) == "OverflowError");
  CHECK(caught_type_name<rt::Exception>([] { rt::mod_floor(1, 0); }) == "ZeroDivisionError");
  CHECK(caught_type_name<rt::Exception>([] { rt::Str("a").repeat(INT64_MAX); }) == "MemoryError");
  CHECK(caught_type_name<rt::Exception>([] {
          rt::jit::record_known_result(
              int64_t{1}, +[](int64_t x) { return x; }, int64_t{2});
        }) == "RuntimeError");
  CHECK(caught_type_name<rt::Exception>([] { rt::os::read_file("/nonexistent/rt-test"); }) ==
        "OSError");
  CHECK(caught_type_name<rt::Exception>([] {
          auto* d = rt::make<rt::Dict<int64_t, int64_t>>();
          d->set(1, 1);
          for (auto item : *d) d->set(item.key + 1, 0);
        }) == "RuntimeError");
}
