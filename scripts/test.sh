#!/usr/bin/env bash
# README command 2: build and run every test.
#   1. the normal build (build/): every test registered in CTest;
#   2. a sanitizer build (build-asan/, ASan + UBSan, rt::make on malloc): the host-mode tests
#      (CTest label "host"). Skip it with RT_SKIP_SANITIZERS=1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="$(nproc)"

bash "$root/scripts/deps.sh"

printf '\n== build\n'
bash "$root/scripts/build.sh" "$root/build"
printf '\n== tests\n'
ctest --test-dir "$root/build" --output-on-failure -j "$jobs"

if [ "${RT_SKIP_SANITIZERS:-0}" != "1" ]; then
  printf '\n== sanitizer build (ASan + UBSan)\n'
  RT_BUILD_TARGETS=host_mode bash "$root/scripts/build.sh" "$root/build-asan" -DRT_SANITIZE=ON
  printf '\n== host-mode tests under ASan + UBSan\n'
  # The conservative GC does not scan ASan's fake stacks (see docs/build.md).
  ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$root/build-asan" --output-on-failure -j "$jobs" -L host
fi
