#!/usr/bin/env python3
"""A "VM" for tests/tools/run_program.py that translates the program first.

Usage: run_translated.py --rtoolchain PATH --out DIR --opt O0|O2 PROGRAM
Translates PROGRAM (a .rtir file or a target) with `rtoolchain translate` into DIR/<opt>/PROGRAM's
file name (so the program names itself as graph mode names it in messages), then runs it with no
arguments, passing its output and exit status through. A failed translation prints the
translator's output on stderr and exits with 125, which no expectation file uses.
"""
import argparse
import os
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rtoolchain", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--opt", choices=["O0", "O2"], required=True)
    parser.add_argument("program")
    args = parser.parse_args()
    out_dir = os.path.join(args.out, args.opt)
    os.makedirs(out_dir, exist_ok=True)
    executable = os.path.join(out_dir, os.path.basename(args.program))
    translate = subprocess.run([args.rtoolchain, "translate", args.program, "-" + args.opt, "-o", executable],
                               capture_output=True)
    if translate.returncode != 0:
        sys.stderr.buffer.write(translate.stdout + translate.stderr)
        return 125
    return subprocess.run([executable]).returncode


if __name__ == "__main__":
    sys.exit(main())
