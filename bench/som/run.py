#!/usr/bin/env python3
"""Runs the SOM benchmarks (bench/som) and prints a table of times, one column per VM binary.

    python3 bench/som/run.py                                  # build/interpreters/som/som
    python3 bench/som/run.py --vm before=/tmp/som-old --vm after=build/interpreters/som/som
    python3 bench/som/run.py --benchmarks Richards,Queens --iterations 3
    python3 bench/som/run.py --smoke                          # 1 iteration, tiny inner counts
    python3 bench/som/run.py --smoke --benchmarks CD --vm build/interpreters/som/som  # a smoke test

Each benchmark runs as `som -cp Smalltalk:bench/som Harness NAME ITERATIONS INNER`; the column
shows the average time per iteration in milliseconds, as the Harness reports it. A benchmark
whose result does not verify (or that fails) shows FAIL and makes the exit status 1. Columns for
translated and JIT builds are just more --vm binaries.
"""
import argparse
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# name: inner iterations for a measured run in host mode (a second or so on a quiet machine,
# Havlak's smallest published size takes minutes), and for the smoke test (the smallest that
# still verifies; DeltaBlue's tests need some length to mean anything). A third item names the
# class the smoke test runs instead, for a benchmark whose smallest published size is too slow.
BENCHMARKS = {
    "Bounce": (2, 1),
    "CD": (10, 2),
    "DeltaBlue": (100, 20),
    "Havlak": (1, 1, "HavlakSmall"),
    "Json": (2, 1),
    "List": (2, 1),
    "Mandelbrot": (10, 1),
    "NBody": (100, 1),
    "Permute": (2, 1),
    "Queens": (2, 1),
    "Richards": (1, 1),
    "Sieve": (2, 1),
    "Storage": (2, 1),
    "Towers": (2, 1),
}


def available():
    return [name for name in sorted(BENCHMARKS) if os.path.exists(os.path.join(HERE, name + ".som"))]


def run_one(vm, name, iterations, inner, timeout):
    classpath = os.path.join(ROOT, "Smalltalk") + ":" + HERE
    command = [vm, "-cp", classpath, "Harness", name, str(iterations), str(inner)]
    start = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out after %ss" % timeout
    wall = time.monotonic() - start
    match = re.search(r"average: (\d+)us", done.stdout)
    if done.returncode != 0 or match is None:
        return None, (done.stdout + done.stderr).strip()[-400:]
    return (int(match.group(1)) / 1000.0, wall), None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vm", action="append", default=[],
                        help="LABEL=PATH or PATH of a som binary; repeat to compare")
    parser.add_argument("--benchmarks", help="comma-separated names (default: all)")
    parser.add_argument("--iterations", type=int, default=1, help="outer iterations (default 1)")
    parser.add_argument("--inner", type=int, help="inner iterations for every benchmark")
    parser.add_argument("--smoke", action="store_true", help="1 iteration, the smoke inner counts")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()

    vms = []
    for spec in args.vm or [os.path.join(ROOT, "build", "interpreters", "som", "som")]:
        label, _, path = spec.rpartition("=")
        vms.append((label or os.path.basename(os.path.dirname(os.path.abspath(path))) or path, path))
    names = args.benchmarks.split(",") if args.benchmarks else available()
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error("unknown benchmark(s): " + ", ".join(unknown))
    iterations = 1 if args.smoke else args.iterations

    header = ["benchmark", "inner"] + ["%s (ms)" % label for label, _ in vms]
    rows = []
    failed = False
    for name in names:
        settings = BENCHMARKS[name]
        inner = args.inner or settings[1 if args.smoke else 0]
        runs = settings[2] if args.smoke and len(settings) > 2 else name
        row = [runs, str(inner)]
        for label, path in vms:
            result, error = run_one(path, runs, iterations, inner, args.timeout)
            if result is None:
                failed = True
                row.append("FAIL")
                print("%s on %s: %s" % (runs, label, error), file=sys.stderr)
            else:
                row.append("%.1f" % result[0])
        rows.append(row)
        print(" | ".join(row), file=sys.stderr, flush=True)
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("| " + " | ".join("-" * w for w in widths) + " |")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
