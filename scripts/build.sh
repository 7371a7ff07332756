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

# The .wasm names no machine path: the cargo registry's location (panic locations of
# dependencies) is remapped, so the package is the same whoever builds it.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
export CARGO_ENCODED_RUSTFLAGS="--remap-path-prefix=$cargo_home/registry/src=crates"$'\x1f'"--remap-path-prefix=$cargo_home/git/checkouts=git"$'\x1f'"--remap-path-prefix=$root=."
# Both builds share the cargo cache: the second one only re-runs wasm-bindgen.
for t in web nodejs; do
  say "wasm-pack --target $t"
  rm -rf "$out/$t"
  wasm-pack --quiet build --release --target "$t" --out-dir "$out/$t" --no-pack --mode no-install >&2
done

# Features the wasm32 target of current Rust emits and every engine of engines.node/ES2022 has.
# --low-memory-unused and --zero-filled-memory state what holds for Rust's output
# (nothing lives below address 1024; the module's own memory starts zeroed).
opt_flags=(-Oz --converge --low-memory-unused --zero-filled-memory --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
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
GLUE_IN="$out/web/omise_wasm.js" GLUE_OUT="$stage/web/omise_wasm.js" \
  rolldown -c scripts/rolldown.glue.mjs >/dev/null
# Node entry: wasm-bindgen's CommonJS module as .cjs (pkg/ is "type": "module"), and
# the ES module wrapper from pkg-template/ that re-exports it with a no-op init.
sed 's|@ts-self-types="./omise_wasm.d.ts"|@ts-self-types="./omise_wasm.d.cts"|' \
  "$out/nodejs/omise_wasm.js" >"$stage/node/omise_wasm.cjs"
cp "$out/nodejs/omise_wasm.d.ts" "$stage/node/omise_wasm.d.cts"
cp pkg-template/node/* "$stage/node/"
# wasm-bindgen writes inline JS snippets as ES modules and require()s them from its
# CommonJS glue; Node before 20.19 cannot require an ES module, so each snippet goes in
# as a .cjs file (its `export function`s become module.exports) and the glue follows.
# (The browser glue has them bundled in by rolldown above.)
node -e '
  const fs = require("fs"), path = require("path");
  const [from, to, glue] = process.argv.slice(1);
  let text = fs.readFileSync(glue, "utf8");
  const walk = (dir) => fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]) : [];
  for (const file of walk(path.join(from, "snippets"))) {
    const rel = path.relative(from, file);
    const src = fs.readFileSync(file, "utf8");
    const names = [...src.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
    if (/^\s*(import|export)/m.test(src.replace(/^export function /gm, "function ")))
      throw new Error(rel + ": only `export function` snippets can be turned into CommonJS");
    const out = path.join(to, rel.replace(/\.js$/, ".cjs"));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, src.replace(/^export function /gm, "function ") +
      "\nmodule.exports = { " + names.join(", ") + " };\n");
    const cjs = rel.replace(/\.js$/, ".cjs");
    // require() paths change; the import object keys stay the names the .wasm imports.
    text = text.split("./" + rel).join("./" + cjs).split(`"./${cjs}":`).join(`"./${rel}":`);
  }
  fs.writeFileSync(glue, text);
' "$out/nodejs" "$stage/node" "$stage/node/omise_wasm.cjs"
# node/index.mjs names the exports of the CommonJS build (so that Node need not scan
# it); fail the build if wasm-bindgen exports something it does not name.
node --input-type=module -e '
  import { createRequire } from "node:module";
  const [dir] = process.argv.slice(1);
  const cjs = Object.keys(createRequire(dir + "/")("./omise_wasm.cjs"));
  const esm = Object.keys(await import(dir + "/index.mjs"));
  const missing = cjs.filter((k) => !esm.includes(k));
  if (missing.length) { console.error("node/index.mjs does not export: " + missing.join(", ")); process.exit(1); }
' "$stage/node"
# wasm-bindgen declares `[Symbol.dispose]()` on every class; without this reference a
# project whose lib lacks esnext.disposable (and has no @types/node) fails to type-check.
for f in "$stage/web/omise_wasm.d.ts" "$stage/node/omise_wasm.d.cts"; do
  grep -q 'Symbol.dispose' "$f" && sed -i '1i /// <reference lib="esnext.disposable" />' "$f"
done
# The browser declarations end with `InitOutput`, the raw wasm exports that init()
# resolves to, typed `any`; nothing should call them, so they become `unknown` and the
# public surface has no `any`.
sed -i '/^export interface InitOutput {/,/^}/ s/\bany\b/unknown/g' "$stage/web/omise_wasm.d.ts"
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
