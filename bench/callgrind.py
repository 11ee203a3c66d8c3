#!/usr/bin/env python3
"""Compares the translated tiny VM with host-mode tiny by instructions executed (callgrind).

Instruction counts under `valgrind --tool=callgrind` are repeatable where wall time is not
(issue 5: the translated VM must execute no more instructions than host mode on every
benchmark). Callgrind runs programs ~50x slower, so each bench/tiny benchmark runs in a smaller
variant: its last line (the `print(...)` call that sets the size) is replaced by the one in
SMALL below; the outputs of both VMs must agree. Wall time of the full-size benchmarks is
bench/run.py's job (it includes the translated VM when it is built).

  python3 bench/callgrind.py [--build DIR] [--translated EXE] [--only NAME[,NAME...]] [--keep DIR]

--keep DIR leaves the callgrind.out files there (callgrind_annotate shows where the
instructions go).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The last line of each benchmark at ~1/20 of its size (host mode: 0.1-0.2 s natively).
SMALL = {
    "churn": "print(run(15000, 1000));",
    "fib": "print(fib(25));",
    "float": "print(mandelbrot(60, 80), basel(50000.0));",
    "loop": "print(run(250, 1000));",
    "strings": "print(run(5000));",
}


def without_debug_info(vm, directory, label):
    """A copy of the VM without DWARF (valgrind 3.19 cannot read clang-19's DWARF 5); the symbol
    table stays, so callgrind still names functions. The copy keeps the VM's file name, which its
    messages print."""
    os.makedirs(os.path.join(directory, label), exist_ok=True)
    copy = os.path.join(directory, label, os.path.basename(vm))
    subprocess.run(["objcopy", "--strip-debug", vm, copy], check=True)
    return copy


def instructions(vm, program, cwd, out_file):
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}", vm, program]
    result = subprocess.run(command, cwd=cwd, capture_output=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr.decode(errors='replace')}")
    match = re.search(rb"Collected : (\d+)", result.stderr)
    if not match:
        sys.exit(f"no instruction count in callgrind's output:\n{result.stderr.decode(errors='replace')}")
    return int(match.group(1)), result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--translated", help="the translated VM (default: the build's -O2 translation)")
    parser.add_argument("--only", default="")
    parser.add_argument("--keep", help="a directory for the callgrind.out files")
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    host = os.path.join(build, "interpreters/tiny/tiny")
    translated = os.path.abspath(args.translated or os.path.join(build, "tests/tiny/translated/O2/tiny"))
    for vm in (host, translated):
        if not os.path.exists(vm):
            sys.exit(f"{vm} not found: build first (bash scripts/build.sh)")
    names = sorted(SMALL)
    if args.only:
        names = [n for n in names if n in set(args.only.split(","))]

    print("instructions executed (callgrind Ir), small variants; ratio = translated / host")
    print(f"{'benchmark':<12}{'host':>16}{'translated':>16}{'ratio':>10}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        host = without_debug_info(host, tmp, "host")
        translated = without_debug_info(translated, tmp, "translated")
        keep = os.path.abspath(args.keep) if args.keep else tmp
        os.makedirs(keep, exist_ok=True)
        for name in names:
            with open(os.path.join(ROOT, "bench", "tiny", name + ".tiny")) as f:
                lines = f.read().rstrip("\n").split("\n")
            lines[-1] = SMALL[name]
            program = os.path.join(tmp, name + ".tiny")
            with open(program, "w") as f:
                f.write("\n".join(lines) + "\n")
            counts = []
            outputs = []
            for label, vm in (("host", host), ("translated", translated)):
                count, output = instructions(vm, program, tmp, os.path.join(keep, f"callgrind.out.{name}.{label}"))
                counts.append(count)
                outputs.append(output)
            if outputs[0] != outputs[1]:
                sys.exit(f"{name}: the outputs differ:\n{outputs[0][:200]!r}\nvs\n{outputs[1][:200]!r}")
            ratio = counts[1] / counts[0]
            worst = max(worst, ratio)
            print(f"{name:<12}{counts[0]:>16,}{counts[1]:>16,}{ratio:>10.3f}", flush=True)
    if worst <= 1.0:
        print(f"worst ratio {worst:.3f}: the translated VM executes no more instructions than host mode")
    else:
        print(f"worst ratio {worst:.3f}: the translated VM executes MORE instructions than host mode")
    return 0 if worst <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
