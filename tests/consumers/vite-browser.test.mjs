// Consumer 3: a Vite app that does `import init, { Omise } from 'omise-wasm'; await init();`,
// built for production (`vite build`), served from 127.0.0.1 by a tiny static server that
// also plays the merchant's proxy (/omise/* -> the emulator, adding the secret key on the
// server side), and opened in headless Chromium. The page lists disputes through the proxy
// (the recommended set-up: no key in the page), uploads a document through it with
// progress, checks that a secret key is refused in a browser, and lists disputes straight
// from the emulator with dangerouslyAllowSecretKeyInBrowser (which sends CORS headers).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { freshProject, run, requireEnv, REPO, EMU, KEY } from './helpers.mjs';

const VITE = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>omise-wasm in Vite</title></head>
  <body>
    <main id="app" data-state="loading">
      <p>Disputes: <span id="count"></span></p>
      <p>First: <span id="first"></span></p>
    </main>
    <script type="module" src="/src/main.js"></script>
  </body>
</html>
`;

const MAIN_JS = `
import init, { Omise } from 'omise-wasm';

const app = document.getElementById('app');
const api = new URLSearchParams(location.search).get('api');
// The smallest valid-looking PNG header: the library checks the first bytes.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function main() {
  await init();
  const result = {};

  // The merchant's proxy at /omise adds the key; the page never sees it.
  const omise = new Omise({ baseUrl: '/omise' });
  const list = await omise.disputes.list({ limit: 5 });
  document.getElementById('count').textContent = String(list.total);
  document.getElementById('first').textContent = list.data[0].id;
  result.list = { object: list.object, total: list.total, ids: list.data.map((d) => d.id) };

  const progress = [];
  // Evidence can only be attached to an open dispute.
  const open = await omise.disputes.listOpen({ limit: 1 });
  const doc = await omise.documents.upload(open.data[0].id, new Blob([PNG], { type: 'image/png' }), {
    kind: 'proof_of_receipt', filename: 'receipt.png', onProgress: (e) => progress.push([e.loaded, e.total]),
  });
  result.upload = { object: doc.object, id: doc.id, filename: doc.filename, progress };

  try {
    new Omise({ secretKey: 'skey_test_emulator', baseUrl: api });
    result.refused = null;
  } catch (e) {
    result.refused = { name: e.name, code: e.code, message: e.message };
  }

  const direct = new Omise({ secretKey: 'skey_test_emulator', baseUrl: api, dangerouslyAllowSecretKeyInBrowser: true });
  const page = await direct.disputes.listOpen({ limit: 3 });
  result.direct = { object: page.object, total: page.total, statuses: page.data.map((d) => d.status) };

  try {
    await omise.disputes.retrieve('dspt_test_0nosuchdispute000000');
  } catch (e) {
    result.notFound = { name: e.name, code: e.code, status: e.status };
  }

  app.dataset.result = JSON.stringify(result);
  app.dataset.state = 'done';
}

main().catch((e) => {
  app.dataset.result = JSON.stringify({ name: e && e.name, code: e && e.code, message: String(e && e.message) });
  app.dataset.state = 'error';
});
`;

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
};

/** Serves dist/ and proxies /omise/* to the emulator with the key, as a merchant's server would. */
function serve(dist) {
  const auth = 'Basic ' + Buffer.from(`${KEY}:`).toString('base64');
  const upstream = new URL(EMU);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname.startsWith('/omise/')) {
      const headers = { authorization: auth };
      for (const h of ['content-type', 'content-length', 'omise-version', 'accept']) {
        if (req.headers[h]) headers[h] = req.headers[h];
      }
      const up = httpRequest({
        host: upstream.hostname, port: upstream.port, method: req.method,
        path: url.pathname.slice('/omise'.length) + url.search, headers,
      }, (upRes) => {
        res.writeHead(upRes.statusCode, { 'content-type': upRes.headers['content-type'] ?? 'application/json' });
        upRes.pipe(res);
      });
      up.on('error', () => { res.writeHead(502); res.end(); });
      req.pipe(up);
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dist, rel === '/' ? 'index.html' : rel);
    try {
      if (!(await stat(file)).isFile()) file = join(dist, 'index.html');
    } catch {
      res.writeHead(404); res.end(); return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let dir, server, context, userDataDir;
before(async () => {
  requireEnv();
  dir = await freshProject('consumer-vite', { 'index.html': INDEX_HTML, 'src/main.js': MAIN_JS });
});

after(async () => {
  await context?.close();
  server?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

test('vite build bundles the package and emits its .wasm', async () => {
  const { stdout } = await run(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: dir });
  const assets = await readdir(join(dir, 'dist', 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `no .wasm among ${assets} ${stdout}`);
  assert.ok(assets.some((f) => f.endsWith('.js')));
});

test('the built app lists disputes from the emulator in headless Chromium', async () => {
  server = await serve(join(dir, 'dist'));
  const origin = `http://127.0.0.1:${server.address().port}`;
  userDataDir = await mkdtemp(join(tmpdir(), 'omise-wasm-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  // Nothing may leave 127.0.0.1.
  const elsewhere = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1') return route.continue();
    elsewhere.push(u.href);
    return route.abort();
  });
  const page = context.pages()[0] ?? await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  await page.goto(`${origin}/?api=${encodeURIComponent(EMU)}`);
  await page.waitForSelector('#app[data-state="done"], #app[data-state="error"]', { timeout: 60_000 });
  const state = await page.getAttribute('#app', 'data-state');
  const result = JSON.parse(await page.getAttribute('#app', 'data-result'));
  assert.equal(state, 'done', `the page failed: ${JSON.stringify(result)} ${pageErrors}`);

  // What the emulator holds, asked directly.
  const auth = { authorization: 'Basic ' + Buffer.from(`${KEY}:`).toString('base64') };
  const expected = await (await fetch(`${EMU}/disputes?limit=5`, { headers: auth })).json();

  assert.equal(await page.textContent('#count'), String(expected.total));
  assert.equal(await page.textContent('#first'), expected.data[0].id);
  assert.equal(result.list.object, 'list');
  assert.deepEqual(result.list.ids, expected.data.map((d) => d.id));

  assert.equal(result.upload.object, 'document');
  assert.match(result.upload.id, /^docu_[0-9a-z_]+$/);
  assert.equal(result.upload.filename, 'receipt.png');
  assert.ok(result.upload.progress.length > 0, 'onProgress was called');
  const [loaded, total] = result.upload.progress.at(-1);
  assert.equal(loaded, total, 'the last progress event has loaded === total');

  assert.equal(result.refused?.name, 'OmiseValidationError');
  assert.equal(result.refused?.code, 'secret_key_in_browser');
  assert.ok(!result.refused.message.includes(KEY), 'the error does not show the key');

  assert.equal(result.direct.object, 'list');
  assert.equal(typeof result.direct.total, 'number');
  assert.ok(result.direct.statuses.every((s) => s === 'open'));

  assert.deepEqual(result.notFound, { name: 'OmiseApiError', code: 'not_found', status: 404 });
  assert.deepEqual(elsewhere, [], 'the page talked to an address other than 127.0.0.1');
  assert.deepEqual(pageErrors, []);
});
