#!/usr/bin/env python3
"""Checks that host mode and graph mode have the same rt::ll externals.

Usage: check_ll_externals.py LOWLEVEL_H EXTERNALS_CPP RTYPER_SOURCE_DIR
The functions rt/lowlevel.h declares in namespace rt::ll (what host mode and the backend link),
the "rt::ll::NAME" entries of graph mode's external table, and the "rt::ll::NAME" runtime
functions the rtyper declares must be the same set: a name in one and not the other would run
in one mode and fail in another.
"""
import pathlib
import re
import sys


def main():
    header = pathlib.Path(sys.argv[1]).read_text()
    externals = pathlib.Path(sys.argv[2]).read_text()
    rtyper = "".join(p.read_text() for p in sorted(pathlib.Path(sys.argv[3]).glob("*.cpp")))
    body = header[header.index("namespace rt::ll {"):]
    declared = set(re.findall(r"^(?:\[\[noreturn\]\] )?(?:RT_OP\(\w+\) )?[\w:<>*]+\**\s+\**(\w+)\(", body, re.M))
    graph_mode = set(re.findall(r'\{"rt::ll::(\w+)"', externals))
    emitted = set(re.findall(r'"rt::ll::(\w+)"', rtyper))
    ok = True
    for name in sorted(declared - graph_mode):
        print(f"rt::ll::{name}: declared in rt/lowlevel.h, no graph-mode implementation")
        ok = False
    for name in sorted(graph_mode - declared):
        print(f"rt::ll::{name}: in graph mode only, not in rt/lowlevel.h (host mode, backend)")
        ok = False
    for name in sorted(emitted - declared):
        print(f"rt::ll::{name}: the rtyper calls it, rt/lowlevel.h does not declare it")
        ok = False
    print(f"{len(declared)} rt::ll externals: {', '.join(sorted(declared))}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
