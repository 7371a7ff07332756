# Sourced by the test and demo scripts: start_emulator [flags] builds and starts the
# emulator on a free port of 127.0.0.1, sets EMU_URL and EMU_PID, and stops it on exit.
start_emulator() {
  cargo build -q -p omise-emulator --release >&2
  local out; out=$(mktemp)
  target/release/omise-emulator --host 127.0.0.1 --port 0 "$@" >"$out" 2>&1 &
  EMU_PID=$!
  trap 'kill $EMU_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    EMU_URL=$(head -n1 "$out" 2>/dev/null | grep -o 'http://[0-9.:]*' || true)
    [ -n "$EMU_URL" ] && break
    sleep 0.1
  done
  if [ -z "$EMU_URL" ]; then echo "the emulator did not start:" >&2; cat "$out" >&2; return 1; fi
  export EMU_URL EMU_PID
}
