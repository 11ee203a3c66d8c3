// The exception hierarchy of RC++. Exceptions are GC objects thrown as pointers:
//   throw rt::make<rt::ValueError>("bad digit");
//   catch (rt::ValueError* e) { ... e->message ... }
// Translated code lowers throw/catch to explicit checks after calls, so the same program must
// not depend on anything but the class and the fields of the thrown object.
#pragma once

#include "rt/object.h"
#include "rt/str.h"

namespace rt {

class Exception : public Object {
 public:
  RT_OP(exception_init) explicit Exception(Str message = Str()) : message(message) {}
  // The class name as written in C++, for error reports ("IndexError").
  RT_OP(virtual_call) virtual Str type_name() const { return "Exception"; }
  RT_OP(getfield) Str message;
};

// Declares an exception class whose type_name() is its own name.
#define RT_DEFINE_EXCEPTION(Name, Base)                            \
  class Name : public Base {                                       \
   public:                                                         \
    RT_OP(exception_init) explicit Name(::rt::Str message = ::rt::Str()) : Base(message) {} \
    RT_OP(virtual_call) ::rt::Str type_name() const override { return #Name; }         \
  }

RT_DEFINE_EXCEPTION(IndexError, Exception);        // container index out of range
RT_DEFINE_EXCEPTION(KeyError, Exception);          // missing dict key
RT_DEFINE_EXCEPTION(ValueError, Exception);        // malformed argument (parsing, bad sizes)
RT_DEFINE_EXCEPTION(OverflowError, Exception);     // checked arithmetic or conversion overflow
RT_DEFINE_EXCEPTION(ZeroDivisionError, Exception); // integer division or modulo by zero
RT_DEFINE_EXCEPTION(MemoryError, Exception);       // the GC heap is exhausted
RT_DEFINE_EXCEPTION(RecursionError, Exception);    // the native stack budget is exhausted
RT_DEFINE_EXCEPTION(RuntimeError, Exception);      // misuse detected at run time (see docs)

// An operating-system call failed; `errno_value` is the C errno.
class OSError : public Exception {
 public:
  RT_OP(exception_init) OSError(Str message, int errno_value) : Exception(message), errno_value(errno_value) {}
  RT_OP(virtual_call) Str type_name() const override { return "OSError"; }
  RT_OP(getfield) int errno_value;
};

// Throws a new E with the message; [[noreturn]] helpers keep call sites small.
template <class E>
RT_OP(raise) [[noreturn]] void raise(Str message) {
  throw make<E>(message);
}

}  // namespace rt
