#!/usr/bin/env bash
# make demo: builds the package and the emulator, starts the emulator and the demo
# server (www/server.mjs: the dashboard from www/public/, /pkg/ and the /omise proxy of
# www/proxy.mjs), and prints the
# dashboard's URL as the first URL on stdout. Serves until interrupted; Ctrl-C (or
# SIGTERM) stops everything it started.
#
#   DEMO_PORT=8080 bash scripts/demo.sh     # fixed port (default: a free one)
#   DEMO_HOST=127.0.0.1                     # interface (default 127.0.0.1)
#   DEMO_ALLOWED_HOSTS=name,...             # host names besides loopback the server answers to
#   DEMO_SKIP_BUILD=1                       # reuse pkg/web and target/release as they are
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "demo: $*" >&2; }

if [ "${DEMO_SKIP_BUILD:-}" != "1" ]; then
  # Build output goes to stderr: stdout is for the dashboard's URL.
  if [ -f scripts/build.sh ]; then
    say "building the package (scripts/build.sh)"
    bash scripts/build.sh >&2
  else
    say "scripts/build.sh is missing; cannot build the package" ; exit 1
  fi
  say "building the emulator"
  cargo build -p omise-emulator --release >&2
fi

[ -f pkg/web/omise_wasm.js ] || { say "pkg/web/omise_wasm.js is missing (the build did not write the browser build)"; exit 1; }
EMULATOR=target/release/omise-emulator
[ -x "$EMULATOR" ] || { say "$EMULATOR is missing"; exit 1; }
command -v node >/dev/null || { say "node is not on PATH"; exit 1; }

tmp=$(mktemp -d)
emu_pid="" ; srv_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null || true
  [ -n "$emu_pid" ] && kill "$emu_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'say "stopping"; cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# Reads the first line a background process writes to $1, waiting up to $2 seconds.
first_line() {
  local file=$1 pid=$2 i
  for ((i = 0; i < 300; i++)); do
    if [ -s "$file" ] && head -n1 "$file" | grep -q '^http'; then head -n1 "$file"; return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# The key travels by environment only: on a command line, `ps` would show it.
KEY=${OMISE_SECRET_KEY:-skey_test_emulator}
OMISE_EMULATOR_SECRET_KEY="$KEY" "$EMULATOR" --host 127.0.0.1 --port 0 >"$tmp/emu.out" 2>"$tmp/emu.err" &
emu_pid=$!
api=$(first_line "$tmp/emu.out" "$emu_pid") || { say "the emulator did not start:"; cat "$tmp/emu.err" >&2; exit 1; }

OMISE_SECRET_KEY="$KEY" node www/server.mjs --api "$api" --host "${DEMO_HOST:-127.0.0.1}" --port "${DEMO_PORT:-0}" \
  >"$tmp/srv.out" 2> >(cat >&2) &
srv_pid=$!
url=$(first_line "$tmp/srv.out" "$srv_pid") || { say "the demo server did not start"; exit 1; }

echo "$url"
say "dashboard: $url  (emulator at ${api#http://}; Ctrl-C stops both)"

# Serve until one of them exits or we are interrupted.
while kill -0 "$emu_pid" 2>/dev/null && kill -0 "$srv_pid" 2>/dev/null; do
  sleep 1 &
  wait $! || true
done
# One of them ended: after a Ctrl-C both get the SIGINT directly and stop cleanly
# (status 0 or a signal status); anything else is a failure worth reporting.
rc=0
for p in "$emu_pid" "$srv_pid"; do
  if ! kill -0 "$p" 2>/dev/null; then
    wait "$p" && r=0 || r=$?
    if [ "$r" -ne 0 ] && [ "$r" -lt 128 ]; then rc=$r; fi
  fi
done
if [ "$rc" -ne 0 ]; then
  say "the $( kill -0 "$emu_pid" 2>/dev/null && echo "demo server" || echo emulator ) exited with status $rc; stopping"
  exit 1
fi
say "stopped"
exit 130
