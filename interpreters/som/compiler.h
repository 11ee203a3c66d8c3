// The parser and bytecode compiler: one pass over the tokens of a class file, emitting bytecode
// as it goes (docs/som.md, "Bytecode").
#pragma once

#include "lexer.h"
#include "objects.h"

namespace som {

// What a class file defines, ready for the universe to turn into a class and its metaclass.
class ClassDef : public rt::Object {
 public:
  SSymbol* name = nullptr;
  SClass* superclass = nullptr;  // nullptr for `nil`
  // All fields of instances, inherited ones first; and of the class object itself.
  rt::List<SSymbol*>* instance_fields = rt::make<rt::List<SSymbol*>>();
  rt::List<SSymbol*>* class_fields = rt::make<rt::List<SSymbol*>>();
  rt::List<Invokable*>* instance_methods = rt::make<rt::List<Invokable*>>();
  rt::List<Invokable*>* class_methods = rt::make<rt::List<Invokable*>>();
};

// Parses and compiles the class file `file` with contents `source`. Raises ParseError.
// The superclass is resolved (and loaded) as soon as the header names it.
ClassDef* compile_class(rt::Str source, rt::Str file);

// The number of arguments of a selector: 0 for unary, 1 for binary, the colons for keywords.
int64_t selector_arity(rt::Str selector);

}  // namespace som
