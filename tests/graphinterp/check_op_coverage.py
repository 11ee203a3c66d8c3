#!/usr/bin/env python3
"""Checks that the graph interpreter has a case for every operation of ops.def.

Usage: check_op_coverage.py OPS_DEF SOURCE_DIR
Every RT_IR_OP(name, ...) line must have an `Opcode::name` in one of SOURCE_DIR's .cpp files.
"""
import pathlib
import re
import sys


def main():
    ops_def, source_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    ops = re.findall(r"^RT_IR_OP\((\w+),", pathlib.Path(ops_def).read_text(), re.M)
    sources = "".join(p.read_text() for p in sorted(source_dir.glob("*.cpp")))
    handled = set(re.findall(r"Opcode::(\w+)", sources))
    missing = [op for op in ops if op not in handled]
    for op in missing:
        print(f"graph interpreter: no case for operation {op}")
    print(f"{len(ops) - len(missing)} of {len(ops)} operations handled")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
