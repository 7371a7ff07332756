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

source scripts/servers.sh
build_unless_skipped

[ -f pkg/web/omise_wasm.js ] || { say "pkg/web/omise_wasm.js is missing (the build did not write the browser build)"; exit 1; }
command -v node >/dev/null || { say "node is not on PATH"; exit 1; }
tmp=$(mktemp -d)
trap 'stop_servers; rm -rf "$tmp"' EXIT
trap 'say "stopping"; exit 130' INT
trap 'exit 143' TERM

# The key travels by environment only: on a command line, `ps` would show it.
KEY=${OMISE_SECRET_KEY:-skey_test_emulator}
OMISE_EMULATOR_SECRET_KEY="$KEY" start_emulator || exit 1
api=$EMU_URL emu_pid=$EMU_PID
OMISE_SECRET_KEY="$KEY" SERVER_STDERR=inherit start_server "$tmp/srv.out" \
  node www/server.mjs --api "$api" --host "${DEMO_HOST:-127.0.0.1}" --port "${DEMO_PORT:-0}" || exit 1
url=$(head -n1 "$tmp/srv.out") srv_pid=$SERVER_PID

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
