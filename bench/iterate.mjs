// Iteration: disputes.iterate({limit: 100}) over every dispute of an emulator started
// with --disputes 10000, versus a bare fetch loop over the same pages (fetch, text,
// JSON.parse, walk data), runs alternating; throughput in items/s and the wasm memory
// before and after. Usage: node iterate.mjs --url EMULATOR_URL [--runs 3]
import { headersSentBy, loadOmiseWasm, KEY, control, now, summary, writeResult, arg, log } from './lib.mjs';

const base = arg('url');
const RUNS = Number(arg('runs', 3));

const { Omise, memory } = await loadOmiseWasm();
const omise = new Omise({ secretKey: KEY, baseUrl: base });
// The headers omise-wasm sends, read back from the emulator's log, for the bare fetch.
const { headers } = await headersSentBy(base, () => omise.disputes.list({ limit: 1 }));

let sink = 0;
const variants = {
  'omise-wasm disputes.iterate': async () => {
    let n = 0;
    for await (const d of omise.disputes.iterate({ limit: 100 })) { n++; sink += d.amount; }
    return n;
  },
  'fetch loop': async () => {
    let n = 0;
    for (let offset = 0; ; offset += 100) {
      const res = await fetch(`${base}/disputes?offset=${offset}&limit=100`, { headers });
      const page = JSON.parse(await res.text());
      for (const d of page.data) { n++; sink += d.amount; }
      if (page.data.length === 0 || offset + page.data.length >= page.total) break;
    }
    return n;
  },
};
const names = Object.keys(variants);
const rates = Object.fromEntries(names.map((n) => [n, []]));
const memBefore = memory.buffer.byteLength;
let items = 0;
for (let r = -1; r < RUNS; r++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(r + 1 + k) % names.length];
    const t0 = now();
    const n = await variants[name]();
    const dt = (now() - t0) / 1000;
    if (items && n !== items) throw new Error(`${name}: ${n} items, expected ${items}`);
    items = n;
    if (r >= 0) rates[name].push(n / dt);
  }
  await control(base, 'DELETE', 'requests');
}
const memAfter = memory.buffer.byteLength;
const stats = Object.fromEntries(names.map((n) => [n, summary(rates[n])]));
for (const n of names) log(`iterate: ${n} median ${Math.round(stats[n].median)} items/s`);
log(`iterate: ${items} items per run; wasm memory ${memBefore} -> ${memAfter} bytes`);
writeResult('iterate', { runs: RUNS, items, stats, wasmMemory: { before: memBefore, after: memAfter } });
