#!/usr/bin/env bash
# make bench: benchmarks of omise-wasm against a bare fetch and the official `omise` SDK,
# measured side by side in one run against local emulators (127.0.0.1 only; nothing is
# downloaded). Writes bench-output/results.md (the table and the machine) and prints it.
# Numbers are reported, never asserted. Phases: bench/{overhead,decode,upload,iterate,cold}.mjs.
#
# The official SDK can only reach the default port, so one emulator listens on
# 127.0.0.1:80 (root or CAP_NET_BIND_SERVICE; port 80 must be free, as for
# scripts/conformance.sh); the per-call and cold-start phases run all clients against it.
# If port 80 cannot be had, those phases run without the SDK and the table says so. Port 80
# is held only for those two phases (about 45 s), then given back.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { echo "bench: $*" >&2; }
started=$(date +%s)

bash scripts/build.sh >&2
cargo build -q -p omise-emulator --release >&2
out=$root/bench-output
mkdir -p "$out"
rm -f "$out"/*.json "$out"/results.md "$out"/emulator-*.log

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

# start NAME [flags]: starts an emulator; sets URL to its base URL (empty if it did not start).
start() {
  local name=$1; shift
  local log="$out/emulator-$name.log"
  URL=""
  target/release/omise-emulator "$@" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    URL=$(head -n1 "$log" 2>/dev/null | grep -o 'http://[0-9.:]*' || true)
    if [ -n "$URL" ]; then pids+=("$pid"); return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  URL=""
}

# 1. Bundle: what a browser downloads, gzip -9, as build.sh measures it.
wasm_gz=$(gzip -9c pkg/web/omise_wasm_bg.wasm | wc -c)
js_gz=$(gzip -9c pkg/web/omise_wasm.js | wc -c)
printf '{"wasm": %d, "js": %d, "budget": 49152}\n' "$wasm_gz" "$js_gz" >"$out/bundle.json"

# An emulator on 127.0.0.1:80 for the official SDK (and the other clients beside it).
main_url=""
if [ -f node_modules/omise/package.json ]; then
  for _ in $(seq 1 20); do
    start port80 --host 127.0.0.1 --port 80
    main_url=$URL
    [ -n "$main_url" ] && break
    say "port 80 on 127.0.0.1 is busy (another conformance run?); retrying"
    sleep 1.5
  done
fi
omise_flags=()
if [ -n "$main_url" ]; then
  omise_flags=(--omise-host 127.0.0.1)
  main_url=${main_url%:80}   # the SDK's URL form; fetch treats both alike
else
  say "the official SDK is left out: no emulator on 127.0.0.1:80"
  start main --host 127.0.0.1 --port 0
  main_url=$URL
fi
[ -n "$main_url" ] || { say "the emulator did not start"; exit 1; }
say "emulator at $main_url"

# 2. Per-call overhead: three clients, round-robin.
say "per-call overhead (2,000 x disputes.list({limit: 100}) per client)"
node bench/overhead.mjs --url "$main_url" "${omise_flags[@]}" --n 2000 --warmup 200

# 6. Cold start, fresh processes.
say "cold start (fresh processes)"
cold_flags=()
[ ${#omise_flags[@]} -gt 0 ] && cold_flags=(--omise)
node bench/cold.mjs --url "$main_url" "${cold_flags[@]}" --n 15

# Port 80 is given back at once (scripts/conformance.sh, run by make test, needs it too).
cleanup
pids=()
start main --host 127.0.0.1 --port 0
main_url=$URL
[ -n "$main_url" ] || { say "the emulator did not start"; exit 1; }

# 3. Decode cost (mock fetch; one real body from the emulator).
say "decode cost (mock fetch)"
node bench/decode.mjs --url "$main_url" --rounds 30 --per 50

# 4. Upload (the emulator is reset after every pair).
say "upload (10 MiB PDF)"
node bench/upload.mjs --url "$main_url" --n 15

# 5. Iteration over 10,000 disputes.
start big --host 127.0.0.1 --port 0 --disputes 10000
big_url=$URL
[ -n "$big_url" ] || { say "the 10,000-dispute emulator did not start"; exit 1; }
say "iteration (10,000 disputes, at $big_url)"
node bench/iterate.mjs --url "$big_url" --runs 5

cleanup
pids=()
RUSTC_VERSION=$(rustc --version) BENCH_SECONDS=$(( $(date +%s) - started )) \
  node bench/report.mjs
cat "$out/results.md"
