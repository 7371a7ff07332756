// Browser pages in the consumer tests: a server on 127.0.0.1 that plays the merchant's
// site (a built app's files, or a framework server it forwards to), its Omise proxy
// (/omise/* -> the emulator, adding the secret key on the server side), and a place the
// page posts what it saw (POST /__result); and headless Chromium and Firefox started as
// plain processes on a page's URL (no driver, nothing downloaded: Debian's browsers).
import { createServer, request as httpRequest } from 'node:http';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import assert from 'node:assert/strict';
import { EMU, AUTH, emulatorGet } from './helpers.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
};

function forward(req, res, target, path, headers) {
  const up = httpRequest({ host: target.hostname, port: target.port, method: req.method, path, headers }, (upRes) => {
    res.writeHead(upRes.statusCode, upRes.headers);
    upRes.pipe(res);
  });
  up.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end(); });
  req.pipe(up);
}

async function serveFile(res, root, pathname) {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, rel === '/' ? 'index.html' : rel);
  try {
    if (!(await stat(file)).isFile()) file = join(file, 'index.html');
    await stat(file);
  } catch {
    res.writeHead(404); res.end(); return;
  }
  res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

/**
 * Serves `root` (static files) or forwards to `upstream` (a framework's server), with the
 * Omise proxy at /omise/* and POST /__result?run=ID. `result(ID)` resolves with what the
 * page opened with `run=ID` in its query posts first.
 */
export async function pageServer({ root, upstream }) {
  const emulator = new URL(EMU);
  const waiting = new Map(); // run id -> resolve
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/__result' && req.method === 'POST') {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        res.writeHead(204); res.end();
        // Only the first post of a run counts (React's dev mode runs effects twice).
        const run = url.searchParams.get('run');
        waiting.get(run)?.(body);
        waiting.delete(run);
      });
      return;
    }
    if (url.pathname.startsWith('/omise/')) {
      const headers = { authorization: AUTH };
      for (const h of ['content-type', 'content-length', 'omise-version', 'accept']) {
        if (req.headers[h]) headers[h] = req.headers[h];
      }
      forward(req, res, emulator, url.pathname.slice('/omise'.length) + url.search, headers);
      return;
    }
    if (upstream) forward(req, res, new URL(upstream), req.url, { ...req.headers });
    else serveFile(res, root, url.pathname);
  });
  // WebSockets (a dev server's hot reload) go through to the upstream as they are.
  server.on('upgrade', (req, socket, head) => {
    if (!upstream) { socket.destroy(); return; }
    const target = new URL(upstream);
    const up = connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      up.write(lines.join('\r\n') + '\r\n\r\n');
      up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    result: (run) => new Promise((resolve) => waiting.set(run, resolve)),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((f) => existsSync(f));
export const BROWSERS = ['chromium', ...(FIREFOX || process.env.CI ? ['firefox'] : [])];

// Firefox: no first-run pages, updates, telemetry or other traffic beyond the page.
const FIREFOX_PREFS = {
  'app.update.enabled': false, 'app.normandy.enabled': false, 'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore', 'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false, 'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false, 'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false, 'extensions.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
  'browser.newtabpage.enabled': false, 'browser.startup.page': 0, 'network.dns.disablePrefetch': true,
  'network.prefetch-next': false, 'media.gmp-manager.updateEnabled': false, 'remote.enabled': false,
};

/**
 * Opens `url` in headless `browser` ('chromium' or 'firefox') and resolves with the
 * result the page posts to `server`; the browser is stopped either way.
 */
export async function resultFromBrowser(browser, server, url, timeoutMs = 90_000) {
  const run = `${browser}-${Math.random().toString(36).slice(2)}`;
  const page = new URL(url);
  page.searchParams.set('run', run);
  url = page.href;
  const profile = await mkdtemp(join(tmpdir(), `omise-wasm-${browser}-`));
  let cmd, args;
  if (browser === 'chromium') {
    cmd = '/usr/bin/chromium';
    args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', `--user-data-dir=${profile}`, url];
  } else {
    if (!FIREFOX) throw new Error('Firefox is not installed (scripts/bootstrap.sh installs firefox-esr)');
    await writeFile(join(profile, 'user.js'), Object.entries(FIREFOX_PREFS)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n');
    cmd = FIREFOX;
    args = ['--headless', '--no-remote', '--profile', profile, url];
  }
  const child = spawn(cmd, args, {
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOME: profile, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let timer;
  try {
    const body = await Promise.race([
      server.result(run),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${browser} posted no result within ${timeoutMs} ms:\n${output.slice(-4000)}`)), timeoutMs);
      }),
      exited.then((code) => { throw new Error(`${browser} exited (${code}) before the page posted a result:\n${output.slice(-4000)}`); }),
    ]);
    return JSON.parse(body);
  } finally {
    clearTimeout(timer);
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    await exited;
    await rm(profile, { recursive: true, force: true });
  }
}

/** The browser-side script every test page runs: calls the package and posts what it saw. */
export const PAGE_CHECKS = `
const PDF = new TextEncoder().encode('%PDF-1.4\\n1 0 obj << >> endobj\\ntrailer << >>\\n%%EOF\\n');

export async function checks(Omise, api) {
  const result = {};
  const omise = new Omise({ baseUrl: '/omise' }); // the merchant's proxy adds the key
  const list = await omise.disputes.list({ limit: 5 });
  result.list = { object: list.object, total: list.total, ids: list.data.map((d) => d.id) };
  const open = await omise.disputes.listOpen({ limit: 1 });
  const progress = [];
  const doc = await omise.documents.upload(open.data[0].id, new Blob([PDF], { type: 'application/pdf' }), {
    kind: 'proof_of_receipt', filename: 'delivery.pdf', onProgress: (e) => progress.push([e.loaded, e.total]),
  });
  result.upload = { object: doc.object, id: doc.id, filename: doc.filename, progress };
  try {
    new Omise({ secretKey: 'skey_test_emulator', baseUrl: api });
    result.refused = null;
  } catch (e) {
    result.refused = { name: e.name, code: e.code, leaks: String(e.message).includes('skey_test_emulator') };
  }
  try {
    await omise.disputes.retrieve('dspt_test_0nosuchdispute000000');
  } catch (e) {
    result.notFound = { name: e.name, code: e.code, status: e.status };
  }
  return result;
}

export async function report(run) {
  let result;
  try {
    result = await run();
  } catch (e) {
    result = { failed: { name: e && e.name, code: e && e.code, message: String(e && e.message) } };
  }
  const id = new URLSearchParams(location.search).get('run');
  await fetch('/__result?run=' + encodeURIComponent(id), { method: 'POST', body: JSON.stringify(result) });
}
`;

/** What PAGE_CHECKS must have seen: the emulator's disputes, an uploaded PDF, the key refused, a typed 404. */
export async function assertPageChecks(result) {
  assert.equal(result.failed, undefined, `the page failed: ${JSON.stringify(result.failed)}`);
  const expected = await emulatorGet('/disputes?limit=5');
  assert.equal(result.list.object, 'list');
  assert.equal(result.list.total, expected.total);
  assert.deepEqual(result.list.ids, expected.data.map((d) => d.id));
  assert.equal(result.upload.object, 'document');
  assert.match(result.upload.id, /^docu_[0-9a-z_]+$/);
  assert.equal(result.upload.filename, 'delivery.pdf');
  assert.ok(result.upload.progress.length > 0, 'onProgress was called');
  const [loaded, total] = result.upload.progress.at(-1);
  assert.equal(loaded, total, 'the last progress event has loaded === total');
  assert.deepEqual(result.refused, { name: 'OmiseValidationError', code: 'secret_key_in_browser', leaks: false });
  assert.deepEqual(result.notFound, { name: 'OmiseApiError', code: 'not_found', status: 404 });
}
