#!/usr/bin/env python3
"""Runs one program on a VM and compares what it did with the expectation files beside it.

For a program `dir/name.ext` the expectations are:
  dir/name.stdout   exact standard output (required)
  dir/name.stderr   exact standard error (optional; absent means stderr must be empty)
  dir/name.exit     exit status as a decimal number (optional; absent means 0)
The VM runs with `dir` as its working directory and the bare file name as its argument, so that
located error messages ("name.ext:3:7: ...") do not depend on where the tests are checked out.

Usage: run_program.py [--timeout S] PROGRAM -- VM [VM-ARGS...]
Exit status 0 when everything matches; otherwise 1 and a diff of each mismatch.
"""
import argparse
import difflib
import os
import subprocess
import sys


def read_expectation(path, default):
    if not os.path.exists(path):
        return default
    with open(path, "rb") as f:
        return f.read()


def show_diff(what, expected, actual):
    exp = expected.decode("utf-8", "replace").splitlines(keepends=True)
    act = actual.decode("utf-8", "replace").splitlines(keepends=True)
    sys.stdout.write(f"--- {what} differs:\n")
    sys.stdout.writelines(difflib.unified_diff(exp, act, "expected", "actual"))
    if not (exp and exp[-1].endswith("\n")) or not (act and act[-1].endswith("\n")):
        sys.stdout.write(f"\n(expected {expected[-40:]!r}, got {actual[-40:]!r})\n")


def main():
    if "--" not in sys.argv:
        sys.exit("usage: run_program.py [--timeout S] PROGRAM -- VM [VM-ARGS...]")
    split = sys.argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("program")
    args = parser.parse_args(sys.argv[1:split])
    vm = sys.argv[split + 1:]

    program = os.path.abspath(args.program)
    directory, name = os.path.split(program)
    stem = os.path.splitext(program)[0]
    expected_out = read_expectation(stem + ".stdout", None)
    if expected_out is None:
        sys.exit(f"missing expectation file {stem}.stdout")
    expected_err = read_expectation(stem + ".stderr", b"")
    expected_exit = int(read_expectation(stem + ".exit", b"0").decode().strip())

    command = [os.path.abspath(vm[0]) if os.path.exists(vm[0]) else vm[0]] + vm[1:] + [name]
    try:
        result = subprocess.run(command, cwd=directory, stdin=subprocess.DEVNULL,
                                capture_output=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        print(f"FAIL {name}: timed out after {args.timeout} s: {' '.join(command)}")
        return 1

    ok = True
    if result.returncode != expected_exit:
        print(f"--- exit status: expected {expected_exit}, got {result.returncode}")
        ok = False
    if result.stdout != expected_out:
        show_diff("stdout", expected_out, result.stdout)
        ok = False
    if result.stderr != expected_err:
        show_diff("stderr", expected_err, result.stderr)
        ok = False
    if not ok:
        print(f"FAIL {name}: {' '.join(command)} (in {directory})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
