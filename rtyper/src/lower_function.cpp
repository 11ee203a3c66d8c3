// Lowering one graph (docs/rtyper.md): blocks, links and exception exits are copied with their
// types translated; each operation is copied or replaced by its low-level sequence. No lowering
// adds a raising operation before another one: the operation that may raise stays the last of
// its block. The one new block: when a raising helper call's result needs a cast to the
// operation's type, the cast goes on the no-exception exit, in a block of its own.
#include <algorithm>
#include <functional>
#include <set>

#include "rtyper_impl.h"

namespace rtoolchain::rtyper {

using namespace ir;

namespace {

class FunctionLowerer {
 public:
  FunctionLowerer(Rtyper& rtyper, FunctionId fn)
      : r_(rtyper), high_(rtyper.high()), low_(rtyper.low()), fn_(fn),
        old_(*high_.function_info(fn).graph), g_(low_.create_graph(rtyper.function(fn))) {}

  void run() {
    std::vector<BlockId> blocks = old_.reachable_blocks();
    block_map_[old_.start_block()] = g_.start_block();
    block_map_[old_.return_block()] = g_.return_block();
    block_map_[old_.except_block()] = g_.except_block();
    for (BlockId b : blocks) {
      if (b == old_.start_block()) continue;
      BlockId nb = g_.new_block();
      for (VarId var : old_.block(b).inputargs) var_map_[var] = g_.add_inputarg(nb, r_.type(old_.variable(var).type));
      block_map_[b] = nb;
    }
    const Block& start = old_.block(old_.start_block());
    for (size_t i = 0; i < start.inputargs.size(); ++i)
      var_map_[start.inputargs[i]] = g_.block(g_.start_block()).inputargs[i];
    for (BlockId b : blocks) lower_block(b);
    if (r_.options().origins) record_origins();
  }

 private:
  // The inverse of the maps (a high variable maps to one low one, which stands for it wherever
  // the high program uses it); operations by the high operation that emitted them.
  void record_origins() {
    Origins& origins = r_.origins();
    uint32_t index = r_.function(fn_).index();
    if (origins.size() <= index) origins.resize(index + 1);
    FunctionOrigin& origin = origins[index];
    origin.high = fn_;
    origin.vars.assign(g_.num_variables(), VarId());
    origin.blocks.assign(g_.num_blocks(), BlockId());
    origin.ops = op_origins_;
    origin.ops.resize(g_.num_ops());
    for (uint32_t v = 0; v < old_.num_variables(); ++v) {
      VarId low = var_map_[VarId(v)];
      if (low.valid()) origin.vars[low.index()] = VarId(v);
    }
    for (uint32_t b = 0; b < old_.num_blocks(); ++b) {
      BlockId low = block_map_[BlockId(b)];
      if (low.valid()) origin.blocks[low.index()] = BlockId(b);
    }
  }

  Value map(Value v) {
    if (v.is_variable()) return var_map_[v.variable()];
    if (v.is_constant()) return r_.constant(v.constant());
    return v;
  }
  VarId new_var(TypeId low_type) { return g_.new_variable(low_type); }
  Value emit(Opcode opcode, llvm::ArrayRef<Value> args, TypeId low_result = TypeId()) {
    VarId result;
    if (low_result.valid() && !low_.types().is_void(low_result)) result = new_var(low_result);
    g_.append_op(cur_, opcode, args, result);
    return result.valid() ? Value(result) : Value();
  }
  // The operation's own result variable (translated), so later uses find it.
  void emit_as(const Operation& op, Opcode opcode, llvm::ArrayRef<Value> args) {
    VarId result;
    if (op.result.valid()) result = var_map_[op.result] = new_var(r_.type(old_.variable(op.result).type));
    g_.append_op(cur_, opcode, args, result);
  }
  llvm::SmallVector<Value, 4> mapped_args(const Operation& op, size_t first = 0) {
    llvm::SmallVector<Value, 4> args;
    for (size_t i = first; i < op.args.size(); ++i) args.push_back(map(op.args[i]));
    return args;
  }

  void lower_block(BlockId b) {
    cur_ = block_map_[b];
    const Block& block = old_.block(b);
    deferred_ = DeferredFinish();
    for (OpId id : block.operations) {
      current_op_ = id;
      raising_last_ = block.exitswitch.is_last_exception() && id == block.operations.back();
      size_t first_new_op = g_.num_ops();
      lower_op(old_.op(id));
      if (op_origins_.size() < g_.num_ops()) op_origins_.resize(g_.num_ops());
      for (size_t i = first_new_op; i < g_.num_ops(); ++i) op_origins_[i] = id;
    }
    const ExitSwitch& sw = block.exitswitch;
    if (sw.is_variable()) g_.set_exitswitch(cur_, ExitSwitch::on(var_map_[sw.variable()]));
    else g_.set_exitswitch(cur_, sw);
    for (LinkId id : block.exits) {
      const Link& link = old_.link(id);
      // Exception links stay high level (the JIT codewriter reads them): the same classes.
      VarId exc_class, exc_value;
      if (link.last_exception.valid())
        exc_class = var_map_[link.last_exception] = new_var(r_.type(old_.variable(link.last_exception).type));
      if (link.last_exc_value.valid())
        exc_value = var_map_[link.last_exc_value] = new_var(r_.type(old_.variable(link.last_exc_value).type));
      if (deferred_.raw.valid() && link.exitcase.kind() == ExitCase::Kind::kNone) {
        finish_on_exit(link);
        continue;
      }
      llvm::SmallVector<Value, 4> args;
      for (Value v : link.args) args.push_back(map(v));
      LinkId nl = g_.add_link(cur_, block_map_[link.target], args, link.exitcase);
      g_.link_mut(nl).last_exception = exc_class;
      g_.link_mut(nl).last_exc_value = exc_value;
    }
  }

  // The no-exception exit of a block whose raising operation needs more operations after it
  // (a cast of a helper's result, the initial strings of a new object): to a new block that
  // receives the raw result and the exit's other variables, finishes, and goes on.
  void finish_on_exit(const Link& link) {
    BlockId mid = g_.new_block();
    llvm::SmallVector<Value, 4> into_mid{Value(deferred_.raw)};
    VarId raw = g_.add_inputarg(mid, g_.variable(deferred_.raw).type);
    llvm::DenseMap<uint32_t, VarId> passed;  // high-level variable -> mid's argument
    for (Value v : link.args) {
      if (!v.is_variable() || v.variable() == deferred_.high_result || passed.count(v.variable().raw())) continue;
      Value low = map(v);
      passed[v.variable().raw()] = g_.add_inputarg(mid, low_.type_of(g_, low));
      into_mid.push_back(low);
    }
    g_.add_link(cur_, mid, into_mid, link.exitcase);
    BlockId source = cur_;
    cur_ = mid;
    VarId cast = var_map_[deferred_.high_result] = deferred_.finish(raw);
    cur_ = source;
    llvm::SmallVector<Value, 4> args;
    for (Value v : link.args) {
      if (!v.is_variable()) args.push_back(map(v));
      else if (v.variable() == deferred_.high_result) args.push_back(cast);
      else args.push_back(passed[v.variable().raw()]);
    }
    g_.add_link(mid, block_map_[link.target], args);
  }

  // A value as the helper's parameter wants it: item references erase to rt::Object* (and
  // arrays of references to arrays of rt::Object*) by cast_pointer.
  Value coerce(Value v, TypeId to) {
    TypeId from = low_.type_of(g_, v);
    if (from == to) return v;
    if (low_.types().is_reference(from) && low_.types().is_reference(to)) return emit(Opcode::cast_pointer, {v}, to);
    r_.error("rtyper: internal error: function " + high_.function_info(fn_).name + ": cannot pass " +
             low_.type_name(from) + " as " + low_.type_name(to));
    return v;
  }

  // str_*, strbuilder_*, list_*, dict*, array_fill, array_from_list: a direct_call of the
  // rlib/ll helper, items cast to and from their erased type.
  void lower_container_op(const Operation& op) {
    llvm::SmallVector<Value, 2> extra;
    FunctionId helper = r_.container_helper(old_, op, extra);
    TypeId wanted = op.result.valid() ? r_.type(old_.variable(op.result).type) : TypeId();
    if (!helper.valid()) {  // reported
      if (op.result.valid()) var_map_[op.result] = new_var(wanted);
      return;
    }
    std::vector<TypeId> params;
    for (const Param& p : low_.function_info(helper).params) params.push_back(p.type);
    TypeId result = low_.function_info(helper).result;
    if (params.size() != op.args.size() + extra.size()) {
      r_.error("rtyper: internal error: " + low_.function_info(helper).name + " takes " +
               std::to_string(params.size()) + " arguments");
      if (op.result.valid()) var_map_[op.result] = new_var(wanted);
      return;
    }
    llvm::SmallVector<Value, 4> args{Value(low_.const_function(helper))};
    for (size_t i = 0; i < op.args.size(); ++i) args.push_back(coerce(map(op.args[i]), params[i]));
    args.append(extra.begin(), extra.end());
    if (!op.result.valid() || wanted == result) return emit_as(op, Opcode::direct_call, args);
    Value raw = emit(Opcode::direct_call, args, result);
    finish_after(op, raw.variable(), [this, wanted](VarId value) {
      return emit(Opcode::cast_pointer, {Value(value)}, wanted).variable();
    });
  }

  // Runs `finish` on the raw result right after the operation, or on its no-exception exit
  // when the operation is the raising last one of its block; what it returns is the
  // operation's result.
  void finish_after(const Operation& op, VarId raw, std::function<VarId(VarId)> finish) {
    if (raising_last_) {
      deferred_ = {raw, op.result, std::move(finish)};
      return;
    }
    var_map_[op.result] = finish(raw);
  }

  // new_object: a string field starts as the empty string, never null (the helpers rely on it),
  // where the high level's zeroed object has rt::Str's empty value.
  void lower_new_object(const Operation& op) {
    ClassId cls = high_.constant(op.args[0].constant()).class_id();
    std::vector<FieldId> strings;
    for (FieldId field : high_.all_fields(cls)) {
      TypeKind kind = high_.types().kind(high_.field_info(field).type);
      if (kind == TypeKind::kStr) strings.push_back(field);
      // A member rt::StrBuilder is constructed with its object (a helper call, not done yet).
      if (kind == TypeKind::kStrBuilder)
        r_.error("rtyper: class " + high_.class_info(cls).name + ": the strbuilder field " +
                 high_.field_info(field).name + " is not lowered (use a local builder)");
    }
    if (strings.empty()) return emit_as(op, op.opcode, mapped_args(op));
    Value raw = emit(op.opcode, mapped_args(op), r_.type(old_.variable(op.result).type));
    finish_after(op, raw.variable(), [this, strings](VarId object) {
      for (FieldId field : strings) {
        Value field_const(low_.const_field(field));
        if (low_.field_info(field).flags & kQuasiImmutableField)
          emit(Opcode::jit_force_quasi_immutable, {Value(object), field_const});
        emit(Opcode::setfield, {Value(object), field_const, Value(r_.str_constant(""))});
      }
      return object;
    });
  }

  TypeId low_item_type(Value high_array) {
    return low_.types().get(r_.type(high_.type_of(old_, high_array))).item;
  }

  void lower_op(const Operation& op) {
    switch (op.opcode) {
      case Opcode::virtual_call: return lower_virtual_call(op);
      case Opcode::new_object: return lower_new_object(op);
      case Opcode::setfield: {
        FieldId field = high_.constant(op.args[1].constant()).field();
        // The JIT's hook: compiled code that folded the old value is invalidated first.
        if (high_.field_info(field).flags & kQuasiImmutableField)
          emit(Opcode::jit_force_quasi_immutable, {map(op.args[0]), map(op.args[1])});
        return emit_as(op, op.opcode, mapped_args(op));
      }
      // Arrays: GC arrays, checked by helper graphs that raise what rt::Array raises.
      case Opcode::array_len: return emit_as(op, Opcode::getarraysize, mapped_args(op));
      case Opcode::array_getitem:
        return emit_as(op, Opcode::direct_call,
                       prepend(r_.array_getitem_helper(low_item_type(op.args[0])), mapped_args(op)));
      case Opcode::array_setitem:
        return emit_as(op, Opcode::direct_call,
                       prepend(r_.array_setitem_helper(low_item_type(op.args[0])), mapped_args(op)));
      case Opcode::array_new:
        return emit_as(op, Opcode::direct_call,
                       prepend(r_.array_new_helper(r_.type(high_.type_of(old_, op.args[1]))), mapped_args(op)));
      default: break;
    }
    if (!op_info(op.opcode).allowed_at(Level::kLow)) return lower_container_op(op);
    emit_as(op, op.opcode, mapped_args(op));
  }

  llvm::SmallVector<Value, 4> prepend(FunctionId fn, llvm::SmallVector<Value, 4> args) {
    args.insert(args.begin(), Value(low_.const_function(fn)));
    return args;
  }

  // tid = gc_typeid receiver; f = dispatch[tid - min]; indirect_call f, targets, receiver, args
  // (or a direct call when the hook knows the one target).
  void lower_virtual_call(const Operation& op) {
    const Constant& method = high_.constant(op.args[0].constant());
    ClassId static_class = method.class_id();
    Value receiver = map(op.args[1]);
    llvm::SmallVector<Value, 4> args = mapped_args(op, 1);
    if (r_.options().single_target) {
      FunctionId target = r_.options().single_target(high_, fn_, current_op_);
      if (target.valid()) {
        target = r_.function(target);
        // The target may be declared on a subclass of the receiver's static class: a downcast
        // the hook promises.
        TypeId param = low_.function_info(target).params[0].type;
        if (!low_.is_assignable(low_.type_of(g_, receiver), param))
          args[0] = emit(Opcode::cast_pointer, {receiver}, param);
        return emit_as(op, Opcode::direct_call, prepend(target, args));
      }
    }
    ClassId introducer = high_.method_introducer(static_class, method.text);
    PrebuiltId array = r_.dispatch_array(introducer, method.text);
    TypeId u32 = low_.types().u32(), i64 = low_.types().i64();
    const PrebuiltInfo& info = low_.prebuilt_info(array);
    TypeId slot = low_.types().get(info.type).item;
    Value tid = emit(Opcode::gc_typeid, {receiver}, u32);
    Value delta = emit(Opcode::int_sub, {tid, Value(low_.const_int(u32, r_.type_ids(introducer).min_type_id))}, u32);
    Value index = emit(Opcode::cast_int, {delta}, i64);
    Value callee = emit(Opcode::getarrayitem, {Value(low_.const_prebuilt(array)), index}, slot);
    // The possible callees: what the static class's subtree resolves the method to.
    std::vector<FunctionId> targets;
    const ClassLayout& range = r_.type_ids(static_class);
    const ClassLayout& slot_range = r_.type_ids(introducer);
    for (uint32_t id = range.min_type_id; id <= range.max_type_id; ++id) {
      ConstId entry = info.items[id - slot_range.min_type_id];
      if (low_.constant(entry).kind == ConstKind::kFunction &&
          std::find(targets.begin(), targets.end(), low_.constant(entry).function()) == targets.end())
        targets.push_back(low_.constant(entry).function());
    }
    std::sort(targets.begin(), targets.end(), [](FunctionId a, FunctionId b) { return a.index() < b.index(); });
    args.insert(args.begin(), {callee, Value(low_.const_targets(targets))});
    emit_as(op, Opcode::indirect_call, args);
  }

  Rtyper& r_;
  const Program& high_;
  Program& low_;
  FunctionId fn_;
  const Graph& old_;
  Graph& g_;
  BlockId cur_;
  OpId current_op_;
  EntityMap<BlockId, BlockId> block_map_;
  EntityMap<VarId, VarId> var_map_;
  struct DeferredFinish {
    VarId raw;          // the low-level operation's result
    VarId high_result;  // the high-level operation's result, which `finish` defines
    std::function<VarId(VarId)> finish;
  };
  DeferredFinish deferred_;
  bool raising_last_ = false;
  std::vector<OpId> op_origins_;  // by low OpId
};

}  // namespace

void lower_function(Rtyper& rtyper, FunctionId function) { FunctionLowerer(rtyper, function).run(); }

}  // namespace rtoolchain::rtyper
