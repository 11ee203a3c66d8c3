#!/usr/bin/env python3
"""Runs the benchmarks and prints times and ratios against the references.

Each benchmark is bench/<language>/<name>.<ext> with an equivalent Python 3 program
bench/<language>/<name>.py that prints the same output. Every configuration runs every benchmark
--repeat times; the table shows the best wall time of each (the least disturbed run) and ratios
to the first configuration. Outputs must agree across configurations, or the run fails: a
benchmark that computes something else measures nothing.

Configurations today: the interpreter in host mode, the translated VM (the build's -O2
translation, tests/tiny/translated/O2/tiny, when built), python3, and pypy3 when installed.
bench/callgrind.py compares host mode and the translated VM by instruction counts.

  python3 bench/run.py [--repeat N] [--build DIR] [--only NAME[,NAME...]] [--language tiny]
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

LANGUAGES = {
    # language: (program extension, path of the host-mode VM inside the build directory)
    "tiny": ("tiny", "interpreters/tiny/tiny"),
}
# The translated VM of a language inside the build directory (docs/backend.md).
TRANSLATED = {"tiny": "tests/tiny/translated/O2/tiny"}


def configurations(language, build):
    ext, vm_path = LANGUAGES[language]
    vm = os.path.join(build, vm_path)
    if not os.path.exists(vm):
        sys.exit(f"{vm} not found: build first (bash scripts/build.sh)")
    configs = [(f"{language} host", lambda name: [vm, f"{name}.{ext}"])]
    translated = os.path.join(build, TRANSLATED.get(language, "-"))
    if os.path.exists(translated):
        configs.append((f"{language} translated", lambda name: [translated, f"{name}.{ext}"]))
    for python in ("python3", "pypy3"):
        if shutil.which(python):
            configs.append((python, lambda name, python=python: [python, f"{name}.py"]))
    return configs


def run_once(command, cwd):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed with status {result.returncode}:\n"
                 f"{result.stderr.decode(errors='replace')}")
    return elapsed, result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--language", default="tiny", choices=sorted(LANGUAGES))
    parser.add_argument("--only", default="")
    args = parser.parse_args()

    directory = os.path.join(ROOT, "bench", args.language)
    ext = LANGUAGES[args.language][0]
    names = sorted(f[: -len(ext) - 1] for f in os.listdir(directory) if f.endswith("." + ext))
    if args.only:
        wanted = set(args.only.split(","))
        names = [n for n in names if n in wanted]
    configs = configurations(args.language, os.path.abspath(args.build))

    header = f"{'benchmark':<12}" + "".join(f"{label:>16}" for label, _ in configs)
    header += "".join(f"{'/' + label:>16}" for label, _ in configs[1:])
    print(f"best of {args.repeat} runs, seconds; ratios are {configs[0][0]} time / other time")
    print(header)
    ratios = {label: [] for label, _ in configs[1:]}
    for name in names:
        times = []
        reference_output = None
        for label, command in configs:
            best = None
            for _ in range(args.repeat):
                elapsed, output = run_once(command(name), directory)
                if reference_output is None:
                    reference_output = output
                elif output != reference_output:
                    sys.exit(f"{name}: output of {label} differs from {configs[0][0]}:\n"
                             f"{reference_output[:200]!r}\nvs\n{output[:200]!r}")
                best = elapsed if best is None else min(best, elapsed)
            times.append(best)
        row = f"{name:<12}" + "".join(f"{t:>16.3f}" for t in times)
        for (label, _), t in zip(configs[1:], times[1:]):
            ratio = times[0] / t
            ratios[label].append(ratio)
            row += f"{ratio:>16.2f}"
        print(row, flush=True)
    if names and ratios:
        geo = f"{'geomean':<12}" + " " * 16 * len(configs)
        for label in ratios:
            product = 1.0
            for r in ratios[label]:
                product *= r
            geo += f"{product ** (1 / len(ratios[label])):>16.2f}"
        print(geo)


if __name__ == "__main__":
    main()
