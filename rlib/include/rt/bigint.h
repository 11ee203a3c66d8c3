// rt::BigInt: arbitrary-precision signed integers (docs/rlib.md, "rt::BigInt"). Unlike the rest
// of the rt API it is RC++ code, not a primitive of the toolchain: rlib/rc/bigint.cpp goes
// through the front end with the program (rt_add_host_program(... BIGINT ...)), so translation
// and the JIT see its loops like the program's own. The class is rtlib::BigInt; this header
// gives it its rt name.
#pragma once

#include "../../rc/bigint.h"

namespace rt {
using BigInt = rtlib::BigInt;
}  // namespace rt
