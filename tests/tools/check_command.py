#!/usr/bin/env python3
"""Runs a command and compares its standard output and exit status with expectations.

Usage: check_command.py --expected FILE [--exit N] [--stderr-contains TEXT] -- COMMAND [ARGS...]
FILE holds the exact expected stdout. Exit status 0 when everything matches; otherwise 1 and a
diff.
"""
import argparse
import difflib
import subprocess
import sys


def main():
    if "--" not in sys.argv:
        sys.exit(__doc__)
    split = sys.argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("--expected", required=True)
    parser.add_argument("--exit", type=int, default=0)
    parser.add_argument("--stderr-contains", action="append", default=[])
    args = parser.parse_args(sys.argv[1:split])
    command = sys.argv[split + 1:]
    result = subprocess.run(command, capture_output=True, stdin=subprocess.DEVNULL, timeout=300)
    with open(args.expected, "rb") as f:
        expected = f.read()
    ok = True
    if result.returncode != args.exit:
        print(f"exit status: expected {args.exit}, got {result.returncode}")
        ok = False
    if result.stdout != expected:
        sys.stdout.writelines(difflib.unified_diff(
            expected.decode(errors="replace").splitlines(keepends=True),
            result.stdout.decode(errors="replace").splitlines(keepends=True), "expected", "actual"))
        ok = False
    stderr = result.stderr.decode(errors="replace")
    for text in args.stderr_contains:
        if text not in stderr:
            print(f"stderr lacks {text!r}")
            ok = False
    if not ok:
        print("stderr was:\n" + stderr)
        print("FAIL: " + " ".join(command))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
