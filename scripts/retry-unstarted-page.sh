#!/usr/bin/env bash
# Stands in for wasm-bindgen-test-runner in the headless-browser stages (scripts/test.sh puts
# it first on PATH). The WebDriver runner sometimes never sees the test page start its tests
# ("Failed to detect test as having been run": the page's scripts did not run, cause not
# found; the same tests pass when the page is loaded again). Such a run is started again,
# up to 10 times; any other result, pass or fail, is final.
self_dir=$(cd "$(dirname "$0")" && pwd)
real=$(PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vx "$self_dir" | paste -sd:) command -v wasm-bindgen-test-runner)
out=$(mktemp)
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  "$real" "$@" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  if [ "$rc" -eq 0 ] || ! grep -q "Failed to detect test as having been run" "$out"; then break; fi
  echo "retry-unstarted-page: the test page never started (attempt $attempt of 10)" >&2
done
rm -f "$out"
exit "$rc"
