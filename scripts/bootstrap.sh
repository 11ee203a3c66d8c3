#!/usr/bin/env bash
# README command 1: install what rtoolchain needs, build it, and run the main job.
# The main job: translate the tiny interpreter into a native VM (rtoolchain translate, which
# prints each stage's time and memory) and run a program on it; then the same program in host
# mode, the reference (docs/backend.md). Once the JIT lands, the translation will include it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

step() { printf '\n== %s\n' "$*"; }

step "installing Debian packages (scripts/deps.sh)"
bash "$root/scripts/deps.sh"

step "building (scripts/build.sh)"
bash "$root/scripts/build.sh" "$root/build"

program="$root/interpreters/tiny/examples/primes.tiny"
vm="$root/build/tinyvm/tiny"
step "translating the tiny interpreter (rtoolchain translate) into $vm"
mkdir -p "$(dirname "$vm")"
"$root/build/rtoolchain/driver/rtoolchain" translate "$root/build/interpreters/tiny/tiny.rttarget" -o "$vm"

step "running $(basename "$program") on the translated tiny VM"
"$vm" "$program"

step "running $(basename "$program") on tiny (host mode)"
"$root/build/interpreters/tiny/tiny" "$program"
