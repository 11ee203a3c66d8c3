#!/usr/bin/env python3
"""Translation is deterministic: translating INPUT again gives REFERENCE byte for byte.

Usage: check_deterministic.py --rtoolchain PATH --opt O0|O2 --reference EXE INPUT
REFERENCE is the build's translation of INPUT at the same level (another output path: the
executable must not depend on where it is written). On a difference the emitted LLVM modules of
two fresh translations are compared too, to say whether code generation or the later stages
(optimiser, object emission, link) differ.
"""
import argparse
import filecmp
import os
import subprocess
import sys
import tempfile


def translate(rtoolchain, opt, source, output, extra=()):
    result = subprocess.run([rtoolchain, "translate", source, "-" + opt, "-o", output, *extra], capture_output=True)
    if result.returncode != 0:
        sys.stderr.buffer.write(result.stdout + result.stderr)
        sys.exit(f"translation of {source} failed")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rtoolchain", required=True)
    parser.add_argument("--opt", choices=["O0", "O2"], required=True)
    parser.add_argument("--reference", required=True)
    parser.add_argument("input")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        again = os.path.join(tmp, "again")
        translate(args.rtoolchain, args.opt, args.input, again)
        if filecmp.cmp(again, args.reference, shallow=False):
            print(f"identical: {args.reference} and a new translation")
            return 0
        print(f"DIFFERENT: {args.reference} and a new translation of {args.input}")
        for name in ("a", "b"):
            translate(args.rtoolchain, args.opt, args.input, os.path.join(tmp, name),
                      ["--emit-llvm", os.path.join(tmp, "ir-" + name)])
        for suffix in (".ll", ".opt.ll"):
            same = filecmp.cmp(os.path.join(tmp, "ir-a", "a" + suffix), os.path.join(tmp, "ir-b", "b" + suffix),
                               shallow=False)
            print(f"  LLVM IR {suffix}: {'identical' if same else 'DIFFERENT'}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
