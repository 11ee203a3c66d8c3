// Generated helper graphs (docs/rtyper.md, "Arrays"): the checked array operations of the high
// level (get, set, new; fill is rlib/ll's), one graph per low-level item type, and the runtime
// functions they call when a check fails. A helper graph rather than inline checks: one copy per
// item type, no block splitting in the caller (the call is the one operation that may raise, as
// the high-level op was), and the JIT and LLVM inline it.
#include "rtyper_impl.h"

namespace rtoolchain::rtyper {

using namespace ir;

FunctionId Rtyper::runtime_function(llvm::StringRef name, llvm::ArrayRef<TypeId> params) {
  FunctionId fn = low_.find_function(name);
  if (fn.valid()) return fn;
  std::vector<Param> list;
  for (TypeId type : params) list.push_back({"", type});
  return low_.add_external_function(name, list, low_.types().void_type());
}

FunctionId Rtyper::helper(const std::string& kind, TypeId item) {
  auto found = helpers_.find({kind, item.index()});
  if (found != helpers_.end()) return found->second;
  TypeId i64 = low_.types().i64(), u64 = low_.types().u64(), bool_type = low_.types().bool_type();
  TypeId array = low_.types().array(item);
  std::string name = "rtyper::" + kind + "<" + low_.type_name(item) + ">";
  ConstId zero_i64 = low_.const_int(i64, 0), one_i64 = low_.const_int(i64, 1);
  FunctionId fn;
  if (kind == "array_getitem" || kind == "array_setitem") {
    bool get = kind == "array_getitem";
    std::vector<Param> params{{"array", array}, {"index", i64}};
    if (!get) params.push_back({"value", item});
    fn = low_.add_function(name, params, get ? item : low_.types().void_type());
    helpers_[{kind, item.index()}] = fn;
    // rt::detail::check_index: one unsigned comparison also rejects negative indices.
    FunctionId fail = runtime_function(get ? "rt::ll::array_index_error" : "rt::ll::array_assignment_index_error",
                                       {i64, i64});
    Builder b(low_, fn);
    Value a = b.arg(0), index = b.arg(1), value = get ? Value() : b.arg(2);
    Value size = b.emit(Opcode::getarraysize, {a}, i64);
    Value ok = b.emit(Opcode::uint_lt, {b.emit(Opcode::cast_int, {index}, u64), b.emit(Opcode::cast_int, {size}, u64)},
                      bool_type);
    std::vector<TypeId> in_range_types{array, i64};
    std::vector<Value> in_range_args{a, index};
    if (!get) {
      in_range_types.push_back(item);
      in_range_args.push_back(value);
    }
    BlockId in_range = b.new_block(in_range_types), out_of_range = b.new_block({i64, i64});
    b.branch(ok, in_range, in_range_args, out_of_range, {index, size});
    b.set_block(in_range);
    if (get) {
      b.ret(b.emit(Opcode::getarrayitem, {b.arg(0), b.arg(1)}, item));
    } else {
      b.emit(Opcode::setarrayitem, {b.arg(0), b.arg(1), b.arg(2)});
      b.ret_void();
    }
    b.set_block(out_of_range);
    b.call(fail, {b.arg(0), b.arg(1)});  // raises
    if (get) b.ret(zero(item));
    else b.ret_void();
    return fn;
  }
  // array_new (count, fill) -> array: rt::Array's constructor's checks (ValueError when
  // negative, MemoryError when too large), then a loop storing the value.
  fn = low_.add_function(name, {{"count", i64}, {"fill", item}}, array);
  helpers_[{kind, item.index()}] = fn;
  Builder b(low_, fn);
  b.call(runtime_function("rt::ll::check_array_size", {i64}), {b.arg(0)});
  Value size = b.arg(0);
  Value a = b.emit(Opcode::malloc_varsize, {size}, array);
  BlockId loop = b.new_block({array, i64, item, i64});
  BlockId body = b.new_block({array, i64, item, i64});
  BlockId done = b.new_block({array});
  b.jump(loop, {a, size, b.arg(1), zero_i64});
  b.set_block(loop);
  Value more = b.emit(Opcode::int_lt, {b.arg(3), b.arg(1)}, bool_type);
  b.branch(more, body, {b.arg(0), b.arg(1), b.arg(2), b.arg(3)}, done, {b.arg(0)});
  b.set_block(body);
  b.emit(Opcode::setarrayitem, {b.arg(0), b.arg(3), b.arg(2)});
  Value next = b.emit(Opcode::int_add, {b.arg(3), one_i64}, i64);
  b.jump(loop, {b.arg(0), b.arg(1), b.arg(2), next});
  b.set_block(done);
  b.ret(b.arg(0));
  return fn;
}

FunctionId Rtyper::array_getitem_helper(TypeId item) { return helper("array_getitem", item); }
FunctionId Rtyper::array_setitem_helper(TypeId item) { return helper("array_setitem", item); }
FunctionId Rtyper::array_new_helper(TypeId item) { return helper("array_new", item); }

}  // namespace rtoolchain::rtyper
