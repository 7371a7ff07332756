#!/usr/bin/env bash
# make bench: benchmarks of omise-wasm against a bare fetch and the official `omise` SDK,
# measured side by side in one run against local emulators (127.0.0.1 only; nothing is
# downloaded). Writes bench-output/results.md (the table and the machine) and prints it.
# Numbers are reported, never asserted. Phases: bench/{overhead,decode,upload,iterate,cold,browser,demo-load,size}.mjs.
#
# The official SDK has no port option; tests/support/omise-node.cjs routes its
# connections to the emulator's free port (no root, no port 80). If node_modules/omise is
# missing, the per-call and cold-start phases run without it and the table says so.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { echo "bench: $*" >&2; }
started=$(date +%s)
source scripts/servers.sh

bash scripts/build.sh >&2
cargo build -q -p omise-emulator --release >&2
out=$root/bench-output
mkdir -p "$out"
rm -f "$out"/*.json "$out"/results.md "$out"/emulator-*.log

# emulator NAME [flags]: starts an emulator on a free port, logging to bench-output/; sets URL.
emulator() {
  local name=$1; shift
  start_server "$out/emulator-$name.log" target/release/omise-emulator --host 127.0.0.1 --port 0 "$@"
  URL=$SERVER_URL
}

# 1. Bundle: what a browser downloads, gzip -9, as build.sh measures it.
wasm_gz=$(gzip -9c pkg/web/omise_wasm_bg.wasm | wc -c)
js_gz=$(gzip -9c pkg/web/index.js | wc -c)
printf '{"wasm": %d, "js": %d, "budget": 46080}\n' "$wasm_gz" "$js_gz" >"$out/bundle.json"
# What the wasm is made of (twiggy, by crate), from the wasm-pack output before wasm-opt.
command -v twiggy >/dev/null 2>&1 || { say "installing twiggy (cargo install)"; cargo install twiggy --locked >&2 || cargo install twiggy >&2; }
node bench/size.mjs target/wasm-pack/web/omise_wasm_bg.wasm

emulator main
main_url=$URL
omise_flags=()
if [ -f node_modules/omise/package.json ]; then
  omise_flags=(--omise)
else
  say "the official SDK is left out: node_modules/omise is missing"
fi
say "emulator at $main_url"

# 2. Per-call overhead: three clients, round-robin.
say "per-call overhead (2,000 x disputes.list({limit: 100}) per client)"
node bench/overhead.mjs --url "$main_url" "${omise_flags[@]}" --n 2000 --warmup 200

# 6. Cold start, fresh processes.
say "cold start (fresh processes)"
node bench/cold.mjs --url "$main_url" "${omise_flags[@]}" --n 15

# 7. The per-call and decode phases again in headless Chromium, through a same-origin proxy.
say "browser (headless Chromium: 500 x disputes.list({limit: 100}) per client, decode)"
node bench/browser.mjs --url "$main_url" --n 500

# 8. The demo dashboard: navigation to the first list, cold and warm cache.
OMISE_SECRET_KEY=skey_test_emulator start_server "$out/demo.log" node www/server.mjs --api "$main_url" --host 127.0.0.1 --port 0
say "demo dashboard load (headless Chromium, cold and warm cache)"
node bench/demo-load.mjs --demo "$SERVER_URL" --n 10

# 3. Decode cost (mock fetch; one real body from the emulator).
say "decode cost (mock fetch)"
node bench/decode.mjs --url "$main_url" --rounds 30 --per 50

# 4. Upload (the emulator is reset after every pair).
say "upload (10 MiB PDF)"
node bench/upload.mjs --url "$main_url" --n 15

# 5. Iteration over 10,000 disputes.
emulator big --disputes 10000
big_url=$URL
say "iteration (10,000 disputes, at $big_url)"
node bench/iterate.mjs --url "$big_url" --runs 5

stop_servers
RUSTC_VERSION=$(rustc --version) BENCH_SECONDS=$(( $(date +%s) - started )) \
  node bench/report.mjs
cat "$out/results.md"
