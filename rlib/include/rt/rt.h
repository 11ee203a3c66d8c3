// The RC++ `rt` library: everything an RC++ program may use beyond the core language.
#pragma once

#include "rt/arith.h"
#include "rt/dict.h"
#include "rt/exceptions.h"
#include "rt/jit.h"
#include "rt/list.h"
#include "rt/main.h"
#include "rt/math.h"
#include "rt/object.h"
#include "rt/os.h"
#include "rt/str.h"
