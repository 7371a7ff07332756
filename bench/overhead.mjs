// Per-call overhead in Node: N sequential disputes.list({limit: 100}) through omise-wasm,
// a bare fetch + JSON.parse (same URL, same headers) and the official `omise` SDK, all
// against one emulator. The clients take turns every iteration (the order rotates), so
// machine noise falls on all three alike. Usage: node overhead.mjs --url http://127.0.0.1:PORT
// [--omise] [--n 2000] [--warmup 200]
import { headersSentBy, loadOmiseWasm, require, KEY, control, now, summary, writeResult, arg, log } from './lib.mjs';

const base = arg('url');
const withOmise = process.argv.includes('--omise'); // node_modules/omise is installed
const N = Number(arg('n', 2000));
const WARMUP = Number(arg('warmup', 200));

const { Omise, memory } = await loadOmiseWasm();
const wasm = new Omise({ secretKey: KEY, baseUrl: base });

// The headers omise-wasm sends, read back from the emulator's log, for the bare fetch.
const { headers, query } = await headersSentBy(base, () => wasm.disputes.list({ limit: 100 }));
const url = `${base}/disputes?${query}`;
log(`overhead: ${url}, headers ${Object.keys(headers).join(', ')}`);

const clients = {
  'omise-wasm': () => wasm.disputes.list({ limit: 100 }),
  fetch: async () => {
    const res = await fetch(url, { headers });
    const text = await res.text();
    return JSON.parse(text);
  },
};
if (withOmise) {
  const omise = require('../tests/support/omise-node.cjs').officialClient(base, KEY);
  clients.omise = () => omise.disputes.list({ limit: 100 });
}
const names = Object.keys(clients);

// Same answer from every client (so no one is timing an error path).
for (const name of names) {
  const list = await clients[name]();
  if (list.object !== 'list' || list.data.length !== 100) throw new Error(`${name}: unexpected answer`);
}

const times = Object.fromEntries(names.map((n) => [n, []]));
const memBefore = memory.buffer.byteLength;
for (let i = -WARMUP; i < N; i++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(i + WARMUP + k) % names.length];
    const t0 = now();
    await clients[name]();
    const dt = now() - t0;
    if (i >= 0) times[name].push(dt);
  }
  if (i % 500 === 0) await control(base, 'DELETE', 'requests');
}
await control(base, 'DELETE', 'requests');

const stats = Object.fromEntries(names.map((n) => [n, summary(times[n])]));
for (const n of names) log(`overhead: ${n} median ${stats[n].median.toFixed(3)} ms, p99 ${stats[n].p99.toFixed(3)} ms`);
writeResult('overhead', {
  n: N, warmup: WARMUP, url, stats, omise: withOmise,
  wasmMemory: { before: memBefore, after: memory.buffer.byteLength },
});
