#!/usr/bin/env bash
# Runs the official omise-node client (node_modules/omise) against the emulator.
#
# omise-node has no port option (it connects to `host` on the default port), so the
# emulator listens on ${OMISE_EMULATOR_HOST:-127.0.0.1}:80 — this needs root or
# CAP_NET_BIND_SERVICE, and port 80 must be free on that address.
set -euo pipefail
cd "$(dirname "$0")/.."

hosts="${OMISE_EMULATOR_HOST:-127.0.0.1 127.0.0.2 127.0.0.3}"

if [ ! -f node_modules/omise/package.json ]; then
  echo "conformance: node_modules/omise is missing; run 'npm install' first" >&2
  exit 1
fi

cargo build -p omise-emulator --release
bin="${CARGO_TARGET_DIR:-target}/release/omise-emulator"

out="$(mktemp)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  rm -f "$out"
}
trap cleanup EXIT INT TERM

# Port 80 on the first loopback address that has it free (another run, e.g. the
# benchmarks, may hold 127.0.0.1:80).
url=""
for host in $hosts; do
  : >"$out"
  "$bin" --host "$host" --port 80 >"$out" 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do
    [ -s "$out" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  url="$(head -n 1 "$out" | grep -o 'http://[0-9.:]*' || true)"
  [ -n "$url" ] && break
  echo "conformance: $host:80 unavailable: $(head -n 1 "$out")" >&2
  pid=""
done
if [ -z "$url" ]; then
  echo "conformance: the emulator could not listen on port 80 of $hosts (root is needed)" >&2
  exit 1
fi
# The emulator prints http://HOST:80; omise-node needs the default port, so drop ":80".
url="${url%:80}"
echo "conformance: emulator at $url"

status=0
OMISE_EMULATOR_URL="$url" OMISE_SCHEME=http node --test tests/conformance/ || status=$?
exit "$status"
