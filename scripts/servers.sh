# Sourced by the scripts that need a local server. One way to start one:
#
#   start_server LOG CMD [ARGS...]
#     runs CMD in the background with its output in LOG, waits until the first line of
#     LOG holds its http:// URL (the emulator, the demo server and `wrangler dev` style
#     servers all print it first), and sets SERVER_URL and SERVER_PID. Every server
#     started this way is stopped by stop_servers, which runs on exit.
#   start_emulator [FLAGS...]
#     builds the emulator once and starts it on a free port of 127.0.0.1 with FLAGS;
#     sets EMU_URL and EMU_PID.
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
  "$@" >"$log" 2>&1 &
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
