#!/usr/bin/env bash
# The demo dashboard's browser tests: builds the package (scripts/build.sh) and the
# emulator, then runs tests/demo/*.test.mjs with node's test runner. Each test file
# starts its own emulator, demo server and browser (headless Debian chromium through
# playwright-core; firefox.test.mjs: Debian firefox-esr over WebDriver BiDi), and stops them.
#
#   FIREFOX=/path/to/firefox   the Firefox to drive (default /usr/bin/firefox-esr)
#
#   DEMO_SKIP_BUILD=1   reuse pkg/web and target/release as they are
#   DEMO_PKG_DIR=dir    the library's browser build to serve (default pkg/web)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { echo "demo-test: $*" >&2; }

source scripts/servers.sh
build_unless_skipped

out=test-output/demo
rm -rf "$out"
mkdir -p "$out"
echo "demo-test: screenshots go to $out/"
# node's test runner prints its summary last. --experimental-websocket gives Node 20 the
# WebSocket that the Firefox driver speaks BiDi with (Node >= 22 has it anyway).
ws_flag=()
node -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' || ws_flag=(--experimental-websocket)
exec node "${ws_flag[@]}" --test --test-concurrency=1 tests/demo/*.test.mjs
