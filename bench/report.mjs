// Writes bench-output/results.md from the phases' JSON files: one markdown table and
// the machine it ran on. Run by scripts/bench.sh (which passes RUSTC_VERSION and
// BENCH_SECONDS); prints nothing itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { out } from './lib.mjs';

const read = (name) => {
  const f = path.join(out, `${name}.json`);
  return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null;
};
const bundle = read('bundle');
const overhead = read('overhead');
const decode = read('decode');
const upload = read('upload');
const iterate = read('iterate');
const cold = read('cold');
const browser = read('browser');
const size = read('size');
const demoLoad = read('demo-load');

const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3)) + ' ms';
const x = (a, b) => (a / b).toFixed(2) + '×';
const mib = (b) => (b / 1048576).toFixed(2) + ' MiB';
const na = '—';

const rows = [];
const row = (...cells) => rows.push(`| ${cells.join(' | ')} |`);

if (bundle) {
  const used = bundle.wasm + bundle.js;
  row('Bundle: browser wasm + JS glue, gzip -9',
    `**${int(used)} / ${int(bundle.budget)} bytes** (${(100 * used / bundle.budget).toFixed(1)}%; wasm ${int(bundle.wasm)} + JS ${int(bundle.js)})`,
    na, na, `${int(bundle.budget - used)} bytes left`);
}
if (overhead) {
  const s = overhead.stats;
  const title = `Per call, ${int(overhead.n)} × \`disputes.list({limit: 100})\` sequential, round-robin`;
  for (const k of ['median', 'p99']) {
    const ratios = [`${x(s['omise-wasm'][k], s.fetch[k])} fetch`];
    if (s.omise) ratios.push(`${x(s['omise-wasm'][k], s.omise[k])} omise`);
    row(`${title}: ${k}`, ms(s['omise-wasm'][k]), ms(s.fetch[k]) + ' (fetch + JSON.parse)',
      s.omise ? ms(s.omise[k]) : 'not run (node_modules/omise missing)', ratios.join(', '));
  }
}
if (decode) {
  const s = decode.stats;
  const w = s['omise-wasm disputes.list'].median;
  const p = s['JSON.parse'].median;
  const f = s['mock fetch + text() + JSON.parse'].median;
  const c = s['JSON.parse + shape check']?.median;
  if (c !== undefined) {
    row(`Decode a 100-dispute body (${int(decode.bodyBytes)} bytes): JSON.parse + the shape check, median per call`,
      ms(c), `${ms(p)} (JSON.parse alone)`, na, `${x(c, p)} JSON.parse`);
  }
  row(`Decode a 100-dispute body, the whole call with a mock fetch (validation, headers, signal, Response, parse, check)`,
    ms(w), `${ms(f)} (mock fetch + text() + JSON.parse)`, na,
    `${x(w, f)} fetch + parse; ${x(w, p)} JSON.parse alone`);
}
if (upload) {
  const s = upload.stats;
  const b = s['omise-wasm documents.upload (Blob)'].median;
  const u = s['omise-wasm documents.upload (Buffer)'].median;
  const f = s['fetch + FormData (Blob)'].median;
  row(`Upload a 10 MiB PDF, median of ${upload.n}`, `${ms(b)} (Blob); ${ms(u)} (Buffer)`,
    ms(f) + ' (fetch + FormData)', na, `${x(b, f)} (Blob), ${x(u, f)} (Buffer)`);
  const m = upload.wasmMemory;
  row('Upload: wasm memory over all uploads', `${mib(m.before)} → ${mib(m.after)} (growth ${int(m.after - m.before)} bytes)`, na, na, na);
}
if (iterate) {
  const s = iterate.stats;
  const w = s['omise-wasm disputes.iterate'].median;
  const f = s['fetch loop'].median;
  row(`Iterate ${int(iterate.items)} disputes, \`limit: 100\`, median of ${iterate.runs}`,
    `${int(w)} items/s`, `${int(f)} items/s (fetch loop)`, na, `${x(w, f)} the throughput`);
  const m = iterate.wasmMemory;
  row('Iterate: wasm memory before → after', `${mib(m.before)} → ${mib(m.after)} (growth ${int(m.after - m.before)} bytes)`, na, na, na);
}
if (cold) {
  const s = cold.stats;
  const title = `Cold start: load + construct + first call, fresh process, median of ${cold.n}`;
  const wi = s['wasm-import'], wr = s['wasm-require'], f = s.fetch, o = s.omise;
  row(title, `${ms(wi.inScript.median)} (import); ${ms(wr.inScript.median)} (require)`,
    ms(f.inScript.median) + ' (fetch + JSON.parse)', o ? ms(o.inScript.median) : 'not run',
    o ? `${x(wi.inScript.median, o.inScript.median)} omise (import), ${x(wr.inScript.median, o.inScript.median)} (require)` : na);
  row('Cold start: of which load / first call (import)',
    `${ms(wi.load.median)} / ${ms(wi.firstCall.median)}`, `${ms(f.load.median)} / ${ms(f.firstCall.median)}`,
    o ? `${ms(o.load.median)} / ${ms(o.firstCall.median)}` : na, na);
  row('Cold start: whole process, spawn to exit',
    `${ms(wi.wall.median)} (import); ${ms(wr.wall.median)} (require)`, ms(f.wall.median),
    o ? ms(o.wall.median) : na, o ? `${x(wi.wall.median, o.wall.median)} omise` : na);
}

if (browser) {
  const s = browser.stats;
  for (const k of ['median', 'p99']) {
    row(`Browser (${browser.browser}, same-origin proxy): ${int(browser.n)} × \`disputes.list({limit: 100})\`, round-robin in batches of 10: ${k} of the batch means`,
      ms(s['omise-wasm'][k]), ms(s.fetch[k]) + ' (fetch + JSON.parse)', na, `${x(s['omise-wasm'][k], s.fetch[k])} fetch`);
  }
  const d = browser.decode;
  const w = d['omise-wasm disputes.list'].median, p = d['JSON.parse'].median, f = d['mock fetch + text() + JSON.parse'].median;
  const c = d['JSON.parse + shape check']?.median;
  if (c !== undefined) {
    row(`Browser: decode a 100-dispute body (${int(browser.bodyBytes)} bytes): JSON.parse + the shape check, median per call`,
      ms(c), `${ms(p)} (JSON.parse alone)`, na, `${x(c, p)} JSON.parse`);
  }
  row('Browser: the whole call with a mock fetch, median per call',
    ms(w), `${ms(f)} (mock fetch + text() + JSON.parse)`, na,
    `${x(w, f)} fetch + parse; ${x(w, p)} JSON.parse alone`);
}
if (demoLoad) {
  const s = demoLoad.stats;
  row(`Demo dashboard: navigation to the first list (headless Chromium, loopback), median of ${demoLoad.n}`,
    `${ms(s.cold.median)} (cold cache); ${ms(s.warm.median)} (warm: reload, 304s)`, na, na, na);
}

const cpu = os.cpus();
let osName = `${os.type()} ${os.release()}`;
try {
  const rel = fs.readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m);
  if (rel) osName = `${rel[1]} (${os.type()} ${os.release()}, ${os.arch()})`;
} catch {}
const machine = [
  `CPU: ${cpu[0]?.model?.trim() ?? 'unknown'}`,
  `${os.availableParallelism?.() ?? cpu.length} cores`,
  `memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `OS: ${osName}`,
  `Node ${process.version}`,
  process.env.RUSTC_VERSION || 'rustc unknown',
  `date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
].join('; ');

const sizeTable = size ? `
What the browser wasm holds (twiggy over the optimised module with names kept; shallow
bytes before gzip, ${int(size.total)} in all):

| part | bytes | share |
|---|---|---|
${size.crates.map((c) => `| ${c.crate} | ${int(c.bytes)} | ${(100 * c.share).toFixed(1)}% |`).join('\n')}

Largest functions: ${size.biggest.slice(0, 6).map((b) => `\`${b.name.replace(/\[[0-9a-f]{16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '')}\` ${int(b.bytes)}`).join('; ')}.
` : '';

const md = `# omise-wasm benchmarks

| benchmark | omise-wasm | bare fetch / JSON.parse | official \`omise\` | ratio (omise-wasm ÷ other) |
|---|---|---|---|---|
${rows.join('\n')}

Machine: ${machine}.
${sizeTable}
One run of \`make bench\`${process.env.BENCH_SECONDS ? ` (${process.env.BENCH_SECONDS} s, build included)` : ''}, against local emulators on 127.0.0.1. Clients
take turns within each phase (round-robin, order rotating, after a warm-up), so machine
noise falls on all of them alike. Times are wall-clock; ratios above 1 mean omise-wasm is
slower (for throughput: below 1 means fewer items per second). Wasm memory is the
instance's \`WebAssembly.Memory\` size (it never shrinks). Numbers vary from run to run
and machine to machine; they are reported, not asserted.
`;
fs.writeFileSync(path.join(out, 'results.md'), md);
