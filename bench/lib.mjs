// Shared helpers of the benchmarks (bench/*.mjs): loading the package as a user would
// while keeping a handle on its wasm memory, statistics, the emulator's control API.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const require = createRequire(import.meta.url);
export const KEY = process.env.OMISE_SECRET_KEY || 'skey_test_emulator';
export const API_VERSION = '2019-05-29';
export const out = path.join(root, 'bench-output');

/**
 * Imports pkg/node/index.mjs (what `import { Omise } from 'omise-wasm'` resolves to in
 * Node) and returns its exports plus `memory`, the instance's WebAssembly.Memory.
 *
 * The nodejs glue keeps `wasm` (the instance's exports) in a module-local variable and
 * does not export it, so the memory is caught here by wrapping WebAssembly.Instance for
 * the duration of the import: the glue calls `new WebAssembly.Instance(module, imports)`
 * once, synchronously, while it is evaluated. Nothing in the package is changed.
 */
export async function loadOmiseWasm() {
  const Original = WebAssembly.Instance;
  let instance = null;
  function Capturing(module, imports) {
    const i = new Original(module, imports);
    instance ??= i;
    return i;
  }
  Capturing.prototype = Original.prototype;
  WebAssembly.Instance = Capturing;
  let mod;
  try {
    mod = await import(path.join(root, 'pkg/node/index.mjs'));
  } finally {
    WebAssembly.Instance = Original;
  }
  if (!instance || !(instance.exports.memory instanceof WebAssembly.Memory)) {
    throw new Error('could not find the wasm memory (was pkg/node loaded before loadOmiseWasm?)');
  }
  return { ...mod, memory: instance.exports.memory };
}

export const basicAuth = 'Basic ' + Buffer.from(KEY + ':').toString('base64');

/**
 * The headers a call of `omise` sent, read back from the emulator's log (with the key
 * put back, since the log redacts it), for a bare fetch to send the same; and the query.
 */
export async function headersSentBy(base, call) {
  await control(base, 'DELETE', 'requests');
  await call();
  const [entry] = await control(base, 'GET', 'requests');
  const headers = {
    Accept: entry.headers.accept,
    'Omise-Version': entry.headers['omise-version'],
    Authorization: basicAuth,
  };
  if (entry.headers['user-agent']) headers['User-Agent'] = entry.headers['user-agent'];
  return { headers, query: entry.query };
}

export async function control(base, method, p) {
  const res = await fetch(`${base}/__emulator/${p}`, { method });
  if (res.status !== 200) throw new Error(`control ${method} ${p}: HTTP ${res.status}`);
  return res.json();
}

export const now = () => performance.now();

export function sorted(xs) {
  return Float64Array.from(xs).sort();
}
/** Nearest-rank percentile of an ascending array. */
export function pct(s, p) {
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}
export function summary(xs) {
  const s = sorted(xs);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { n: xs.length, median: pct(s, 50), p99: pct(s, 99), min: s[0], max: s[s.length - 1], mean };
}

export function writeResult(name, data) {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(data, null, 2) + '\n');
}

export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

export const log = (...a) => console.error('bench:', ...a);
