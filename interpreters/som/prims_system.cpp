// The primitives of System: globals, class loading, output, time, exit.
#include "interp.h"
#include "primitives.h"

namespace som {

namespace {

Value* system_global(Frame* frame, rt::Array<Value*>* args) {
  Value* value = global(symbol_arg(frame, args->get(1), "global:"));
  return value == nullptr ? nil() : value;
}

Value* system_global_put(Frame* frame, rt::Array<Value*>* args) {
  set_global(symbol_arg(frame, args->get(1), "global:put:"), args->get(2));
  return args->get(2);
}

Value* system_has_global(Frame* frame, rt::Array<Value*>* args) {
  return som_bool(global(symbol_arg(frame, args->get(1), "hasGlobal:")) != nullptr);
}

Value* system_load(Frame* frame, rt::Array<Value*>* args) {
  SSymbol* name = symbol_arg(frame, args->get(1), "load:");
  SClass* existing = dynamic_cast<SClass*>(global(name));
  if (existing != nullptr) return existing;
  SClass* cls = load_class(name, frame);
  return cls == nullptr ? nil() : cls;
}

// The contents of a file as a string, or nil when it cannot be read.
Value* system_load_file(Frame* frame, rt::Array<Value*>* args) {
  try {
    return som_string(rt::os::read_file(string_arg(frame, args->get(1), "loadFile:")));
  } catch (rt::OSError* e) {
    return nil();
  }
}

Value* system_exit(Frame* frame, rt::Array<Value*>* args) {
  int64_t status = int_arg(frame, args->get(1), "exit:");
  rt::os::exit(status);
  return nil();
}

Value* system_print_string(Frame* frame, rt::Array<Value*>* args) {
  rt::print(string_arg(frame, args->get(1), "printString:"));
  return args->get(0);
}

Value* system_print_newline(Frame*, rt::Array<Value*>* args) {
  rt::print("\n");
  return args->get(0);
}

Value* system_error_print(Frame* frame, rt::Array<Value*>* args) {
  rt::print_error(string_arg(frame, args->get(1), "errorPrint:"));
  return args->get(0);
}

Value* system_error_println(Frame* frame, rt::Array<Value*>* args) {
  rt::print_error(string_arg(frame, args->get(1), "errorPrintln:") + "\n");
  return args->get(0);
}

Value* system_print_stack_trace(Frame* frame, rt::Array<Value*>* args) {
  rt::print_error(backtrace(frame));
  return args->get(0);
}

int64_t elapsed_micros() {
  return rt::float_to_int((rt::os::monotonic() - g_universe->start_time) * 1000000.0);
}

Value* system_time(Frame*, rt::Array<Value*>*) { return rt::make<SInteger>(elapsed_micros() / 1000); }
Value* system_ticks(Frame*, rt::Array<Value*>*) { return rt::make<SInteger>(elapsed_micros()); }

Value* system_full_gc(Frame*, rt::Array<Value*>*) {
  rt::gc::collect();
  return som_bool(true);
}

Value* system_sleep_millis(Frame* frame, rt::Array<Value*>* args) {
  int64_t millis = int_arg(frame, args->get(1), "sleepMillis:");
  double until = rt::os::monotonic() + static_cast<double>(millis) / 1000.0;
  while (rt::os::monotonic() < until) {
  }
  return args->get(0);
}

}  // namespace

void register_system_primitives() {
  add_primitive("System", "global:", system_global);
  add_primitive("System", "global:put:", system_global_put);
  add_primitive("System", "hasGlobal:", system_has_global);
  add_primitive("System", "load:", system_load);
  add_primitive("System", "loadFile:", system_load_file);
  add_primitive("System", "exit:", system_exit);
  add_primitive("System", "printString:", system_print_string);
  add_primitive("System", "printNewline", system_print_newline);
  add_primitive("System", "errorPrint:", system_error_print);
  add_primitive("System", "errorPrintln:", system_error_println);
  add_primitive("System", "printStackTrace", system_print_stack_trace);
  add_primitive("System", "time", system_time);
  add_primitive("System", "ticks", system_ticks);
  add_primitive("System", "fullGC", system_full_gc);
  add_primitive("System", "sleepMillis:", system_sleep_millis);
}

}  // namespace som
