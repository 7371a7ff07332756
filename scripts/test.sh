#!/usr/bin/env bash
# make test: every test of the project, in the order a failure is cheapest to find.
# The output ends with the summary lines of every runner (cargo test, wasm-bindgen-test,
# node's test runner), collected again at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/servers.sh
# The load tests hold about 1,000 connections at once, and many systems give an ordinary
# user a soft limit of 1,024 open files: raise it to the hard limit (no privilege needed).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

log=$(mktemp -d)/test.log
failed=()
stage() {
  local name=$1; shift
  echo
  echo "=== $name"
  local start=$SECONDS
  if "$@" 2>&1 | tee -a "$log"; then
    echo "=== $name: ok ($((SECONDS - start)) s)"
  else
    echo "=== $name: FAILED ($((SECONDS - start)) s)"
    failed+=("$name")
  fi
}

wasm_tests() {
  local env=$1; shift
  curl -fsS -X POST "$EMU_URL/__emulator/reset" >/dev/null
  OMISE_EMULATOR_URL=$EMU_URL wasm-pack test --mode no-install "$@"
}

stage "format" cargo fmt --all -- --check
stage "clippy (native)" cargo clippy --workspace --all-targets -q -- -D warnings
stage "clippy (wasm32)" cargo clippy -p omise-wasm --all-targets --target wasm32-unknown-unknown -q -- -D warnings
export PROPTEST_CASES=${PROPTEST_CASES:-2000}
echo "fuzz: $PROPTEST_CASES proptest cases for each of 5 properties, then the $(ls tests/fuzz-corpus | wc -l) kept inputs of tests/fuzz-corpus/"
stage "native tests: models, fixtures, validation, fuzz, emulator" cargo test --workspace
# The emulator's control API answers only requests without an Origin or from origins it
# is given: here the headless browsers' test pages, served on 127.0.0.1 at a random port.
start_emulator --control-origin 'http://127.0.0.1:*'
stage "wasm tests in Node" wasm_tests node --node -- -- --nocapture
# In the browsers a test page that never started its tests is loaded again (see the script).
runner_bin=$(mktemp -d)
ln -s "$(command -v wasm-bindgen)" "$runner_bin/wasm-bindgen"
ln -s "$PWD/scripts/retry-unstarted-page.sh" "$runner_bin/wasm-bindgen-test-runner"
PATH="$runner_bin:$PATH" stage "wasm tests in headless Chrome" wasm_tests chrome --headless --chrome --features browser-tests -- --nocapture
PATH="$runner_bin:$PATH" stage "wasm tests in headless Firefox" wasm_tests firefox --headless --firefox --features browser-tests -- --nocapture
kill "$EMU_PID" 2>/dev/null || true
stage "omise-node (the official SDK) against the emulator" bash scripts/conformance.sh
stage "npm package build (pkg/)" bash scripts/build.sh
stage "docs/reference.md names what the package has" node --test tests/docs/
stage "Node transport (node:http) answers as fetch does, case by case" node --test tests/node/
stage "npm consumers: Node 20/22, Deno, Bun, esbuild, Rollup, Next.js, Workers, Vite, webpack, import map in Chromium and Firefox, TypeScript" bash scripts/consumers.sh
stage "demo dashboard in Chromium (Playwright) and Firefox (WebDriver BiDi)" env DEMO_SKIP_BUILD=1 bash scripts/demo-test.sh

# The secret key (and its Basic-auth form) must appear in no line any of the above printed.
no_secret_in_logs() {
  local b64; b64=$(printf 'skey_test_emulator:' | base64)
  if grep -n -e 'skey_test_emulator' -e "$b64" "$log"; then
    echo "the secret key appeared in the test output above"; return 1
  fi
  echo "no line of the test output ($(wc -l <"$log") lines) holds the secret key"
}
stage "secret key in no log line" no_secret_in_logs

echo
echo "=== summary"
grep -E '^test result: |^# (tests|suites|pass|fail|cancelled|skipped|todo) ' "$log" || true
passed=$(grep -oE '^test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
nfailed=$(grep -oE '; [0-9]+ failed' "$log" | awk '{s+=$2} END {print s+0}')
npass=$(grep -E '^# pass ' "$log" | awk '{s+=$3} END {print s+0}')
nfail=$(grep -E '^# fail ' "$log" | awk '{s+=$3} END {print s+0}')
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed stages: ${failed[*]}"
  nfailed=$((nfailed + nfail + ${#failed[@]}))
  echo "$((passed + npass)) passed, $nfailed failed"
  exit 1
fi
echo "$((passed + npass)) passed, $((nfailed + nfail)) failed"
