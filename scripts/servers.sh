# Sourced by the scripts that need a local server. One way to start one:
#
#   start_server LOG CMD [ARGS...]
#     runs CMD in the background with its output in LOG, waits until the first line of
#     LOG holds its http:// URL (the emulator, the demo server and `wrangler dev` style
#     servers all print it first), and sets SERVER_URL and SERVER_PID. Every server
#     started this way is stopped by stop_servers, which runs on exit.
#     SERVER_STDERR=inherit leaves its stderr on the caller's instead of LOG.
#   start_emulator [FLAGS...]
#     builds the emulator once and starts it on a free port of 127.0.0.1 with FLAGS;
#     sets EMU_URL and EMU_PID.
#   build_unless_skipped
#     builds pkg/ and the release emulator, unless DEMO_SKIP_BUILD=1 (output to stderr:
#     a caller's stdout may be for a URL).
SERVER_PIDS=()

stop_servers() {
  local p
  for p in "${SERVER_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${SERVER_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  SERVER_PIDS=()
}
trap stop_servers EXIT

start_server() {
  local log=$1; shift
  : >"$log"
  if [ "${SERVER_STDERR:-}" = inherit ]; then "$@" >"$log" & else "$@" >"$log" 2>&1 & fi
  SERVER_PID=$!
  SERVER_URL=""
  local _
  for _ in $(seq 1 300); do
    SERVER_URL=$(head -n1 "$log" 2>/dev/null | grep -o 'http://[][0-9a-zA-Z.:]*' || true)
    if [ -n "$SERVER_URL" ]; then SERVER_PIDS+=("$SERVER_PID"); return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill "$SERVER_PID" 2>/dev/null || true
  echo "$* did not start:" >&2
  cat "$log" >&2
  return 1
}

start_emulator() {
  cargo build -q -p omise-emulator --release >&2
  local log; log=$(mktemp "${TMPDIR:-/tmp}/omise-emulator.XXXXXX")
  start_server "$log" "${CARGO_TARGET_DIR:-target}/release/omise-emulator" --host 127.0.0.1 --port 0 "$@" || return 1
  EMU_URL=$SERVER_URL
  EMU_PID=$SERVER_PID
  export EMU_URL EMU_PID
}

build_unless_skipped() {
  [ "${DEMO_SKIP_BUILD:-}" = "1" ] && return 0
  echo "building the package (scripts/build.sh) and the emulator" >&2
  bash scripts/build.sh >&2
  cargo build -q -p omise-emulator --release >&2
}
