// The low-level helpers (docs/lowlevel.md): the rt containers and strings as GC structs and
// RC++ functions, one per high-level operation.
#pragma once

#include "common.h"
#include "dict.h"
#include "list.h"
#include "str.h"
