#!/usr/bin/env python3
"""Runs `rtoolchain check TARGET` and compares its standard error and exit status.

Usage: run_check.py [--expected FILE] [--update] [--graphs | --graphs-hint-only] -- RTOOLCHAIN TARGET

Without --expected the program must be accepted: exit status 0 and nothing on stderr. With it,
stderr must equal FILE exactly and the status be 1. The test runs in the corpus folder, so the
targets name their sources relatively and the messages are stable. --update rewrites FILE.

--graphs: an accepted program must also convert to verified flow graphs (`rtoolchain graphs`,
which runs the checker first, so one run checks both). --graphs-hint-only: the program is
accepted, and `graphs` fails only with the located errors of hints the graph builder does not
implement yet (docs/frontend.md).
"""
import argparse
import os
import difflib
import subprocess
import sys


def main():
    if "--" not in sys.argv:
        sys.exit(__doc__)
    split = sys.argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("--expected")
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--graphs", action="store_true")
    parser.add_argument("--graphs-hint-only", action="store_true")
    args = parser.parse_args(sys.argv[1:split])
    tool, target = sys.argv[split + 1:]

    def run(command):
        result = subprocess.run([tool, command, target], capture_output=True, stdin=subprocess.DEVNULL, timeout=300)
        # The front end names sources by absolute path: strip this folder to keep messages stable.
        return result, result.stderr.decode(errors="replace").replace(os.getcwd() + os.sep, "")

    result, stderr = run("graphs" if args.graphs else "check")
    if args.graphs_hint_only and result.returncode == 0 and not stderr:
        graphs, graph_errors = run("graphs")
        errors = [line for line in graph_errors.splitlines() if ": error: " in line]
        unexpected = [line for line in errors if "is not implemented by the graph builder yet" not in line]
        if graphs.returncode != 1 or not errors or unexpected:
            print("expected only errors of unimplemented hints from 'graphs', got status %d:\n%s"
                  % (graphs.returncode, graph_errors))
            print("FAIL: " + tool + " graphs " + target)
            return 1
    if args.update and args.expected:
        with open(args.expected, "w") as f:
            f.write(stderr)
        return 0
    expected = ""
    if args.expected:
        with open(args.expected) as f:
            expected = f.read()
    want_status = 1 if args.expected else 0
    ok = True
    if result.returncode != want_status:
        print(f"exit status: expected {want_status}, got {result.returncode}")
        ok = False
    if stderr != expected:
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(keepends=True),
                                                   stderr.splitlines(keepends=True), "expected", "actual"))
        ok = False
    if not ok:
        print("FAIL: " + tool + (" graphs " if args.graphs else " check ") + target)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
