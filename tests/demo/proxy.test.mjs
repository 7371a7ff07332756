// The demo server and its key-holding proxy, as another site, a rebinding DNS name and a
// flood of uploads would meet it: real HTTP against a fresh emulator and demo server,
// and a page on another origin in chromium.

import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { startStack, newPage, makePdf, KEY } from './harness.mjs';

let stack;
let origin;
before(async () => {
  stack = await startStack();
  origin = new URL(stack.url).origin;
});
after(async () => { await stack?.stop(); });
beforeEach(async () => {
  await stack.control('POST', 'reset');
  await stack.control('DELETE', 'requests');
  await stack.control('DELETE', 'faults');
});

/** One raw HTTP/1.1 request (Node's fetch will not send a forged Host); resolves with status, headers, body. */
function raw({ method = 'GET', path = '/', headers = {}, body }) {
  const { hostname, port } = new URL(stack.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path, headers, setHost: headers.Host === undefined }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const openId = async () => (await stack.apiGet('/disputes/open?limit=1')).data[0].id;
const apiWrites = async () => (await stack.control('GET', 'requests')).filter((e) => e.method !== 'GET');

describe('the proxy', () => {
  it('forwards writes from the page\'s own origin only', async () => {
    const id = await openId();
    const patch = (headers) => raw({
      method: 'PATCH', path: `/omise/disputes/${id}`, headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ message: 'from elsewhere' }),
    });
    for (const headers of [
      { Origin: 'http://evil.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      {},
    ]) {
      const r = await patch(headers);
      assert.equal(r.status, 403, JSON.stringify(headers));
      assert.equal(JSON.parse(r.body).code, 'forbidden_origin');
    }
    assert.deepEqual(await apiWrites(), [], 'nothing reached the API');
    const ok = await patch({ Origin: origin });
    assert.equal(ok.status, 200);
    assert.equal(JSON.parse(ok.body).status, 'pending');
  });

  it('answers only loopback host names (no DNS rebinding)', async () => {
    const { port } = new URL(stack.url);
    for (const host of [`rebind.example:${port}`, `127.0.0.1.nip.io:${port}`, `localhost.evil.example:${port}`]) {
      const r = await raw({ path: '/omise/disputes?limit=1', headers: { Host: host } });
      assert.equal(r.status, 421, `Host ${host}`);
      const page = await raw({ path: '/', headers: { Host: host } });
      assert.equal(page.status, 421, `the page too, for Host ${host}`);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      assert.equal((await raw({ path: '/omise/disputes?limit=1', headers: { Host: host } })).status, 200, host);
    }
  });

  it('serves only the public folder, with validators and compression', async () => {
    for (const p of ['/server.mjs', '/proxy.mjs', '/%73erver.mjs', '/server.mjs/', '/../server.mjs', '/%2e%2e/server.mjs', '/public/../server.mjs', '/..%2fserver.mjs']) {
      const r = await raw({ path: p });
      assert.equal(r.status, 404, p);
      assert.ok(!r.body.toString().includes('createProxy'), `${p} shows no server code`);
    }
    const first = await raw({ path: '/pkg/omise_wasm_bg.wasm', headers: { 'Accept-Encoding': 'gzip, br' } });
    assert.equal(first.status, 200);
    assert.equal(first.headers['content-type'], 'application/wasm');
    assert.equal(first.headers['content-encoding'], 'br');
    assert.ok(first.headers.etag, 'an ETag');
    assert.equal(zlib.brotliDecompressSync(first.body)[0], 0, 'wasm magic \\0asm');
    const again = await raw({ path: '/pkg/omise_wasm_bg.wasm', headers: { 'If-None-Match': first.headers.etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0, 'not downloaded again');
    const js = await raw({ path: '/js/main.js', headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(js.headers['content-encoding'], 'gzip');
    assert.match(zlib.gunzipSync(js.body).toString(), /startClient/);
    const html = (await raw({ path: '/' })).body.toString();
    assert.match(html, /<link rel="modulepreload" href="\/pkg\/omise_wasm\.js">/);
    assert.match(html, /<link rel="preload" href="\/pkg\/omise_wasm_bg\.wasm" as="fetch"/);
  });

  it('streams an upload to the API (nothing buffered) and caps writes in flight', async () => {
    const id = await openId();
    // The emulator waits before reading the body; the proxy must already be sending it.
    await stack.control('POST', 'faults', { path: `/disputes/${id}/documents`, method: 'POST', stall_body_ms: 3000, count: 12 });
    const pdf = makePdf(64 * 1024);
    const upload = () => {
      const form = new FormData();
      form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'r.pdf');
      return fetch(`${stack.url}omise/disputes/${id}/documents`, { method: 'POST', body: form, headers: { Origin: origin } });
    };
    const results = await Promise.all(Array.from({ length: 12 }, upload));
    const statuses = results.map((r) => r.status).sort();
    assert.equal(statuses.filter((s) => s === 200).length, 8, `8 in flight at most (${statuses})`);
    assert.equal(statuses.filter((s) => s === 503).length, 4, `the rest refused at once (${statuses})`);
    const refused = results.find((r) => r.status === 503);
    assert.equal(refused.headers.get('retry-after'), '1');
    const docs = await stack.apiGet(`/disputes/${id}/documents?limit=100`);
    assert.equal(docs.data.filter((d) => d.filename === 'r.pdf').length, 8);
    await stack.control('DELETE', 'faults');

    // A body that is still arriving is already at the API: the first chunk reaches it
    // before the last is written.
    const started = await new Promise((resolve, reject) => {
      const boundary = 'b0undary';
      const { hostname, port } = new URL(stack.url);
      const sock = net.connect(Number(port), hostname);
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
      const tail = `\r\n--${boundary}--\r\n`;
      const total = head.length + pdf.length + tail.length;
      sock.on('error', reject);
      sock.write(`POST /omise/disputes/${id}/documents HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\n`
        + `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${total}\r\nConnection: close\r\n\r\n`);
      sock.write(head);
      sock.write(pdf.subarray(0, 1024));
      // Until the rest is written, the API has seen the request only if the proxy streams.
      const poll = setInterval(async () => {
        const seen = (await apiWrites()).some((e) => e.path.endsWith('/documents'));
        if (seen) {
          clearInterval(poll);
          sock.write(pdf.subarray(1024));
          sock.end(tail);
          resolve(true);
        }
      }, 50);
      setTimeout(() => { clearInterval(poll); sock.destroy(); resolve(false); }, 5000);
    });
    assert.ok(started, 'the API saw the upload before its body was complete');
  });

  it('cuts off a body past 10 MiB, declared or chunked, and attaches nothing', async () => {
    const id = await openId();
    const before = (await stack.apiGet(`/disputes/${id}/documents`)).total;
    const declared = await raw({
      method: 'POST', path: `/omise/disputes/${id}/documents`,
      headers: { Origin: origin, 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(11 * 1024 * 1024) },
    }).catch((e) => ({ status: e.code }));
    assert.equal(declared.status, 413);
    const chunked = await new Promise((resolve) => {
      const { hostname, port } = new URL(stack.url);
      const req = http.request({
        host: hostname, port, method: 'POST', path: `/omise/disputes/${id}/documents`,
        headers: { Origin: origin, 'Content-Type': 'multipart/form-data; boundary=x', 'Transfer-Encoding': 'chunked' },
      }, (res) => { res.resume(); resolve(res.statusCode); });
      req.on('error', () => resolve('reset'));
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 12 && req.write(chunk)) sent += 1;
        if (sent < 12) req.once('drain', () => { sent += 1; pump(); }); else req.end();
      };
      pump();
    });
    assert.ok(chunked === 413 || chunked === 'reset', `refused (${chunked})`);
    assert.equal((await stack.apiGet(`/disputes/${id}/documents`)).total, before, 'nothing attached');
  });

  it('refuses a cross-origin page: a no-cors fetch and a plain form change nothing', async () => {
    const id = await openId();
    // Another site on another port of this machine.
    const evil = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>evil</title>
<form id=f method=POST enctype="multipart/form-data" action="${stack.url}omise/disputes/${id}/documents">
<input type=hidden name=kind value=proof_of_receipt></form>
<script>
fetch(${JSON.stringify(`${stack.url}omise/disputes/${id}`)}, { method: 'PATCH', mode: 'no-cors',
  headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ message: 'pwned' }) })
  .finally(() => document.getElementById('f').submit());
</script>`);
    });
    await new Promise((r) => evil.listen(0, '127.0.0.1', r));
    try {
      // "localhost" is another origin than the server's 127.0.0.1.
      const evilUrl = `http://localhost:${evil.address().port}/`;
      const { page } = await newPage(stack);
      const navigated = page.waitForURL(/\/omise\//);
      await page.goto(evilUrl);
      await navigated;
      assert.match(await page.textContent('body'), /forbidden_origin/);
      await page.close();
    } finally {
      evil.close();
    }
    assert.deepEqual(await apiWrites(), [], 'no write reached the API');
    assert.equal((await stack.apiGet(`/disputes/${id}`)).status, 'open');
  });

  it('holds the key in the environment only: not in any process\'s command line', async () => {
    const { execFileSync } = await import('node:child_process');
    const ps = execFileSync('ps', ['-o', 'args=', '-p', `${stack.emulator.pid},${stack.server.pid}`], { encoding: 'utf8' });
    const lines = ps.trim().split('\n');
    assert.equal(lines.length, 2, ps);
    assert.ok(/omise-emulator/.test(lines.join()) && /server\.mjs/.test(lines.join()), ps);
    assert.ok(lines.every((l) => !l.includes(KEY)), lines.join('\n'));
  });
});
