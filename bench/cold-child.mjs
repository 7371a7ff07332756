// One cold start, in a fresh process: load the client, construct it, make the first call
// (disputes.list({limit: 100})). Prints one JSON line of milliseconds. performance.now()
// counts from the process's start, so `total` includes Node's own startup.
// Usage: node cold-child.mjs (wasm-import | wasm-require | omise | fetch) URL
const t0 = performance.now();
const [mode, base] = process.argv.slice(2);
const KEY = 'skey_test_emulator';
const { createRequire } = await import('node:module');
const require = createRequire(import.meta.url);
const tStart = performance.now();
let client;
let call;
if (mode === 'fetch') {
  // A bare fetch + JSON.parse, for reference: Node loads its fetch (undici) lazily.
  var tLoaded = performance.now();
  const headers = { Authorization: 'Basic ' + Buffer.from(KEY + ':').toString('base64'), 'Omise-Version': '2019-05-29' };
  client = { disputes: { list: async ({ limit }) => JSON.parse(await (await fetch(`${base}/disputes?limit=${limit}`, { headers })).text()) } };
} else if (mode === 'omise') {
  // omise-node reaches the emulator's port through a global http.Agent (see the file).
  const { officialClient } = require('../tests/support/omise-node.cjs');
  require('omise');
  var tLoaded = performance.now();
  client = officialClient(base, KEY);
} else {
  const { Omise } = mode === 'wasm-import'
    ? await import('../pkg/node/index.mjs')
    : require('../pkg/node/omise_wasm.cjs');
  var tLoaded = performance.now();
  client = new Omise({ secretKey: KEY, baseUrl: base });
}
const tConstructed = performance.now();
const list = await client.disputes.list({ limit: 100 });
const tDone = performance.now();
if (list.data.length !== 100) throw new Error('cold: unexpected answer');
console.log(JSON.stringify({
  mode, nodeStartup: t0, load: tLoaded - tStart, construct: tConstructed - tLoaded,
  firstCall: tDone - tConstructed, inScript: tDone - tStart, total: tDone,
}));
