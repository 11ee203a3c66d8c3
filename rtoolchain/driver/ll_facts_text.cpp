// The facts file of a low-level .rtir (docs/annotator.md, "The facts file"): written by
// `rtoolchain rtype -o FILE --facts FACTS`, read by `run-ir --check-facts --facts FACTS`.
//
//   rtoolchain-facts 1
//   site 3 resized mutated
//   function "tiny::Lexer::next"
//   constructor
//   unreached block4 block7
//   value v3 int 0 127 "[0, 127]"
//   value v5 object nonnull members "tiny::Token" "tiny::Token exact nonnull"
//   value v6 container null any "any"
//   site_result v8 12
//   resizes block2.3
//   call_targets block5.0 "tiny::f" "tiny::g"
//   dispatch block6.1 "dispatch::tiny::Node::eval" "tiny::Node" "tiny::Add::eval"
//
// Entities are named as the printed IR names them, so the file applies to the program its
// .rtir parses into. A name that does not resolve is an error (the file is stale).
#include <map>

#include <llvm/ADT/StringExtras.h>

#include "ll_facts.h"

namespace rtoolchain::driver {

using namespace ir;

namespace {

void write_quoted(llvm::raw_ostream& out, llvm::StringRef text) {
  out << " \"";
  for (char c : text) {
    if (c == '"' || c == '\\') out << '\\';
    if (c == '\n') {
      out << "\\n";
      continue;
    }
    out << c;
  }
  out << '"';
}

const char* kind_name(ValueCheck::Kind kind) {
  switch (kind) {
    case ValueCheck::Kind::kNone: return "none";
    case ValueCheck::Kind::kInt: return "int";
    case ValueCheck::Kind::kFloat: return "float";
    case ValueCheck::Kind::kObject: return "object";
    case ValueCheck::Kind::kClassRef: return "classref";
    case ValueCheck::Kind::kFunction: return "function";
    case ValueCheck::Kind::kContainer: return "container";
  }
  return "none";
}

const char* op_kind_name(OpCheck::Kind kind) {
  switch (kind) {
    case OpCheck::Kind::kResizes: return "resizes";
    case OpCheck::Kind::kMutates: return "mutates";
    case OpCheck::Kind::kImmutableWrite: return "immutable_write";
    case OpCheck::Kind::kCallTargets: return "call_targets";
    case OpCheck::Kind::kDispatch: return "dispatch";
  }
  return "";
}

// Op positions as "blockN.K": the printed block and the index in it.
std::map<uint32_t, std::string> op_positions(const Graph& graph, const FunctionNames& names) {
  std::map<uint32_t, std::string> positions;
  for (BlockId b : graph.reachable_blocks()) {
    const Block& block = graph.block(b);
    for (size_t i = 0; i < block.operations.size(); ++i)
      positions[block.operations[i].index()] = names.block(b) + "." + std::to_string(i);
  }
  return positions;
}

}  // namespace

void write_facts(const LowFacts& facts, const Program& low, llvm::raw_ostream& out) {
  out << "rtoolchain-facts 1\n";
  for (size_t s = 0; s < facts.sites.size(); ++s) {
    if (!facts.sites[s].resized && !facts.sites[s].mutated) continue;
    out << "site " << s << (facts.sites[s].resized ? " resized" : "") << (facts.sites[s].mutated ? " mutated" : "")
        << '\n';
  }
  out << "sites " << facts.sites.size() << '\n';
  for (uint32_t f = 0; f < facts.functions.size(); ++f) {
    const FunctionFacts& fn = facts.functions[f];
    if (!fn.constructor && fn.unreached.empty() && fn.values.empty() && fn.ops.empty()) continue;
    const Graph& graph = *low.function_info(FunctionId(f)).graph;
    FunctionNames names(low, FunctionId(f));
    out << "function";
    write_quoted(out, low.function_info(FunctionId(f)).name);
    out << '\n';
    if (fn.constructor) out << "constructor\n";
    if (!fn.unreached.empty()) {
      out << "unreached";
      for (BlockId b : fn.unreached) out << ' ' << names.block(b);
      out << '\n';
    }
    for (const auto& [var, check] : fn.values) {
      out << "value " << names.var(var) << ' ' << kind_name(check.kind);
      switch (check.kind) {
        case ValueCheck::Kind::kNone: break;
        case ValueCheck::Kind::kInt: out << ' ' << check.lo << ' ' << check.hi; break;
        case ValueCheck::Kind::kFloat: out << ' ' << check.float_bits; break;
        default:
          out << (check.may_be_null ? " null" : " nonnull") << (check.any_member ? " any" : " members");
          if (check.any_member) break;
          out << ' ' << check.members.size();
          for (uint32_t m : check.members) {
            if (check.kind == ValueCheck::Kind::kContainer) out << ' ' << m;
            else if (check.kind == ValueCheck::Kind::kFunction) write_quoted(out, low.function_info(FunctionId(m)).name);
            else write_quoted(out, low.class_info(ClassId(m)).name);
          }
      }
      write_quoted(out, check.claim);
      out << '\n';
    }
    for (const auto& [var, site] : fn.site_results) out << "site_result " << names.var(var) << ' ' << site << '\n';
    std::map<uint32_t, std::string> positions = op_positions(graph, names);
    for (const auto& [op, check] : fn.ops) {
      out << op_kind_name(check.kind) << ' ' << positions[op.index()];
      if (check.kind == OpCheck::Kind::kDispatch) {
        write_quoted(out, low.prebuilt_info(check.dispatch).name);
        write_quoted(out, low.class_info(check.introducer).name);
      }
      for (uint32_t t : check.targets) write_quoted(out, low.function_info(FunctionId(t)).name);
      out << '\n';
    }
  }
}

namespace {

// One line's words; quoted words unescaped.
bool split_words(llvm::StringRef line, llvm::SmallVectorImpl<std::string>& words) {
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    std::string word;
    if (line[i] == '"') {
      ++i;
      while (i < line.size() && line[i] != '"') {
        if (line[i] == '\\' && i + 1 < line.size()) {
          ++i;
          word += line[i] == 'n' ? '\n' : line[i];
        } else {
          word += line[i];
        }
        ++i;
      }
      if (i >= line.size()) return false;
      ++i;
    } else {
      while (i < line.size() && line[i] != ' ') word += line[i++];
    }
    words.push_back(std::move(word));
  }
  return true;
}

class FactsReader {
 public:
  FactsReader(const Program& low, llvm::StringRef file) : low_(low), file_(file) {}

  llvm::Expected<LowFacts> read(llvm::StringRef text) {
    facts_.functions.resize(low_.num_functions());
    llvm::SmallVector<llvm::StringRef, 0> lines;
    text.split(lines, '\n', -1, false);
    for (llvm::StringRef line : lines) {
      ++line_;
      llvm::SmallVector<std::string, 8> words;
      if (!split_words(line, words) || words.empty()) return error("malformed line");
      if (llvm::Error e = read_line(words)) return std::move(e);
    }
    return std::move(facts_);
  }

 private:
  llvm::Error error(const std::string& message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s:%u: error: %s", file_.c_str(), line_,
                                   message.c_str());
  }

  llvm::Error number(const std::string& word, int64_t& value) {
    if (llvm::StringRef(word).getAsInteger(10, value)) return error("expected a number, found `" + word + "`");
    return llvm::Error::success();
  }

  llvm::Error read_line(llvm::ArrayRef<std::string> w) {
    const std::string& head = w[0];
    if (head == "rtoolchain-facts") return llvm::Error::success();
    if (head == "sites" && w.size() == 2) {
      int64_t n;
      if (llvm::Error e = number(w[1], n)) return e;
      facts_.sites.resize(std::max<size_t>(facts_.sites.size(), n));
      return llvm::Error::success();
    }
    if (head == "site" && w.size() >= 2) {
      int64_t s;
      if (llvm::Error e = number(w[1], s)) return e;
      if (facts_.sites.size() <= size_t(s)) facts_.sites.resize(s + 1);
      for (size_t i = 2; i < w.size(); ++i) {
        if (w[i] == "resized") facts_.sites[s].resized = true;
        else if (w[i] == "mutated") facts_.sites[s].mutated = true;
        else return error("unknown site flag `" + w[i] + "`");
      }
      return llvm::Error::success();
    }
    if (head == "function" && w.size() == 2) return enter_function(w[1]);
    if (!current_) return error("`" + head + "` outside a function");
    if (head == "constructor") {
      current_->constructor = true;
      return llvm::Error::success();
    }
    if (head == "unreached") {
      for (size_t i = 1; i < w.size(); ++i) {
        auto found = blocks_.find(w[i]);
        if (found == blocks_.end()) return error("no block " + w[i]);
        current_->unreached.push_back(found->second);
      }
      return llvm::Error::success();
    }
    if (head == "value" && w.size() >= 4) return read_value(w);
    if (head == "site_result" && w.size() == 3) {
      VarId var;
      int64_t site;
      if (llvm::Error e = variable(w[1], var)) return e;
      if (llvm::Error e = number(w[2], site)) return e;
      current_->site_results.emplace_back(var, uint32_t(site));
      return llvm::Error::success();
    }
    return read_op(w);
  }

  llvm::Error enter_function(const std::string& name) {
    FunctionId f = low_.find_function(name);
    if (!f.valid() || !low_.function_info(f).graph) return error("no function with a graph named " + name);
    current_ = &facts_.functions[f.index()];
    const Graph& graph = *low_.function_info(f).graph;
    FunctionNames names(low_, f);
    blocks_.clear();
    vars_.clear();
    ops_.clear();
    for (BlockId b : graph.reachable_blocks()) {
      blocks_[names.block(b)] = b;
      const Block& block = graph.block(b);
      for (size_t i = 0; i < block.operations.size(); ++i)
        ops_[names.block(b) + "." + std::to_string(i)] = block.operations[i];
    }
    for (uint32_t v = 0; v < graph.num_variables(); ++v) vars_[names.var(VarId(v))] = VarId(v);
    return llvm::Error::success();
  }

  llvm::Error variable(const std::string& name, VarId& var) {
    auto found = vars_.find(name);
    if (found == vars_.end()) return error("no variable " + name);
    var = found->second;
    return llvm::Error::success();
  }

  llvm::Error read_value(llvm::ArrayRef<std::string> w) {
    VarId var;
    if (llvm::Error e = variable(w[1], var)) return e;
    ValueCheck check;
    check.claim = w.back();
    llvm::ArrayRef<std::string> rest = w.drop_front(3).drop_back();
    const std::string& kind = w[2];
    if (kind == "none") {
      check.kind = ValueCheck::Kind::kNone;
    } else if (kind == "int" && rest.size() == 2) {
      check.kind = ValueCheck::Kind::kInt;
      if (llvm::Error e = number(rest[0], check.lo)) return e;
      if (llvm::Error e = number(rest[1], check.hi)) return e;
    } else if (kind == "float" && rest.size() == 1) {
      check.kind = ValueCheck::Kind::kFloat;
      if (llvm::StringRef(rest[0]).getAsInteger(10, check.float_bits)) return error("bad float bits");
    } else if ((kind == "object" || kind == "classref" || kind == "function" || kind == "container") &&
               rest.size() >= 2) {
      check.kind = kind == "object"     ? ValueCheck::Kind::kObject
                   : kind == "classref" ? ValueCheck::Kind::kClassRef
                   : kind == "function" ? ValueCheck::Kind::kFunction
                                        : ValueCheck::Kind::kContainer;
      check.may_be_null = rest[0] == "null";
      check.any_member = rest[1] == "any";
      if (!check.any_member) {
        int64_t count;
        if (rest.size() < 3) return error("expected the member count");
        if (llvm::Error e = number(rest[2], count)) return e;
        if (rest.size() != size_t(count) + 3) return error("wrong number of members");
        for (const std::string& m : rest.drop_front(3)) {
          int64_t index = 0;
          if (check.kind == ValueCheck::Kind::kContainer) {
            if (llvm::Error e = number(m, index)) return e;
          } else if (check.kind == ValueCheck::Kind::kFunction) {
            FunctionId f = low_.find_function(m);
            if (!f.valid()) return error("no function " + m);
            index = f.index();
          } else {
            ClassId c = low_.find_class(m);
            if (!c.valid()) return error("no class " + m);
            index = c.index();
          }
          check.members.push_back(uint32_t(index));
        }
        std::sort(check.members.begin(), check.members.end());
      }
    } else {
      return error("malformed value check");
    }
    current_->values.emplace_back(var, std::move(check));
    return llvm::Error::success();
  }

  llvm::Error read_op(llvm::ArrayRef<std::string> w) {
    OpCheck check;
    const std::string& head = w[0];
    size_t first_target = 2;
    if (head == "resizes") check.kind = OpCheck::Kind::kResizes;
    else if (head == "mutates") check.kind = OpCheck::Kind::kMutates;
    else if (head == "immutable_write") check.kind = OpCheck::Kind::kImmutableWrite;
    else if (head == "call_targets") check.kind = OpCheck::Kind::kCallTargets;
    else if (head == "dispatch" && w.size() >= 4) {
      check.kind = OpCheck::Kind::kDispatch;
      check.dispatch = low_.find_prebuilt(w[2]);
      check.introducer = low_.find_class(w[3]);
      if (!check.dispatch.valid() || !check.introducer.valid()) return error("no dispatch array " + w[2]);
      first_target = 4;
    } else {
      return error("unknown line `" + head + "`");
    }
    if (w.size() < 2) return error("expected an operation");
    auto op = ops_.find(w[1]);
    if (op == ops_.end()) return error("no operation " + w[1]);
    for (size_t i = first_target; i < w.size(); ++i) {
      FunctionId f = low_.find_function(w[i]);
      if (!f.valid()) return error("no function " + w[i]);
      check.targets.push_back(f.index());
    }
    std::sort(check.targets.begin(), check.targets.end());
    current_->ops.emplace_back(op->second, std::move(check));
    return llvm::Error::success();
  }

  const Program& low_;
  std::string file_;
  unsigned line_ = 0;
  LowFacts facts_;
  FunctionFacts* current_ = nullptr;
  std::map<std::string, BlockId> blocks_;
  std::map<std::string, VarId> vars_;
  std::map<std::string, OpId> ops_;
};

}  // namespace

llvm::Expected<LowFacts> read_facts(llvm::StringRef text, const Program& low, llvm::StringRef file_name) {
  return FactsReader(low, file_name).read(text);
}

}  // namespace rtoolchain::driver
