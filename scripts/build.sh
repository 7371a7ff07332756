#!/usr/bin/env bash
# make build: writes the npm package to pkg/ from pkg-template/ and two wasm-pack builds
# (--target web for browsers and bundlers, --target nodejs for Node), each .wasm shrunk
# with binaryen's wasm-opt from node_modules (wasm-pack's own wasm-opt is off in Cargo.toml
# so that it downloads nothing). Prints the gzipped size of the browser wasm + JS glue.
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

out=$root/target/wasm-pack
stage=$root/target/pkg-staging
rm -rf "$stage"
mkdir -p "$out" "$stage/web" "$stage/node"

# Both builds share the cargo cache: the second one only re-runs wasm-bindgen.
for t in web nodejs; do
  say "wasm-pack --target $t"
  rm -rf "$out/$t"
  wasm-pack --quiet build --release --target "$t" --out-dir "$out/$t" --no-pack --mode no-install >&2
done

# Features the wasm32 target of current Rust emits and every engine of engines.node/ES2022 has.
opt_flags=(-Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
say "wasm-opt -Oz"
wasm-opt "${opt_flags[@]}" "$out/web/omise_wasm_bg.wasm" -o "$stage/web/omise_wasm_bg.wasm"
if cmp -s "$out/web/omise_wasm_bg.wasm" "$out/nodejs/omise_wasm_bg.wasm"; then
  # wasm-bindgen wrote the same module for both targets: optimise it once.
  cp "$stage/web/omise_wasm_bg.wasm" "$stage/node/omise_wasm_bg.wasm"
else
  wasm-opt "${opt_flags[@]}" "$out/nodejs/omise_wasm_bg.wasm" -o "$stage/node/omise_wasm_bg.wasm"
fi

# Browser entry: the ES module wasm-bindgen wrote, minified (oxc, through rolldown from
# node_modules) because it is what every page downloads: 7.6 KB gzipped as written,
# 5.1 KB minified. Its documentation lives on in omise_wasm.d.ts.
cp "$out/web/omise_wasm.d.ts" "$stage/web/"
rolldown "$out/web/omise_wasm.js" --minify --keepNames --format esm --file "$stage/web/omise_wasm.js" >/dev/null
# Node entry: wasm-bindgen's CommonJS module as .cjs (pkg/ is "type": "module"), and
# the ES module wrapper from pkg-template/ that re-exports it with a no-op init.
sed 's|@ts-self-types="./omise_wasm.d.ts"|@ts-self-types="./omise_wasm.d.cts"|' \
  "$out/nodejs/omise_wasm.js" >"$stage/node/omise_wasm.cjs"
cp "$out/nodejs/omise_wasm.d.ts" "$stage/node/omise_wasm.d.cts"
cp pkg-template/node/* "$stage/node/"
# wasm-bindgen declares `[Symbol.dispose]()` on every class; without this reference a
# project whose lib lacks esnext.disposable (and has no @types/node) fails to type-check.
for f in "$stage/web/omise_wasm.d.ts" "$stage/node/omise_wasm.d.cts"; do
  grep -q 'Symbol.dispose' "$f" && sed -i '1i /// <reference lib="esnext.disposable" />' "$f"
done
cp pkg-template/LICENSE pkg-template/README.md "$stage/"

# package.json: pkg-template/package.json with name, version, description, license and
# repository from Cargo.toml.
cargo metadata --no-deps --format-version 1 --offline >"$stage/.metadata.json"
node -e '
  const fs = require("fs");
  const [tpl, meta, dest] = process.argv.slice(1);
  const crate = JSON.parse(fs.readFileSync(meta, "utf8")).packages.find(p => p.name === "omise-wasm");
  const pkg = JSON.parse(fs.readFileSync(tpl, "utf8"));
  const out = { name: crate.name, version: crate.version, description: crate.description,
                license: crate.license, repository: { type: "git", url: "git+" + crate.repository + ".git" },
                ...pkg };
  fs.writeFileSync(dest, JSON.stringify(out, null, 2) + "\n");
' pkg-template/package.json "$stage/.metadata.json" "$stage/package.json"
rm "$stage/.metadata.json"

# Size of what a browser downloads: the wasm and its JS glue, each gzipped (-9).
wasm_gz=$(gzip -9c "$stage/web/omise_wasm_bg.wasm" | wc -c)
js_gz=$(gzip -9c "$stage/web/omise_wasm.js" | wc -c)
total=$((wasm_gz + js_gz))
kb=$(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1024 }')
sed -i "s|^\*\*Bundle size:\*\*.*|**Bundle size:** ${kb} KiB gzipped (${total} bytes: wasm ${wasm_gz} + JS glue ${js_gz}), measured by the build of this version.|" \
  "$stage/README.md"

# Swap the finished package in whole, so a failed build never leaves half a pkg/.
old=$root/target/pkg-old
rm -rf "$old"
if [ -d pkg ]; then mv pkg "$old"; fi
mv "$stage" pkg
rm -rf "$old"

say "wrote pkg/ (omise-wasm $(node -p 'require("./pkg/package.json").version'))"
echo "gzipped size (browser wasm + JS glue): $total bytes (wasm $wasm_gz, JS $js_gz)"
