// Catch2 main for the rt unit tests: the host runtime needs its collector and stack budget set up
// before the first allocation, as rlib's own main() does for programs.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "rt/main.h"

int main(int argc, char** argv) {
  rt::init_host_runtime(__builtin_frame_address(0));
  return Catch::Session().run(argc, argv);
}
