#!/usr/bin/env bash
# Runs the official omise-node client (node_modules/omise) against the emulator.
#
# omise-node has no port option (it connects to `host` on the default port), so the
# emulator listens on ${OMISE_EMULATOR_HOST:-127.0.0.1}:80 — this needs root or
# CAP_NET_BIND_SERVICE, and port 80 must be free on that address.
set -euo pipefail
cd "$(dirname "$0")/.."

host="${OMISE_EMULATOR_HOST:-127.0.0.1}"

if [ ! -f node_modules/omise/package.json ]; then
  echo "conformance: node_modules/omise is missing; run 'npm install' first" >&2
  exit 1
fi

cargo build -p omise-emulator --release
bin="${CARGO_TARGET_DIR:-target}/release/omise-emulator"

out="$(mktemp)"
"$bin" --host "$host" --port 80 >"$out" &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$out"
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 200); do
  [ -s "$out" ] && break
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "conformance: the emulator did not start (is port 80 on $host free, and are we root?)" >&2
    exit 1
  fi
  sleep 0.05
done
url="$(head -n 1 "$out")"
if [ -z "$url" ]; then
  echo "conformance: the emulator printed no URL" >&2
  exit 1
fi
# The emulator prints http://HOST:80; omise-node needs the default port, so drop ":80".
url="${url%:80}"
echo "conformance: emulator at $url"

status=0
OMISE_EMULATOR_URL="$url" OMISE_SCHEME=http node --test tests/conformance/ || status=$?
exit "$status"
