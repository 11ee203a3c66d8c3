// The command line: `tiny FILE [ARGS...]` runs a program, `tiny --dis FILE` lists its bytecode.
#include "compiler.h"
#include "interp.h"
#include "lexer.h"
#include "parser.h"

namespace tiny {

namespace {

constexpr int64_t kExitUncaught = 1;
constexpr int64_t kExitSyntaxError = 2;
constexpr int64_t kExitUsage = 64;  // EX_USAGE
// Identical traceback lines (a runaway recursion) shown before the rest are summed up.
constexpr int64_t kRepeatedLinesShown = 3;

rt::Str position(rt::Str filename, int64_t line, int64_t column) {
  return filename + ":" + rt::Str::from_int(line) + ":" + rt::Str::from_int(column);
}

// What the uncaught-exception message says about the thrown value. Printing may itself fail
// (a list that contains itself recurses too deeply), and must not hide the report.
rt::Str describe_thrown(Value* value) {
  try {
    ErrorValue* error = dynamic_cast<ErrorValue*>(value);
    if (error != nullptr) return error->repr();
    return rt::Str("exception: ") + value->to_str();
  } catch (rt::Exception*) {
    return rt::Str("exception: <unprintable ") + value->type_name() + ">";
  }
}

void report_uncaught(Thrown* thrown, rt::Str filename) {
  rt::StrBuilder out(256);
  out.append(position(filename, thrown->line, thrown->column) + ": uncaught " +
             describe_thrown(thrown->value) + "\n");
  rt::List<rt::Str>* traceback = thrown->traceback;
  int64_t i = 0;
  while (i < traceback->size()) {
    rt::Str line = traceback->get(i);
    int64_t run = 1;
    while (i + run < traceback->size() && traceback->get(i + run) == line) run += 1;
    int64_t shown = run < kRepeatedLinesShown ? run : kRepeatedLinesShown;
    for (int64_t k = 0; k < shown; ++k) out.append(line + "\n");
    if (run > shown)
      out.append(rt::Str("  [previous line repeated ") + rt::Str::from_int(run - shown) +
                 " more times]\n");
    i += run;
  }
  rt::print_error(out.build());
}

int64_t run(rt::List<rt::Str>* argv) {
  bool disassemble_only = argv->size() >= 2 && argv->get(1) == "--dis";
  int64_t file_index = disassemble_only ? 2 : 1;
  if (argv->size() <= file_index) {
    rt::print_error("usage: tiny [--dis] FILE [ARGS...]\n");
    return kExitUsage;
  }
  rt::Str filename = argv->get(file_index);
  rt::Str source = "";
  try {
    source = rt::os::read_file(filename);
  } catch (rt::OSError* error) {
    rt::print_error(rt::Str("tiny: ") + error->message + "\n");
    return kExitUsage;
  }

  Code* code = nullptr;
  try {
    code = compile_program(parse(tokenize(source)), filename);
  } catch (SyntaxError* error) {
    rt::print_error(position(filename, error->line, error->column) +
                    ": syntax error: " + error->message + "\n");
    return kExitSyntaxError;
  }
  if (disassemble_only) {
    rt::print(disassemble(code));
    return 0;
  }

  rt::List<Value*>* args = rt::make<rt::List<Value*>>();
  for (int64_t i = file_index + 1; i < argv->size(); ++i)
    args->append(rt::make<StrValue>(argv->get(i)));
  code->globals->values->set(code->globals->slot_of("argv"), rt::make<ListValue>(args));
  try {
    execute(code, rt::make<rt::Array<Value*>>(0, nullptr), 0);
  } catch (Thrown* thrown) {
    report_uncaught(thrown, filename);
    return kExitUncaught;
  }
  return 0;
}

}  // namespace

}  // namespace tiny

int64_t rt_main(rt::List<rt::Str>* argv) {
  tiny::init_values();
  return tiny::run(argv);
}
