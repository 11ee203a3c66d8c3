// The marking of the rt API (library_ops.def): RT_OP(name) on a declaration says which operation
// of the IR (or external function, or front-end form) a use of it becomes. In host mode it is an
// annotation nobody reads; the front end reads it, and only it, to recognise rt calls, so that
// hidden calls (implicit conversions, operators, range-for) are caught as surely as written ones.
//
//   RT_OP(str_len) int64_t size() const;
//
// The annotation carries the name and the enumerator, so a misspelt name does not compile.
#pragma once

namespace rt::library_op {
enum : int {
#define RT_LIBRARY_OP(name) name,
#define RT_LIBRARY_EXTERNAL(name, qualified_name) name,
#define RT_LIBRARY_FORM(name) name,
#include "rt/library_ops.def"
  kCount
};
}  // namespace rt::library_op

#if defined(__clang__)
#define RT_OP(name) [[clang::annotate("rt.op", #name, ::rt::library_op::name)]]
#else
#define RT_OP(name)
#endif
