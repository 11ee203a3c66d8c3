// Catch2 main for unit tests that use the rt heap (rlib, graph mode): the host runtime needs its
// collector and stack budget set up before the first allocation, as rlib's own main() does.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <exception>
#include <string>

#include "rt/exceptions.h"
#include "rt/main.h"

namespace {

// Shows an rt exception escaping a test as "rt::ValueError: message" instead of "Unknown
// exception". (CATCH_TRANSLATE_EXCEPTION catches by reference, which misses a Derived* thrown
// at a Base* handler, so this is written out.)
class RtExceptionTranslator : public Catch::IExceptionTranslator {
 public:
  std::string translate(Catch::ExceptionTranslators::const_iterator it,
                        Catch::ExceptionTranslators::const_iterator end) const override {
    try {
      if (it == end) std::rethrow_exception(std::current_exception());
      return (*it)->translate(it + 1, end);
    } catch (rt::Exception* e) {
      return "rt::" + std::string(e->type_name().view()) + ": " + std::string(e->message.view());
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  rt::init_host_runtime(__builtin_frame_address(0));
  Catch::getMutableRegistryHub().registerTranslator(new RtExceptionTranslator);
  return Catch::Session().run(argc, argv);
}
