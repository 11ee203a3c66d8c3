#!/usr/bin/env bash
# README command 1: install what rtoolchain needs, build it, and run the main job.
# Today the main job runs a tiny program on the tiny interpreter in host mode; once the
# translator lands it translates the interpreter with the JIT and runs the program on the VM.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

step() { printf '\n== %s\n' "$*"; }

step "installing Debian packages (scripts/deps.sh)"
bash "$root/scripts/deps.sh"

step "building (scripts/build.sh)"
bash "$root/scripts/build.sh" "$root/build"

program="$root/interpreters/tiny/examples/primes.tiny"
step "running $(basename "$program") on tiny (host mode)"
"$root/build/interpreters/tiny/tiny" "$program"
