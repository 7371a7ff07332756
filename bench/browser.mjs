// The per-call and decode benchmarks in headless Chromium: one page, served with the
// package's browser build beside a same-origin proxy to the emulator (the pattern a
// dashboard uses: the page holds no key). In the page, N calls of
// disputes.list({limit: 100}) through omise-wasm and through a bare fetch + JSON.parse of
// the same URL take turns in batches of 10 (order rotating; a sample is a batch's mean); then the decode cost with a mock fetch
// answering a fixed 100-dispute body. Usage: node browser.mjs --url EMULATOR_URL [--n 500]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root, basicAuth, summary, writeResult, arg, log } from './lib.mjs';

const api = new URL(arg('url'));
const N = Number(arg('n', 500));
const web = path.join(root, 'pkg/web');

const page = `<!doctype html><meta charset="utf-8"><title>omise-wasm bench</title>
<script type="module">
import * as lib from '/pkg/index.js'; // what a page imports: ready when the import resolves
import { omiseCheck } from '/check.js'; // the shape check alone, as shipped (src/js/check.js)
window.run = async (n) => {
  if (typeof lib.default === 'function') await lib.default(); // harmless where the module is ready
  const omise = new lib.Omise({ baseUrl: '/omise' });
  const url = '/omise/disputes?limit=100';
  const headers = { Accept: 'application/json', 'Omise-Version': '2019-05-29' };
  const clients = {
    'omise-wasm': () => omise.disputes.list({ limit: 100 }),
    fetch: async () => JSON.parse(await (await fetch(url, { headers })).text()),
  };
  const names = Object.keys(clients);
  const times = Object.fromEntries(names.map((k) => [k, []]));
  // A page's clock ticks in 0.1 ms steps (no cross-origin isolation): each sample is the
  // mean of a batch of 10 calls, which makes the step 10 µs.
  const BATCH = 10;
  for (let i = -5; i < n / BATCH; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + 5 + k) % names.length];
      const t0 = performance.now();
      for (let j = 0; j < BATCH; j++) {
        const list = await clients[name]();
        if (list.data.length !== 100) throw new Error(name + ': expected 100 disputes');
      }
      const dt = (performance.now() - t0) / BATCH;
      if (i >= 0) times[name].push(dt);
    }
  }
  // Decode: the same body from a mock fetch, so only the client's own work is timed.
  const body = await (await fetch(url, { headers })).text();
  const realFetch = window.fetch;
  window.fetch = async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  const decode = {
    'JSON.parse': async () => JSON.parse(body),
    'JSON.parse + shape check': async () => {
      const o = JSON.parse(body);
      if (omiseCheck(o, 'dispute', true, '/disputes') !== undefined) throw new Error('the check refused the body');
      return o;
    },
    'mock fetch + text() + JSON.parse': async () => JSON.parse(await (await fetch(url, { headers })).text()),
    'omise-wasm disputes.list': () => omise.disputes.list({ limit: 100 }),
  };
  const dnames = Object.keys(decode);
  const dtimes = Object.fromEntries(dnames.map((k) => [k, []]));
  for (let r = -5; r < 30; r++) {
    for (let k = 0; k < dnames.length; k++) {
      const name = dnames[(r + 5 + k) % dnames.length];
      const t0 = performance.now();
      for (let j = 0; j < 50; j++) await decode[name]();
      if (r >= 0) dtimes[name].push((performance.now() - t0) / 50);
    }
  }
  window.fetch = realFetch;
  return { times, dtimes, bodyBytes: body.length, userAgent: navigator.userAgent };
};
</script>`;

const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const server = http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  } else if (u.pathname === '/check.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(path.join(root, 'src/js/check.js')));
  } else if (u.pathname.startsWith('/pkg/')) {
    const file = path.join(web, path.normalize(u.pathname.slice(5)));
    if (!file.startsWith(web + path.sep) || !fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  } else if (u.pathname.startsWith('/omise/')) {
    const headers = { ...req.headers, host: api.host, authorization: basicAuth };
    const up = http.request({ host: api.hostname, port: api.port, method: req.method,
      path: u.pathname.slice(6) + u.search, headers }, (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const tab = await browser.newPage();
  await tab.goto(origin + '/');
  await tab.waitForFunction(() => typeof window.run === 'function');
  const { times, dtimes, bodyBytes, userAgent } = await tab.evaluate((n) => window.run(n), N);
  const stats = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, summary(v)]));
  const decode = Object.fromEntries(Object.entries(dtimes).map(([k, v]) => [k, summary(v)]));
  const browserName = userAgent.match(/(HeadlessChrome|Chrome|Firefox)\/[\d.]+/)?.[0] ?? 'Chromium';
  log(`browser (${browserName}): per call median omise-wasm ${stats['omise-wasm'].median.toFixed(3)} ms, fetch ${stats.fetch.median.toFixed(3)} ms; decode ${decode['omise-wasm disputes.list'].median.toFixed(3)} ms vs JSON.parse ${decode['JSON.parse'].median.toFixed(3)} ms`);
  writeResult('browser', { n: N, browser: browserName, bodyBytes, stats, decode });
} finally {
  await browser.close();
  server.close();
}
