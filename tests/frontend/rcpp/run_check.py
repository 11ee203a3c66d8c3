#!/usr/bin/env python3
"""Runs `rtoolchain check TARGET` and compares its standard error and exit status.

Usage: run_check.py [--expected FILE] [--update] -- RTOOLCHAIN TARGET

Without --expected the program must be accepted: exit status 0 and nothing on stderr. With it,
stderr must equal FILE exactly and the status be 1. The test runs in the corpus folder, so the
targets name their sources relatively and the messages are stable. --update rewrites FILE.
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
    args = parser.parse_args(sys.argv[1:split])
    tool, target = sys.argv[split + 1:]
    result = subprocess.run([tool, "check", target], capture_output=True, stdin=subprocess.DEVNULL, timeout=300)
    stderr = result.stderr.decode(errors="replace")
    # The front end names sources by absolute path: strip this folder to keep messages stable.
    stderr = stderr.replace(os.getcwd() + os.sep, "")
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
        print("FAIL: " + tool + " check " + target)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
