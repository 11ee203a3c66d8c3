#!/usr/bin/env python3
"""Runs `rtoolchain graphs` on a target and checks the result.

  run_graph_test.py --rtoolchain R --target T --filecheck F --source S     golden IR: FileCheck
                                                                          with S's CHECK lines
  run_graph_test.py --rtoolchain R --target T --errors S                  expected failure: the
                                                                          `// ERROR: text` lines
                                                                          of S are in stderr
  run_graph_test.py --rtoolchain R --target T --deterministic [--ir-tool I]
                                                                          two runs give the same
                                                                          bytes; the text parses
                                                                          back to itself
"""
import argparse
import subprocess
import sys
import tempfile


def graphs(args):
    return subprocess.run([args.rtoolchain, "graphs", args.target], capture_output=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rtoolchain", required=True)
    p.add_argument("--target", required=True)
    p.add_argument("--filecheck")
    p.add_argument("--source")
    p.add_argument("--errors")
    p.add_argument("--deterministic", action="store_true")
    p.add_argument("--ir-tool")
    args = p.parse_args()

    first = graphs(args)
    if args.errors:
        stderr = first.stderr.decode()
        if first.returncode == 0:
            sys.exit("expected errors, but the graphs were built")
        expected = [line.split("// ERROR:", 1)[1].strip()
                    for line in open(args.errors) if "// ERROR:" in line]
        missing = [e for e in expected if e not in stderr]
        if missing:
            sys.exit("missing errors: %s\nstderr:\n%s" % (missing, stderr))
        return
    if first.returncode != 0:
        sys.exit("rtoolchain graphs failed:\n" + first.stderr.decode())
    if args.deterministic:
        second = graphs(args)
        if second.stdout != first.stdout:
            sys.exit("two runs printed different IR")
        if args.ir_tool:
            with tempfile.NamedTemporaryFile(suffix=".rtir") as f:
                f.write(first.stdout)
                f.flush()
                rt = subprocess.run([args.ir_tool, "--check-roundtrip", f.name], capture_output=True)
                if rt.returncode != 0:
                    sys.exit("the IR does not round-trip:\n" + rt.stderr.decode()[:4000])
        print("%d bytes, %d functions" % (len(first.stdout), first.stdout.count(b"\nfunction ")))
        return
    check = subprocess.run([args.filecheck, args.source, "--match-full-lines=false"], input=first.stdout)
    if check.returncode != 0:
        sys.exit(check.returncode)


if __name__ == "__main__":
    main()
