// Node's transport (src/js/node-http.js: node:http instead of Node's fetch) gives the
// caller the same answer as the fetch path for every way the emulator can answer: the
// package's Node entry is called twice per case, once as installed and once with a
// stand-in globalThis.fetch (which, like any mock, turns the transport off), and both
// outcomes must match what the case expects.
// Run by make test after the build: node --test tests/node/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KEY = 'skey_test_emulator';
const { Omise, OmiseApiError, OmiseNetworkError, OmiseTimeoutError } = await import(path.join(root, 'pkg/node/index.mjs'));

let emulator;
let base;
const builtInFetch = globalThis.fetch;
let httpRequests = 0;
const request = http.request;

before(async () => {
  // Built by make test's earlier stages (scripts/servers.sh start_emulator).
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, 'target');
  emulator = await startServer(path.join(target, 'release/omise-emulator'), ['--host', '127.0.0.1', '--port', '0']);
  base = emulator.url;
  // Counts the requests that went through node:http (the transport takes the same module).
  http.request = function counted(...args) {
    httpRequests++;
    return request.apply(this, args);
  };
});

after(async () => {
  http.request = request;
  globalThis.fetch = builtInFetch;
  await emulator?.stop();
});

async function control(method, what, body) {
  const res = await builtInFetch(`${base}/__emulator/${what}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${what}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** What a caller can see of a call's outcome. */
function outcome(settled) {
  if (settled.status === 'fulfilled') {
    const v = settled.value;
    return { ok: true, object: v.object, count: v.data?.length, id: v.id };
  }
  const e = settled.reason;
  return {
    ok: false, name: e.name, code: e.code, status: e.status, attempts: e.attempts,
    timeoutMs: e.timeoutMs, messageLength: e instanceof OmiseApiError ? e.message.length : undefined,
  };
}

/**
 * Runs `call(omise)` after queueing `faults`, through the transport and then through
 * fetch; returns both outcomes and how many requests each sent through node:http.
 */
async function both(faults, call, options = {}) {
  const results = {};
  for (const via of ['transport', 'fetch']) {
    await control('POST', 'reset');
    for (const f of faults) await control('POST', 'faults', f);
    globalThis.fetch = via === 'fetch' ? (url, init) => builtInFetch(url, init) : builtInFetch;
    const before = httpRequests;
    const omise = new Omise({ secretKey: KEY, baseUrl: base, ...options });
    const settled = (await Promise.allSettled([call(omise)]))[0];
    globalThis.fetch = builtInFetch;
    results[via] = { ...outcome(settled), viaHttp: httpRequests - before };
  }
  assert.ok(results.transport.viaHttp > 0, 'the transport sent through node:http');
  assert.equal(results.fetch.viaHttp, 0, 'a replaced fetch is used instead of the transport');
  const strip = ({ viaHttp, ...rest }) => rest;
  assert.deepEqual(strip(results.transport), strip(results.fetch), 'same outcome through node:http and fetch');
  return strip(results.transport);
}

const list = (o) => o.disputes.list({ limit: 20 });

test('a list comes back whole and checked', async () => {
  const r = await both([], list);
  assert.deepEqual(r, { ok: true, object: 'list', count: 20, id: undefined });
});

test('an update sends its JSON body', async () => {
  const id = (await new Omise({ secretKey: KEY, baseUrl: base }).disputes.listOpen({ limit: 1 })).data[0].id;
  const r = await both([], (o) => o.disputes.update(id, { message: 'Proof of delivery attached' }));
  assert.equal(r.ok, true);
  assert.equal(r.id, id);
  // Through the transport alone: the server stored the message it was sent.
  await control('POST', 'reset');
  const omise = new Omise({ secretKey: KEY, baseUrl: base });
  const before = httpRequests;
  await omise.disputes.update(id, { message: 'Tracking number 1Z999 attached' });
  const [sent] = (await control('GET', 'requests')).filter((q) => q.method === 'PATCH');
  assert.equal(sent.headers['content-type'], 'application/json');
  assert.equal(sent.body_size, JSON.stringify({ message: 'Tracking number 1Z999 attached' }).length);
  assert.equal((await omise.disputes.retrieve(id)).message, 'Tracking number 1Z999 attached');
  assert.equal(httpRequests, before + 2);
});

test('accept (a PATCH with no body) sends Content-Length: 0, as fetch does', async () => {
  await control('POST', 'reset');
  const omise = new Omise({ secretKey: KEY, baseUrl: base });
  const id = (await omise.disputes.listOpen({ limit: 1 })).data[0].id;
  const r = await both([], (o) => o.disputes.accept(id));
  assert.equal(r.ok, true);
  assert.equal(r.id, id);
  await control('POST', 'reset');
  await omise.disputes.accept(id);
  const [sent] = (await control('GET', 'requests')).filter((q) => q.method === 'PATCH');
  assert.equal(sent.headers['content-length'], '0');
  assert.equal(sent.headers['transfer-encoding'], undefined);
});

test('every broken body is the same typed error', async () => {
  const expected = {
    malformed: 'malformed_response', truncated: 'malformed_response',
    array: 'malformed_response', empty: 'malformed_response', huge20: 'response_too_large',
    huge_gzip: 'response_too_large', gzip_bomb: 'response_too_large',
  };
  for (const [body, code] of Object.entries(expected)) {
    const r = await both([{ path: '/disputes', body, count: 5 }], list, { maxRetries: 0 });
    assert.equal(r.ok, false, body);
    assert.equal(r.name, 'OmiseNetworkError', body);
    assert.equal(r.code, code, body);
  }
});

test('an API error keeps its status and a cut message', async () => {
  const html = await both([{ path: '/disputes', body: 'html', count: 5 }], list, { maxRetries: 0 });
  assert.deepEqual([html.name, html.status, html.code], ['OmiseApiError', 502, 'bad_gateway']);
  const r = await both([{ path: '/disputes', status: 404 }], list);
  assert.deepEqual([r.name, r.status, r.code], ['OmiseApiError', 404, 'not_found']);
  const long = await both([{ path: '/disputes', status: 400, body: 'long_error' }], list);
  assert.equal(long.name, 'OmiseApiError');
  assert.equal(long.messageLength, 1000);
});

test('a GET is retried after 503 and Retry-After: 0', async () => {
  const r = await both([{ path: '/disputes', status: 503, retry_after: '0', count: 2 }], list);
  assert.deepEqual(r, { ok: true, object: 'list', count: 20, id: undefined });
});

test('a redirect is not followed', async () => {
  const r = await both([{ path: '/disputes', status: 302, location: 'http://127.0.0.1:9/elsewhere', count: 5 }], list);
  assert.deepEqual([r.name, r.code, r.status], ['OmiseNetworkError', 'unexpected_redirect', 302]);
});

test('a dropped connection is a network error', async () => {
  const r = await both([{ path: '/disputes', drop: true, count: 5 }], list, { maxRetries: 0 });
  assert.deepEqual([r.name, r.code], ['OmiseNetworkError', 'network']);
});

test('a slow answer times out, and a caller abort is an AbortError', async () => {
  const slow = [{ path: '/disputes', delay_ms: 3000, count: 5 }];
  const r = await both(slow, list, { timeoutMs: 200, maxRetries: 0 });
  assert.deepEqual([r.name, r.timeoutMs], ['OmiseTimeoutError', 200]);
  const aborted = await both(slow, (o) => o.disputes.list({ limit: 20 }, { signal: AbortSignal.timeout(100) }));
  assert.equal(aborted.ok, false);
  assert.equal(aborted.name === 'AbortError' || aborted.name === 'TimeoutError', true, aborted.name);
});

test('a refused connection is a network error', async () => {
  const closed = http.createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));
  for (const via of ['transport', 'fetch']) {
    globalThis.fetch = via === 'fetch' ? (url, init) => builtInFetch(url, init) : builtInFetch;
    const omise = new Omise({ secretKey: KEY, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const e = await omise.disputes.list().catch((x) => x);
    globalThis.fetch = builtInFetch;
    assert.ok(e instanceof OmiseNetworkError, via);
    assert.equal(e.code, 'network', via);
  }
});

test('gzip, deflate and brotli answers are decoded', async () => {
  const zlib = await import('node:zlib');
  const page = await builtInFetch(`${base}/disputes?limit=5`, {
    headers: { authorization: 'Basic ' + Buffer.from(KEY + ':').toString('base64') },
  }).then((r) => r.text());
  const encode = { gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync };
  const asked = [];
  const server = http.createServer((req, res) => {
    const coding = new URL(req.url, 'http://x').pathname.split('/')[1];
    asked.push(req.headers['accept-encoding']);
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding });
    res.end(encode[coding](page));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    for (const coding of Object.keys(encode)) {
      for (const via of ['transport', 'fetch']) {
        globalThis.fetch = via === 'fetch' ? (url, init) => builtInFetch(url, init) : builtInFetch;
        const before = httpRequests;
        const omise = new Omise({ secretKey: KEY, baseUrl: `http://127.0.0.1:${server.address().port}/${coding}` });
        const list = await omise.disputes.list({ limit: 5 });
        globalThis.fetch = builtInFetch;
        assert.equal(list.data.length, 5, `${coding} through ${via}`);
        assert.equal(httpRequests > before, via === 'transport', `${coding} through ${via}`);
      }
    }
  } finally {
    globalThis.fetch = builtInFetch;
    server.close();
  }
  assert.ok(asked.every((a) => /gzip/.test(a)), 'each request asked for a compressed answer');
});

test('a mocked fetch is what the library calls', async () => {
  const page = await builtInFetch(`${base}/disputes?limit=3`, {
    headers: { authorization: 'Basic ' + Buffer.from(KEY + ':').toString('base64') },
  }).then((r) => r.text());
  let seen = null;
  globalThis.fetch = async (url) => {
    seen = String(url);
    return new Response(page, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const before = httpRequests;
  try {
    const got = await new Omise({ secretKey: KEY, baseUrl: 'https://api.example.test' }).disputes.list({ limit: 3 });
    assert.equal(got.data.length, 3);
  } finally {
    globalThis.fetch = builtInFetch;
  }
  assert.equal(seen, 'https://api.example.test/disputes?limit=3');
  assert.equal(httpRequests, before);
});

test('an upload goes through fetch (multipart), the rest through node:http', async () => {
  await control('POST', 'reset');
  const id = (await new Omise({ secretKey: KEY, baseUrl: base }).disputes.listOpen({ limit: 1 })).data[0].id;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const before = httpRequests;
  const omise = new Omise({ secretKey: KEY, baseUrl: base });
  const doc = await omise.documents.upload(id, new Blob([png], { type: 'image/png' }), { filename: 'receipt.png' });
  assert.equal(doc.object, 'document');
  assert.equal(httpRequests, before, 'the upload did not use node:http');
  const docs = await omise.documents.list(id);
  assert.ok(docs.data.some((d) => d.id === doc.id));
  assert.equal(httpRequests, before + 1, 'the list after it did');
});

test('the error classes are the ones exported', async () => {
  const r = await new Omise({ secretKey: KEY, baseUrl: base, timeoutMs: 100, maxRetries: 0 });
  await control('POST', 'reset');
  await control('POST', 'faults', { path: '/disputes', delay_ms: 2000 });
  const e = await r.disputes.list().catch((x) => x);
  assert.ok(e instanceof OmiseTimeoutError);
});
