#!/usr/bin/env bash
# Configures and builds rtoolchain with clang-19 and Ninja.
#   scripts/build.sh [BUILD_DIR] [extra cmake args...]
# BUILD_DIR defaults to build/. Re-running only rebuilds what changed. RT_BUILD_TARGETS, when
# set, names the ninja targets to build instead of everything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
shift || true

# ccache keys on absolute paths unless told the base; CI builds from a fresh clone each time.
export CCACHE_BASEDIR="$root"
export CCACHE_NOHASHDIR=1

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 "$@"
elif [ $# -gt 0 ]; then
  cmake "$build" "$@"
fi
ninja -C "$build" ${RT_BUILD_TARGETS:-}
