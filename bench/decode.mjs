// Decode cost: from a 100-dispute list body to what the caller receives, versus
// JSON.parse of that body alone. globalThis.fetch is replaced in this process by a mock
// that answers every request at once with `new Response(body)`, so omise-wasm's time is
// its own whole path per call (validation, headers, signal, Response.text, JSON.parse,
// the shape check), with no network. A third variant, the same mock fetch followed by
// text() + JSON.parse (what a bare fetch client does), separates the cost of going through
// a Response from the library's own; a fourth, JSON.parse followed by the library's shape
// check (src/js/check.js, as shipped), is the decode step alone. Runs are interleaved in rounds (order rotating).
// Usage: node decode.mjs --url EMULATOR_URL [--rounds 30] [--per 50]
import { loadOmiseWasm, KEY, control, now, summary, writeResult, arg, basicAuth, log } from './lib.mjs';

const base = arg('url');
const ROUNDS = Number(arg('rounds', 30));
const PER = Number(arg('per', 50));
const WARMUP_ROUNDS = 5;

// One fixed body: a real 100-dispute page from the emulator.
const res = await fetch(`${base}/disputes?limit=100`, { headers: { Authorization: basicAuth } });
const body = await res.text();
await control(base, 'DELETE', 'requests');
if (JSON.parse(body).data.length !== 100) throw new Error('decode: expected 100 disputes');

const { Omise, memory } = await loadOmiseWasm();
// The check every response goes through, as shipped (compiled from the Rust tables).
const { omiseCheck } = await import('../src/js/check.js');
const realFetch = globalThis.fetch;
let fetched = 0;
globalThis.fetch = async () => {
  fetched++;
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
};
const omise = new Omise({ secretKey: KEY, baseUrl: 'http://127.0.0.1:9' });

let sink = 0;
const variants = {
  'JSON.parse': async () => { sink += JSON.parse(body).data.length; },
  // The library's decode step alone: the same parse, then the shape check in place.
  'JSON.parse + shape check': async () => {
    const o = JSON.parse(body);
    if (omiseCheck(o, 'dispute', true, '/disputes') !== undefined) throw new Error('decode: the check refused the body');
    sink += o.data.length;
  },
  'mock fetch + text() + JSON.parse': async () => {
    const r = await fetch('http://127.0.0.1:9/disputes?limit=100', { headers: { Accept: 'application/json' } });
    sink += JSON.parse(await r.text()).data.length;
  },
  'omise-wasm disputes.list': async () => { sink += (await omise.disputes.list({ limit: 100 })).data.length; },
};
const names = Object.keys(variants);
const perCall = Object.fromEntries(names.map((n) => [n, []]));
const memBefore = memory.buffer.byteLength;
for (let r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(r + WARMUP_ROUNDS + k) % names.length];
    const t0 = now();
    for (let i = 0; i < PER; i++) await variants[name]();
    const dt = (now() - t0) / PER;
    if (r >= 0) perCall[name].push(dt);
  }
}
globalThis.fetch = realFetch;
if (sink === 0 || fetched === 0) throw new Error('decode: nothing ran');

const stats = Object.fromEntries(names.map((n) => [n, summary(perCall[n])]));
for (const n of names) log(`decode: ${n} median ${stats[n].median.toFixed(3)} ms per call`);
writeResult('decode', {
  rounds: ROUNDS, per: PER, bodyBytes: Buffer.byteLength(body), stats,
  wasmMemory: { before: memBefore, after: memory.buffer.byteLength },
});
