#!/usr/bin/env python3
"""Runs the `; RUN:` lines of one IR text test, lit-style (the IR, rtyper, backend and annotator
tests share it).

Each RUN line is a bash pipeline after substitution of %s (the test file), %rt-ir-tool,
%rtoolchain (the driver), %FileCheck, %tiny-target (the tiny interpreter's target file, when given) and
%tiny-ll (its low-level program, rtoolchain rtype's output, when given); `not CMD` succeeds when CMD fails. The test passes when every line exits with 0.
"""
import argparse
import shlex
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("test_file")
    parser.add_argument("--tool", default="rt-ir-tool")
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--rtoolchain", default="rtoolchain")
    parser.add_argument("--tiny-target", default="")
    parser.add_argument("--tiny-ll", default="")
    args = parser.parse_args()

    with open(args.test_file, encoding="utf-8") as f:
        run_lines = [line.split("RUN:", 1)[1].strip() for line in f if line.lstrip().startswith("; RUN:")]
    if not run_lines:
        print(f"{args.test_file}: no '; RUN:' line", file=sys.stderr)
        return 1
    for line in run_lines:
        command = (line.replace("%rt-ir-tool", shlex.quote(args.tool))
                   .replace("%rtoolchain", shlex.quote(args.rtoolchain))
                   .replace("%FileCheck", shlex.quote(args.filecheck))
                   .replace("%tiny-target", shlex.quote(args.tiny_target))
                   .replace("%tiny-ll", shlex.quote(args.tiny_ll))
                   .replace("%s", shlex.quote(args.test_file)))
        script = "set -o pipefail\nnot() { ! \"$@\"; }\n" + command
        print(f"RUN: {command}", flush=True)
        result = subprocess.run(["bash", "-c", script])
        if result.returncode != 0:
            print(f"FAILED (exit {result.returncode}): {line}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
