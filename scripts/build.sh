#!/usr/bin/env bash
# make build: writes the npm package to pkg/ from one wasm-pack build (--target web),
# shrunk with binaryen's wasm-opt from node_modules (wasm-pack's own wasm-opt is off in
# Cargo.toml so that it downloads nothing), then assembled by scripts/build-package.mjs
# (one entry per runtime, one .wasm). Prints the gzipped size of what a browser loads.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { echo "build: $*" >&2; }

# Builds started at the same time (make test, make demo, an editor) share target/ and
# pkg/: take turns.
mkdir -p target
exec 9>target/.pkg-build.lock
if ! flock -n 9; then
  say "waiting for another build of pkg/ to finish"
  flock 9
fi

glue=$root/target/wasm-pack/web
stage=$root/target/pkg-staging
rm -rf "$stage" "$glue"
mkdir -p "$stage"

# The .wasm names no machine path: the cargo registry's location (panic locations of
# dependencies) is remapped, so the package is the same whoever builds it.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
export CARGO_ENCODED_RUSTFLAGS="--remap-path-prefix=$cargo_home/registry/src=crates"$'\x1f'"--remap-path-prefix=$cargo_home/git/checkouts=git"$'\x1f'"--remap-path-prefix=$root=."
say "wasm-pack --target web"
wasm-pack --quiet build --release --target web --out-dir "$glue" --no-pack --mode no-install >&2

# scripts/wasm-opt.flags (make bench reads them too): -Oz, the features the wasm32 target
# of current Rust emits and every engine of engines.node/ES2022 has, and
# --low-memory-unused and --zero-filled-memory, which state what holds for Rust's output
# (nothing lives below address 1024; the module's own memory starts zeroed).
say "wasm-opt -Oz"
# shellcheck disable=SC2046 # one flag per word
wasm-opt $(cat scripts/wasm-opt.flags) \
  "$glue/omise_wasm_bg.wasm" -o "$glue/omise_wasm_bg.opt.wasm"

say "assembling the entries"
node scripts/build-package.mjs "$glue" "$stage" "$glue/omise_wasm_bg.opt.wasm"

# Size of what a browser downloads: the wasm and the browser entry (the JS glue that
# loads it), each gzipped (-9).
wasm_gz=$(gzip -9c "$stage/web/omise_wasm_bg.wasm" | wc -c)
js_gz=$(gzip -9c "$stage/web/index.js" | wc -c)
total=$((wasm_gz + js_gz))
kb=$(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1024 }')
sed -i "s|^\*\*Bundle size:\*\*.*|**Bundle size:** ${kb} KiB gzipped (${total} bytes: wasm ${wasm_gz} + JS glue ${js_gz}), measured by the build of this version.|" \
  "$stage/README.md"

# A published package names no machine: no path of this one in any file of it.
if grep -r -l -a -F -e "$cargo_home/" -e "$root/" -e "$HOME/" "$stage"; then
  say "the files above name a path of this machine"
  exit 1
fi

# Swap the finished package in whole, so a failed build never leaves half a pkg/.
old=$root/target/pkg-old
rm -rf "$old"
if [ -d pkg ]; then mv pkg "$old"; fi
mv "$stage" pkg
rm -rf "$old"

say "wrote pkg/ (omise-wasm $(node -p 'require("./pkg/package.json").version'))"
echo "gzipped size (browser wasm + JS glue): $total bytes (wasm $wasm_gz, JS $js_gz)"
