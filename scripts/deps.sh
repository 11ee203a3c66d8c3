#!/usr/bin/env bash
# Installs exactly the Debian 12 packages rtoolchain needs. Idempotent: packages already
# present are not reinstalled, and apt-get update runs only when something is missing.
set -euo pipefail

PACKAGES=(
  # toolchain the project is built with and builds against (pinned to 19; see docs/build.md)
  clang-19 lld-19 llvm-19-dev libclang-19-dev libclang-cpp19-dev libclang-rt-19-dev
  # build system and libraries
  cmake ninja-build pkg-config zlib1g-dev libzstd-dev libgc-dev catch2
  # used by the test and bench scripts
  python3 ccache valgrind
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
