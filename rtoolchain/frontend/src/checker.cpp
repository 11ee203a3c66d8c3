// The RC++ checker, part 1: one RecursiveASTVisitor over each translation unit's program
// declarations (docs/frontend-checker.md lists what each rule checks and what it cannot).
#include <algorithm>

#include <clang/AST/ParentMapContext.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/AST/StmtCXX.h>

#include "checker.h"

namespace rtoolchain::frontend {
namespace checker {
namespace {

using clang::dyn_cast;
using clang::isa;

enum class Use { Local, RangeVar, Param, Return, Field, ValueField, Global, Item, Other };

std::string quoted(const clang::NamedDecl* decl) { return "'" + decl->getNameAsString() + "'"; }

bool is_rt_record(const clang::CXXRecordDecl* record, llvm::StringRef name) {
  return record && record->getIdentifier() && record->getName() == name && is_in_namespace(record, "rt");
}

const clang::Expr* strip(const clang::Expr* e) { return e ? e->IgnoreParenImpCasts() : nullptr; }

bool is_allowed_int_name(llvm::StringRef name) {
  return name == "int8_t" || name == "int16_t" || name == "int32_t" || name == "int64_t" ||
         name == "uint8_t" || name == "uint16_t" || name == "uint32_t" || name == "uint64_t";
}

bool is_rejected_int_name(llvm::StringRef name) {
  return name == "size_t" || name == "ssize_t" || name == "ptrdiff_t" || name == "intptr_t" ||
         name == "uintptr_t" || name == "intmax_t" || name == "uintmax_t" || name.starts_with("int_fast") ||
         name.starts_with("uint_fast") || name.starts_with("int_least") || name.starts_with("uint_least") ||
         name == "max_align_t" || name == "off_t" || name == "wint_t";
}

// Flow of a statement for S3 and [[noreturn]] (P6): can it complete normally, and can a 'break'
// leave it towards an enclosing loop or switch.
struct Flow {
  bool falls = true;
  bool breaks = false;
};

bool is_noreturn_expr(const clang::Expr* e) {
  if (!e) return false;
  if (const auto* cleanups = dyn_cast<clang::ExprWithCleanups>(e)) e = cleanups->getSubExpr();
  e = e->IgnoreParenImpCasts();
  if (isa<clang::CXXThrowExpr>(e)) return true;
  if (const auto* call = dyn_cast<clang::CallExpr>(e))
    if (const clang::FunctionDecl* callee = call->getDirectCallee()) return callee->isNoReturn();
  return false;
}

bool constant_true(const clang::Expr* cond, const clang::ASTContext& context) {
  if (!cond) return true;
  if (cond->isValueDependent() || cond->isTypeDependent()) return false;
  bool result = false;
  return cond->EvaluateAsBooleanCondition(result, context) && result;
}

Flow flow(const clang::Stmt* s, const clang::ASTContext& context, int depth = 0) {
  if (!s || depth > 200) return {};
  if (const auto* compound = dyn_cast<clang::CompoundStmt>(s)) {
    Flow result;
    for (const clang::Stmt* child : compound->body()) {
      bool label = isa<clang::SwitchCase>(child) || isa<clang::LabelStmt>(child);
      if (!result.falls && !label) continue;  // unreachable
      Flow f = flow(child, context, depth + 1);
      result.falls = f.falls;
      result.breaks |= f.breaks;
    }
    return result;
  }
  if (isa<clang::ReturnStmt>(s) || isa<clang::CoreturnStmt>(s) || isa<clang::ContinueStmt>(s) ||
      isa<clang::GotoStmt>(s) || isa<clang::IndirectGotoStmt>(s))
    return {false, false};
  if (isa<clang::BreakStmt>(s)) return {false, true};
  if (const auto* e = dyn_cast<clang::Expr>(s)) return {!is_noreturn_expr(e), false};
  if (const auto* if_stmt = dyn_cast<clang::IfStmt>(s)) {
    Flow then_flow = flow(if_stmt->getThen(), context, depth + 1);
    Flow else_flow = if_stmt->getElse() ? flow(if_stmt->getElse(), context, depth + 1) : Flow{};
    return {then_flow.falls || else_flow.falls, then_flow.breaks || else_flow.breaks};
  }
  if (const auto* loop = dyn_cast<clang::WhileStmt>(s)) {
    if (!constant_true(loop->getCond(), context)) return {};
    return {flow(loop->getBody(), context, depth + 1).breaks, false};
  }
  if (const auto* loop = dyn_cast<clang::ForStmt>(s)) {
    if (!constant_true(loop->getCond(), context)) return {};
    return {flow(loop->getBody(), context, depth + 1).breaks, false};
  }
  if (const auto* loop = dyn_cast<clang::DoStmt>(s)) {
    Flow body = flow(loop->getBody(), context, depth + 1);
    if (!constant_true(loop->getCond(), context)) return {true, false};
    return {body.breaks, false};
  }
  if (const auto* switch_stmt = dyn_cast<clang::SwitchStmt>(s)) {
    bool has_default = false;
    for (const clang::SwitchCase* c = switch_stmt->getSwitchCaseList(); c; c = c->getNextSwitchCase())
      has_default |= isa<clang::DefaultStmt>(c);
    Flow body = flow(switch_stmt->getBody(), context, depth + 1);
    return {!has_default || body.falls || body.breaks, false};
  }
  if (const auto* c = dyn_cast<clang::SwitchCase>(s)) return flow(c->getSubStmt(), context, depth + 1);
  if (const auto* label = dyn_cast<clang::LabelStmt>(s)) return flow(label->getSubStmt(), context, depth + 1);
  if (const auto* attributed = dyn_cast<clang::AttributedStmt>(s))
    return flow(attributed->getSubStmt(), context, depth + 1);
  if (const auto* try_stmt = dyn_cast<clang::CXXTryStmt>(s)) {
    Flow result = flow(try_stmt->getTryBlock(), context, depth + 1);
    for (unsigned i = 0; i < try_stmt->getNumHandlers(); ++i) {
      Flow handler = flow(try_stmt->getHandler(i)->getHandlerBlock(), context, depth + 1);
      result.falls |= handler.falls;
      result.breaks |= handler.breaks;
    }
    return result;
  }
  return {};
}

bool contains_return(const clang::Stmt* s) {
  if (!s) return false;
  if (isa<clang::ReturnStmt>(s)) return true;
  if (isa<clang::LambdaExpr>(s)) return false;
  for (const clang::Stmt* child : s->children())
    if (contains_return(child)) return true;
  return false;
}

// E3: the variables and fields an expression reads and modifies, by a key naming them.
struct Accesses {
  std::map<std::string, const clang::Expr*> modified;
  std::set<std::string> touched;
  std::map<std::string, std::string> names;
};

std::string access_key(const clang::Expr* e, std::string* name, int depth = 0) {
  if (!e || depth > 16) return {};
  e = e->IgnoreParenImpCasts();
  if (const auto* ref = dyn_cast<clang::DeclRefExpr>(e)) {
    if (!isa<clang::VarDecl>(ref->getDecl())) return {};
    if (name) *name = ref->getDecl()->getNameAsString();
    return "v" + std::to_string(reinterpret_cast<uintptr_t>(ref->getDecl()->getCanonicalDecl()));
  }
  if (const auto* member = dyn_cast<clang::MemberExpr>(e)) {
    if (!isa<clang::FieldDecl>(member->getMemberDecl())) return {};
    std::string base;
    const clang::Expr* object = member->getBase()->IgnoreParenImpCasts();
    if (isa<clang::CXXThisExpr>(object)) base = "this";
    else base = access_key(object, nullptr, depth + 1);
    if (base.empty()) return {};
    if (name) *name = member->getMemberDecl()->getNameAsString();
    return base + "." + std::to_string(reinterpret_cast<uintptr_t>(member->getMemberDecl()));
  }
  return {};
}

void collect_accesses(const clang::Stmt* s, Accesses& out, int depth = 0) {
  if (!s || depth > 200 || isa<clang::LambdaExpr>(s)) return;
  if (const auto* e = dyn_cast<clang::Expr>(s)) {
    std::string name;
    std::string key = access_key(e, &name);
    if (!key.empty() && (isa<clang::DeclRefExpr>(e) || isa<clang::MemberExpr>(e))) {
      out.touched.insert(key);
      out.names[key] = name;
    }
    const clang::Expr* target = nullptr;
    if (const auto* unary = dyn_cast<clang::UnaryOperator>(e); unary && unary->isIncrementDecrementOp())
      target = unary->getSubExpr();
    if (const auto* binary = dyn_cast<clang::BinaryOperator>(e); binary && binary->isAssignmentOp())
      target = binary->getLHS();
    if (target) {
      std::string target_name;
      std::string target_key = access_key(target, &target_name);
      if (!target_key.empty()) {
        out.modified.emplace(target_key, e);
        out.names[target_key] = target_name;
      }
    }
  }
  for (const clang::Stmt* child : s->children()) collect_accesses(child, out, depth + 1);
}

class Checker : public clang::RecursiveASTVisitor<Checker> {
  using Base = clang::RecursiveASTVisitor<Checker>;

 public:
  Checker(State& state, clang::ASTContext& context) : state_(state), context_(context) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(clang::Decl* decl) {
    if (!decl) return true;
    if (isa<clang::TranslationUnitDecl>(decl)) return Base::TraverseDecl(decl);
    if (decl->isImplicit() && !isa<clang::ClassTemplateSpecializationDecl>(decl)) return true;
    if (is_rt_library(decl) || !state_.is_program(decl)) return true;
    if (const auto* ns = dyn_cast<clang::NamespaceDecl>(decl); ns && ns->getName() == "rt" &&
                                                               ns->getParent()->isTranslationUnit()) {
      report(ns->getLocation(), "F1", "the namespace 'rt' is reserved to the rt library",
             "put the program's declarations in its own namespace");
      return true;
    }
    if (const auto* spec = dyn_cast<clang::ClassTemplateSpecializationDecl>(decl);
        spec && spec->getSpecializationKind() == clang::TSK_Undeclared)
      return true;
    check_attributes(decl);
    check_reserved_name(decl);
    auto* function = dyn_cast<clang::FunctionDecl>(decl);
    std::string saved_instantiation = instantiation_;
    const clang::FunctionDecl* saved_function = function_;
    if (function) {
      if (function->isTemplateInstantiation()) instantiation_ = describe(function);
      check_function(function);
      if (skip_body(function)) return true;
      function_ = function;
    }
    if (const auto* spec = dyn_cast<clang::ClassTemplateSpecializationDecl>(decl);
        spec && spec->getSpecializationKind() == clang::TSK_ImplicitInstantiation)
      instantiation_ = describe(spec);
    bool result = Base::TraverseDecl(decl);
    instantiation_ = saved_instantiation;
    function_ = saved_function;
    return result;
  }

  bool TraverseLambdaExpr(clang::LambdaExpr* lambda) {
    report(lambda->getBeginLoc(), "F3", "lambda expression",
           "use a named function (a function pointer, F5) or a small GC class with a virtual method");
    return true;
  }

  // --- declarations -------------------------------------------------------------------------------

  bool VisitVarDecl(clang::VarDecl* var) {
    if (isa<clang::ParmVarDecl>(var) || var->isImplicit()) return true;
    if (var->isExceptionVariable()) return true;  // X2
    bool dependent = var->getDeclContext()->isDependentContext();
    if (const auto* decomposition = dyn_cast<clang::DecompositionDecl>(var)) {
      if (var->getType()->isReferenceType())
        report(var->getLocation(), "S5", "structured binding by reference",
               "bind by value: auto [a, b] = v;");
      for (const clang::BindingDecl* binding : decomposition->bindings())
        if (binding->getHoldingVar()) {
          report(var->getLocation(), "S5", "tuple-like structured binding", "bind the fields of a value struct");
          break;
        }
      return true;
    }
    Use use = Use::Local;
    if (var->isCXXForRangeDecl()) use = Use::RangeVar;
    else if (var->isStaticDataMember()) use = Use::Global;
    else if (var->hasGlobalStorage()) use = Use::Global;
    if (var->getTSCSpec() != clang::TSCS_unspecified) {
      report(var->getLocation(), "G3", "thread-local variable", "RC++ programs have one thread: use a plain global");
    } else if (var->isStaticLocal()) {
      report(var->getLocation(), "G2", "function-local static variable " + quoted(var),
             "use a namespace-scope global with a constant initialiser (G1), set up in rt_main");
    }
    if (var->isStaticDataMember() && !var->isConstexpr()) {
      report(var->getLocation(), "C8", "static data member " + quoted(var) + " is not constexpr",
             "use a namespace-scope global (G1)");
    }
    check_decl_type(var, var->getType(), use);
    if (dependent) return true;
    if (var->isLocalVarDecl() && !var->isStaticLocal() && use == Use::Local) check_local_init(var);
    if (use == Use::Global && !var->isStaticDataMember() && !var->isStaticLocal() &&
        var->getDeclContext()->getRedeclContext()->isFileContext())
      check_global(var);
    return true;
  }

  bool VisitFieldDecl(clang::FieldDecl* field) {
    if (field->isBitField())
      report(field->getLocation(), "M7", "bit-field " + quoted(field), "use a bool or an integer with masks");
    const auto* record = dyn_cast<clang::CXXRecordDecl>(field->getParent());
    bool gc = record && !record->isDependentContext() && is_gc_class(record);
    check_decl_type(field, field->getType(), gc ? Use::Field : Use::ValueField);
    if (field->isMutable() && record && is_immutable_class(record))
      report(field->getLocation(), "H11", "mutable field " + quoted(field) + " in an RT_IMMUTABLE_CLASS hierarchy");
    std::set<std::string> notes = annotations(field);
    if (notes.count("rt.immutable_items") || notes.count("rt.quasi_immutable_items")) {
      const clang::CXXRecordDecl* pointee = field->getType()->getPointeeCXXRecordDecl();
      if (!field->getType()->isDependentType() && !is_rt_record(pointee, "Array"))
        report(field->getLocation(), "H11",
               "RT_IMMUTABLE_ITEMS or RT_QUASI_IMMUTABLE_ITEMS on " + quoted(field) + ", which is not an rt::Array<T>*");
    }
    return true;
  }

  bool VisitCXXRecordDecl(clang::CXXRecordDecl* record) {
    if (record->isUnion()) {
      report(record->getLocation(), "M4", "union", "use a class hierarchy or a tagged value struct");
      return true;
    }
    if (!record->isThisDeclarationADefinition() || record->isLambda() || record->isDependentContext())
      return true;
    if (record->isInjectedClassName()) return true;
    if (is_gc_class(record)) check_gc_class(record);
    else check_value_struct(record);
    return true;
  }

  bool VisitLinkageSpecDecl(clang::LinkageSpecDecl* linkage) {
    if (linkage->getLanguage() == clang::LinkageSpecLanguageIDs::C)
      report(linkage->getLocation(), "P4", "extern \"C\" declaration",
             "the outside world is reached through rt::os and rt::print");
    return true;
  }

  bool VisitFileScopeAsmDecl(clang::FileScopeAsmDecl* decl) {
    report(decl->getLocation(), "M7", "inline assembly", "write it in RC++");
    return true;
  }

  // --- statements ---------------------------------------------------------------------------------

  bool VisitGotoStmt(clang::GotoStmt* stmt) {
    report(stmt->getGotoLoc(), "S2", "goto", "use structured control flow: while, break, continue");
    return true;
  }
  bool VisitIndirectGotoStmt(clang::IndirectGotoStmt* stmt) {
    report(stmt->getGotoLoc(), "S2", "computed goto", "use a switch");
    return true;
  }
  bool VisitLabelStmt(clang::LabelStmt* stmt) {
    report(stmt->getIdentLoc(), "S2", "label " + quoted(stmt->getDecl()), "use structured control flow");
    return true;
  }
  bool VisitAddrLabelExpr(clang::AddrLabelExpr* expr) {
    report(expr->getBeginLoc(), "S2", "address of a label", "use a switch");
    return true;
  }
  bool VisitGCCAsmStmt(clang::GCCAsmStmt* stmt) {
    report(stmt->getBeginLoc(), "M7", "inline assembly", "write it in RC++");
    return true;
  }
  bool VisitMSAsmStmt(clang::MSAsmStmt* stmt) {
    report(stmt->getBeginLoc(), "M7", "inline assembly", "write it in RC++");
    return true;
  }
  bool VisitSEHTryStmt(clang::SEHTryStmt* stmt) {
    report(stmt->getBeginLoc(), "P7", "structured exception handling is not RC++", "use try/catch");
    return true;
  }
  bool VisitCoroutineBodyStmt(clang::CoroutineBodyStmt*) { return true; }
  bool VisitCoreturnStmt(clang::CoreturnStmt* stmt) {
    report(stmt->getKeywordLoc(), "F6", "co_return: coroutines are not RC++", "use an explicit iterator object");
    return true;
  }
  bool VisitCoawaitExpr(clang::CoawaitExpr* expr) {
    report(expr->getKeywordLoc(), "F6", "co_await: coroutines are not RC++", "use an explicit state object");
    return true;
  }
  bool VisitCoyieldExpr(clang::CoyieldExpr* expr) {
    report(expr->getKeywordLoc(), "F6", "co_yield: coroutines are not RC++", "use an explicit iterator object");
    return true;
  }
  bool VisitAttributedStmt(clang::AttributedStmt* stmt) {
    for (const clang::Attr* attr : stmt->getAttrs()) {
      if (isa<clang::FallThroughAttr>(attr) || isa<clang::LikelyAttr>(attr) || isa<clang::UnlikelyAttr>(attr))
        continue;
      report(attr->getLocation(), "P6", "attribute '" + std::string(attr->getSpelling()) + "' is not RC++",
             "allowed: [[fallthrough]], [[likely]], [[unlikely]]");
    }
    return true;
  }
  bool VisitCaseStmt(clang::CaseStmt* stmt) {
    if (stmt->caseStmtIsGNURange())
      report(stmt->getEllipsisLoc(), "P6", "case range (a GNU extension)", "list the cases");
    return true;
  }
  bool VisitForStmt(clang::ForStmt* stmt) {
    for (const clang::Expr* e = stmt->getInc(); e;) {
      e = e->IgnoreParens();
      const auto* comma = dyn_cast<clang::BinaryOperator>(e);
      if (!comma || comma->getOpcode() != clang::BO_Comma) break;
      allowed_commas_.insert(comma);
      e = comma->getLHS();
    }
    return true;
  }
  bool VisitCXXForRangeStmt(clang::CXXForRangeStmt* stmt) {
    const clang::Expr* range = strip(stmt->getRangeInit());
    if (const auto* deref = dyn_cast_or_null<clang::UnaryOperator>(range); deref && deref->getOpcode() == clang::UO_Deref)
      allowed_derefs_.insert(deref);
    if (range && !range->isTypeDependent() && !isa<clang::InitListExpr>(range)) {
      const clang::CXXRecordDecl* record = range->getType()->getAsCXXRecordDecl();
      bool ok = record && (is_rt_record(record, "List") || is_rt_record(record, "Array") || is_rt_record(record, "Dict"));
      if (!ok && !(record && is_in_namespace(record, "std")))
        report(range->getBeginLoc(), "P7",
               "range-for over '" + range->getType().getAsString(context_.getPrintingPolicy()) +
                   "': only *list, *array and *dict of the rt containers",
               "index it: for (int64_t i = 0; i < n; ++i)");
    }
    return true;
  }
  bool VisitCXXCatchStmt(clang::CXXCatchStmt* stmt) {
    const clang::VarDecl* var = stmt->getExceptionDecl();
    if (!var) return true;  // catch (...)
    clang::QualType type = var->getType();
    if (type->isDependentType()) return true;
    const clang::CXXRecordDecl* pointee = type->isPointerType() ? type->getPointeeCXXRecordDecl() : nullptr;
    if (!pointee || !derives_from_rt(pointee, "Exception"))
      report(var->getBeginLoc(), "X2",
             "handler catches '" + type.getAsString(context_.getPrintingPolicy()) +
                 "'; handlers catch a pointer to rt::Exception or a subclass",
             "catch (rt::ValueError* e), or catch (...)");
    return true;
  }

  // --- expressions --------------------------------------------------------------------------------

  bool VisitStmtExpr(clang::StmtExpr* expr) {
    report(expr->getBeginLoc(), "P6", "statement expression (a GNU extension)", "use a function");
    return true;
  }
  bool VisitBinaryConditionalOperator(clang::BinaryConditionalOperator* expr) {
    report(expr->getBeginLoc(), "P6", "'?:' with an omitted operand (a GNU extension)", "write a ? a : b");
    return true;
  }
  bool VisitChooseExpr(clang::ChooseExpr* expr) {
    report(expr->getBeginLoc(), "P6", "__builtin_choose_expr", "use if constexpr");
    return true;
  }
  bool VisitCompoundLiteralExpr(clang::CompoundLiteralExpr* expr) {
    report(expr->getBeginLoc(), "P6", "compound literal (a C extension)", "use T{...}");
    return true;
  }
  bool VisitGNUNullExpr(clang::GNUNullExpr* expr) {
    report(expr->getBeginLoc(), "T5", "NULL as a null pointer constant", "write nullptr");
    return true;
  }
  bool VisitCXXStdInitializerListExpr(clang::CXXStdInitializerListExpr* expr) {
    report(expr->getBeginLoc(), "P3", "std::initializer_list (a braced list used as a range or an argument)",
           "use an rt::Array or rt::List");
    return true;
  }
  bool VisitFloatingLiteral(clang::FloatingLiteral* literal) {
    if (!literal->getType()->isSpecificBuiltinType(clang::BuiltinType::Double))
      report(literal->getBeginLoc(), "T3",
             "floating literal of type '" + literal->getType().getAsString() + "'", "drop the suffix: a double literal");
    return true;
  }
  bool VisitUnaryExprOrTypeTraitExpr(clang::UnaryExprOrTypeTraitExpr* expr) {
    const char* what = expr->getKind() == clang::UETT_SizeOf ? "sizeof" : "alignof";
    report(expr->getBeginLoc(), "M8", std::string(what) + " exposes the host-mode layout",
           "nothing in RC++ depends on object sizes");
    return true;
  }
  bool VisitOffsetOfExpr(clang::OffsetOfExpr* expr) {
    report(expr->getBeginLoc(), "M8", "offsetof exposes the host-mode layout", "use the field");
    return true;
  }
  bool VisitCXXTypeidExpr(clang::CXXTypeidExpr* expr) {
    report(expr->getBeginLoc(), "M5", "typeid", "use dynamic_cast or a virtual function");
    return true;
  }
  bool VisitCXXNoexceptExpr(clang::CXXNoexceptExpr* expr) {
    report(expr->getBeginLoc(), "X4", "noexcept operator", "the annotator computes which exceptions calls raise");
    return true;
  }
  bool VisitVAArgExpr(clang::VAArgExpr* expr) {
    report(expr->getBeginLoc(), "F4", "va_arg", "use a variadic template");
    return true;
  }
  bool VisitCXXNewExpr(clang::CXXNewExpr* expr) {
    report(expr->getBeginLoc(), "C3", expr->getNumPlacementArgs() ? "placement new" : "new expression",
           "allocate GC objects with rt::make<T>(args...)");
    return true;
  }
  bool VisitCXXDeleteExpr(clang::CXXDeleteExpr* expr) {
    report(expr->getBeginLoc(), "C3", "delete expression", "GC objects are reclaimed by the collector");
    return true;
  }
  bool VisitCXXTemporaryObjectExpr(clang::CXXTemporaryObjectExpr* expr) {
    check_gc_temporary(expr->getType(), expr->getBeginLoc());
    return true;
  }
  bool VisitCXXFunctionalCastExpr(clang::CXXFunctionalCastExpr* expr) {
    check_gc_temporary(expr->getType(), expr->getBeginLoc());
    return true;
  }

  bool VisitCXXThrowExpr(clang::CXXThrowExpr* expr) {
    const clang::Expr* operand = expr->getSubExpr();
    if (!operand) {
      report(expr->getThrowLoc(), "X3", "bare rethrow 'throw;'", "catch the exception as E* e and write 'throw e;'");
      return true;
    }
    if (operand->isTypeDependent()) return true;
    clang::QualType type = strip(operand)->getType();
    const clang::CXXRecordDecl* pointee = type->isPointerType() ? type->getPointeeCXXRecordDecl() : nullptr;
    if (!pointee || !derives_from_rt(pointee, "Exception")) {
      report(expr->getThrowLoc(), "X1",
             "throws '" + type.getAsString(context_.getPrintingPolicy()) +
                 "'; throw a pointer to an rt::Exception subclass",
             "throw rt::make<rt::ValueError>(\"...\"), or rt::raise<E>(message)");
      return true;
    }
    const clang::Expr* form = strip(operand);
    bool ok = false;
    if (const auto* call = dyn_cast<clang::CallExpr>(form)) ok = rt_callee(call, "make") != nullptr;
    if (const auto* ref = dyn_cast<clang::DeclRefExpr>(form))
      if (const auto* var = dyn_cast<clang::VarDecl>(ref->getDecl())) ok = var->isLocalVarDeclOrParm();
    if (!ok)
      report(expr->getThrowLoc(), "X1", "the thrown pointer is neither made by rt::make in the throw nor a local variable",
             "store it in a local first: E* e = ...; throw e;");
    return true;
  }

  bool VisitDeclRefExpr(clang::DeclRefExpr* ref) {
    const clang::ValueDecl* decl = ref->getDecl();
    if (const auto* function = dyn_cast<clang::FunctionDecl>(decl)) {
      if (is_in_namespace(function, "std")) {
        const auto* method = dyn_cast<clang::CXXMethodDecl>(function);
        bool limits = method && method->getParent()->getName() == "numeric_limits" &&
                      (method->getName() == "min" || method->getName() == "max" || method->getName() == "lowest");
        if (!limits)
          report(ref->getBeginLoc(), "P3", "'std::" + function->getNameAsString() + "' is not RC++",
                 "the rt library has the RC++ equivalents; std::min/max become a ? b : c");
      } else if (function->getBuiltinID() != 0 && function->getName().starts_with("__builtin")) {
        report(ref->getBeginLoc(), "P4", "compiler builtin '" + function->getNameAsString() + "'",
               "use rt helpers (rt::ovf_add, rt::math, ...) or [[likely]]/[[unlikely]]");
      } else if (!is_in_namespace(function, "rt") && !state_.is_program(function)) {
        report(ref->getBeginLoc(), "P4", "'" + function->getNameAsString() + "' is outside the program and rt",
               "reach the outside world through rt::os, rt::print and rt::math");
      }
      std::set<std::string> notes = annotations(function);
      bool hinted = notes.count("rt.jit.elidable") || notes.count("rt.jit.loop_invariant") ||
                    std::any_of(notes.begin(), notes.end(),
                                [](const std::string& n) { return llvm::StringRef(n).starts_with("rt.jit.elidable_promote"); });
      if (hinted && !direct_callees_.count(ref) && !function->getType()->isDependentType())
        state_.hinted_address_taken.emplace(
            context_.getPointerType(function->getType()).getCanonicalType().getAsString(),
            function->getQualifiedNameAsString());
    } else if (const auto* var = dyn_cast<clang::VarDecl>(decl)) {
      if (is_in_namespace(var, "std"))
        report(ref->getBeginLoc(), "P3", "'std::" + var->getNameAsString() + "' is not RC++");
    }
    return true;
  }

  bool VisitCallExpr(clang::CallExpr* call) {
    if (const auto* callee = dyn_cast_or_null<clang::DeclRefExpr>(strip(call->getCallee())))
      direct_callees_.insert(callee);
    if (call->isTypeDependent() || call->isValueDependent()) return true;
    if (isa<clang::CXXMemberCallExpr>(call) || isa<clang::CXXOperatorCallExpr>(call)) {
      if (const auto* member = dyn_cast<clang::CXXMemberCallExpr>(call)) {
        if (const clang::CXXMethodDecl* method = member->getMethodDecl(); method && !is_in_namespace(method, "rt"))
          record_ref_bindings(call, method);
        check_member_call(member);
      }
      return true;
    }
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (callee && !is_in_namespace(callee, "rt")) record_ref_bindings(call, callee);
    if (!callee) {
      clang::QualType type = call->getCallee()->getType();
      if (type->isPointerType() && type->getPointeeType()->isFunctionType())
        state_.indirect_calls.push_back({type.getCanonicalType().getAsString(),
                                         AstSet::location(context_, call->getBeginLoc())});
      return true;
    }
    if (!is_in_namespace(callee, "rt")) return true;
    llvm::StringRef name = callee->getIdentifier() ? callee->getName() : "";
    if (name == "promote" && call->getNumArgs() == 1) {
      clang::QualType type = strip(call->getArg(0))->getType();
      const clang::CXXRecordDecl* record = type->getAsCXXRecordDecl();
      if (record)
        report(call->getBeginLoc(), "H13",
               "rt::jit::promote of '" + type.getAsString(context_.getPrintingPolicy()) + "', which is not a scalar",
               is_rt_record(record, "Str") ? "use rt::jit::promote_string" : "promote the fields one by one");
    }
    if ((name == "conditional_call" || name == "conditional_call_elidable" || name == "record_known_result") &&
        call->getNumArgs() >= 2) {
      const clang::Expr* fn = call->getArg(1)->IgnoreParenImpCasts();
      if (const auto* addr = dyn_cast<clang::UnaryOperator>(fn); addr && addr->getOpcode() == clang::UO_AddrOf)
        fn = addr->getSubExpr()->IgnoreParenImpCasts();
      const auto* ref = dyn_cast<clang::DeclRefExpr>(fn);
      if (ref && isa<clang::FunctionDecl>(ref->getDecl())) direct_callees_.insert(ref);
      else
        report(call->getArg(1)->getBeginLoc(), "H13",
               "the function argument of rt::jit::" + name.str() + " does not name a function",
               "pass &f directly");
      if (name == "conditional_call_elidable" && strip(call->getArg(0))->getType()->isRealFloatingType())
        report(call->getArg(0)->getBeginLoc(), "H13", "conditional_call_elidable on a double",
               "the cached value is an integer or a pointer");
    }
    return true;
  }

  bool VisitBinaryOperator(clang::BinaryOperator* op) {
    clang::BinaryOperatorKind kind = op->getOpcode();
    if (kind == clang::BO_Comma && !allowed_commas_.count(op)) {
      report(op->getOperatorLoc(), "E4", "comma operator", "write separate statements");
      return true;
    }
    if (op->isTypeDependent() || op->isValueDependent()) {
      if (op->isAssignmentOp()) check_immutable_write(op->getLHS());
      return true;
    }
    if (op->isAssignmentOp()) check_immutable_write(op->getLHS());
    clang::QualType lhs_type = op->getLHS()->getType();
    clang::QualType rhs_type = op->getRHS()->getType();
    bool pointers = lhs_type->isAnyPointerType() || rhs_type->isAnyPointerType();
    switch (kind) {
      case clang::BO_Div: case clang::BO_Rem: case clang::BO_DivAssign: case clang::BO_RemAssign:
        check_division(op);
        break;
      case clang::BO_Shl: case clang::BO_Shr: case clang::BO_ShlAssign: case clang::BO_ShrAssign:
        check_shift(op);
        break;
      case clang::BO_Add: case clang::BO_Sub: case clang::BO_AddAssign: case clang::BO_SubAssign:
        if (pointers)
          report(op->getOperatorLoc(), "M2", "pointer arithmetic",
                 "use rt::List/rt::Array and index them");
        break;
      case clang::BO_LT: case clang::BO_GT: case clang::BO_LE: case clang::BO_GE: case clang::BO_Cmp:
        if (pointers)
          report(op->getOperatorLoc(), "M6", "ordered comparison of pointers",
                 "compare with == and != only; give objects a sequence number when order matters");
        break;
      default:
        break;
    }
    check_unsequenced(op);
    return true;
  }

  bool VisitUnaryOperator(clang::UnaryOperator* op) {
    if (op->getOpcode() == clang::UO_Extension) {
      report(op->getOperatorLoc(), "P6", "__extension__", "remove it");
      return true;
    }
    if (op->isIncrementDecrementOp()) check_immutable_write(op->getSubExpr());
    if (op->isTypeDependent()) return true;
    const clang::Expr* operand = op->getSubExpr();
    switch (op->getOpcode()) {
      case clang::UO_AddrOf: {
        const clang::Expr* target = operand->IgnoreParens();
        if (const auto* ref = dyn_cast<clang::DeclRefExpr>(target)) {
          if (const auto* method = dyn_cast<clang::CXXMethodDecl>(ref->getDecl()); method && method->isInstance()) {
            report(op->getOperatorLoc(), "T5", "pointer to member function",
                   "use a static member function or a free function taking the object");
            break;
          }
          if (isa<clang::FunctionDecl>(ref->getDecl())) break;
        }
        if (operand->getType()->isFunctionType()) break;
        report(op->getOperatorLoc(), "M1", "address of a variable, field or temporary",
               "return a value (or a value struct) instead of writing through a pointer");
        break;
      }
      case clang::UO_Deref:
        if (operand->getType()->isPointerType() && !operand->getType()->getPointeeType()->isFunctionType() &&
            !allowed_derefs_.count(op))
          report(op->getOperatorLoc(), "M2", "unary '*' outside the range of a range-for",
                 "use '->' on GC objects; *p only in for (auto x : *list)");
        break;
      case clang::UO_PreInc: case clang::UO_PreDec: case clang::UO_PostInc: case clang::UO_PostDec:
        if (operand->getType()->isAnyPointerType())
          report(op->getOperatorLoc(), "M2", "pointer arithmetic", "use rt::List/rt::Array and index them");
        break;
      default:
        break;
    }
    return true;
  }

  bool VisitArraySubscriptExpr(clang::ArraySubscriptExpr* expr) {
    const clang::Expr* base = expr->getBase();
    if (const auto* cast = dyn_cast<clang::ImplicitCastExpr>(base); cast && cast->getCastKind() == clang::CK_ArrayToPointerDecay)
      return true;  // a C array: M3 at its declaration
    if (!expr->isTypeDependent())
      report(expr->getBeginLoc(), "M2", "subscript of a pointer", "use rt::Array::get/set or rt::List::get/set");
    return true;
  }

  bool VisitCastExpr(clang::CastExpr* cast) {
    if (cast->isTypeDependent() || cast->isValueDependent()) return true;
    clang::CastKind kind = cast->getCastKind();
    const clang::Expr* sub = cast->getSubExpr();
    clang::SourceLocation loc = isa<clang::ImplicitCastExpr>(cast) ? sub->getBeginLoc() : cast->getBeginLoc();
    if (kind == clang::CK_FloatingToIntegral) {
      report(loc, "A8", "conversion from double to an integer",
             "use rt::float_to_int(d) (and rt::float_fits_int(d) to test first)");
    } else if (kind == clang::CK_FloatingToBoolean) {
      std::string what = "a double";
      if (const auto* ref = dyn_cast<clang::DeclRefExpr>(strip(sub))) what = quoted(ref->getDecl()) + " is a double";
      report(loc, "A9", "conversion from double to bool: " + what, "compare explicitly: d != 0.0");
    } else if (kind == clang::CK_NullToPointer || kind == clang::CK_NullToMemberPointer) {
      const clang::Expr* value = strip(sub);
      if (value && !isa<clang::CXXNullPtrLiteralExpr>(value) && !isa<clang::GNUNullExpr>(value) &&
          !value->getType()->isNullPtrType())
        report(value->getBeginLoc(), "T5", "integer used as a null pointer constant", "write nullptr");
    } else if (kind == clang::CK_IntegralCast) {
      if (const auto* enum_type = cast->getType()->getAs<clang::EnumType>()) {
        const clang::EnumDecl* decl = enum_type->getDecl();
        if (decl->getDefinition() && !decl->isFixed() && !sub->getType()->isEnumeralType()) {
          clang::Expr::EvalResult result;
          bool ok = false;
          if (sub->EvaluateAsInt(result, context_)) {
            for (const clang::EnumConstantDecl* constant : decl->enumerators())
              ok |= llvm::APSInt::isSameValue(constant->getInitVal(), result.Val.getInt());
          }
          if (!ok)
            report(loc, "T4", "conversion of a non-constant integer to " + quoted(decl) +
                                  ", which has no declared underlying type",
                   "declare it: enum " + decl->getNameAsString() + " : int { ... }");
        }
      }
    }
    if (auto* explicit_cast = dyn_cast<clang::ExplicitCastExpr>(cast)) check_explicit_cast(explicit_cast);
    return true;
  }

 private:
  // --- reporting ----------------------------------------------------------------------------------

  void report(clang::SourceLocation loc, const char* rule_id, std::string message, const std::string& hint = {}) {
    if (!instantiation_.empty()) message += " in instantiation '" + instantiation_ + "'";
    state_.report(context_, loc, rule_id, message, hint);
  }

  std::string describe(const clang::NamedDecl* decl) {
    std::string text;
    llvm::raw_string_ostream out(text);
    decl->getNameForDiagnostic(out, context_.getPrintingPolicy(), true);
    return text;
  }

  // --- declarations -------------------------------------------------------------------------------

  bool skip_body(const clang::FunctionDecl* function) {
    if (function->isConsteval()) return true;
    if (function->isConstexpr() && !function->isDependentContext() && function->doesThisDeclarationHaveABody())
      return !state_.reachable_mangled.count(state_.asts.mangled_name(function));
    return false;
  }

  void check_attributes(const clang::Decl* decl) {
    for (const clang::Attr* attr : decl->attrs()) {
      if (attr->isImplicit() || attr->isInherited()) continue;
      if (const auto* annotate = dyn_cast<clang::AnnotateAttr>(attr)) {
        llvm::StringRef text = annotate->getAnnotation();
        if (text == "rt.jit.oopspec")
          report(attr->getLocation(), "H10", "RT_JIT_OOPSPEC is reserved to rlib", "remove it");
        else if (!text.starts_with("rt."))
          report(attr->getLocation(), "P6", "attribute 'annotate' is not RC++", "remove it");
        continue;
      }
      if (isa<clang::WarnUnusedResultAttr>(attr) || isa<clang::UnusedAttr>(attr) ||
          isa<clang::DeprecatedAttr>(attr) || isa<clang::CXX11NoReturnAttr>(attr) || isa<clang::FinalAttr>(attr) ||
          isa<clang::OverrideAttr>(attr) || isa<clang::FallThroughAttr>(attr))
        continue;
      if (const auto* init_attr = dyn_cast<clang::ConstInitAttr>(attr); init_attr && init_attr->isConstinit()) continue;
      if (const auto* aligned = dyn_cast<clang::AlignedAttr>(attr); aligned && aligned->isAlignas()) {
        report(attr->getLocation(), "M7", "alignas", "layout is not observable in RC++");
        continue;
      }
      report(attr->getLocation(), "P6", "attribute '" + std::string(attr->getSpelling()) + "' is not RC++",
             "allowed: [[nodiscard]], [[maybe_unused]], [[fallthrough]], [[likely]], [[unlikely]], "
             "[[deprecated]], [[noreturn]] and the RT_* hint macros");
    }
  }

  void check_reserved_name(const clang::Decl* decl) {
    const auto* named = dyn_cast<clang::NamedDecl>(decl);
    if (!named || !named->getIdentifier()) return;
    llvm::StringRef name = named->getName();
    if (!name.starts_with("rt_")) return;
    if (name == "rt_main" && isa<clang::FunctionDecl>(decl)) return;
    report(named->getLocation(), "F1", "the name '" + name.str() + "' is reserved to the rt library (prefix rt_)",
           "choose another name");
  }

  clang::SourceLocation type_loc(const clang::DeclaratorDecl* decl) {
    clang::SourceLocation loc = decl->getTypeSpecStartLoc();
    return loc.isValid() ? loc : decl->getLocation();
  }

  void check_decl_type(const clang::DeclaratorDecl* decl, clang::QualType type, Use use) {
    check_type(type, type_loc(decl), use, 0);
  }

  // Inside the replacement type of a template parameter in an instantiation: Clang keeps it
  // canonical, so the integer spellings of T2 are judged where the argument is written.
  bool in_substituted_type_ = false;

  // One error per declared type, for the first problem found; false when reported.
  bool check_type(clang::QualType type, clang::SourceLocation loc, Use use, int depth) {
    if (type.isNull() || depth > 12) return true;
    if (type->isDependentType() && !type->isReferenceType()) return true;
    std::string spelled = type.getAsString(context_.getPrintingPolicy());
    if (type.isVolatileQualified()) {
      report(loc, "M7", "volatile", "remove it");
      return false;
    }
    // Look through sugar, stopping at the integer names of T2. Clang keeps that sugar only where
    // a type is written: the arguments of a class template specialisation are canonical
    // ('signed char' for int8_t), so the written arguments are kept for the record case below,
    // and the replacement of a template parameter is checked without T2's spelling rule.
    llvm::ArrayRef<clang::TemplateArgument> written_args;
    for (int steps = 0; steps < 64; ++steps) {
      if (const auto* specialization = dyn_cast<clang::TemplateSpecializationType>(type.getTypePtr());
          specialization && !specialization->isTypeAlias())
        written_args = specialization->template_arguments();
      if (const auto* substituted = dyn_cast<clang::SubstTemplateTypeParmType>(type.getTypePtr())) {
        bool outer = in_substituted_type_;
        in_substituted_type_ = true;
        bool ok = check_type(substituted->getReplacementType(), loc, use, depth + 1);
        in_substituted_type_ = outer;
        return ok;
      }
      if (const auto* typedef_type = type->getAs<clang::TypedefType>(); typedef_type && type->getTypeClass() == clang::Type::Typedef) {
        llvm::StringRef name = typedef_type->getDecl()->getName();
        if (is_allowed_int_name(name)) return true;
        if (is_rejected_int_name(name)) {
          report(loc, "T2", "'" + name.str() + "' is not an RC++ integer type", "use int64_t (or another intN_t/uintN_t)");
          return false;
        }
        if (name == "nullptr_t") {
          report(loc, "T5", "std::nullptr_t variable or parameter", "use a GC pointer type initialised with nullptr");
          return false;
        }
        if (name == "va_list" || name == "__builtin_va_list" || name == "__gnuc_va_list") {
          report(loc, "F4", "va_list", "use a variadic template");
          return false;
        }
      }
      if (isa<clang::TypeOfType>(type.getTypePtr()) || isa<clang::TypeOfExprType>(type.getTypePtr())) {
        report(loc, "P6", "typeof (a GNU extension)", "use decltype");
        return false;
      }
      clang::QualType next = type.getSingleStepDesugaredType(context_);
      if (next == type) break;
      type = next;
    }
    if (type.isVolatileQualified()) {
      report(loc, "M7", "volatile", "remove it");
      return false;
    }
    const clang::Type* t = type.getCanonicalType().getTypePtr();
    if (const auto* reference = dyn_cast<clang::ReferenceType>(t)) {
      clang::QualType pointee = reference->getPointeeType();
      bool const_lvalue = isa<clang::LValueReferenceType>(t) && pointee.isConstQualified() && !pointee.isVolatileQualified();
      if (const_lvalue && (use == Use::Param || use == Use::RangeVar)) {
        const clang::CXXRecordDecl* record = pointee->getAsCXXRecordDecl();
        if (record && record->hasDefinition() && is_gc_class(record)) return true;  // C5 or M2 say more
        return check_type(pointee, loc, use == Use::Param ? Use::Param : Use::Local, depth + 1);
      }
      std::string what = isa<clang::RValueReferenceType>(t) ? "rvalue or forwarding reference"
                         : pointee.isConstQualified()      ? "const reference"
                                                           : "non-const reference";
      const char* where = use == Use::Param                                   ? " parameter"
                          : use == Use::Return                                ? " return type"
                          : use == Use::Field || use == Use::ValueField       ? " field"
                                                                              : " variable";
      std::string hint = use == Use::Param    ? "take the parameter by value or as const T&"
                         : use == Use::Return ? "return by value"
                                              : "use a value (or, for a loop variable, const auto&)";
      report(loc, "T7", what + where + " '" + spelled + "'", hint);
      return false;
    }
    if (t->isDependentType()) return true;
    if (const auto* builtin = dyn_cast<clang::BuiltinType>(t)) return check_builtin(builtin, spelled, loc, use);
    if (isa<clang::PointerType>(t))  // the pointee with its sugar (written template arguments)
      return check_pointer(type->getAs<clang::PointerType>()->getPointeeType(), spelled, loc);
    if (isa<clang::MemberPointerType>(t)) {
      report(loc, "T5", "pointer to member '" + spelled + "'", "use a static member function or a free function");
      return false;
    }
    if (isa<clang::VariableArrayType>(t)) {
      report(loc, "P6", "variable-length array", "use rt::Array<T>");
      return false;
    }
    if (isa<clang::ArrayType>(t)) {
      report(loc, "M3", "C array '" + spelled + "'", "use rt::Array<T> (fixed size) or rt::List<T>");
      return false;
    }
    if (isa<clang::BitIntType>(t)) {
      report(loc, "P6", "_BitInt", "use int64_t");
      return false;
    }
    if (isa<clang::AtomicType>(t)) {
      report(loc, "G3", "_Atomic", "RC++ programs have one thread");
      return false;
    }
    if (isa<clang::VectorType>(t) || isa<clang::ComplexType>(t)) {
      report(loc, "T1", "'" + spelled + "' is not an RC++ type", "use double or int64_t values");
      return false;
    }
    if (const auto* enum_type = dyn_cast<clang::EnumType>(t)) {
      if (is_in_namespace(enum_type->getDecl(), "std")) {
        report(loc, "P3", "'" + spelled + "' is a std type");
        return false;
      }
      return true;
    }
    if (const auto* record_type = dyn_cast<clang::RecordType>(t)) {
      const auto* record = dyn_cast<clang::CXXRecordDecl>(record_type->getDecl());
      if (!record || record->isUnion() || record->isLambda()) return true;  // M4 / F3 at the declaration
      if (is_in_namespace(record, "std")) {
        report(loc, "P3", "'" + spelled + "' is a std type", "use the rt library (rt::List, rt::Str, rt::Dict)");
        return false;
      }
      if (is_in_namespace(record, "rt")) {
        llvm::StringRef name = record->getIdentifier() ? record->getName() : "";
        if (name == "StrBuilder") {
          if (use == Use::Local || use == Use::Field || use == Use::ValueField) return true;  // ValueField: T6
          report(loc, "T9", "rt::StrBuilder outside a local variable or a field of a GC class",
                 "keep the builder in a local or in a GC object's field");
          return false;
        }
        if (name == "JitDriver") {
          if (use == Use::Global) return check_driver_type(record, loc);
          report(loc, "H2", "a JitDriver that is not a namespace-scope variable",
                 "constinit rt::jit::JitDriver<...> driver{\"name\"}; at namespace scope");
          return false;
        }
        if (record->getDefinition() && is_gc_class(record) && use != Use::Other) {
          report(loc, "C3", "GC object '" + spelled + "' by value", "refer to GC objects by pointer, made by rt::make<T>");
          return false;
        }
        if (const auto* spec = dyn_cast<clang::ClassTemplateSpecializationDecl>(record))
          for (const clang::TemplateArgument& arg :
               written_args.empty() ? spec->getTemplateArgs().asArray() : written_args)
            if (arg.getKind() == clang::TemplateArgument::Type && !check_type(arg.getAsType(), loc, Use::Item, depth + 1))
              return false;
        return true;
      }
      if (record->getDefinition() && is_gc_class(record) && use != Use::Other) {
        report(loc, "C3", "GC object " + quoted(record) + " by value",
               "refer to GC objects by pointer, made by rt::make<T>");
        return false;
      }
      return true;
    }
    return true;
  }

  bool check_builtin(const clang::BuiltinType* builtin, const std::string& spelled, clang::SourceLocation loc, Use use) {
    switch (builtin->getKind()) {
      case clang::BuiltinType::Bool: case clang::BuiltinType::Char_S: case clang::BuiltinType::Char_U:
      case clang::BuiltinType::Int: case clang::BuiltinType::Long: case clang::BuiltinType::LongLong:
      case clang::BuiltinType::UInt: case clang::BuiltinType::Double:
        return true;
      case clang::BuiltinType::Void:
        if (use == Use::Return || use == Use::Other || use == Use::Item) return true;
        report(loc, "T1", "'void' value", "");
        return false;
      case clang::BuiltinType::Float: case clang::BuiltinType::LongDouble: case clang::BuiltinType::Half:
      case clang::BuiltinType::Float16: case clang::BuiltinType::BFloat16: case clang::BuiltinType::Float128:
      case clang::BuiltinType::Ibm128:
        report(loc, "T3", "'" + spelled + "' is not double", "double is the only floating-point type");
        return false;
      case clang::BuiltinType::WChar_S: case clang::BuiltinType::WChar_U: case clang::BuiltinType::Char8:
      case clang::BuiltinType::Char16: case clang::BuiltinType::Char32:
        report(loc, "T1", "'" + spelled + "' is not an RC++ type", "use char (bytes)");
        return false;
      case clang::BuiltinType::NullPtr:
        report(loc, "T5", "std::nullptr_t variable or parameter", "use a GC pointer type initialised with nullptr");
        return false;
      case clang::BuiltinType::SChar: case clang::BuiltinType::UChar: case clang::BuiltinType::Short:
      case clang::BuiltinType::UShort: case clang::BuiltinType::ULong: case clang::BuiltinType::ULongLong:
        if (in_substituted_type_) return true;  // int8_t, uint64_t...: judged where written
        [[fallthrough]];
      case clang::BuiltinType::Int128: case clang::BuiltinType::UInt128:
        report(loc, "T2", "'" + spelled + "' is not an RC++ integer type",
               "use int8_t, int16_t, int32_t, int64_t or their unsigned forms");
        return false;
      default:
        report(loc, "T1", "'" + spelled + "' is not an RC++ type", "");
        return false;
    }
  }

  // The template arguments as written (int8_t rather than the canonical 'signed char') of a
  // class template specialisation type, or none when the type does not spell them.
  llvm::ArrayRef<clang::TemplateArgument> written_template_args(clang::QualType type) {
    for (int steps = 0; steps < 64; ++steps) {
      if (const auto* specialization = dyn_cast<clang::TemplateSpecializationType>(type.getTypePtr());
          specialization && !specialization->isTypeAlias())
        return specialization->template_arguments();
      clang::QualType next = type.getSingleStepDesugaredType(context_);
      if (next == type) break;
      type = next;
    }
    return {};
  }

  bool check_pointer(clang::QualType pointee, const std::string& spelled, clang::SourceLocation loc) {
    if (pointee.isVolatileQualified()) {
      report(loc, "M7", "volatile", "remove it");
      return false;
    }
    const clang::Type* p = pointee.getCanonicalType().getTypePtr();
    if (p->isDependentType()) return true;
    if (isa<clang::FunctionType>(p)) {
      if (const auto* proto = dyn_cast<clang::FunctionProtoType>(p); proto && proto->isVariadic()) {
        report(loc, "F4", "pointer to a C variadic function", "use a variadic template");
        return false;
      }
      return true;  // F5
    }
    if (const auto* record_type = dyn_cast<clang::RecordType>(p)) {
      const auto* record = dyn_cast<clang::CXXRecordDecl>(record_type->getDecl());
      if (!record || !record->getDefinition()) return true;  // incomplete here: judged where complete
      if (is_gc_class(record)) {
        llvm::ArrayRef<clang::TemplateArgument> written_args = written_template_args(pointee);
        if (const auto* spec = dyn_cast<clang::ClassTemplateSpecializationDecl>(record); spec && is_in_namespace(record, "rt"))
          for (const clang::TemplateArgument& arg :
               written_args.empty() ? spec->getTemplateArgs().asArray() : written_args)
            if (arg.getKind() == clang::TemplateArgument::Type && !check_type(arg.getAsType(), loc, Use::Item, 1))
              return false;
        return true;
      }
      if (is_in_namespace(record, "std")) {
        report(loc, "P3", "'" + spelled + "' points to a std type");
        return false;
      }
      if (!is_in_namespace(record, "rt") && !record->isUnion()) {
        report(loc, "C1", quoted(record) + " is used through a pointer but does not derive from rt::Object",
               "make it a GC class: class " + record->getNameAsString() + " : public rt::Object");
        return false;
      }
      report(loc, "T5", "pointer to a non-GC value '" + spelled + "'",
             "pointers point to GC objects; keep the value in a field of a GC object");
      return false;
    }
    if (const auto* builtin = dyn_cast<clang::BuiltinType>(p)) {
      if (builtin->getKind() == clang::BuiltinType::Char_S || builtin->getKind() == clang::BuiltinType::Char_U) {
        report(loc, "T8", "'" + spelled + "': text is rt::Str", "use rt::Str (string literals convert to it)");
        return false;
      }
      if (builtin->getKind() == clang::BuiltinType::Void) {
        report(loc, "T1", "'void*'", "use a pointer to a GC class (a common base class)");
        return false;
      }
    }
    if (isa<clang::PointerType>(p) || isa<clang::MemberPointerType>(p)) {
      report(loc, "T5", "pointer to a pointer '" + spelled + "'", "use a small GC object (a cell) or return the value");
      return false;
    }
    report(loc, "T5", "pointer to a non-GC value '" + spelled + "'",
           "pointers point to GC objects; keep the value in a field of a GC object");
    return false;
  }

  bool check_driver_type(const clang::CXXRecordDecl* driver, clang::SourceLocation loc) {
    const auto* spec = dyn_cast<clang::ClassTemplateSpecializationDecl>(driver);
    if (!spec) return true;
    for (const clang::TemplateArgument& group : spec->getTemplateArgs().asArray()) {
      if (group.getKind() != clang::TemplateArgument::Type) continue;
      const auto* pack = dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(group.getAsType()->getAsCXXRecordDecl());
      if (!pack) continue;
      for (const clang::TemplateArgument& arg : pack->getTemplateArgs().asArray()) {
        std::vector<clang::TemplateArgument> args;
        if (arg.getKind() == clang::TemplateArgument::Pack) args.assign(arg.pack_begin(), arg.pack_end());
        else args.push_back(arg);
        for (const clang::TemplateArgument& a : args) {
          if (a.getKind() != clang::TemplateArgument::Type) continue;
          clang::QualType type = a.getAsType().getCanonicalType();
          bool scalar = type->isIntegralOrEnumerationType() || type->isSpecificBuiltinType(clang::BuiltinType::Double) ||
                        (type->isPointerType() && type->getPointeeCXXRecordDecl() && is_gc_class(type->getPointeeCXXRecordDecl())) ||
                        is_rt_record(type->getAsCXXRecordDecl(), "Str");
          if (!scalar) {
            report(loc, "H2", "green or red of type '" + a.getAsType().getAsString(context_.getPrintingPolicy()) +
                                  "': greens and reds are scalars, GC pointers or rt::Str",
                   "pass a value struct as its fields");
            return false;
          }
        }
      }
    }
    return true;
  }

  void check_local_init(const clang::VarDecl* var) {
    clang::QualType type = var->getType().getCanonicalType();
    if (type->isReferenceType()) return;
    bool missing = false;
    if (type->isScalarType()) {
      missing = !var->hasInit();
    } else if (const clang::CXXRecordDecl* record = type->getAsCXXRecordDecl()) {
      if (is_in_namespace(record, "rt") || is_gc_class(record) || record->isLambda()) return;
      const clang::Expr* init = var->getInit();
      if (!init) missing = true;
      else if (const auto* construct = dyn_cast<clang::CXXConstructExpr>(init->IgnoreImplicit()))
        missing = construct->getNumArgs() == 0 && construct->getParenOrBraceRange().isInvalid() &&
                  !construct->isListInitialization();
    }
    if (missing)
      report(var->getLocation(), "S1", "local variable " + quoted(var) + " has no initialiser",
             "initialise it: = value, {} or (...)");
  }

  void check_global(const clang::VarDecl* var) {
    if (var->isThisDeclarationADefinition() != clang::VarDecl::Definition) return;
    if (var->getType()->isDependentType()) return;
    const clang::Expr* init = var->getInit();
    bool written = init != nullptr;
    if (const auto* construct = dyn_cast_or_null<clang::CXXConstructExpr>(init ? init->IgnoreImplicit() : nullptr))
      written = !(construct->getNumArgs() == 0 && construct->getParenOrBraceRange().isInvalid() &&
                  !construct->isListInitialization());
    if (!written) {
      report(var->getLocation(), "G1", "global " + quoted(var) + " has no initialiser",
             "give it a constant initialiser: = 0, = nullptr, {}");
      return;
    }
    if (init->isValueDependent()) return;
    if (var->isConstexpr() || var->hasAttr<clang::ConstInitAttr>()) return;
    if (!var->hasConstantInitialization())
      report(var->getLocation(), "G1", "global " + quoted(var) + " has a dynamic initialiser",
             "initialise it with a constant (nullptr, 0) and set it up in rt_main");
  }

  void check_function(const clang::FunctionDecl* function) {
    bool first = function->isFirstDecl();
    if (function->isMain()) {
      report(function->getLocation(), "P1", "the program defines 'main'",
             "define int64_t rt_main(rt::List<rt::Str>* argv); rlib provides main");
      return;
    }
    if (first) {
      if (function->isVariadic())
        report(function->getLocation(), "F4", "C variadic function " + quoted(function),
               "use a variadic template: template <class... Args>");
      const auto* method = dyn_cast<clang::CXXMethodDecl>(function);
      const clang::CXXRecordDecl* parent = method ? method->getParent() : nullptr;
      bool gc_parent = parent && !parent->isDependentContext() && is_gc_class(parent);
      bool copy_assign = method && (method->isCopyAssignmentOperator() || method->isMoveAssignmentOperator());
      if (isa<clang::CXXConversionDecl>(function))
        report(function->getLocation(), "C9", "conversion operator " + quoted(function),
               "write a named member function (bool is_true() const)");
      else if (function->getLiteralIdentifier())
        report(function->getLocation(), "C9", "user-defined literal", "write a function call");
      else if (function->getOverloadedOperator() != clang::OO_None && !(gc_parent && copy_assign))
        report(function->getLocation(), "C9", "overloaded " + quoted(function),
               "write a named function (same_pos, add_pos, ...)");
      if (function->getExceptionSpecSourceRange().isValid())
        report(function->getExceptionSpecSourceRange().getBegin(), "X4", "exception specification on " + quoted(function),
               "remove it: the annotator computes which exceptions calls raise");
      // Parameters and the return type (a deleted function never runs).
      for (const clang::ParmVarDecl* param : function->parameters()) {
        if (function->isDeleted()) break;
        if (param->getType().isNull()) continue;
        check_decl_type(param, param->getType(), Use::Param);
        check_reserved_name(param);
      }
      if (!isa<clang::CXXConstructorDecl>(function) && !isa<clang::CXXDestructorDecl>(function) &&
          !isa<clang::CXXConversionDecl>(function) && !function->isDeleted()) {
        clang::SourceLocation loc = function->getReturnTypeSourceRange().getBegin();
        if (loc.isInvalid()) loc = function->getLocation();
        check_type(function->getReturnType(), loc, Use::Return, 0);
      }
      check_hints(function);
    }
    if (const clang::Stmt* body = function->getBody(); body && function->doesThisDeclarationHaveABody()) {
      if (isa<clang::CXXTryStmt>(body))
        report(body->getBeginLoc(), "X4", "function-try-block", "catch around the call (or the rt::make) instead");
      if (!function->isDependentContext() && !isa<clang::CoroutineBodyStmt>(body)) {
        bool falls = flow(body, context_).falls;
        clang::SourceLocation end = body->getEndLoc();
        if (function->isNoReturn() && (falls || contains_return(body)))
          report(end, "P6", "[[noreturn]] function " + quoted(function) + " can return",
                 "end every path with throw or a call of a [[noreturn]] function");
        else if (falls && !function->getReturnType()->isVoidType() && !isa<clang::CXXConstructorDecl>(function) &&
                 !isa<clang::CXXDestructorDecl>(function))
          report(end, "S3", "control can reach the end of non-void function " + quoted(function),
                 "end every path with return or throw");
      }
      if (const auto* ctor = dyn_cast<clang::CXXConstructorDecl>(function); ctor && !ctor->isDependentContext())
        check_constructor(ctor);
    }
  }

  void check_hints(const clang::FunctionDecl* function) {
    std::set<std::string> notes = annotations(function);
    if (notes.empty()) return;
    bool elidable = notes.count("rt.jit.elidable") != 0;
    std::string promote_indices;
    bool elidable_promote = false;
    for (const clang::Decl* redecl : function->redecls())
      for (const auto* attr : redecl->specific_attrs<clang::AnnotateAttr>()) {
        if (attr->getAnnotation() == "rt.jit.elidable_promote") {
          elidable_promote = true;
          if (attr->args_size() > 0)
            if (const auto* literal = dyn_cast<clang::StringLiteral>((*attr->args_begin())->IgnoreParenImpCasts()))
              promote_indices = literal->getString().str();
        }
        if (attr->getAnnotation() == "rt.jit.look_inside_iff" && attr->args_size() > 0)
          if (const auto* literal = dyn_cast<clang::StringLiteral>((*attr->args_begin())->IgnoreParenImpCasts()))
            check_predicate(function, literal->getString());
      }
    bool unroll = notes.count("rt.jit.unroll_safe") != 0;
    bool look_inside_iff = notes.count("rt.jit.look_inside_iff") != 0;
    bool dont_look = notes.count("rt.jit.dont_look_inside") != 0;
    clang::SourceLocation loc = function->getLocation();
    if ((elidable || elidable_promote) && (unroll || look_inside_iff))
      report(loc, "H5", "elidable and unroll-safe (or look-inside-iff) at once",
             "elidable functions are never traced into: drop one hint");
    if (dont_look && (unroll || look_inside_iff))
      report(loc, "H5", "RT_JIT_DONT_LOOK_INSIDE with RT_JIT_UNROLL_SAFE (or LOOK_INSIDE_IFF)", "drop one hint");
    bool void_result = function->getReturnType()->isVoidType();
    if ((elidable || elidable_promote) && void_result)
      report(loc, "H6", "elidable function " + quoted(function) + " returns void",
             "a function called for its effects is not elidable");
    if (notes.count("rt.jit.loop_invariant")) {
      const auto* method = dyn_cast<clang::CXXMethodDecl>(function);
      if (function->getNumParams() > 0 || (method && method->isInstance()))
        report(loc, "H8", "loop-invariant function " + quoted(function) + " has parameters",
               "RT_JIT_LOOP_INVARIANT functions take no arguments");
    }
    if (notes.count("rt.jit.not_in_trace") && !void_result)
      report(loc, "H12", "RT_JIT_NOT_IN_TRACE function " + quoted(function) + " returns a value", "return void");
    if (elidable_promote && !promote_indices.empty()) {
      const auto* method = dyn_cast<clang::CXXMethodDecl>(function);
      int64_t count = function->getNumParams() + (method && method->isInstance() ? 1 : 0);
      llvm::SmallVector<llvm::StringRef, 4> parts;
      llvm::StringRef(promote_indices).split(parts, ',');
      for (llvm::StringRef part : parts) {
        int64_t index = -1;
        if (part.trim().getAsInteger(10, index) || index < 0 || index >= count) {
          report(loc, "H13", "RT_JIT_ELIDABLE_PROMOTE index '" + part.trim().str() + "' does not name a parameter",
                 "indices count parameters from 0 (0 is 'this' for a member function)");
          break;
        }
      }
    }
  }

  void check_predicate(const clang::FunctionDecl* function, llvm::StringRef name) {
    // The predicate is looked up by name in the function's namespace and its enclosing ones.
    const clang::FunctionDecl* predicate = nullptr;
    for (const clang::DeclContext* scope = function->getDeclContext(); scope && !predicate; scope = scope->getParent()) {
      clang::DeclContextLookupResult found = scope->lookup(&context_.Idents.get(name));
      for (const clang::NamedDecl* decl : found)
        if (const auto* candidate = dyn_cast<clang::FunctionDecl>(decl)) predicate = candidate;
    }
    const auto* method = dyn_cast<clang::CXXMethodDecl>(function);
    std::vector<clang::QualType> expected;
    if (method && method->isInstance()) expected.push_back(context_.getPointerType(context_.getRecordType(method->getParent())));
    for (const clang::ParmVarDecl* param : function->parameters()) expected.push_back(param->getType());
    bool ok = predicate && predicate->getReturnType()->isBooleanType() && predicate->getNumParams() == expected.size();
    for (unsigned i = 0; ok && i < expected.size(); ++i)
      ok = context_.hasSameUnqualifiedType(predicate->getParamDecl(i)->getType().getNonReferenceType(),
                                           expected[i].getNonReferenceType()) ||
           (expected[i]->isPointerType() && predicate->getParamDecl(i)->getType()->isPointerType() &&
            context_.hasSameUnqualifiedType(expected[i]->getPointeeType().getUnqualifiedType(),
                                            predicate->getParamDecl(i)->getType()->getPointeeType().getUnqualifiedType()));
    if (!ok)
      report(function->getLocation(), "H13",
             "the RT_JIT_LOOK_INSIDE_IFF predicate '" + name.str() + "' is not a function returning bool with the parameters of " +
                 quoted(function),
             "declare bool " + name.str() + "(same parameters) before the function");
  }

  // --- classes ------------------------------------------------------------------------------------

  bool is_immutable_class(const clang::CXXRecordDecl* record) {
    for (int depth = 0; record && depth < 64; ++depth) {
      if (annotations(record).count("rt.immutable_class")) return true;
      if (!record->hasDefinition() || record->getNumBases() != 1) return false;
      record = record->bases_begin()->getType()->getAsCXXRecordDecl();
    }
    return false;
  }

  bool is_immutable_field(const clang::FieldDecl* field) {
    if (annotations(field).count("rt.immutable")) return true;
    const auto* record = dyn_cast<clang::CXXRecordDecl>(field->getParent());
    return record && is_immutable_class(record);
  }

  static bool needs_init(clang::QualType type, int depth = 0) {
    type = type.getCanonicalType();
    if (type->isScalarType()) return true;
    const clang::CXXRecordDecl* record = type->getAsCXXRecordDecl();
    if (!record || depth > 8 || !record->hasDefinition() || is_in_namespace(record, "rt") || is_gc_class(record)) return false;
    if (record->hasUserProvidedDefaultConstructor()) return false;
    for (const clang::FieldDecl* field : record->fields())
      if (!field->hasInClassInitializer() && needs_init(field->getType(), depth + 1)) return true;
    return false;
  }

  void check_gc_class(const clang::CXXRecordDecl* record) {
    if (record->getNumBases() > 1)
      report(record->getLocation(), "C2", "GC class " + quoted(record) + " has several base classes",
             "derive from one class; hold a pointer to a helper object for the rest");
    for (const clang::CXXBaseSpecifier& base : record->bases())
      if (base.isVirtual())
        report(base.getBeginLoc(), "C2", "virtual inheritance", "derive from one class, non-virtually");
    for (const clang::CXXMethodDecl* method : record->methods()) {
      if (method->isImplicit() || method->isDeleted()) continue;
      if (isa<clang::CXXDestructorDecl>(method))
        report(method->getLocation(), "C4", "GC class " + quoted(record) + " declares a destructor",
               "no code runs when a GC object dies: clean up explicitly");
      const auto* ctor = dyn_cast<clang::CXXConstructorDecl>(method);
      if ((ctor && (ctor->isCopyConstructor() || ctor->isMoveConstructor())) || method->isCopyAssignmentOperator() ||
          method->isMoveAssignmentOperator())
        report(method->getLocation(), "C5", "GC class " + quoted(record) + " declares a copy or move operation",
               "GC objects are never copied: write a clone() that calls rt::make");
    }
    // C6: without user-declared constructors, the implicit one initialises nothing.
    bool user_constructor = false;
    for (const clang::CXXConstructorDecl* ctor : record->ctors()) user_constructor |= !ctor->isImplicit();
    unsigned index = 0;
    for (const clang::FieldDecl* field : record->fields()) {
      if (!user_constructor && !field->hasInClassInitializer() && needs_init(field->getType()))
        report(field->getLocation(), "C6", quoted(field) + " is not initialised",
               "give it a default member initialiser");
      if (field->hasInClassInitializer())
        if (const clang::Expr* init = field->getInClassInitializer()) check_initializer_reads(record, index, init);
      ++index;
    }
    // H11: the whole hierarchy of an immutable class is immutable.
    if (annotations(record).count("rt.immutable_class")) {
      for (const clang::CXXRecordDecl* base = record; base;) {
        if (base->getNumBases() != 1) break;
        base = base->bases_begin()->getType()->getAsCXXRecordDecl();
        if (!base || is_rt_record(base, "Object") || !base->hasDefinition()) break;
        if (annotations(base).count("rt.immutable_class")) break;
        for (const clang::FieldDecl* field : base->fields())
          if (!annotations(field).count("rt.immutable") && !field->getType().isConstQualified())
            report(field->getLocation(), "H11",
                   "mutable field " + quoted(field) + " in a base of RT_IMMUTABLE_CLASS " + quoted(record),
                   "make it RT_IMMUTABLE or const");
      }
    }
  }

  void check_value_struct(const clang::CXXRecordDecl* record) {
    if (is_in_namespace(record, "std")) return;
    std::string name = quoted(record);
    if (record->getNumBases() > 0)
      report(record->getLocation(), "T6", "value struct " + name + " has a base class",
             "compose: hold the other struct as a field (or make both GC classes)");
    for (const clang::CXXConstructorDecl* ctor : record->ctors())
      if (!ctor->isImplicit())
        report(ctor->getLocation(), "T6", "value struct " + name + " declares a constructor",
               "use default member initialisers and T{...}; or make it a GC class");
    if (record->isPolymorphic())
      report(record->getLocation(), "T6", "value struct " + name + " has virtual functions", "make it a GC class");
    for (const clang::FieldDecl* field : record->fields()) {
      if (field->getAccess() != clang::AS_public)
        report(field->getLocation(), "T6", "field " + quoted(field) + " of value struct " + name + " is not public",
               "value structs are aggregates: all fields public");
      const clang::CXXRecordDecl* type = field->getType()->getAsCXXRecordDecl();
      if (is_rt_record(type, "StrBuilder"))
        report(field->getLocation(), "T6", "value struct " + name + " holds an rt::StrBuilder, which is not copyable",
               "keep the builder in a GC object");
    }
    for (const clang::CXXMethodDecl* method : record->methods()) {
      if (method->isImplicit() || method->isStatic() || isa<clang::CXXConstructorDecl>(method)) continue;
      if (method->getOverloadedOperator() != clang::OO_None || isa<clang::CXXConversionDecl>(method)) continue;  // C9
      if (isa<clang::CXXDestructorDecl>(method)) {
        report(method->getLocation(), "T6", "value struct " + name + " declares a destructor", "remove it");
        continue;
      }
      if (!method->isConst())
        report(method->getLocation(), "T6", "non-const member function " + quoted(method) + " of value struct " + name,
               "make it const and return the new value, or make the struct a GC class");
    }
  }

  void check_initializer_reads(const clang::CXXRecordDecl* record, unsigned index, const clang::Expr* init) {
    struct Reads : clang::RecursiveASTVisitor<Reads> {
      Checker* self;
      const clang::CXXRecordDecl* record;
      unsigned index;
      bool VisitMemberExpr(clang::MemberExpr* member) {
        const auto* field = dyn_cast<clang::FieldDecl>(member->getMemberDecl());
        if (!field || !isa<clang::CXXThisExpr>(member->getBase()->IgnoreParenImpCasts())) return true;
        if (field->getParent()->getCanonicalDecl() != record->getCanonicalDecl()) return true;
        if (field->getFieldIndex() >= index)
          self->report(member->getMemberLoc(), "C6", "reads " + quoted(field) + " before it is set",
                       "initialise fields in declaration order from the constructor's parameters");
        return true;
      }
      bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr* call) {
        if (const clang::Expr* object = call->getImplicitObjectArgument())
          if (isa<clang::CXXThisExpr>(object->IgnoreParenImpCasts()))
            self->report(call->getExprLoc(), "C6", "initialiser calls a member function on 'this'",
                         "compute the value from the parameters, or set it in the constructor body");
        return true;
      }
      bool TraverseLambdaExpr(clang::LambdaExpr*) { return true; }
    } reads;
    reads.self = this;
    reads.record = record;
    reads.index = index;
    reads.TraverseStmt(const_cast<clang::Expr*>(init));
  }

  void check_constructor(const clang::CXXConstructorDecl* ctor) {
    const clang::CXXRecordDecl* record = ctor->getParent();
    if (!is_gc_class(record) || !state_.is_program(record)) return;
    if (!ctor->isDelegatingConstructor()) {
      std::set<const clang::FieldDecl*> initialised;
      std::vector<const clang::CXXCtorInitializer*> written;
      for (const clang::CXXCtorInitializer* init : ctor->inits())
        if (init->getMember() && init->isWritten()) written.push_back(init);
      std::sort(written.begin(), written.end(), [](const auto* a, const auto* b) {
        return a->getSourceOrder() < b->getSourceOrder();
      });
      int last_index = -1;
      for (const clang::CXXCtorInitializer* init : written) {
        const clang::FieldDecl* field = init->getMember();
        initialised.insert(field);
        int index = static_cast<int>(field->getFieldIndex());
        if (index < last_index)
          report(init->getSourceLocation(), "C6",
                 "member initialisers are not in declaration order (" + quoted(field) + " is declared earlier)",
                 "write the member-initialiser list in declaration order");
        last_index = std::max(last_index, index);
        if (init->getInit()) check_initializer_reads(record, field->getFieldIndex(), init->getInit());
      }
      for (const clang::FieldDecl* field : record->fields())
        if (!initialised.count(field) && !field->hasInClassInitializer() && needs_init(field->getType()))
          report(ctor->getLocation(), "C6", quoted(field) + " is not initialised",
                 "initialise it in every constructor's member-initialiser list, or give it a default member initialiser");
    }
    check_virtual_calls_in_constructor(ctor);
  }

  // C7: virtual calls and dynamic_cast on the object under construction, directly or through
  // member functions called on 'this' and functions 'this' is passed to.
  struct ReceiverUse {
    const clang::Stmt* site = nullptr;
    std::string what;
  };

  bool is_receiver(const clang::Expr* e, const clang::ParmVarDecl* param) {
    e = strip(e);
    if (!e) return false;
    if (!param) return isa<clang::CXXThisExpr>(e);
    const auto* ref = dyn_cast<clang::DeclRefExpr>(e);
    return ref && ref->getDecl() == param;
  }

  // Finds the first virtual use of the receiver ('this' when param is null) in `body`.
  ReceiverUse find_virtual_use(const clang::Stmt* body, const clang::ParmVarDecl* param, int depth,
                               std::set<std::string>& visited) {
    if (!body || depth > 6) return {};
    std::vector<const clang::Stmt*> work{body};
    while (!work.empty()) {
      const clang::Stmt* s = work.back();
      work.pop_back();
      if (!s || isa<clang::LambdaExpr>(s)) continue;
      if (const auto* cast = dyn_cast<clang::CXXDynamicCastExpr>(s); cast && is_receiver(cast->getSubExpr(), param))
        return {s, "dynamic_cast of the object under construction"};
      if (const auto* call = dyn_cast<clang::CXXMemberCallExpr>(s)) {
        const clang::CXXMethodDecl* method = call->getMethodDecl();
        const auto* member = dyn_cast<clang::MemberExpr>(call->getCallee()->IgnoreParens());
        if (method && is_receiver(call->getImplicitObjectArgument(), param)) {
          if (method->isVirtual() && !(member && member->hasQualifier()))
            return {s, "virtual call of " + quoted(method) + " on the object under construction"};
          if (const clang::FunctionDecl* definition = state_.asts.definition_of(method);
              definition && visited.insert(state_.asts.mangled_name(definition)).second &&
              !find_virtual_use(definition->getBody(), nullptr, depth + 1, visited).what.empty())
            return {s, "call of " + quoted(method) + ", which makes a virtual call on the object under construction"};
        }
      }
      if (const auto* call = dyn_cast<clang::CallExpr>(s)) {
        const clang::FunctionDecl* callee = call->getDirectCallee();
        if (callee && !is_in_namespace(callee, "rt")) {
          for (unsigned i = 0; i < call->getNumArgs(); ++i) {
            if (!is_receiver(call->getArg(i), param)) continue;
            const clang::FunctionDecl* definition = state_.asts.definition_of(callee);
            unsigned offset = isa<clang::CXXOperatorCallExpr>(call) && isa<clang::CXXMethodDecl>(callee) ? 1 : 0;
            if (!definition || i < offset || i - offset >= definition->getNumParams()) continue;
            if (!visited.insert(state_.asts.mangled_name(definition) + "#" + std::to_string(i)).second) continue;
            if (!find_virtual_use(definition->getBody(), definition->getParamDecl(i - offset), depth + 1, visited).what.empty())
              return {s, "'this' is passed to " + quoted(callee) + ", which makes a virtual call on it"};
          }
        }
      }
      for (const clang::Stmt* child : s->children()) work.push_back(child);
    }
    return {};
  }

  void check_virtual_calls_in_constructor(const clang::CXXConstructorDecl* ctor) {
    std::vector<const clang::Stmt*> parts;
    for (const clang::CXXCtorInitializer* init : ctor->inits())
      if (init->isWritten() && init->getInit()) parts.push_back(init->getInit());
    parts.push_back(ctor->getBody());
    for (const clang::Stmt* part : parts) {
      // Report every direct offender: walk the statements one by one.
      std::vector<const clang::Stmt*> work{part};
      while (!work.empty()) {
        const clang::Stmt* s = work.back();
        work.pop_back();
        if (!s || isa<clang::LambdaExpr>(s)) continue;
        if (isa<clang::CallExpr>(s) || isa<clang::CXXDynamicCastExpr>(s)) {
          std::set<std::string> visited;
          ReceiverUse use = find_virtual_use(s, nullptr, 0, visited);
          if (!use.what.empty() && use.site == s) {
            report(s->getBeginLoc(), "C7", use.what,
                   "finish construction first: call it on the pointer rt::make returned");
            continue;
          }
        }
        for (const clang::Stmt* child : s->children()) work.push_back(child);
      }
    }
  }

  void check_gc_temporary(clang::QualType type, clang::SourceLocation loc) {
    if (type->isDependentType()) return;
    const clang::CXXRecordDecl* record = type->getAsCXXRecordDecl();
    if (record && is_in_namespace(record, "std"))
      report(loc, "P3", "'" + type.getAsString(context_.getPrintingPolicy()) + "' is a std type",
             "use the rt library (rt::List, rt::Str, rt::Dict)");
    else if (record && record->hasDefinition() && is_gc_class(record))
      report(loc, "C3", "temporary GC object " + quoted(record), "allocate it with rt::make<T>(args...)");
  }

  // --- expressions --------------------------------------------------------------------------------

  void record_ref_bindings(const clang::CallExpr* call, const clang::FunctionDecl* callee) {
    unsigned count = std::min<unsigned>(call->getNumArgs(), callee->getNumParams());
    for (unsigned i = 0; i < count; ++i) {
      clang::QualType type = callee->getParamDecl(i)->getType();
      if (!type->isLValueReferenceType() || !type->getPointeeType().isConstQualified()) continue;
      std::string what;
      std::string key = written_key(call->getArg(i), &what);
      if (key.empty()) continue;
      state_.ref_bindings.push_back({state_.asts.mangled_name(callee), callee->getNameAsString(), key, what,
                                     AstSet::location(context_, call->getArg(i)->getBeginLoc())});
    }
  }

  void check_member_call(const clang::CXXMemberCallExpr* call) {
    const clang::CXXMethodDecl* method = call->getMethodDecl();
    if (!method || !method->getIdentifier()) return;
    const clang::CXXRecordDecl* parent = method->getParent();
    if (is_in_namespace(method, "std")) return;  // P3 at the DeclRefExpr or the type
    if (!is_rt_record(parent, "JitDriver")) {
      // H7: a virtual call of an elidable or loop-invariant method that has overriders.
      const auto* member = dyn_cast<clang::MemberExpr>(call->getCallee()->IgnoreParens());
      if (method->isVirtual() && !(member && member->hasQualifier())) {
        std::set<std::string> notes = annotations(method);
        bool hinted = notes.count("rt.jit.elidable") || notes.count("rt.jit.loop_invariant");
        if (hinted)
          state_.virtual_hinted_calls.push_back({state_.asts.mangled_name(method), method->size_overridden_methods() > 0,
                                                 method->getQualifiedNameAsString(),
                                                 AstSet::location(context_, call->getExprLoc())});
      }
      return;
    }
    llvm::StringRef name = method->getName();
    if (name != "jit_merge_point" && name != "can_enter_jit") return;
    const auto* ref = dyn_cast_or_null<clang::DeclRefExpr>(strip(call->getImplicitObjectArgument()));
    const auto* driver = ref ? dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
    if (!driver || !driver->hasGlobalStorage()) {
      report(call->getExprLoc(), "H2", name.str() + " on something other than a driver global",
             "call it on the constinit driver: driver." + name.str() + "(...)");
      return;
    }
    std::string driver_name = driver->getQualifiedNameAsString();
    if (!driver->hasAttr<clang::ConstInitAttr>() && !driver->isConstexpr())
      report(driver->getLocation(), "H2", "driver " + quoted(driver) + " is not constinit",
             "constinit rt::jit::JitDriver<...> " + driver->getNameAsString() + "{\"name\"};");
    state_.drivers.emplace(driver_name, driver);
    if (name == "jit_merge_point") {
      state_.merge_sites.push_back({driver_name, AstSet::location(context_, call->getExprLoc()), function_});
      std::set<const clang::Decl*> seen;
      for (unsigned i = 0; i < call->getNumArgs(); ++i) {
        const auto* arg = dyn_cast<clang::DeclRefExpr>(strip(call->getArg(i)));
        const auto* var = arg ? dyn_cast<clang::VarDecl>(arg->getDecl()) : nullptr;
        if (!var || !var->isLocalVarDeclOrParm() || !seen.insert(var).second)
          report(call->getArg(i)->getBeginLoc(), "H3",
                 "argument " + std::to_string(i + 1) + " of jit_merge_point is not a distinct local variable",
                 "pass the greens then the reds, each a local variable");
      }
      check_merge_point_liveness(state_, function_, call);
    } else {
      check_can_enter_jit(call);
    }
  }

  // H4: can_enter_jit is followed by 'continue' (or ends the loop body, or is followed by
  // 'break' out of the dispatch switch).
  void check_can_enter_jit(const clang::CXXMemberCallExpr* call) {
    auto parents = context_.getParents(*call);
    const clang::Stmt* statement = call;
    for (int guard = 0; guard < 4 && !parents.empty(); ++guard) {
      const clang::Stmt* parent = parents[0].get<clang::Stmt>();
      if (!parent) return;
      if (const auto* compound = dyn_cast<clang::CompoundStmt>(parent)) {
        bool found = false;
        for (const clang::Stmt* child : compound->body()) {
          if (found) {
            if (!isa<clang::ContinueStmt>(child) && !isa<clang::BreakStmt>(child) && !isa<clang::NullStmt>(child))
              report(call->getExprLoc(), "H4", "an operation between can_enter_jit and the merge point",
                     "call can_enter_jit last, just before 'continue'");
            return;
          }
          const clang::Stmt* inner = child;
          while (const auto* c = dyn_cast<clang::SwitchCase>(inner)) inner = c->getSubStmt();
          while (const auto* l = dyn_cast<clang::LabelStmt>(inner)) inner = l->getSubStmt();
          found = inner == statement;
        }
        return;
      }
      if (isa<clang::ExprWithCleanups>(parent) || isa<clang::SwitchCase>(parent)) {
        statement = isa<clang::SwitchCase>(parent) ? statement : parent;
        parents = context_.getParents(*parent);
        continue;
      }
      return;
    }
  }

  void check_immutable_write(const clang::Expr* target) {
    const auto* member = dyn_cast_or_null<clang::MemberExpr>(strip(target));
    if (!member) return;
    const auto* field = dyn_cast<clang::FieldDecl>(member->getMemberDecl());
    if (!field || !is_immutable_field(field)) return;
    const auto* ctor = dyn_cast_or_null<clang::CXXConstructorDecl>(function_);
    if (ctor && ctor->getParent()->getCanonicalDecl() == field->getParent()->getCanonicalDecl()) return;
    report(member->getMemberLoc(), "H11",
           "write to immutable field " + quoted(field) + " outside the constructors of " + quoted(field->getParent()),
           "make the field mutable (no RT_IMMUTABLE) if it really changes");
  }

  void check_division(const clang::BinaryOperator* op) {
    clang::QualType type = op->getType();
    if (const auto* compound = dyn_cast<clang::CompoundAssignOperator>(op)) type = compound->getComputationResultType();
    if (!type->isIntegralOrEnumerationType()) return;
    const clang::Expr* divisor = op->getRHS();
    clang::Expr::EvalResult result;
    if (!divisor->EvaluateAsInt(result, context_)) {
      report(op->getOperatorLoc(), "A4", "'" + op->getOpcodeStr().str() + "' with a non-constant divisor",
             "use rt::div_c, rt::div_floor or rt::ovf_div_floor (rt::mod_c, rt::mod_floor for '%')");
      return;
    }
    llvm::APSInt value = result.Val.getInt();
    if (value == 0)
      report(op->getOperatorLoc(), "A4", "division by the constant 0", "");
    else if (type->isSignedIntegerType() && value.isSigned() && value.isAllOnes())
      report(op->getOperatorLoc(), "A4", "division by the constant -1", "write -x (it wraps, A3), or rt::ovf_neg(x)");
  }

  void check_shift(const clang::BinaryOperator* op) {
    clang::QualType left = op->getLHS()->getType();
    if (!left->isIntegralOrEnumerationType()) return;
    uint64_t width = context_.getIntWidth(left);
    if (context_.isPromotableIntegerType(left) || width < 32) width = 32;
    clang::Expr::EvalResult result;
    if (!op->getRHS()->EvaluateAsInt(result, context_)) {
      report(op->getOperatorLoc(), "A5", "'" + op->getOpcodeStr().str() + "' with a non-constant count",
             "use rt::shl, rt::shr, rt::shr_unsigned or rt::ovf_shl");
      return;
    }
    llvm::APSInt count = result.Val.getInt();
    if (count.isNegative() || count.getLimitedValue() >= width)
      report(op->getOperatorLoc(), "A5",
             "shift count " + llvm::toString(count, 10) + " is not in [0, " + std::to_string(width) +
                 ") for the promoted left operand",
             width == 32 ? "widen first: int64_t{1} << 40" : "use rt::shl or rt::shr");
  }

  void check_unsequenced(const clang::BinaryOperator* op) {
    switch (op->getOpcode()) {
      case clang::BO_Mul: case clang::BO_Div: case clang::BO_Rem: case clang::BO_Add: case clang::BO_Sub:
      case clang::BO_LT: case clang::BO_GT: case clang::BO_LE: case clang::BO_GE: case clang::BO_EQ:
      case clang::BO_NE: case clang::BO_Cmp: case clang::BO_And: case clang::BO_Xor: case clang::BO_Or:
        break;
      default:
        return;
    }
    Accesses left, right;
    collect_accesses(op->getLHS(), left);
    collect_accesses(op->getRHS(), right);
    auto conflict = [&](const Accesses& modifying, const Accesses& other) {
      for (const auto& [key, expr] : modifying.modified)
        if (other.touched.count(key)) {
          report(expr->getExprLoc(), "E3",
                 "'" + modifying.names.at(key) + "' is modified and accessed in unsequenced operands",
                 "modify it in a statement of its own");
          return true;
        }
      return false;
    };
    if (!conflict(left, right)) conflict(right, left);
  }

  void check_explicit_cast(const clang::ExplicitCastExpr* cast) {
    clang::QualType to = cast->getTypeAsWritten();
    clang::QualType from = cast->getSubExpr()->getType();
    clang::CastKind kind = cast->getCastKind();
    auto pointerish = [](clang::QualType t) {
      return t->isAnyPointerType() || t->isMemberPointerType() || t->isReferenceType() || t->isNullPtrType();
    };
    if (isa<clang::CXXReinterpretCastExpr>(cast)) {
      report(cast->getBeginLoc(), "M5", "reinterpret_cast", "use dynamic_cast between GC classes");
    } else if (isa<clang::CXXConstCastExpr>(cast)) {
      report(cast->getBeginLoc(), "M5", "const_cast", "make the field or variable non-const if it changes");
    } else if (const auto* dynamic = dyn_cast<clang::CXXDynamicCastExpr>(cast)) {
      if (to->isReferenceType()) report(cast->getBeginLoc(), "M5", "dynamic_cast to a reference", "use dynamic_cast<T*>");
      else if (to->isVoidPointerType()) report(cast->getBeginLoc(), "M5", "dynamic_cast to void*", "use dynamic_cast<T*>");
      (void)dynamic;
    } else if (isa<clang::CXXStaticCastExpr>(cast)) {
      if (kind == clang::CK_BaseToDerived || kind == clang::CK_BaseToDerivedMemberPointer)
        report(cast->getBeginLoc(), "M5", "static_cast downcast",
               "use dynamic_cast<T*>(p), which gives nullptr when p is not a T");
      else if ((pointerish(to) || pointerish(from)) && kind != clang::CK_DerivedToBase &&
               kind != clang::CK_UncheckedDerivedToBase && kind != clang::CK_NoOp && kind != clang::CK_NullToPointer &&
               kind != clang::CK_LValueToRValue && !to->isVoidType())
        report(cast->getBeginLoc(), "M5", "static_cast involving pointers other than an upcast", "");
    } else if (isa<clang::CStyleCastExpr>(cast) || isa<clang::CXXFunctionalCastExpr>(cast)) {
      if (!to->isVoidType() && (pointerish(to) || pointerish(from)))
        report(cast->getBeginLoc(), "M5", "C-style or functional cast involving pointers",
               "use an implicit upcast or dynamic_cast<T*>");
    }
  }

  State& state_;
  clang::ASTContext& context_;
  std::string instantiation_;
  const clang::FunctionDecl* function_ = nullptr;
  std::set<const clang::BinaryOperator*> allowed_commas_;
  std::set<const clang::UnaryOperator*> allowed_derefs_;
  std::set<const clang::DeclRefExpr*> direct_callees_;

};

// H9: functions using access_directly must be traced into.
void check_access_directly(State& state, clang::ASTContext& context) {
  struct Scan : clang::RecursiveASTVisitor<Scan> {
    State* state;
    bool shouldVisitTemplateInstantiations() const { return true; }
    bool VisitFunctionDecl(clang::FunctionDecl* function) {
      if (!function->doesThisDeclarationHaveABody() || function->isDependentContext() || !state->is_program(function))
        return true;
      bool uses = false, loops = false;
      std::vector<const clang::Stmt*> work{function->getBody()};
      while (!work.empty()) {
        const clang::Stmt* s = work.back();
        work.pop_back();
        if (!s || isa<clang::LambdaExpr>(s)) continue;
        if (const auto* call = dyn_cast<clang::CallExpr>(s); call && rt_callee(call, "access_directly")) uses = true;
        if (isa<clang::ForStmt>(s) || isa<clang::WhileStmt>(s) || isa<clang::DoStmt>(s) || isa<clang::CXXForRangeStmt>(s))
          loops = true;
        for (const clang::Stmt* child : s->children()) work.push_back(child);
      }
      if (!uses) return true;
      std::set<std::string> notes = annotations(function);
      bool not_traced = notes.count("rt.jit.dont_look_inside") || notes.count("rt.jit.elidable") ||
                        notes.count("rt.jit.elidable_promote") ||
                        (loops && !notes.count("rt.jit.unroll_safe") && !notes.count("rt.jit.look_inside_iff"));
      if (not_traced)
        state->report(function->getASTContext(), function->getLocation(), "H9",
                      "'" + function->getNameAsString() + "' uses rt::jit::access_directly but the JIT does not trace into it",
                      "drop RT_JIT_DONT_LOOK_INSIDE/elidable, or mark its loops RT_JIT_UNROLL_SAFE");
      return true;
    }
  } scan;
  scan.state = &state;
  scan.TraverseDecl(context.getTranslationUnitDecl());
}

}  // namespace

void check_unit(State& state, clang::ASTContext& context) {
  Checker checker(state, context);
  checker.TraverseDecl(context.getTranslationUnitDecl());
  check_access_directly(state, context);
}

}  // namespace checker
}  // namespace rtoolchain::frontend
