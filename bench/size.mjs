// What the browser wasm is made of: the optimised module (same wasm-opt flags as the
// build, plus -g to keep function names) broken down by twiggy, grouped by crate.
// Usage: node size.mjs WASM_BEFORE_WASM_OPT   (writes bench-output/size.json)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, writeResult, log } from './lib.mjs';

const input = process.argv[2];
const flags = fs.readFileSync(path.join(root, 'scripts/wasm-opt.flags'), 'utf8').split(/\s+/).filter(Boolean);
const named = path.join(os.tmpdir(), `omise-wasm-named-${process.pid}.wasm`);
execFileSync('wasm-opt', [...flags, '-g', input, '-o', named], { stdio: 'inherit' });
const items = JSON.parse(execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'json', named], { encoding: 'utf8', maxBuffer: 1 << 28 }));
fs.rmSync(named);

// A crate name from a (demangled) item name: `<talc::Talc<…> as …>::malloc` -> talc.
function crateOf(name) {
  if (/^"function names"|^"local names"|^custom section|name section/.test(name)) return null; // added by -g
  if (/^data\[|^data segment/.test(name)) return 'data (strings, tables)';
  if (/ (multivalue|externref) shim$|^__wbg|^__wbindgen|^__externref|^wasm-bindgen/.test(name)) return 'wasm_bindgen (export/import shims)';
  if (/^(elem|table|global|import|export|type|memory)\[|^"function names"|^custom section|^wasm magic|^exports|^imports/.test(name)) return 'wasm structure';
  if (/^code\[/.test(name)) return 'unnamed functions';
  const m = name.replace(/^[<&*\s]+(dyn |mut )?/, '').match(/^([a-zA-Z_][a-zA-Z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  if (m) return m[1];
  if (/^(memcpy|memmove|memset|memcmp|__)/.test(name)) return 'compiler_builtins';
  return 'exports and runtime (__externref_*, exported functions)';
}
const groups = new Map();
let total = 0;
for (const it of items) {
  const bytes = it.shallow_size;
  const c = crateOf(it.name);
  if (c === null) continue;
  total += bytes;
  groups.set(c, (groups.get(c) ?? 0) + bytes);
}
const crates = [...groups].sort((a, b) => b[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes, share: bytes / total }));
const biggest = items.filter((it) => crateOf(it.name) !== null && !/^(data|code)\[/.test(it.name)).sort((a, b) => b.shallow_size - a.shallow_size)
  .slice(0, 12).map((it) => ({ name: it.name.slice(0, 110), bytes: it.shallow_size }));
for (const c of crates.slice(0, 10)) log(`size: ${c.crate} ${c.bytes} bytes (${(100 * c.share).toFixed(1)}%)`);
writeResult('size', { total, crates, biggest });
