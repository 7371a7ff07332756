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

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >&2
fi

# The demo's Firefox tests drive Debian's firefox-esr over WebDriver BiDi (no download).
if ! command -v firefox-esr >/dev/null 2>&1; then
  say "installing Debian's firefox-esr"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr >&2
fi

# npm tools (binaryen's wasm-opt, playwright-core, typescript, publint, attw, vite,
# the official omise SDK) exactly as package-lock.json pins them.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools from package-lock.json"
  npm ci --no-audit --no-fund >&2
fi
