#!/usr/bin/env bash
# Consumer tests: installs the packed npm tarball into fresh temporary projects and uses
# it as a user would, in the real runtime, against the emulator on 127.0.0.1: Node 20 and
# 22 (require, import), Deno, Bun (run and build), esbuild and Rollup server bundles,
# Next.js (Turbopack and webpack; route handlers, server and client components),
# Cloudflare Workers (wrangler dev), Vite, webpack 5 and an import map in headless
# Chromium and Firefox, TypeScript. Output ends with node's test summary.
#
#   CONSUMERS=nextjs,workers   run only these tests/consumers/<name>.test.mjs
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
source scripts/servers.sh

if [ ! -f pkg/package.json ]; then
  echo "consumers: pkg/ is missing, building it" >&2
  bash scripts/build.sh >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/omise-wasm-consumers.XXXXXX")
EMU_PID=""
cleanup() {
  if [ -n "$EMU_PID" ]; then kill "$EMU_PID" 2>/dev/null || true; wait "$EMU_PID" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

version=$(node -p 'require("./pkg/package.json").version')
npm pack ./pkg --pack-destination "$work" --silent >/dev/null
tarball="$work/omise-wasm-$version.tgz"
[ -f "$tarball" ] || { echo "consumers: npm pack wrote no $tarball" >&2; exit 1; }
echo "consumers: packed $(basename "$tarball") ($(wc -c <"$tarball") bytes)"

# The tarball as npm and TypeScript see it: publint (package.json, exports, files) and
# Are The Types Wrong (every module resolution mode), both with no problem allowed.
publint --strict "$tarball"
attw --no-color --format table-flipped "$tarball"
# No `any` in the public types.
if grep -nE ':\s*any\b|=>\s*any\b|<any>|any\[\]' pkg/*/*.d.ts pkg/node/*.d.*ts; then
  echo "consumers: the declarations above use any" >&2; exit 1
fi
echo "consumers: no any in the declarations"

start_emulator
trap cleanup EXIT INT TERM  # again: replaces start_emulator's trap; cleanup stops the emulator too
echo "consumers: emulator at $EMU_URL"

files=(tests/consumers/*.test.mjs)
if [ -n "${CONSUMERS:-}" ]; then
  IFS=, read -ra names <<<"$CONSUMERS"
  files=("${names[@]/#/tests/consumers/}")
  files=("${files[@]/%/.test.mjs}")
fi
# One file at a time: the framework builds each want both cores.
start=$SECONDS
OMISE_WASM_TARBALL="$tarball" OMISE_EMULATOR_URL="$EMU_URL" OMISE_CONSUMERS_TMP="$work" \
  node --test --test-concurrency=1 "${files[@]}"
echo "consumers: ${#files[@]} consumer files in $((SECONDS - start)) s"
