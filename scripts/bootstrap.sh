#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there.
# Nothing is downloaded at run time beyond the package registries (crates.io, npm,
# Debian): wasm-pack runs with --mode no-install and finds wasm-bindgen and
# chromedriver on PATH, wasm-opt comes from the npm package binaryen.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "bootstrap: $*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >&2
fi

# wasm-bindgen-cli must match the wasm-bindgen pinned in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "=$want" --locked >&2 \
    || cargo install wasm-bindgen-cli --version "=$want" >&2
fi

if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack (about 4 minutes)"
  cargo install wasm-pack --locked >&2 || cargo install wasm-pack >&2
fi

# geckodriver drives Firefox for `wasm-pack test --firefox` (crates.io has it; nothing
# is downloaded at run time).
if ! command -v geckodriver >/dev/null 2>&1; then
  say "installing geckodriver (about 3 minutes)"
  cargo install geckodriver --locked >&2 || cargo install geckodriver >&2
fi

# Debian's browsers: Chromium (and its driver) and Firefox ESR. apt takes a lock that
# other bootstraps on the same machine wait for.
apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || apt_missing+=(chromium-driver)
command -v firefox-esr >/dev/null 2>&1 || apt_missing+=(firefox-esr)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "installing Debian's ${apt_missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO flock /tmp/apt.lock apt-get update -qq >&2
  $SUDO flock /tmp/apt.lock env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}" >&2
fi

# npm tools (binaryen's wasm-opt, playwright-core, typescript, publint, attw, vite, and
# the runtimes and bundlers of the consumer tests: next, react, wrangler, deno, bun,
# esbuild, rollup, webpack; the official omise SDK) exactly as package-lock.json pins
# them; and Node 22 for wrangler, pinned apart in tests/consumers/node22 so that
# node_modules/.bin/node is not it. Their npm cache also serves the consumer projects.
# node_modules is current when it was installed from this very package-lock.json (its
# hash is kept beside it; file times do not survive checkouts and merges).
for dir in . tests/consumers/node22; do
  lock=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$dir/node_modules/.omise-lock-sha256" 2>/dev/null)" != "$lock" ]; then
    say "installing npm packages from $dir/package-lock.json"
    (cd "$dir" && npm ci --no-audit --no-fund >&2)
    echo "$lock" >"$dir/node_modules/.omise-lock-sha256"
  fi
done
