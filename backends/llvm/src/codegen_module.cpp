// Module-level code generation: types, constants, prebuilt objects, globals, the functions'
// declarations and the support symbols the runtime reads (docs/backend.md).
#include <llvm/ADT/StringSet.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/ErrorHandling.h>
#include <llvm/Support/raw_ostream.h>

#include "codegen.h"
#include "rtoolchain/backend/llvm_backend.h"

namespace rtoolchain::backend {

using namespace rtoolchain::ir;

std::string external_symbol(llvm::StringRef name) {
  std::string symbol = "rtx_ext_";
  for (size_t i = 0; i < name.size(); ++i) {
    if (name.substr(i).starts_with("::")) {
      symbol += '_';
      ++i;
    } else {
      symbol += name[i];
    }
  }
  return symbol;
}

// The C ABI the runtime is compiled with: a bool or narrow integer argument or result is
// extended to 32 bits by its signedness (clang's zeroext/signext).
void ModuleCodegen::set_c_extensions(llvm::Function* fn, const FunctionInfo& info) {
  auto extension = [&](TypeId t) {
    const Type& type = program.types().get(t);
    if (type.kind == TypeKind::kBool) return llvm::Attribute::ZExt;
    auto layout = program.integer_layout(t);
    if (!layout || layout->bits >= 32) return llvm::Attribute::None;
    return layout->is_signed ? llvm::Attribute::SExt : llvm::Attribute::ZExt;
  };
  for (size_t i = 0; i < info.params.size(); ++i)
    if (auto kind = extension(info.params[i].type); kind != llvm::Attribute::None) fn->addParamAttr(i, kind);
  if (auto kind = extension(info.result); kind != llvm::Attribute::None) fn->addRetAttr(kind);
}

ModuleCodegen::ModuleCodegen(const Program& program, llvm::LLVMContext& context)
    : program(program), context(context), module(std::make_unique<llvm::Module>("rtoolchain", context)) {
  for (const ArrayTypeId& entry : program.array_type_ids()) {
    const Type& t = program.types().get(entry.array_type);
    const Type& item = program.types().get(t.item);
    if (item.kind == TypeKind::kInt && item.bits == 8 && item.is_signed) str_type_id_ = entry.type_id;
  }
}

llvm::Type* ModuleCodegen::type(TypeId id) {
  if (llvm::Type* cached = types_.lookup(id.raw())) return cached;
  const Type& t = program.types().get(id);
  llvm::Type* result = nullptr;
  switch (t.kind) {
    case TypeKind::kVoid: result = llvm::Type::getVoidTy(context); break;
    case TypeKind::kBool: result = i1(); break;
    case TypeKind::kInt: result = llvm::IntegerType::get(context, t.bits); break;
    case TypeKind::kEnum: result = type(program.enum_info(t.enum_id).underlying); break;
    case TypeKind::kFloat: result = llvm::Type::getDoubleTy(context); break;
    case TypeKind::kClassRef: result = i32(); break;
    case TypeKind::kStruct: {
      llvm::SmallVector<llvm::Type*, 4> fields;
      for (FieldId f : program.struct_info(t.struct_id).fields) fields.push_back(type(program.field_info(f).type));
      auto* st = llvm::StructType::create(context, fields, "struct." + program.struct_info(t.struct_id).name);
      // Values of the struct are loaded and stored as this LLVM type: its layout must be the
      // rtyper's (report_fatal_error: a mismatch is a toolchain bug, not a user error).
      const llvm::StructLayout* layout = module->getDataLayout().getStructLayout(st);
      const StructInfo& info = program.struct_info(t.struct_id);
      bool same = layout->getSizeInBytes() == program.struct_layout(t.struct_id).size;
      for (size_t i = 0; i < info.fields.size(); ++i)
        same = same && layout->getElementOffset(i) == program.field_offset(info.fields[i]);
      if (!same) llvm::report_fatal_error(llvm::Twine("backend: LLVM's layout of struct ") + info.name +
                                          " differs from the rtyper's (a toolchain bug)");
      result = st;
      break;
    }
    default: result = ptr(); break;  // every reference: GC objects, arrays, functions, handles
  }
  types_[id.raw()] = result;
  return result;
}

llvm::FunctionType* ModuleCodegen::function_type(TypeId fn_type) {
  const Type& t = program.types().get(fn_type);
  llvm::SmallVector<llvm::Type*, 4> params;
  for (TypeId p : t.params) params.push_back(type(p));
  return llvm::FunctionType::get(type(t.item), params, false);
}

llvm::Function* ModuleCodegen::runtime(llvm::StringRef name, llvm::Type* result, llvm::ArrayRef<llvm::Type*> params) {
  llvm::FunctionType* fn_type = llvm::FunctionType::get(result, params, false);
  return llvm::cast<llvm::Function>(module->getOrInsertFunction(name, fn_type).getCallee());
}

llvm::GlobalVariable* ModuleCodegen::runtime_global(llvm::StringRef name, llvm::Type* t) {
  if (auto* existing = module->getGlobalVariable(name, /*AllowInternal=*/true)) return existing;
  return new llvm::GlobalVariable(*module, t, false, llvm::GlobalValue::ExternalLinkage, nullptr, name);
}

llvm::Constant* ModuleCodegen::str_constant(llvm::StringRef bytes) {
  auto found = strings_.find(bytes);
  if (found != strings_.end()) return found->second;
  llvm::Constant* data = llvm::ConstantDataArray::getString(context, bytes, false);
  llvm::Constant* init = llvm::ConstantStruct::getAnon(
      {llvm::ConstantInt::get(i64(), str_type_id_), llvm::ConstantInt::get(i64(), bytes.size()), data});
  auto* g = new llvm::GlobalVariable(*module, init->getType(), true, llvm::GlobalValue::PrivateLinkage, init, "str");
  g->setAlignment(llvm::Align(8));
  strings_[bytes] = g;
  return g;
}

llvm::Constant* ModuleCodegen::constant(ConstId id) {
  const Constant& c = program.constant(id);
  switch (c.kind) {
    case ConstKind::kNone: return nullptr;
    case ConstKind::kBool: return llvm::ConstantInt::get(i1(), c.int_value != 0);
    case ConstKind::kInt: return llvm::ConstantInt::get(type(c.type), static_cast<uint64_t>(c.int_value), false);
    case ConstKind::kFloat: return llvm::ConstantFP::get(context, llvm::APFloat(c.float_value()));
    case ConstKind::kStr: return str_constant(c.text);
    case ConstKind::kNull:
      if (program.types().kind(c.type) == TypeKind::kClassRef) return llvm::ConstantInt::get(i32(), 0);
      return llvm::ConstantPointerNull::get(llvm::PointerType::get(context, 0));
    case ConstKind::kFunction: return function(c.function());
    case ConstKind::kClass: return llvm::ConstantInt::get(i32(), program.class_layout(c.class_id()).min_type_id);
    case ConstKind::kPrebuilt: return prebuilt(c.prebuilt());
    case ConstKind::kStruct: {
      auto* st = llvm::cast<llvm::StructType>(type(c.type));
      llvm::SmallVector<llvm::Constant*, 4> fields;
      for (uint32_t item : c.items) fields.push_back(constant(ConstId(item)));
      return llvm::ConstantStruct::get(st, fields);
    }
    default: return nullptr;  // descriptors parameterise operations; they have no value
  }
}

llvm::Function* ModuleCodegen::function(FunctionId id) { return functions_[id.index()]; }

llvm::GlobalVariable* ModuleCodegen::global(GlobalId id) {
  if (auto* g = globals_.lookup(id.raw())) return g;
  const GlobalInfo& info = program.global_info(id);
  llvm::Type* t = type(info.type);
  llvm::Constant* init = info.initial.valid() ? constant(info.initial) : llvm::Constant::getNullValue(t);
  auto* g = new llvm::GlobalVariable(*module, t, false, llvm::GlobalValue::InternalLinkage, init, "g." + info.name);
  globals_[id.raw()] = g;
  return g;
}

// A prebuilt object's image: its header, then its fields (or length and items) at their
// offsets, as a packed struct with explicit zero padding, so the layout is exactly the rtyper's.
llvm::GlobalVariable* ModuleCodegen::prebuilt(PrebuiltId id) {
  if (auto* g = prebuilts_.lookup(id.raw())) return g;
  const PrebuiltInfo& info = program.prebuilt_info(id);
  // A placeholder type until fill_prebuilt: items may refer back to the object itself.
  auto* g = new llvm::GlobalVariable(*module, i64(), (info.flags & kImmutablePrebuilt) != 0,
                                     llvm::GlobalValue::InternalLinkage, nullptr, "prebuilt." + info.name);
  g->setAlignment(llvm::Align(8));
  prebuilts_[id.raw()] = g;
  fill_prebuilt(id);  // replaces the placeholder
  return prebuilts_.lookup(id.raw());
}

void ModuleCodegen::fill_prebuilt(PrebuiltId id) {
  const PrebuiltInfo& info = program.prebuilt_info(id);
  llvm::GlobalVariable* placeholder = prebuilts_.lookup(id.raw());
  std::vector<std::pair<uint64_t, llvm::Constant*>> parts;
  const Type& t = program.types().get(info.type);
  const llvm::DataLayout& layout = module->getDataLayout();
  if (t.kind == TypeKind::kPointer) {
    parts.push_back({0, llvm::ConstantInt::get(i64(), program.class_layout(t.class_id).min_type_id)});
    for (const auto& [field, value] : info.field_values)
      parts.push_back({program.field_offset(field), constant(value)});
  } else {
    parts.push_back({0, llvm::ConstantInt::get(i64(), program.array_type_id(info.type))});
    parts.push_back({8, llvm::ConstantInt::get(i64(), info.items.size())});
    uint64_t item_size = program.machine_layout(t.item).size;
    for (size_t i = 0; i < info.items.size(); ++i) {
      llvm::Constant* item = constant(info.items[i]);
      if (!item) item = llvm::Constant::getNullValue(type(t.item));
      parts.push_back({kGcArrayItemsOffset + i * item_size, item});
    }
  }
  std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  llvm::SmallVector<llvm::Constant*, 16> fields;
  uint64_t at = 0;
  for (const auto& [offset, value] : parts) {
    if (offset > at) fields.push_back(llvm::ConstantAggregateZero::get(llvm::ArrayType::get(i8(), offset - at)));
    fields.push_back(value);
    at = offset + layout.getTypeAllocSize(value->getType());
  }
  uint64_t size = t.kind == TypeKind::kPointer ? program.class_layout(t.class_id).size : at;
  if (size > at) fields.push_back(llvm::ConstantAggregateZero::get(llvm::ArrayType::get(i8(), size - at)));
  llvm::Constant* init = llvm::ConstantStruct::getAnon(context, fields, /*Packed=*/true);
  auto* g = new llvm::GlobalVariable(*module, init->getType(), placeholder->isConstant(),
                                     llvm::GlobalValue::InternalLinkage, init, "");
  g->setAlignment(llvm::Align(8));
  g->takeName(placeholder);
  placeholder->replaceAllUsesWith(g);
  placeholder->eraseFromParent();
  prebuilts_[id.raw()] = g;
}

// A builtin external "rt::X::type_name" (the rt exceptions' method) returns the class name.
void ModuleCodegen::generate_builtin_external(FunctionId id) {
  llvm::Function* fn = functions_[id.index()];
  llvm::StringRef name = program.function_info(id).name;
  name = name.drop_back(llvm::StringRef("::type_name").size());
  name.consume_front("rt::");
  fn->setLinkage(llvm::GlobalValue::InternalLinkage);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(context, "", fn));
  b.CreateRet(str_constant(name));
}

void ModuleCodegen::generate_support() {
  // rtx_entry(items, count): the entry point's argv list around the runtime's array of strings,
  // then the call; the runtime reads the pending exception afterwards.
  llvm::Function* entry = runtime("rtx_entry", i64(), {ptr(), i64()});
  uint32_t argv_items_type_id = 0;
  {
    llvm::IRBuilder<> b(llvm::BasicBlock::Create(context, "", entry));
    const FunctionInfo& main_info = program.function_info(program.entry_point());
    llvm::Function* main = function(program.entry_point());
    llvm::SmallVector<llvm::Value*, 1> args;
    if (!main_info.params.empty()) {
      // The verifier checked the shape: a class with `length: i64` and `items: array<array<i8>>`.
      ClassId list_class = program.types().get(main_info.params[0].type).class_id;
      FieldId length = program.find_own_field(list_class, "length");
      FieldId items = program.find_own_field(list_class, "items");
      const ClassLayout& l = program.class_layout(list_class);
      argv_items_type_id = program.array_type_id(program.field_info(items).type);
      llvm::Value* list = b.CreateCall(runtime("rtx_alloc", ptr(), {i64(), i32()}),
                                       {b.getInt64(l.size), b.getInt32(l.min_type_id)});
      b.CreateStore(entry->getArg(1), b.CreateGEP(i8(), list, b.getInt64(program.field_offset(length))));
      b.CreateStore(entry->getArg(0), b.CreateGEP(i8(), list, b.getInt64(program.field_offset(items))));
      args.push_back(list);
    }
    llvm::Value* status = b.CreateCall(main, args);
    if (status->getType()->isVoidTy()) status = b.getInt64(0);
    b.CreateRet(b.CreateSExtOrTrunc(status, i64()));
  }
  // rtx_new_rt_exception(kind, message).
  llvm::Function* make = runtime("rtx_new_rt_exception", ptr(), {i32(), ptr()});
  FieldId message_field = program.find_own_field(program.exception_class(), "message");
  uint32_t message_offset = program.field_offset(message_field);
  {
    llvm::IRBuilder<> b(llvm::BasicBlock::Create(context, "", make));
    llvm::SmallVector<llvm::Constant*, 16> ids, sizes;
    for (unsigned k = 0; k < kNumRtExceptions; ++k) {
      const ClassLayout& l = program.class_layout(program.rt_exception_class(static_cast<RtException>(k)));
      ids.push_back(b.getInt32(l.min_type_id));
      sizes.push_back(b.getInt64(l.size));
    }
    auto table = [&](llvm::ArrayRef<llvm::Constant*> items, llvm::Type* t, const char* name) {
      llvm::Constant* init = llvm::ConstantArray::get(llvm::ArrayType::get(t, items.size()), items);
      return new llvm::GlobalVariable(*module, init->getType(), true, llvm::GlobalValue::PrivateLinkage, init, name);
    };
    auto* id_table = table(ids, i32(), "rt_exception_type_ids");
    auto* size_table = table(sizes, i64(), "rt_exception_sizes");
    llvm::Value* kind = make->getArg(0);
    llvm::Value* type_id = b.CreateLoad(i32(), b.CreateGEP(id_table->getValueType(), id_table, {b.getInt64(0), kind}));
    llvm::Value* size = b.CreateLoad(i64(), b.CreateGEP(size_table->getValueType(), size_table, {b.getInt64(0), kind}));
    llvm::Value* object = b.CreateCall(runtime("rtx_alloc", ptr(), {i64(), i32()}), {size, type_id});
    b.CreateStore(make->getArg(1), b.CreateGEP(i8(), object, b.getInt64(message_offset)));
    b.CreateRet(object);
  }
  // The class names by type id, for the uncaught-exception message.
  uint32_t max_id = 0;
  for (size_t c = 0; c < program.num_classes(); ++c)
    max_id = std::max(max_id, program.class_layout(ClassId(c)).min_type_id);
  std::vector<llvm::Constant*> names(max_id + 1, llvm::ConstantPointerNull::get(llvm::PointerType::get(context, 0)));
  for (size_t c = 0; c < program.num_classes(); ++c) {
    llvm::StringRef name = program.class_info(ClassId(c)).name;
    name.consume_front("rt::");
    names[program.class_layout(ClassId(c)).min_type_id] = str_constant(name);
  }
  auto constant_global = [&](llvm::Constant* init, const char* name) {
    new llvm::GlobalVariable(*module, init->getType(), true, llvm::GlobalValue::ExternalLinkage, init, name);
  };
  constant_global(llvm::ConstantArray::get(llvm::ArrayType::get(ptr(), names.size()), names), "rtx_class_names");
  constant_global(llvm::ConstantInt::get(i32(), names.size()), "rtx_num_class_names");
  constant_global(llvm::ConstantInt::get(i64(), message_offset), "rtx_exception_message_offset");
  constant_global(llvm::ConstantInt::get(i32(), str_type_id_), "rtx_str_type_id");
  constant_global(llvm::ConstantInt::get(i32(), argv_items_type_id), "rtx_argv_items_type_id");
  ClassId os_error = program.rt_exception_class(RtException::kOSError);
  constant_global(llvm::ConstantInt::get(i64(), program.field_offset(program.find_own_field(os_error, "errno_value"))),
                  "rtx_os_error_errno_offset");
}

llvm::Expected<std::unique_ptr<llvm::Module>> ModuleCodegen::run() {
  if (program.level() != Level::kLow)
    return llvm::createStringError("backend: the program is not low level (run the rtyper first)");
  if (!program.entry_point().valid()) return llvm::createStringError("backend: the program has no entry point");
  if (llvm::Error error = configure_for_host(*module)) return std::move(error);
  // Declare every function first: bodies and prebuilts refer to them in any order.
  for (size_t i = 0; i < program.num_functions(); ++i) {
    const FunctionInfo& info = program.function_info(FunctionId(i));
    llvm::FunctionType* fn_type = function_type(info.type);
    bool builtin_type_name = info.is_external && info.is_builtin && llvm::StringRef(info.name).ends_with("::type_name");
    std::string symbol = info.is_external && !builtin_type_name ? external_symbol(info.name) : info.name;
    auto linkage = info.is_external && !builtin_type_name ? llvm::GlobalValue::ExternalLinkage
                                                          : llvm::GlobalValue::InternalLinkage;
    llvm::Function* fn = llvm::Function::Create(fn_type, linkage, symbol, *module);
    if (info.is_external) set_c_extensions(fn, info);
    functions_.push_back(fn);
  }
  generate_runtime_state();
  std::vector<llvm::Function*> bodies;
  for (size_t i = 0; i < program.num_functions(); ++i) {
    const FunctionInfo& info = program.function_info(FunctionId(i));
    if (info.is_external) {
      if (info.is_builtin && llvm::StringRef(info.name).ends_with("::type_name")) generate_builtin_external(FunctionId(i));
      continue;
    }
    if (llvm::Error error = generate_function_body(*this, FunctionId(i))) return std::move(error);
    bodies.push_back(functions_[i]);
  }
  insert_stack_checks(bodies);
  generate_support();
  // Unused external declarations would still need a runtime symbol: drop them.
  for (llvm::Function& fn : llvm::make_early_inc_range(module->functions()))
    if (fn.isDeclaration() && fn.use_empty() && fn.getName().starts_with("rtx_ext_")) fn.eraseFromParent();
  if (llvm::Error error = check_externals()) return std::move(error);
  std::string problems;
  llvm::raw_string_ostream out(problems);
  if (llvm::verifyModule(*module, &out)) {
    if (getenv("RT_BACKEND_DUMP")) module->print(llvm::errs(), nullptr);
    return llvm::createStringError("backend: invalid LLVM module (a backend bug):\n" + problems);
  }
  return std::move(module);
}

// Every external the program calls must be in the runtime of translated code; otherwise the
// error names the external and a function that calls it, instead of the linker's undefined
// symbol after optimisation and emission.
llvm::Error ModuleCodegen::check_externals() {
  llvm::Expected<llvm::StringSet<>> provided = runtime_symbols(RT_TRANSLATED_RUNTIME_LIBRARY);
  if (!provided) return provided.takeError();
  for (size_t i = 0; i < program.num_functions(); ++i) {
    const FunctionInfo& info = program.function_info(FunctionId(i));
    llvm::Function* fn = module->getFunction(external_symbol(info.name));
    if (!info.is_external || !fn || !fn->isDeclaration() || provided->contains(fn->getName())) continue;
    std::string caller = "?";
    for (llvm::User* user : fn->users())
      if (auto* call = llvm::dyn_cast<llvm::CallInst>(user)) caller = call->getFunction()->getName().str();
    return llvm::createStringError("backend: function " + caller + " calls the external " + info.name +
                                   ", which the runtime of translated code does not implement (no " +
                                   fn->getName().str() + " in backends/llvm/runtime)");
  }
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<llvm::Module>> generate_module(const Program& program, llvm::LLVMContext& context) {
  ModuleCodegen codegen(program, context);
  return codegen.run();
}

}  // namespace rtoolchain::backend
